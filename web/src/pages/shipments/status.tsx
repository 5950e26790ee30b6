/** A shipment's status in words, coloured by what it asks of the node. */
import { useText } from '../../i18n.tsx'
import { shipmentStatusText, type ShipmentStatus } from './text.ts'

const tone: Record<ShipmentStatus, string> = {
  created: 'muted', released: 'warn', accepted: 'warn', picking: 'warn', packed: 'warn', ready_for_pickup: 'warn', collected: 'good', expired: 'bad', shipped: 'good', delivered: 'good', cancelled: 'bad',
}

export function ShipmentBadge({ status }: { status: ShipmentStatus }) {
  const s = useText(shipmentStatusText)
  return <span class={`badge ${tone[status]}`}>{s[status]}</span>
}
