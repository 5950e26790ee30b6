/** Orders and order lines as stored: column lists for multi-row inserts and the row ↔ model mappers. */
import { insertMany, type Column } from '../store/sql.ts'
import type { RowSink } from '../inventory/index.ts'
import type { Param } from '../store/db.ts'
import type { Fulfilment, Order, OrderLine, OrderStatus, PaymentPlan } from './model.ts'

export const orderColumns: readonly Column[] = [
  ['id', 'text'], ['channel_id', 'text'], ['customer_id', 'text'], ['campaign_id', 'text'], ['status', 'text'], ['currency', 'text'],
  ['fulfilment', 'text'], ['payment', 'text'], ['total', 'bigint'], ['paid', 'bigint'], ['refunded', 'bigint'], ['due_at', 'bigint'],
  ['reference', 'text'], ['placed_at', 'bigint'], ['updated_at', 'bigint'],
]

/** A placed order's row also carries the idempotency key it was placed under and the request's hash (null without a key). */
export const placedOrderColumns: readonly Column[] = [...orderColumns, ['idem_key', 'text'], ['request_hash', 'text']]

export const orderLineColumns: readonly Column[] = [
  ['order_id', 'text'], ['line_no', 'integer'], ['sku_id', 'text'], ['node_id', 'text'], ['quantity', 'bigint'], ['unit_price', 'bigint'],
  ['stock_quantity', 'bigint'], ['allocations', 'text'], ['ship_by', 'bigint'], ['deliver_by', 'bigint'], ['first_ship_by', 'bigint'],
  ['priority_class', 'integer'], ['placed_at', 'bigint'], ['campaign_id', 'text'], ['customer_id', 'text'], ['status', 'text'],
  ['first_deliver_by', 'bigint'], ['first_node_id', 'text'],
]

export const orderValues = (o: Order): Param[] => [
  o.id, o.channelId, o.customerId, o.campaignId, o.status, o.currency, fulfilmentJson(o.fulfilment), paymentJson(o.payment),
  o.total, o.paid, o.refunded, o.dueAtMs, o.reference, o.placedAtMs, o.updatedAtMs,
]

const shipJsons = new Map<string, string>()

/** Orders of a flash sale ship to a handful of regions: one JSON text per region, not per order. */
function fulfilmentJson(f: Fulfilment): string {
  if (f.method !== 'ship') return JSON.stringify(f)
  let json = shipJsons.get(f.region)
  if (json === undefined) {
    json = JSON.stringify({ method: f.method, region: f.region })
    if (shipJsons.size < 1000) shipJsons.set(f.region, json)
  }
  return json
}

const paidInFullJson = JSON.stringify({ kind: 'full' })

const paymentJson = (p: PaymentPlan): string => (p.kind === 'full' ? paidInFullJson : JSON.stringify(p))

export const placedOrderValues = (o: Order, idemKey: string | null, requestHash: string | null): Param[] => [
  o.id, o.channelId, o.customerId, o.campaignId, o.status, o.currency, fulfilmentJson(o.fulfilment), paymentJson(o.payment),
  o.total, o.paid, o.refunded, o.dueAtMs, o.reference, o.placedAtMs, o.updatedAtMs, idemKey, requestHash,
]

/** The allocations column holds the parts, the unallocated units and the rule; the stock part has its own column for the ledger check. */
export function allocationsJson(l: OrderLine): string {
  const { parts, unallocated } = l.allocation
  // A flash sale's lines are one part each, mostly alike: one text per rule, part and day, not per line.
  if (parts.length !== 1 || unallocated !== 0) return allocationsText(l)
  const p = parts[0]
  let byPart = singlePartJsons.get(l.rule)
  if (!byPart) singlePartJsons.set(l.rule, (byPart = new Map()))
  const key = `${p.source}\u0000${p.kind}\u0000${p.quantity}\u0000${p.availableAtMs}`
  let json = byPart.get(key)
  if (json === undefined) {
    json = allocationsText(l)
    if (byPart.size < 1000) byPart.set(key, json)
  }
  return json
}

const allocationsText = (l: OrderLine): string =>
  `{"parts":${JSON.stringify(l.allocation.parts)},"unallocated":${l.allocation.unallocated},"rule":${ruleJson(l.rule)}}`

const singlePartJsons = new WeakMap<object, Map<string, string>>()
const ruleJsons = new WeakMap<object, string>()

/** Lines placed under one rule share the rule object: its JSON is made once, not once per order. */
function ruleJson(rule: OrderLine['rule']): string {
  let json = ruleJsons.get(rule)
  if (json === undefined) ruleJsons.set(rule, (json = JSON.stringify(rule)))
  return json
}

