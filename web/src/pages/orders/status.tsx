/** An order's status in words, coloured by what it asks of the reader. */
import { useText } from '../../i18n.tsx'
import type { OrderStatus } from './filters.ts'
import { statusText } from './text.ts'

const tone: Record<OrderStatus, string> = {
  pending_payment: 'warn', pending_deposit: 'warn', deposit_paid: 'muted', paid: 'good', shipped: 'good', delivered: 'good', cancelled: 'bad',
}

export function StatusBadge({ status }: { status: OrderStatus }) {
  const s = useText(statusText)
  return <span class={`badge ${tone[status]}`}>{s[status]}</span>
}
