/**
 * Presale campaigns: terms, publishing (the quota becomes a supply slot in the same
 * transaction), raising the quota, placing orders through the orders service (and so the
 * engine), ending with repricing, cancelling with full refunds, converting arrived stock, late
 * compensation and demand. Every writer of a campaign locks its position first, the way engine
 * batches do, so a campaign never changes under a batch that is admitting orders to it.
 */
import type { Logger } from 'pino'
import { txResult, type Db, type Queryable } from '../store/db.ts'
import { isUniqueViolation } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { newId } from '../kernel/ids.ts'
import { ok, type Result } from '../kernel/result.ts'
import { fail, notFound } from './errors.ts'
import type { Catalogue } from '../catalogue/index.ts'
import type { BatchState, Inventory } from '../inventory/index.ts'
import { slotById, slotFree, type SupplySlot } from '../supply/index.ts'
import { campaignOrderIds, campaignsWithLinesWaiting, type Order, type Orders } from '../orders/index.ts'
import { dayMs, handlingDaysOf } from '../promising/index.ts'
import type { Suppliers } from '../purchasing/index.ts'
import { decideQuota, decideTerms, termsInputOf, type TermsInput } from './decide.ts'
import { checkCampaignAction } from './lifecycle.ts'
import { slotIdOf, type Campaign, type CampaignStatus } from './model.ts'
import { presalePlaceInput, type PresaleOrderInput } from './place.ts'
import { balanceWindowOf, slotDayOf } from './rules.ts'
import { campaignEvent, endedCampaignsAmong, insertCampaign, listCampaigns, loadCampaign, saveCampaign, unitsSold } from './store.ts'
import { endCampaign, repriceCampaign } from './end.ts'
import { allocateArrivedStock, compensateLate, onPresaleTransition } from './fulfil.ts'
import { demandOf, type DemandRow } from './demand.ts'
import { campaignVisible, newCampaignTermsOf, presaleOrderOf, type NewCampaignTerms, type PresaleOrderRequest } from './intake.ts'

export interface PresaleOptions {
  /** How often campaigns past their end are ended and late orders compensated; 0 turns the poller off. */
  pollIntervalMs?: number
}

/** What the campaign's other modules need. */
export interface PresaleContext {
  db: Db
  clock: Clock
  inventory: Inventory
  orders: Orders
  logger: Logger
}

export type OrderRequest = Omit<PresaleOrderInput, 'campaign'>

const openOrderStatuses = ['pending_deposit', 'deposit_paid', 'paid'] as const

export class Presale {
  readonly #ctx: PresaleContext
  readonly #catalogue: Catalogue
  readonly #suppliers: Suppliers
  #timer: NodeJS.Timeout | undefined
  #polling: Promise<void> | undefined