/** A line keeps its order's customer only in a campaign, where the per-customer limit counts it. */
export const orderLineValues = (o: Pick<Order, 'id' | 'campaignId' | 'customerId'>, l: OrderLine): Param[] => [
  o.id, l.lineNo, l.skuId, l.nodeId, l.quantity, l.unitPrice, l.allocation.stockQuantity, allocationsJson(l),
  l.shipByMs, l.deliverByMs, l.firstShipByMs, l.priorityClass, l.placedAtMs, o.campaignId, o.campaignId === null ? null : o.customerId, l.status,
  l.firstDeliverByMs, l.firstNodeId,
]

export interface OrderRow {
  id: string
  channel_id: string
  customer_id: string
  campaign_id: string | null
  status: string
  currency: string
  fulfilment: string
  payment: string
  total: number | string
  paid: number | string
  refunded: number | string
  /** Absent when a caller selected only the placement columns. */
  refund_due?: number | string
  due_at: number | string | null
  reference: string | null
  placed_at: number | string
  updated_at: number | string
}

export interface OrderLineRow {
  order_id: string
  line_no: number | string
  sku_id: string
  node_id: string
  quantity: number | string
  unit_price: number | string
  stock_quantity: number | string
  allocations: string
  ship_by: number | string | null
  deliver_by: number | string | null
  first_ship_by: number | string | null
  /** Absent on rows read by narrower selects; null on rows written before migration 15 backfilled it. */
  first_deliver_by?: number | string | null
  first_node_id?: string | null
  priority_class: number | string
  placed_at: number | string
  campaign_id: string | null
  customer_id: string | null
  status: string
  /** Absent on rows written before shipments (migration 12 defaults it). */
  shipped_quantity?: number | string
  delivered_at?: number | string | null
}

const numberOrNull = (v: number | string | null): number | null => (v === null ? null : Number(v))

export function orderLineOf(r: OrderLineRow): OrderLine {
  const { parts, unallocated, rule } = JSON.parse(r.allocations)
  return {
    lineNo: Number(r.line_no),
    skuId: r.sku_id,
    nodeId: r.node_id,
    quantity: Number(r.quantity),
    unitPrice: Number(r.unit_price),
    allocation: { stockQuantity: Number(r.stock_quantity), parts, unallocated },
    rule,
    shipByMs: numberOrNull(r.ship_by),
    deliverByMs: numberOrNull(r.deliver_by),
    firstShipByMs: numberOrNull(r.first_ship_by),
    firstDeliverByMs: numberOrNull(r.first_deliver_by ?? null),
    firstNodeId: r.first_node_id ?? r.node_id,
    priorityClass: Number(r.priority_class),
    placedAtMs: Number(r.placed_at),
    status: r.status as OrderLine['status'],
    shippedQuantity: Number(r.shipped_quantity ?? 0),
    deliveredAtMs: numberOrNull(r.delivered_at ?? null),
  }
}

export function orderOf(r: OrderRow, lines: OrderLine[]): Order {
  return {
    id: r.id,
    channelId: r.channel_id,
    customerId: r.customer_id,
    campaignId: r.campaign_id,
    status: r.status as OrderStatus,
    currency: r.currency,
    fulfilment: JSON.parse(r.fulfilment) as Fulfilment,
    payment: JSON.parse(r.payment) as PaymentPlan,
    total: Number(r.total),
    paid: Number(r.paid),
    refunded: Number(r.refunded),
    refundDue: Number(r.refund_due ?? 0),
    dueAtMs: numberOrNull(r.due_at),
    reference: r.reference,
    placedAtMs: Number(r.placed_at),
    updatedAtMs: Number(r.updated_at),
    lines: lines.sort((a, b) => a.lineNo - b.lineNo),
  }
}

/** An order the engine placed in a batch, with the idempotency key it was placed under (null without one). */
export interface PlacedOrder {
  order: Order
  idemKey: string | null
  requestHash: string | null
}

/** One line of an order placed in a batch. */
export interface PlacedLine {
  order: Order
  line: OrderLine
}

/** Orders placed in an engine batch, written when it commits (one multi-row insert); presale reads them to count the batch's sales. */
export const placedOrderSink: RowSink<PlacedOrder> = {
  name: 'placed orders',
  write: (tx, rows) => insertMany(tx, 'orders', placedOrderColumns, rows.map((r) => placedOrderValues(r.order, r.idemKey, r.requestHash))),
}

export const placedLineSink: RowSink<PlacedLine> = {
  name: 'placed order lines',
  write: (tx, rows) => insertMany(tx, 'order_lines', orderLineColumns, rows.map((r) => orderLineValues(r.order, r.line))),
}
