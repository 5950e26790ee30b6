/**
 * A new order as a channel sends it, resolved into what the engine decides: SKUs and nodes by
 * id or code, the candidate nodes of each line (the channel's, or the one named, or the pickup
 * store), the allocation rule per node from the sell-ahead policy, the calendar from the nodes'
 * handling times and the region, and the payment deadline from the promising settings.
 */
import type { Queryable } from '../store/db.ts'
import { isCurrency } from '../kernel/money.ts'
import { newId } from '../kernel/ids.ts'
import { invariant, ok, type Result } from '../kernel/result.ts'
import { fail, type OrderErrorCode } from './errors.ts'
import type { Catalogue, Channel, StockNode } from '../catalogue/index.ts'
import type { BatchState, Idempotency } from '../inventory/index.ts'
import { channelNodesOf, handlingDaysOf, loadRulesInBatch, recentPromisingSettings, rulesInBatch, tierPriority, transitDaysOf, type AllocationRule } from '../promising/index.ts'
import type { Fulfilment, Order } from './model.ts'
import type { PlaceInput, PlaceLine } from './place.ts'
import { loadCapacityInBatch, type Routing } from '../routing/index.ts'

export interface CreateOrderInput {
  channel: Channel
  customerId: string
  currency: string
  lines: Array<{ sku: string; quantity: number; unitPrice: number; node?: string }>
  fulfilment: { method: 'ship'; region: string } | { method: 'pickup'; nodeId: string }
  reference: string | null
  customerTier: string | null
  actor: string
  idem?: Idempotency
}

/** Who places an order: a channel for its customers (on its own channel only), or the merchant for a channel it names. */
export interface Placer {
  /** `role/tokenId`, written on the order. */
  actor: string
  /** The caller's role, named when it is refused. */
  role: string
  /** A channel placing for its customers: its own channel, by id or code. Absent for the merchant. */
  ownChannel?: string
}

/** A new order as sent: who places it, on which channel (the merchant must name one), and the order itself. */
export interface PlaceRequest {
  by: Placer
  channel?: string
  customerId: string
  /** ISO 4217; `defaultCurrency` when absent. */
  currency?: string
  lines: CreateOrderInput['lines']
  fulfilment: CreateOrderInput['fulfilment']
  reference?: string
  customerTier?: string
  idem?: Idempotency
}

/** The currency of an order that names none. */
export const defaultCurrency = 'CNY'

/** A channel placing for a customer must send an idempotency key: a retried order must never be placed twice. */
export function requireKeyOfChannel(by: Placer, idem: Idempotency | undefined): Result<void> {
  if (idem === undefined && by.ownChannel !== undefined) return fail('idempotency_key_required', 'Send an Idempotency-Key header: a retried order must never be placed twice.')
  return ok(undefined)
}

/**
 * The channel an order is placed through: a channel's own; the merchant must name one. A channel
 * naming another channel hears what it would for one that does not exist (existence is not revealed).
 */
export async function channelToPlace(catalogue: Catalogue, by: Placer, named: string | undefined): Promise<Result<Channel>> {
  const ref = by.ownChannel ?? named
  if (ref === undefined) return fail('channel_required', 'Name the channel the order is placed through.')
  const channel = await catalogue.resolveChannel(ref)
  if (!channel) return fail('unknown_channel', `No channel with id or code '${ref}'.`)
  if (by.ownChannel !== undefined && named !== undefined && named !== channel.id && named !== channel.code) {
    return fail('unknown_channel', `No channel with id or code '${named}'.`)
  }
  return ok(channel)
}

/** Checks, in this order, the idempotency key, who places on which channel, then the order itself (`placeInputOf`). */
export async function placeRequestOf(q: Queryable, catalogue: Catalogue, request: PlaceRequest, nowMs: number, routing?: Routing): Promise<Result<PlaceInput>> {
  const keyed = requireKeyOfChannel(request.by, request.idem)
  if (!keyed.ok) return keyed
  const channel = await channelToPlace(catalogue, request.by, request.channel)
  if (!channel.ok) return channel
  return placeInputOf(q, catalogue, {
    channel: channel.value, customerId: request.customerId, currency: request.currency ?? defaultCurrency, lines: request.lines, fulfilment: request.fulfilment,
    reference: request.reference ?? null, customerTier: request.customerTier ?? null, actor: request.by.actor, idem: request.idem,
  }, nowMs, routing)
}

const unprocessable = (code: OrderErrorCode, detail: string, line?: number) => fail(code, detail, line === undefined ? undefined : { line })