  constructor(ctx: PresaleContext, catalogue: Catalogue, suppliers: Suppliers, options: PresaleOptions = {}) {
    this.#ctx = ctx
    this.#catalogue = catalogue
    this.#suppliers = suppliers
    ctx.orders.onTransition((tx, order, action) => onPresaleTransition(ctx, tx, order, action))
    const intervalMs = options.pollIntervalMs ?? 5000
    if (intervalMs > 0) {
      this.#timer = setInterval(() => {
        this.#polling ??= this.tick().then(() => undefined, (err) => ctx.logger.error({ err }, 'presale poll failed')).then(() => {
          this.#polling = undefined
        })
      }, intervalMs)
      this.#timer.unref()
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer)
    await this.#polling
  }

  async get(ref: string, q: Queryable = this.#ctx.db): Promise<Campaign | undefined> {
    return loadCampaign(q, ref)
  }

  /** The campaign as a caller may see it: a channel does not see drafts (not found, as for one that does not exist). */
  async visible(ref: string, toChannel: boolean): Promise<Result<Campaign>> {
    return campaignVisible(await this.get(ref), ref, toChannel)
  }

  list(filter: { statuses?: readonly CampaignStatus[]; skuId?: string }, before: string | undefined, limit: number): Promise<Campaign[]> {
    return listCampaigns(this.#ctx.db, filter, before, limit)
  }

  /** Units sold (orders not cancelled) and quota still free, for the views. */
  async sales(c: Campaign): Promise<{ unitsSold: number; quotaRemaining: number }> {
    const sold = await unitsSold(this.#ctx.db, c.id)
    const slot = await slotById(this.#ctx.db, slotIdOf(c))
    const remaining = c.status === 'published' && slot ? slotFree(slot) : c.status === 'draft' ? c.quota : 0
    return { unitsSold: sold, quotaRemaining: Math.max(0, remaining) }
  }

  /** A draft campaign; its SKU, node and supplier named by id or code. */
  async create(input: TermsInput, actor: string): Promise<Result<Campaign>> {
    const refs = await this.#resolveRefs(input)
    if (!refs.ok) return refs
    const terms = decideTerms({ ...input, ...refs.value })
    if (!terms.ok) return terms
    const nowMs = this.#ctx.clock.nowMs()
    const c: Campaign = { ...terms.value, id: newId('cmp'), status: 'draft', finalUnitPrice: null, endedAtMs: null, repricedAtMs: null, createdAtMs: nowMs, updatedAtMs: nowMs }
    try {
      await this.#ctx.db.tx(async (tx) => {
        await insertCampaign(tx, c)
        await campaignEvent(tx, c, 'created', actor)
      })
    } catch (error) {
      if (isUniqueViolation(error)) return fail('campaign_code_taken', `A campaign with code '${c.code}' already exists.`)
      throw error
    }
    return ok(c)
  }

  /** Changes a draft's terms; the whole campaign is checked again. */
  async update(ref: string, patch: Partial<TermsInput>, actor: string): Promise<Result<Campaign>> {
    const refs = await this.#resolveRefs(patch)
    if (!refs.ok) return refs
    return this.#inTx(async (tx) => {
      const c = await loadCampaign(tx, ref, true)
      if (!c) return notFound('campaign', ref)
      const refused = checkCampaignAction(c, 'edit')
      if (refused) return refused
      const terms = decideTerms({ ...termsInputOf(c), ...patch, ...refs.value })
      if (!terms.ok) return terms
      const after: Campaign = { ...c, ...terms.value, updatedAtMs: this.#ctx.clock.nowMs() }
      await saveCampaign(tx, after)
      await campaignEvent(tx, after, 'updated', actor)
      return ok(after)
    })
  }

  /** Publishes a draft: its quota becomes the campaign's supply slot, dated when units must be at the node (the ship day, or the latest one, less handling). */
  async publish(ref: string, actor: string): Promise<Result<Campaign>> {
    return this.#underPositionLock(ref, async (tx, c) => {
      const refused = checkCampaignAction(c, 'publish')
      if (refused) return refused
      if (this.#ctx.clock.nowMs() >= c.endsAtMs) return fail('campaign_window_passed', `Campaign ${c.code} ended at ${new Date(c.endsAtMs).toISOString()}: move its window before publishing.`)
      const after: Campaign = { ...c, status: 'published', updatedAtMs: this.#ctx.clock.nowMs() }
      // Through the transaction: the database handle itself would wait for this transaction (SQLite).
      const node = await this.#catalogue.resolveNode(c.nodeId, tx)
      if (!node || !node.active) return fail('node_inactive', 'The node this campaign ships from is not active.')
      // Units must be at the node the node's handling days before they ship (how every promise is dated).
      const shipDayMs = slotDayOf(c.shipDate, balanceWindowOf(c.endsAtMs, c.balanceWindowHours).byMs)
      const slotDayMs = shipDayMs - handlingDaysOf(node.handlingTimeHours) * dayMs
      const slotted = await this.#withSlot(tx, c, (slot) => {
        slot.quantity = c.quota
        slot.availableAtMs = slotDayMs
        return ok(undefined)
      })
      if (!slotted.ok) return slotted
      await saveCampaign(tx, after)
      await campaignEvent(tx, after, 'published', actor)
      return ok(after)
    })
  }

  /** Sets the quota: freely in a draft, only upward once published (the slot rises with it). */
  async setQuota(ref: string, quota: number, actor: string): Promise<Result<Campaign>> {
    return this.#underPositionLock(ref, async (tx, c) => {
      const decided = decideQuota(c, quota)
      if (!decided.ok) return decided
      const after: Campaign = { ...c, quota, updatedAtMs: this.#ctx.clock.nowMs() }
      if (c.status === 'published' && decided.value.delta > 0) {
        const slotted = await this.#withSlot(tx, c, (slot) => {
          slot.quantity += decided.value.delta
          return ok(undefined)
        })
        if (!slotted.ok) return slotted
      }
      await saveCampaign(tx, after)
      await campaignEvent(tx, after, 'quota_changed', actor, { quotaBefore: c.quota, quota })
      return ok(after)
    })
  }

  /** A draft campaign from the terms sent; what is left out takes the defaults (`newCampaignTermsOf`). */
  createWithDefaults(terms: NewCampaignTerms, actor: string): Promise<Result<Campaign>> {
    return this.create(newCampaignTermsOf(terms), actor)
  }

  /** Places a presale order as a caller sends it: its key, the campaign and channel it may use, and the customer tier checked first. */
  async placeFor(ref: string, request: PresaleOrderRequest): Promise<{ result: Result<Order>; replayed: boolean }> {
    const checked = await presaleOrderOf(this.#ctx.db, this.#catalogue, (r) => this.get(r), ref, request)
    if (!checked.ok) return { result: checked, replayed: false }
    return this.placeOrder(checked.value.campaign.id, checked.value.order)
  }

  /** Places a presale order through the orders service: one campaign, one line, a deposit. */
  async placeOrder(ref: string, request: OrderRequest): Promise<{ result: Result<Order>; replayed: boolean }> {
    const campaign = await loadCampaign(this.#ctx.db, ref)
    if (!campaign) return { result: notFound('campaign', ref), replayed: false }
    const input = await presalePlaceInput(this.#ctx.db, this.#catalogue, { ...request, campaign }, this.#ctx.clock.nowMs())
    if (!input.ok) return { result: input, replayed: false }
    const withContact = await this.#ctx.orders.withContact(input.value, request.shipTo, undefined)
    return withContact.ok ? this.#ctx.orders.submit(withContact.value) : { result: withContact, replayed: false }
  }

  /** Ends a published campaign now: final price, every open order repriced, balance windows from now. */
  async end(ref: string, actor: string): Promise<Result<Campaign>> {
    const ended = await this.#underPositionLock(ref, (tx, c) => endCampaign(tx, this.#ctx, c, actor, () => this.#closeSlot(tx, c)))
    if (!ended.ok) return ended
    await repriceCampaign(this.#ctx, ended.value.id, actor)
    return ok((await loadCampaign(this.#ctx.db, ended.value.id))!)
  }

  /**
   * Cancels a campaign: no more orders, every open order cancelled by the merchant with a full
   * refund owed (deposit included), the quota slot removed. Running it again finishes a cancel
   * that stopped half way.
   */
  async cancel(ref: string, reason: string, actor: string): Promise<Result<{ campaign: Campaign; ordersCancelled: number; refundDue: number }>> {
    const stopped = await this.#underPositionLock<Campaign>(ref, async (tx, c) => {
      const refused = checkCampaignAction(c, 'cancel')
      if (refused) return refused
      if (c.status === 'cancelled') return ok(c)
      const after: Campaign = { ...c, status: 'cancelled', updatedAtMs: this.#ctx.clock.nowMs() }
      await this.#closeSlot(tx, c)
      await saveCampaign(tx, after)
      await campaignEvent(tx, after, 'cancelled', actor, { reason })
      return ok(after)
    })
    if (!stopped.ok) return stopped
    const c = stopped.value
    const open = await campaignOrderIds(this.#ctx.db, c.id, openOrderStatuses)
    let ordersCancelled = 0
    let refundDue = 0
    for (const id of open) {
      const done = await this.#ctx.orders.act(id, 'cancel', { actor, party: 'merchant' }, { reason: `presale campaign ${c.code} cancelled: ${reason}` })
      if (!done.ok) continue
      ordersCancelled++
      refundDue += done.value.refundDue ?? 0
    }
    const closed = await this.#underPositionLock(c.id, async (tx, fresh) => {
      await this.#closeSlot(tx, fresh)
      return ok(fresh)
    })
    if (!closed.ok) return closed
    return ok({ campaign: closed.value, ordersCancelled, refundDue })
  }

  /** Moves presale lines waiting on the campaign's slot onto stock that has arrived at its node. */
  async allocateStock(ref: string, actor: string): Promise<Result<{ lines: number; units: number }>> {
    const c = await loadCampaign(this.#ctx.db, ref)
    if (!c) return notFound('campaign', ref)
    const refused = checkCampaignAction(c, 'allocate_stock')
    if (refused) return refused
    return this.#inTx((tx) => allocateArrivedStock(tx, this.#ctx, c, actor))
  }

  demand(campaignId: string | null): Promise<DemandRow[]> {
    return demandOf(this.#ctx.db, this.#ctx.inventory, campaignId)
  }

  /**
   * The poller: ends campaigns whose end has passed, finishes repricing an ended one, moves
   * arrived stock onto ended campaigns' orders, and records compensation owed for orders not
   * shipped by their promised day. Safe in several processes at once.
   */
  async tick(): Promise<{ ended: number; repriced: number; stockLines: number; compensated: number }> {
    const nowMs = this.#ctx.clock.nowMs()
    const counts = { ended: 0, repriced: 0, stockLines: 0, compensated: 0 }
    const due = await this.#ctx.db.all<{ id: string }>(`SELECT id FROM presale_campaigns WHERE status = 'published' AND ends_at <= ? ORDER BY ends_at LIMIT 100`, [nowMs])
    for (const { id } of due) if ((await this.end(id, 'system:presale')).ok) counts.ended++
    const unpriced = await this.#ctx.db.all<{ id: string }>(`SELECT id FROM presale_campaigns WHERE status = 'ended' AND repriced_at IS NULL LIMIT 100`)
    for (const { id } of unpriced) if (await repriceCampaign(this.#ctx, id, 'system:presale')) counts.repriced++
    const waiting = await endedCampaignsAmong(this.#ctx.db, await campaignsWithLinesWaiting(this.#ctx.db), 100)
    for (const id of waiting) {
      const moved = await this.allocateStock(id, 'system:presale')
      if (moved.ok) counts.stockLines += moved.value.lines
    }
    counts.compensated = await compensateLate(this.#ctx, nowMs)
    return counts
  }

  async #resolveRefs(input: Partial<TermsInput>): Promise<Result<Partial<Pick<TermsInput, 'skuId' | 'nodeId' | 'supplierId'>>>> {
    const out: Partial<Pick<TermsInput, 'skuId' | 'nodeId' | 'supplierId'>> = {}
    if (input.skuId !== undefined) {
      const sku = await this.#catalogue.resolveSku(input.skuId)
      if (!sku || !sku.active) return fail('unknown_sku', `No SKU on sale with id or code '${input.skuId}'.`)
      out.skuId = sku.id
    }
    if (input.nodeId !== undefined) {
      const node = await this.#catalogue.resolveNode(input.nodeId)
      if (!node || !node.active) return fail('unknown_node', `No active node with id or code '${input.nodeId}'.`)
      out.nodeId = node.id
    }
    if (input.supplierId !== undefined && input.supplierId !== null) {
      const supplier = await this.#suppliers.resolve(input.supplierId)
      if (!supplier) return fail('unknown_supplier', `No supplier with id or code '${input.supplierId}'.`)
      out.supplierId = supplier.id
    }
    return ok(out)
  }

  /**
   * Runs `work` on the campaign read again after its position is locked: the lock every engine
   * batch admitting orders to it holds, so nothing is admitted against a campaign half changed.
   */
  async #underPositionLock<T>(ref: string, work: (tx: Queryable, c: Campaign) => Promise<Result<T>>): Promise<Result<T>> {
    return this.#inTx(async (tx) => {
      const first = await loadCampaign(tx, ref)
      if (!first) return notFound('campaign', ref)
      await this.#ctx.inventory.withinLocked(tx, [{ skuId: first.skuId, nodeId: first.nodeId }], () => ok(undefined))
      const c = await loadCampaign(tx, first.id, true)
      if (!c || c.skuId !== first.skuId || c.nodeId !== first.nodeId) {
        return fail('campaign_changed', 'The campaign changed while this request ran; try again.')
      }
      return work(tx, c)
    })
  }

  /** Changes the campaign's quota slot (created when missing) under the position lock. */
  #withSlot(tx: Queryable, c: Campaign, change: (slot: SupplySlot, state: BatchState) => Result<void>): Promise<Result<void>> {
    return this.#ctx.inventory.withinLocked(tx, [{ skuId: c.skuId, nodeId: c.nodeId }], (state) => {
      const slots = state.slotsAt(c.skuId, c.nodeId)
      let slot = slots.find((s) => s.id === slotIdOf(c))
      if (!slot) {
        slot = { id: slotIdOf(c), skuId: c.skuId, nodeId: c.nodeId, kind: 'presale', quantity: 0, promised: 0, availableAtMs: null, refId: c.id, supplierId: c.supplierId }
        slots.push(slot)
      }
      const changed = change(slot, state)
      if (changed.ok) state.changedSlots.add(slot)
      return changed
    })
  }

  /** Nothing more is sold on the quota: it shrinks to what orders still hold (and goes when that is nothing). */
  #closeSlot(tx: Queryable, c: Campaign): Promise<Result<void>> {
    return this.#withSlot(tx, c, (slot) => {
      slot.quantity = slot.promised
      return ok(undefined)
    })
  }

  #inTx<T>(work: (tx: Queryable) => Promise<Result<T>>): Promise<Result<T>> {
    return txResult(this.#ctx.db, work)
  }

}

