/**
 * A presale order as the engine places it: one line on the campaign's quota slot, the deposit
 * plan, and a check run under the slot lock inside the batch — the campaign still selling, the
 * customer's limit (counting orders earlier in the same batch), the quota — that also fixes the
 * price of the tier reached at that moment, which is the price the customer is shown.
 */
import type { Queryable } from '../store/db.ts'
import { ok, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { newId } from '../kernel/ids.ts'
import type { Catalogue } from '../catalogue/index.ts'
import type { BatchLocal, BatchState, Idempotency } from '../inventory/index.ts'
import { dayMs, dayStartOf, effectivePolicy, loadPromisingSettings, transitDaysOf, type AllocationRule } from '../promising/index.ts'
import { placedLineSink, type Fulfilment, type Order, type PlaceInput, type ShipTo } from '../orders/index.ts'
import { admit, planOf, type Admission } from './decide.ts'
import { minuteMs, slotIdOf, type Campaign } from './model.ts'
import { balanceWindowOf, priceAt, promisedShipDay } from './rules.ts'
import { customerUnits, loadCampaign, unitsSold } from './store.ts'

export interface PresaleOrderInput {
  campaign: Campaign
  channelId: string
  customerId: string
  quantity: number
  /** The day the customer chose (customer_chosen campaigns only). */
  shipDayMs: number | null
  /** Delivery region; the campaign node's region when absent. */
  region: string | null
  reference: string | null
  priorityClass: number
  actor: string
  idem?: Idempotency
  /** Who the order ships to (personal data: the orders context checks and seals it). */
  shipTo?: ShipTo
}

/** A presale line takes nothing but its campaign's quota. */
export const presaleRule = (campaignId: string): AllocationRule => ({
  stock: false, virtual: false, virtualLeadDays: 0, slotKinds: [], slotIds: [campaignId], unconfirmedBufferDays: 0, horizonDayMs: null, maxBeyondStock: null,
})

/** Resolves a presale order into what the engine decides. Checks that need no lock come first, for a quick answer. */
export async function presalePlaceInput(q: Queryable, catalogue: Catalogue, input: PresaleOrderInput, nowMs: number): Promise<Result<PlaceInput>> {
  const c = input.campaign
  const early = admit({ ...admissionOf(c), unitsSold: 0, customerUnits: 0, quotaFree: Number.MAX_SAFE_INTEGER }, input.quantity, nowMs)
  if (!early.ok) return early
  const { policy } = await effectivePolicy(q, c.skuId, input.channelId)
  if (!policy.kinds.includes('presale')) {
    return fail('presale_not_sold_here', 'This channel does not sell the SKU in presale: its sell-ahead policy leaves presale out.', { kinds: policy.kinds })
  }
  const planned = balanceWindowOf(c.endsAtMs, c.balanceWindowHours)
  const shipDay = promisedShipDay(c.shipDate, planned.byMs, input.shipDayMs)
  if (!shipDay.ok) return shipDay
  const node = await catalogue.resolveNode(c.nodeId)
  if (!node || !node.active) return fail('node_inactive', 'The node this campaign ships from is not active.')
  const settings = await loadPromisingSettings(q)
  const fulfilment: Fulfilment = { method: 'ship', region: input.region ?? node.region }
  // The line ships on its promised day: the quota slot's day (read under the lock) plus these days.
  let slotReadyMs = shipDay.value
  const price = priceAt(c.pricing, 0)
  const plan = planOf(c, price, input.quantity)
  const order: Omit<Order, 'lines'> = {
    id: newId('ord'), channelId: input.channelId, customerId: input.customerId, campaignId: c.id, status: 'pending_deposit', currency: c.currency,
    fulfilment, payment: plan.payment, total: plan.total, paid: 0, refunded: 0, dueAtMs: nowMs + c.depositDeadlineMinutes * minuteMs,
    reference: input.reference, placedAtMs: nowMs, updatedAtMs: nowMs,
  }
  const place: PlaceInput = {
    order,
    lines: [{ skuId: c.skuId, nodeIds: [c.nodeId], quantity: input.quantity, unitPrice: price, rule: presaleRule(c.id), priorityClass: input.priorityClass }],
    calendar: { handlingDays: () => Math.round((shipDay.value - slotReadyMs) / dayMs), transitDays: () => transitDaysOf(settings, node.region, fulfilment) },
    actor: input.actor,
    idem: input.idem,
    prepare: (tx, state) => prepareAdmission(tx, state, c.id, input.channelId, input.customerId),
  }
  place.check = (state) => {
    const admitted = admitInBatch(state, c, input.channelId, input.customerId, input.quantity)
    if (!admitted.ok) return admitted
    slotReadyMs = Math.max(dayStartOf(state.nowMs), admitted.value.slotReadyMs)
    // The price of the tier reached under the lock is the price shown: set it on the order being placed.
    const fixed = planOf(c, admitted.value.unitPrice, input.quantity)
    place.lines[0].unitPrice = admitted.value.unitPrice
    place.order.total = fixed.total
    place.order.payment = fixed.payment
    return undefined
  }
  return ok(place)
}

const admissionOf = (c: Campaign): Pick<Admission, 'status' | 'startsAtMs' | 'endsAtMs' | 'perCustomerLimit' | 'pricing'> => ({
  status: c.status, startsAtMs: c.startsAtMs, endsAtMs: c.endsAtMs, perCustomerLimit: c.perCustomerLimit, pricing: c.pricing,
})

interface CampaignMemo {
  admission: ReturnType<typeof admissionOf> | null
  sold: number
}

/** Units of presale orders the batch has decided so far, by campaign and by campaign × customer; read from the batch's placed lines. */
interface BatchScan {
  /** Placed lines already counted. */
  lines: number
  sold: Map<string, number>
  byCustomer: Map<string, number>
}

/** A customer is a channel's customer: the same id on two channels is two shoppers. */
const customerKey = (id: string, channelId: string, customerId: string) => `${id}\u0000${channelId}\u0000${customerId}`

/** What a batch keeps about campaigns: each campaign as loaded once locked, and units each customer had already ordered. */
const campaignsOfBatch: BatchLocal<Map<string, CampaignMemo>> = { name: 'presale campaigns', init: () => new Map() }
const customerUnitsOfBatch: BatchLocal<Map<string, number>> = { name: 'presale customer units', init: () => new Map() }
const scanOfBatch: BatchLocal<BatchScan> = { name: 'presale scan', init: () => ({ lines: 0, sold: new Map(), byCustomer: new Map() }) }

/**
 * Loads, once the position is locked, the campaign as it now is and the units already ordered
 * (all of it, and the customer's). Every writer of a campaign takes this position lock first,
 * so nothing changes these between here and the batch's commit.
 */
async function prepareAdmission(tx: Queryable, state: BatchState, campaignId: string, channelId: string, customerId: string): Promise<void> {
  const campaigns = state.local(campaignsOfBatch)
  if (!campaigns.has(campaignId)) {
    const c = await loadCampaign(tx, campaignId)
    campaigns.set(campaignId, { admission: c ? admissionOf(c) : null, sold: c ? await unitsSold(tx, campaignId) : 0 })
  }
  const units = state.local(customerUnitsOfBatch)
  const key = customerKey(campaignId, channelId, customerId)
  if (!units.has(key)) units.set(key, await customerUnits(tx, campaignId, channelId, customerId))
}

/** Folds order lines the batch placed since the last look into the scan (the batch only appends). */
function scanBatch(state: BatchState): BatchScan {
  const scan = state.local(scanOfBatch)
  const placed = state.staged(placedLineSink)
  for (let i = scan.lines; i < placed.length; i++) {
    const { order, line } = placed[i]
    if (order.campaignId === null) continue
    scan.sold.set(order.campaignId, (scan.sold.get(order.campaignId) ?? 0) + line.quantity)
    const key = customerKey(order.campaignId, order.channelId, order.customerId)
    scan.byCustomer.set(key, (scan.byCustomer.get(key) ?? 0) + line.quantity)
  }
  scan.lines = placed.length
  return scan
}

function admitInBatch(state: BatchState, c: Campaign, channelId: string, customerId: string, quantity: number): Result<{ unitPrice: number; slotReadyMs: number }> {
  const memo = state.local(campaignsOfBatch).get(c.id)
  if (!memo?.admission) return fail('campaign_not_found', `No presale campaign '${c.code}'.`)
  const scan = scanBatch(state)
  const slot = state.slotsAt(c.skuId, c.nodeId).find((s) => s.id === slotIdOf(c))
  const key = customerKey(c.id, channelId, customerId)
  const admitted = admit({
    ...memo.admission,
    unitsSold: memo.sold + (scan.sold.get(c.id) ?? 0),
    customerUnits: (state.local(customerUnitsOfBatch).get(key) ?? 0) + (scan.byCustomer.get(key) ?? 0),
    quotaFree: slot ? slot.quantity - slot.promised : 0,
  }, quantity, state.nowMs)
  return admitted.ok ? ok({ ...admitted.value, slotReadyMs: slot?.availableAtMs ?? state.nowMs }) : admitted
}

