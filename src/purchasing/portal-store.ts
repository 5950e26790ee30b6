/** The supplier portal's reads: every open PO line with its order's header, and the slots customers are promised on. */
import type { Queryable } from '../store/db.ts'
import { promisedSlotsOf } from '../supply/index.ts'
import { poLineOf, type PoLineRow } from './store.ts'
import type { PoLine, PoStatus } from './model.ts'

/** An open PO line with what the portal shows of its order. */
export interface OpenPoLine {
  line: PoLine
  supplierId: string
  destinationNodeId: string
  poReference: string | null
  poStatus: PoStatus
  poRequestedDate: number | null
}

type OpenLineRow = PoLineRow & {
  supplier_id: string; destination_node_id: string; po_reference: string | null; po_status: PoStatus; po_requested_date: number | string | null
}

/** POs in these states still expect goods (a draft is not sent; received, closed and cancelled ones expect nothing). */
const expectingStatuses = ['sent', 'confirmed', 'shipped', 'partially_received'] as const

/** Lines of sent POs with units still to come (open or accepted), of one supplier or of all. */
export async function openPoLines(q: Queryable, supplierId: string | undefined): Promise<OpenPoLine[]> {
  const rows = await q.all<OpenLineRow>(
    `SELECT pl.*, po.supplier_id, po.destination_node_id, po.reference AS po_reference, po.status AS po_status, po.requested_date AS po_requested_date
     FROM po_lines pl JOIN purchase_orders po ON po.id = pl.po_id
     WHERE po.status IN (${expectingStatuses.map(() => '?').join(', ')}) AND pl.status IN ('open', 'accepted')
       AND pl.quantity_ordered - pl.quantity_received - pl.quantity_cancelled > 0${supplierId === undefined ? '' : ' AND po.supplier_id = ?'}`,
    supplierId === undefined ? [...expectingStatuses] : [...expectingStatuses, supplierId])
  return rows.map((r) => ({
    line: poLineOf(r), supplierId: r.supplier_id, destinationNodeId: r.destination_node_id, poReference: r.po_reference,
    poStatus: r.po_status, poRequestedDate: r.po_requested_date === null ? null : Number(r.po_requested_date),
  }))
}

/** The slots of these POs that customers are promised on, each with the PO line it belongs to (a line's own slot, or `<asn>:<line>`). */
export async function promisedLineSlots(q: Queryable, poIds: readonly string[]) {
  const slots = []
  // In chunks: SQLite names each id as a parameter.
  for (let i = 0; i < poIds.length; i += 5000) slots.push(...(await promisedSlotsOf(q, poIds.slice(i, i + 5000))))
  return slots.map((s) => ({ slotId: s.id, skuId: s.skuId, nodeId: s.nodeId, group: s.id.slice(s.id.lastIndexOf(':') + 1) }))
}
