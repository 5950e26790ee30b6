/** A return's status in words, coloured by what it asks of the merchant or the node. */
import { useText } from '../../i18n.tsx'
import { returnStatusText, type ReturnStatus } from './words.ts'

const tone: Record<ReturnStatus, string> = {
  requested: 'warn', approved: 'warn', in_transit: 'warn', received: 'warn', inspected: 'good', closed: 'good', rejected: 'bad', cancelled: 'muted',
}

export function ReturnBadge({ status }: { status: ReturnStatus }) {
  const s = useText(returnStatusText)
  return <span class={`badge ${tone[status]}`}>{s[status]}</span>
}
