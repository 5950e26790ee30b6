/**
 * Future supply as the promising engine reads it (DOMAIN.md §3): open purchase-order lines and
 * their in-transit ASNs, transfers on their way, and suppliers' virtual supply, each a dated
 * quantity with a confidence. PO supply comes from the same pure `supplyOfPo` that the
 * supply-change events are built from, so the view and the events can never disagree.
 */
import type { Queryable } from '../store/db.ts'
import { Where } from '../store/where.ts'
import { openTransfersTo, transferSupply } from '../inventory/index.ts'
import { type Asn, type SupplyConfidence, type SupplyLine } from './model.ts'
import { asnsOf, groupBy, poLineOf, poOf, type AsnLineRow, type AsnRow, type PoLineRow, type PoRow } from './store.ts'
import { supplyOfPo } from './supply.ts'
import { supplyLineOf, virtualSupply } from './virtual.ts'

export interface SupplyFilter {
  skuId?: string
  /** The node the supply arrives at. */
  nodeId?: string
  /** Only this supplier's POs and virtual supply (transfers have no supplier and are left out). */
  supplierId?: string
}

/** POs in these states may still bring goods; drafts are not supply until sent. */
const openStatuses = ['sent', 'confirmed', 'shipped', 'partially_received'] as const

/** Every dated unit of supply matching the filter, ordered by SKU, node, date (unknown last) and confidence. */
export async function supplyView(q: Queryable, filter: SupplyFilter, nowMs: number): Promise<SupplyLine[]> {
  const lines = [
    ...(await purchaseOrderSupply(q, filter)),
    ...(filter.supplierId === undefined ? await transferLines(q, filter) : []),
    ...(await virtualLines(q, filter, nowMs)),
  ]
  return lines.sort(compareSupply)
}

/**
 * Open POs in four statements whatever their number: headers, lines, ASN headers and ASN lines
 * all select through the same PO filter, so there is no query per PO.
 */
async function purchaseOrderSupply(q: Queryable, filter: SupplyFilter): Promise<SupplyLine[]> {
  const po = poWhere(filter)
  const headers = await q.all<PoRow>(`SELECT po.* FROM purchase_orders po WHERE ${po.conditions}`, po.params)
  if (headers.length === 0) return []
  const skuOnly = filter.skuId === undefined ? '' : ' AND l.sku_id = ?'
  const lineRows = await q.all<PoLineRow>(
    `SELECT l.* FROM po_lines l JOIN purchase_orders po ON po.id = l.po_id WHERE ${po.conditions}${skuOnly}`,
    filter.skuId === undefined ? po.params : [...po.params, filter.skuId])
  const asns = await inTransitAsns(q, po)
  const linesByPo = groupBy(lineRows, (l) => l.po_id)
  const asnsByPo = groupBy(asns, (a) => a.poId)
  // Only the filtered SKU's lines were loaded; supplyOfPo decides each line on its own.
  return headers.flatMap((h) => supplyOfPo(poOf(h, (linesByPo.get(h.id) ?? []).map(poLineOf)), asnsByPo.get(h.id) ?? []))
}

function poWhere(filter: SupplyFilter): Where {
  const where = new Where()
    .among('po.status', openStatuses)
    .eq('po.destination_node_id', filter.nodeId)
    .eq('po.supplier_id', filter.supplierId)
  if (filter.skuId !== undefined) where.add('po.id IN (SELECT po_id FROM po_lines WHERE sku_id = ?)', filter.skuId)
  return where
}

/** In-transit ASNs of the selected POs, with their lines; received and cancelled ASNs bring nothing more. */
async function inTransitAsns(q: Queryable, po: Where): Promise<Asn[]> {
  const from = `FROM asns a JOIN purchase_orders po ON po.id = a.po_id WHERE a.status = 'in_transit' AND ${po.conditions}`
  const rows = await q.all<AsnRow>(`SELECT a.* ${from} ORDER BY a.id`, po.params)
  if (rows.length === 0) return []
  const lineRows = await q.all<AsnLineRow>(`SELECT al.* FROM asn_lines al JOIN (SELECT a.id ${from}) s ON s.id = al.asn_id`, po.params)
  return asnsOf(rows, lineRows)
}

/** Transfers set aside at their origin or on the way, counted at their destination. */
async function transferLines(q: Queryable, filter: SupplyFilter): Promise<SupplyLine[]> {
  return (await openTransfersTo(q, filter.skuId, filter.nodeId)).flatMap(transferSupply)
}

/** A supplier's declaration counts from today plus its lead time: the earliest it could be there if ordered now. */
async function virtualLines(q: Queryable, filter: SupplyFilter, nowMs: number): Promise<SupplyLine[]> {
  const declared = await virtualSupply(q, { skuId: filter.skuId, nodeId: filter.nodeId, supplierId: filter.supplierId })
  return declared.filter((v) => v.quantity > 0).map((v) => supplyLineOf(v, nowMs))
}

/** Best first. */
export const confidenceOrder: readonly SupplyConfidence[] = ['on_hand', 'shipped', 'confirmed', 'unconfirmed', 'virtual']

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** SKU, node, expected date (unknown last), confidence (best first), then source for a stable order. */
export function compareSupply(a: SupplyLine, b: SupplyLine): number {
  return byText(a.skuId, b.skuId) || byText(a.nodeId, b.nodeId)
    || compareDates(a.expectedDate, b.expectedDate)
    || confidenceOrder.indexOf(a.confidence) - confidenceOrder.indexOf(b.confidence)
    || byText(a.sourceType, b.sourceType) || byText(a.sourceId, b.sourceId) || byText(a.poLineId ?? '', b.poLineId ?? '')
}

/** Unknown dates sort after every known one. */
const compareDates = (a: number | null, b: number | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b

/** One step of a time-phased view: what arrives on a day at one confidence, and everything by then. */
export interface SupplyStep {
  /** Epoch ms of the day; null: no date yet (counted last). */
  date: number | null
  confidence: SupplyConfidence
  quantity: number
  /** Units expected by this step, this step included. */
  cumulative: number
}

export interface SupplyLadder {
  skuId: string
  nodeId: string
  steps: SupplyStep[]
}

/**
 * Per SKU × node, the supply added up in date order: one step per day and confidence, so a reader
 * can see how much arrives by any day and how sure each part is. Expects lines in `supplyView` order.
 */
export function supplyLadder(lines: readonly SupplyLine[]): SupplyLadder[] {
  const ladders: SupplyLadder[] = []
  for (const line of [...lines].sort(compareSupply)) {
    let ladder = ladders.at(-1)
    if (!ladder || ladder.skuId !== line.skuId || ladder.nodeId !== line.nodeId) {
      ladder = { skuId: line.skuId, nodeId: line.nodeId, steps: [] }
      ladders.push(ladder)
    }
    const last = ladder.steps.at(-1)
    const cumulative = (last?.cumulative ?? 0) + line.quantity
    if (last && last.date === line.expectedDate && last.confidence === line.confidence) {
      last.quantity += line.quantity
      last.cumulative = cumulative
    } else {
      ladder.steps.push({ date: line.expectedDate, confidence: line.confidence, quantity: line.quantity, cumulative })
    }
  }
  return ladders
}
