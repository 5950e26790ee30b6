/** Pure rules of shipments: which units a new shipment takes, what a partial shipment ships and leaves, which lines are delivered in full. */
import { ok, type Result } from '../kernel/result.ts'
import type { LineQuantity, Order } from '../orders/index.ts'
import { fail } from './errors.ts'
import { activeStatuses, type Shipment, type ShipmentLine } from './model.ts'

/**
 * The units of the order's open lines that no shipment covers yet, by node: what new shipments
 * take. A shipment covers its open lines while it is active, and the units it shipped after.
 */
export function uncoveredByNode(order: Order, shipments: readonly Shipment[]): Map<string, ShipmentLine[]> {
  const covered = new Map<number, number>()
  for (const s of shipments) {
    if (s.status === 'cancelled' || s.status === 'expired') continue
    for (const l of s.lines) if (l.status === 'open') covered.set(l.lineNo, (covered.get(l.lineNo) ?? 0) + l.quantity)
  }
  const byNode = new Map<string, ShipmentLine[]>()
  for (const line of order.lines) {
    if (line.status !== 'open') continue
    const quantity = line.quantity - Math.max(line.shippedQuantity, covered.get(line.lineNo) ?? 0)
    if (quantity <= 0) continue
    const lines = byNode.get(line.nodeId) ?? []
    lines.push({ lineNo: line.lineNo, skuId: line.skuId, quantity, status: 'open' })
    byNode.set(line.nodeId, lines)
  }
  return byNode
}

/** What a ship action sends (every open line in full when `requested` is absent) and what stays for a new shipment. */
export function splitForShipping(s: Shipment, requested: readonly LineQuantity[] | undefined): Result<{ ship: LineQuantity[]; rest: ShipmentLine[] }> {
  const open = s.lines.filter((l) => l.status === 'open')
  if (!requested) return ok({ ship: open.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })), rest: [] })
  const seen = new Set<number>()
  for (const r of requested) {
    const line = open.find((l) => l.lineNo === r.lineNo)
    if (!line || seen.has(r.lineNo) || r.quantity > line.quantity) {
      return fail('invalid_shipment_lines', `Line ${r.lineNo} is not an open line of shipment ${s.id} with ${r.quantity} units (each line once, at most its quantity).`,
        { lineNo: r.lineNo })
    }
    seen.add(r.lineNo)
  }
  const rest: ShipmentLine[] = []
  for (const l of open) {
    const left = l.quantity - (requested.find((r) => r.lineNo === l.lineNo)?.quantity ?? 0)
    if (left > 0) rest.push({ ...l, quantity: left })
  }
  return ok({ ship: [...requested], rest })
}

/** Order lines whose every unit is in a delivered (or collected) shipment (`shipments` counts the one being delivered). */
export function linesDeliveredInFull(order: Order, shipments: readonly Shipment[]): number[] {
  const delivered = new Map<number, number>()
  for (const s of shipments) {
    if (s.status !== 'delivered' && s.status !== 'collected') continue
    for (const l of s.lines) if (l.status === 'open') delivered.set(l.lineNo, (delivered.get(l.lineNo) ?? 0) + l.quantity)
  }
  return order.lines.filter((l) => l.status === 'shipped' && (delivered.get(l.lineNo) ?? 0) >= l.quantity).map((l) => l.lineNo)
}

export const isActive = (s: Shipment): boolean => activeStatuses.includes(s.status)