export async function placeInputOf(q: Queryable, catalogue: Catalogue, input: CreateOrderInput, nowMs: number, routing?: Routing): Promise<Result<PlaceInput>> {
  const { channel } = input
  if (!channel.active) return unprocessable('channel_inactive', `Channel ${channel.code} is not selling.`)
  if (!isCurrency(input.currency)) return unprocessable('unknown_currency', `'${input.currency}' is not an ISO 4217 currency code (such as CNY).`)
  const settings = await recentPromisingSettings(q)
  const priorityClass = input.customerTier === null ? 0 : tierPriority(settings, input.customerTier)
  if (priorityClass === undefined) return unprocessable('unknown_customer_tier', `No customer tier '${input.customerTier}' in the promising settings.`)
  const channelNodes = await channelNodesOf(catalogue, channel)
  const nodeNamed = (ref: string) => channelNodes.find((n) => n.id === ref || n.code === ref)
  let fulfilment: Fulfilment = { method: 'ship', region: input.fulfilment.method === 'ship' ? input.fulfilment.region : '' }
  let pickup: StockNode | undefined
  if (input.fulfilment.method === 'pickup') {
    pickup = nodeNamed(input.fulfilment.nodeId)
    if (!pickup) return unprocessable('unknown_node', `No node '${input.fulfilment.nodeId}' that channel ${channel.code} sells from.`)
    fulfilment = { method: 'pickup', nodeId: pickup.id }
  }
  const many = input.lines.length > 1
  const resolved: Array<{ skuId: string; candidateNodes: StockNode[]; quantity: number; unitPrice: number }> = []
  let total = 0
  for (const [i, l] of input.lines.entries()) {
    const at = many ? i : undefined
    const sku = await catalogue.resolveSku(l.sku)
    if (!sku || !sku.active) return unprocessable('unknown_sku', `${many ? `Line ${i + 1}: n` : 'N'}o SKU on sale with id or code '${l.sku}'.`, at)
    const named = l.node === undefined ? undefined : nodeNamed(l.node)
    if (l.node !== undefined && !named) return unprocessable('unknown_node', `${many ? `Line ${i + 1}: n` : 'N'}o node '${l.node}' that channel ${channel.code} sells from.`, at)
    if (pickup && named && named.id !== pickup.id) return unprocessable('node_not_pickup', `Line ${i + 1} names ${named.code}, but the order is collected at ${pickup.code}.`, at)
    const candidateNodes = pickup ? [pickup] : named ? [named] : channelNodes
    if (candidateNodes.length === 0) return unprocessable('no_nodes', `Channel ${channel.code} sells from no active node.`)
    resolved.push({ skuId: sku.id, candidateNodes, quantity: l.quantity, unitPrice: l.unitPrice })
    total += l.quantity * l.unitPrice
  }
  // A routed line is considered only at the nodes that hold or expect its SKU (a shop with fifty nodes stocks most SKUs at a few).
  const holding = routing && !pickup && channelNodes.length > 1 ? await routing.nodesWithSupply(resolved.map((l) => l.skuId)) : undefined
  const lines: PlaceLine[] = []
  /** Every line's candidates, in the channel's order. */
  const candidates = new Map<string, StockNode>()
  for (const { skuId, candidateNodes: all, quantity, unitPrice } of resolved) {
    const held = holding && all.length > 1 ? all.filter((n) => holding.get(skuId)?.has(n.id)) : all
    // No node holds it: every node, so the refusal is the allocation's own.
    const candidateNodes = held.length > 0 ? held : all
    const nodeIds = candidateNodes.map((n) => n.id)
    for (const n of candidateNodes) candidates.set(n.id, n)
    lines.push({
      skuId, nodeIds, quantity, unitPrice,
      rule: lineRule(skuId, channel.id, nodeIds), stockBuffer: channel.safetyBuffer, channelId: channel.id, priorityClass,
    })
  }
  if (!Number.isSafeInteger(total)) return unprocessable('total_too_large', 'The order total is too large.')
  // Nothing could ever be paid (payments are at least 1), so the order would only hold stock until its deadline.
  if (total === 0) return unprocessable('zero_total', 'The order costs nothing and could never be paid: free items go on an order with a paid line.')
  /** Lines are placed only at the channel's nodes (a handful: a search costs less than a map per order). */
  const nodeOf = (nodeId: string): StockNode => {
    const node = channelNodes.find((n) => n.id === nodeId)
    invariant(node, "lines are placed at the channel's nodes")
    return node
  }
  const order: Omit<Order, 'lines'> = {
    id: newId('ord'), channelId: channel.id, customerId: input.customerId, campaignId: null, status: 'pending_payment', currency: input.currency,
    fulfilment, payment: { kind: 'full' }, total, paid: 0, refunded: 0, dueAtMs: nowMs + settings.paymentWindowMinutes * 60_000,
    reference: input.reference, placedAtMs: nowMs, updatedAtMs: nowMs,
  }
  const ordered = [...candidates.values()].sort((a, b) => channelNodes.indexOf(a) - channelNodes.indexOf(b))
  const skipped = channelNodes.filter((n) => !candidates.has(n.id) && !pickup)
  const orderRouting = routing && await routing.orderRouting(channel, ordered, { region: fulfilment.method === 'ship' ? fulfilment.region : null }, pickup !== undefined, settings, skipped)
  return ok({
    order,
    lines,
    routing: orderRouting,
    calendar: {
      handlingDays: (nodeId) => handlingDaysOf(nodeOf(nodeId).handlingTimeHours),
      transitDays: (nodeId) => transitDaysOf(settings, nodeOf(nodeId).region, fulfilment),
    },
    actor: input.actor,
    idem: input.idem,
    prepare: async (tx, state) => {
      for (const line of lines) await loadRulesInBatch(tx, state, line.skuId, channel.id, line.nodeIds, settings)
      if (orderRouting) await loadCapacityInBatch(tx, state, orderRouting)
    },
  })
}

/** A line's rule per node, read from its batch's loaded rules once per batch (not once per candidate node). */
function lineRule(skuId: string, channelId: string, nodeIds: readonly string[]): (state: BatchState, nodeId: string) => AllocationRule {
  let kept: { state: BatchState; rules: ReadonlyMap<string, AllocationRule> } | undefined
  return (state, nodeId) => {
    if (kept?.state !== state) kept = { state, rules: rulesInBatch(state, skuId, channelId, nodeIds) }
    const rule = kept.rules.get(nodeId)
    invariant(rule, 'rules are loaded in the batch before its lines are decided')
    return rule
  }
}
