/**
 * Returns: each command loads the return (row locked), decides with the lifecycle table and the
 * pure rules (policy.ts, rules.ts, refund.ts), and writes the return, its events, its stock
 * movements, any refund request (through the orders context) and one `return.changed` in one
 * transaction.
 */
import type { Db, Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { newId } from '../kernel/ids.ts'
import { ok, type Result } from '../kernel/result.ts'
import { publish } from '../events/index.ts'
import type { Catalogue } from '../catalogue/index.ts'
import type { Inventory } from '../inventory/index.ts'
import { loadOrder, paymentsOf, recordPayment, type Order, type OrderActor, type Orders } from '../orders/index.ts'
import { capabilitiesOf } from '../routing/index.ts'
import { fail, notFound } from './errors.ts'
import { checkReturnAction, type ReturnAction, type ReturnParty } from './lifecycle.ts'
import type { DispositionRule, Grade, Return, ReturnLine, ReturnPolicy, ReturnReason, ReturnStatus, ReturnUnit } from './model.ts'
import { checkReturnable, checkReturnPolicy, defaultReturnPolicy, effectivePolicy } from './policy.ts'
import { checkDispositionRules, defaultDispositionRules, dispositionFor } from './rules.ts'
import { refundFor } from './refund.ts'
import { disposeUnit, receiveReturned, repairUnit } from './stock.ts'
import {
  activeReturnedUnits, insertReturn, insertReturnEvents, insertReturnToVendor, insertSetting, insertUnits, latestSetting, listReturns, loadReturn,
  returnEventsOf, saveReturn, saveUnit, unitsOf, type ReturnEvent, type ReturnFilter,
  type ReturnToVendor,
} from './store.ts'

/** Who acts on returns: the party, the actor written on events, and what the caller may see (undefined: everything). */
export interface ReturnActor {
  actor: string
  party: ReturnParty
  /** The order's channel: its own orders' returns only. */
  channelId?: string
  /** A node user's nodes: returns received (or to be received) there, and it receives only there. */
  nodeIds?: readonly string[]
}

export interface OpenInput {
  order: string
  lines: Array<{ orderLineNo: number; quantity: number; reason: ReturnReason; note?: string; evidence?: string[] }>
  /** Where the units will be received: a node with the `returns` capability (a store opening at its counter: itself). */
  node?: string
  /** The customer wants the same items again, not the money: a replacement order at the original price, placed at the refund's step. */
  exchange?: boolean
}

export interface ReturnDeps {
  /** Stock at these positions became sellable: waiting backorders get it first (re-promising). */
  stockFreed?: (tx: Queryable, positions: Array<{ skuId: string; nodeId: string }>) => Promise<unknown>
  /** Who a unit returned to vendor goes back to, and its cost. */
  vendorOf?: (tx: Queryable, skuId: string) => Promise<{ supplierId: string; unitCost: number; currency: string } | undefined>
  /** After units went back to this supplier (committed): its scorecard counts them. */
  vendorQualityChanged?: (supplierId: string) => Promise<unknown>
  /** Each return-to-vendor document as it is written, in the same transaction (payables debits the supplier). */
  returnedToVendor?: (tx: Queryable, rtv: ReturnToVendor) => Promise<void>
}

const system: ReturnActor = { actor: 'system:returns', party: 'system' }
const policyScope = (channelId: string | null) => `policy:${channelId ?? 'default'}`

export const visibleTo = (r: Pick<Return, 'channelId' | 'nodeId'>, by: ReturnActor): boolean =>
  (by.channelId === undefined || by.channelId === r.channelId) && (by.nodeIds === undefined || (r.nodeId !== null && by.nodeIds.includes(r.nodeId)))

export class Returns {
  readonly #db: Db
  readonly #clock: Clock
  readonly #orders: Orders
  readonly #inventory: Inventory
  readonly #catalogue: Catalogue
  readonly #deps: ReturnDeps

  constructor(db: Db, clock: Clock, orders: Orders, inventory: Inventory, catalogue: Catalogue, deps: ReturnDeps = {}) {
    this.#db = db
    this.#clock = clock
    this.#orders = orders
    this.#inventory = inventory
    this.#catalogue = catalogue
    this.#deps = deps
    // A provider paid a return's refund request: the return records when.
    orders.onRefundPaid((tx, _order, requestId, _amount, atMs) => this.#refundPaid(tx, requestId, atMs))
  }

  // Policy and rules, as data.

  /** The policy a channel's returns follow (its own, else the default, else Sellahead's), with its version (0: built in). */
  async policyOf(channelId: string | null, q: Queryable = this.#db): Promise<{ policy: ReturnPolicy; scope: string; version: number }> {
    for (const scope of channelId === null ? [policyScope(null)] : [policyScope(channelId), policyScope(null)]) {
      const found = await latestSetting(q, scope)
      if (found) return { policy: found.body as ReturnPolicy, scope, version: found.version }
    }
    return { policy: defaultReturnPolicy, scope: policyScope(null), version: 0 }
  }

  async setPolicy(channelId: string | null, input: unknown, actor: string): Promise<Result<{ policy: ReturnPolicy; version: number }>> {
    const checked = checkReturnPolicy(input)
    if (!checked.ok) return checked
    const version = await this.#db.tx((tx) => insertSetting(tx, policyScope(channelId), checked.value, actor, this.#clock.nowMs()))
    return ok({ policy: checked.value, version })
  }

  async rules(q: Queryable = this.#db): Promise<{ rules: DispositionRule[]; version: number }> {
    const found = await latestSetting(q, 'rules')
    return found ? { rules: found.body as DispositionRule[], version: found.version } : { rules: defaultDispositionRules, version: 0 }
  }

  async setRules(input: unknown, actor: string): Promise<Result<{ rules: DispositionRule[]; version: number }>> {
    const nodeIds = new Set((await this.#catalogue.listNodes()).map((n) => n.id))
    const checked = checkDispositionRules(input, nodeIds)
    if (!checked.ok) return checked
    const version = await this.#db.tx((tx) => insertSetting(tx, 'rules', checked.value, actor, this.#clock.nowMs()))
    return ok({ rules: checked.value, version })
  }

  // Reading.

  async get(id: string, by: ReturnActor): Promise<Result<{ ret: Return; units: ReturnUnit[]; events: ReturnEvent[] }>> {
    const r = await loadReturn(this.#db, id)
    if (!r || !visibleTo(r, by)) return notFound('return', id)
    return ok({ ret: r, units: await unitsOf(this.#db, id), events: await returnEventsOf(this.#db, id) })
  }

  list(filter: ReturnFilter, afterId: string | undefined, limit: number): Promise<Return[]> {
    return listReturns(this.#db, filter, afterId, limit)
  }

  // The lifecycle.

  /**
   * Opens a return of delivered units of one order: each line within the policy's window for its
   * category, with a reason the policy accepts, never more units than were delivered less those
   * already being returned. A store opening at its counter receives there and is approved at once.
   */
  async open(input: OpenInput, by: ReturnActor): Promise<Result<Return>> {
    return this.#settle(await this.#orders.inTransaction(async (tx): Promise<Result<Return>> => {
      const order = await loadOrder(tx, input.order, true)
      if (!order || (by.channelId !== undefined && order.channelId !== by.channelId)) return notFound('order', input.order)
      const node = await this.#receivingNode(tx, input.node ?? (by.nodeIds?.length === 1 ? by.nodeIds[0] : undefined), by)
      if (!node.ok) return node
      const { policy } = await this.policyOf(order.channelId, tx)
      const lines = await this.#checkLines(tx, order, input.lines, policy)
      if (!lines.ok) return lines
      const nowMs = this.#clock.nowMs()
      const atCounter = by.party === 'node'
      const r: Return = {
        id: newId('rma'), orderId: order.id, channelId: order.channelId, currency: order.currency, status: atCounter ? 'approved' : 'requested', openedBy: by.actor, nodeId: node.value,
        rejectReason: null, carrier: null, tracking: null, refundStep: policy.refundStep, exchange: input.exchange ?? false, exchangeOrderId: null,
        refundAmount: null, refundRequestedAtMs: null, refundedAtMs: null,
        createdAtMs: nowMs, updatedAtMs: nowMs, lines: lines.value,
      }
      await insertReturn(tx, r)
      const events: Array<{ kind: string; detail: Record<string, unknown> }> = [{ kind: 'opened', detail: { lines: r.lines.map((l) => ({ lineNo: l.lineNo, orderLineNo: l.orderLineNo, quantity: l.quantity, reason: l.reason })) } }]
      if (atCounter) events.push({ kind: 'approved', detail: { atCounter: true } })
      await this.#write(tx, r, events, by, 'open')
      if (atCounter && r.refundStep === 'on_approval') return this.#requestRefund(tx, r, r.lines.map((l) => ({ line: l, quantity: l.quantity })), by)
      return ok(r)
    }), by)
  }

  /** The merchant accepts it (and may name where the units go); a refund due on approval is requested now. */
  async approve(id: string, node: string | undefined, by: ReturnActor): Promise<Result<Return>> {
    return this.#settle(await this.#withReturn(id, 'approve', by, async (tx, r) => {
      const at = await this.#receivingNode(tx, node ?? r.nodeId ?? undefined, by)
      if (!at.ok) return at
      const after = { ...r, status: 'approved' as const, nodeId: at.value, updatedAtMs: this.#clock.nowMs() }
      await this.#write(tx, after, [{ kind: 'approved', detail: { nodeId: at.value } }], by, 'approve')
      if (after.refundStep === 'on_approval') return this.#requestRefund(tx, after, after.lines.map((l) => ({ line: l, quantity: l.quantity })), by)
      return ok(after)
    }), by)
  }

  reject(id: string, reason: string, by: ReturnActor): Promise<Result<Return>> {
    return this.#step(id, 'reject', by, { rejectReason: reason }, { reason })
  }

  ship(id: string, parcel: { carrier?: string; tracking?: string }, by: ReturnActor): Promise<Result<Return>> {
    return this.#step(id, 'ship', by, { carrier: parcel.carrier ?? null, tracking: parcel.tracking ?? null }, parcel)
  }

  cancel(id: string, by: ReturnActor): Promise<Result<Return>> {
    return this.#step(id, 'cancel', by, {}, {})
  }

  /**
   * Units arrive at the receiving node (some of them too): on hand and unsellable there, each a
   * unit awaiting inspection. A node user receives only at its own node.
   */
  async receive(id: string, input: { node?: string; lines: Array<{ lineNo: number; quantity: number }> }, by: ReturnActor): Promise<Result<Return>> {
    return this.#settle(await this.#withReturn(id, 'receive', by, async (tx, r): Promise<Result<Return>> => {
      const at = await this.#receivingNode(tx, input.node ?? r.nodeId ?? undefined, by)
      if (!at.ok) return at
      // Approved without a node and received without naming one: there is nowhere to put the units.
      if (at.value === null) return fail('not_a_returns_node', `Return ${r.id} has no receiving node yet: name the node that takes the units (node).`, { field: 'node' })
      const nodeId = at.value
      if (r.nodeId !== null && r.nodeId !== nodeId && r.status === 'received') {
        return fail('not_a_returns_node', `Return ${r.id} is being received at ${r.nodeId}: receive the rest there.`, { nodeId: r.nodeId })
      }
      const seen = new Set<number>()
      for (const q of input.lines) {
        const line = r.lines.find((l) => l.lineNo === q.lineNo)
        if (!line || seen.has(q.lineNo) || q.quantity > line.quantity - line.received) {
          return fail('invalid_return_lines', `Line ${q.lineNo} of return ${r.id} does not have ${q.quantity} units still to receive (each line once).`, { lineNo: q.lineNo })
        }
        seen.add(q.lineNo)
      }
      const nowMs = this.#clock.nowMs()
      const meta = { refType: 'return', refId: r.id, actor: by.actor }
      const keys = input.lines.map((q) => ({ skuId: r.lines.find((l) => l.lineNo === q.lineNo)!.skuId, nodeId }))
      const moved = await this.#inventory.withinLocked(tx, keys, (state) => {
        for (const q of input.lines) receiveReturned(state, r.lines.find((l) => l.lineNo === q.lineNo)!.skuId, nodeId, q.quantity, meta)
        return ok(undefined)
      })
      if (!moved.ok) return moved
      const units: ReturnUnit[] = input.lines.flatMap((q) => {
        const line = r.lines.find((l) => l.lineNo === q.lineNo)!
        return Array.from({ length: q.quantity }, (_, i): ReturnUnit => ({
          returnId: r.id, lineNo: line.lineNo, unitNo: line.received + i + 1, nodeId, state: 'awaiting_inspection', grade: null, notes: null,
          disposition: null, outletNodeId: null, ruleId: null, receivedAtMs: nowMs, inspectedAtMs: null,
        }))
      })
      await insertUnits(tx, units)
      const after: Return = {
        ...r, status: 'received', nodeId, updatedAtMs: nowMs,
        lines: r.lines.map((l) => ({ ...l, received: l.received + (input.lines.find((q) => q.lineNo === l.lineNo)?.quantity ?? 0) })),
      }
      await this.#write(tx, after, [{ kind: 'received', detail: { nodeId, lines: input.lines } }], by, 'receive')
      const complete = after.lines.every((l) => l.received === l.quantity)
      if (after.refundStep === 'on_receipt' && complete) return this.#requestRefund(tx, after, after.lines.map((l) => ({ line: l, quantity: l.quantity })), by)
      return ok(after)
    }), by)
  }

  /**
   * Units are graded (A–D, with notes): the disposition rules choose each one's fate (the rule
   * that matched is kept) and its stock moves once. When every unit expected has been received
   * and judged, the return is inspected, its refund requested if the policy waits for that, and closed.
   */
  async inspect(id: string, graded: Array<{ lineNo: number; unitNo: number; grade: Grade; notes?: string }>, by: ReturnActor): Promise<Result<{ ret: Return; units: ReturnUnit[] }>> {
    const vendors = new Set<string>()
    const done = await this.#inspect(id, graded, by, vendors)
    if (!done.ok) return done
    for (const supplierId of vendors) await this.#deps.vendorQualityChanged?.(supplierId)
    const settled = await this.#settle(ok(done.value.ret), by)
    return settled.ok ? ok({ ...done.value, ret: settled.value }) : settled
  }

  #inspect(id: string, graded: Array<{ lineNo: number; unitNo: number; grade: Grade; notes?: string }>, by: ReturnActor, vendors: Set<string>): Promise<Result<{ ret: Return; units: ReturnUnit[] }>> {
    return this.#withReturn(id, 'inspect', by, async (tx, r) => {
      const units = await unitsOf(tx, r.id)
      const chosen: ReturnUnit[] = []
      for (const g of graded) {
        const unit = units.find((u) => u.lineNo === g.lineNo && u.unitNo === g.unitNo)
        if (!unit || unit.state !== 'awaiting_inspection' || chosen.includes(unit)) {
          return fail('invalid_inspection', `Unit ${g.unitNo} of line ${g.lineNo} of return ${r.id} is not awaiting inspection (each unit once).`, { lineNo: g.lineNo, unitNo: g.unitNo })
        }
        chosen.push(unit)
      }
      if (by.nodeIds && chosen.some((u) => !by.nodeIds!.includes(u.nodeId))) return notFound('return', r.id)
      const { rules } = await this.rules(tx)
      const nowMs = this.#clock.nowMs()
      const decided: ReturnUnit[] = []
      for (const [i, unit] of chosen.entries()) {
        const line = r.lines.find((l) => l.lineNo === unit.lineNo)!
        const sku = await this.#catalogue.resolveSku(line.skuId, tx)
        const d = dispositionFor(rules, { grade: graded[i].grade, reason: line.reason, category: sku?.attributes.category ?? null, unitValue: line.unitPrice })
        decided.push({ ...unit, state: 'disposed', grade: graded[i].grade, notes: graded[i].notes ?? null, disposition: d.kind, outletNodeId: d.outletNodeId ?? null, ruleId: d.ruleId, inspectedAtMs: nowMs })
      }
      const done = await this.#dispose(tx, r, decided, by, vendors)
      if (!done.ok) return done
      for (const u of decided) await saveUnit(tx, u)
      const all = units.map((u) => decided.find((d) => d.lineNo === u.lineNo && d.unitNo === u.unitNo) ?? u)
      const judged = r.lines.every((l) => l.received === l.quantity) && all.every((u) => u.state !== 'awaiting_inspection')
      const after: Return = { ...r, status: judged ? 'inspected' : r.status, updatedAtMs: nowMs }
      await this.#write(tx, after, [{
        kind: 'inspected',
        detail: { units: decided.map((u) => ({ lineNo: u.lineNo, unitNo: u.unitNo, grade: u.grade, disposition: u.disposition, ruleId: u.ruleId, ...(u.outletNodeId && { outletNodeId: u.outletNodeId }) })) },
      }], by, 'inspect')
      if (!judged) return ok({ ret: after, units: all })
      const closed = await this.#close(tx, after, all, system)
      return closed.ok ? ok({ ret: closed.value, units: all }) : closed
    })
  }

  /** A refurbished unit's repair is recorded: sellable again at its node (waiting backorders first), or scrapped. */
  repair(id: string, input: { lineNo: number; unitNo: number; outcome: 'sellable' | 'scrap'; notes?: string }, by: ReturnActor): Promise<Result<ReturnUnit>> {
    return this.#withReturn(id, 'repair', by, async (tx, r) => {
      const unit = (await unitsOf(tx, r.id)).find((u) => u.lineNo === input.lineNo && u.unitNo === input.unitNo)
      if (!unit || unit.state !== 'disposed' || unit.disposition !== 'refurbish') {
        return fail('invalid_inspection', `Unit ${input.unitNo} of line ${input.lineNo} of return ${r.id} is not waiting for a repair.`, { lineNo: input.lineNo, unitNo: input.unitNo })
      }
      if (by.nodeIds && !by.nodeIds.includes(unit.nodeId)) return notFound('return', r.id)
      const skuId = r.lines.find((l) => l.lineNo === unit.lineNo)!.skuId
      const freed: Array<{ skuId: string; nodeId: string }> = []
      const moved = await this.#inventory.withinLocked(tx, [{ skuId, nodeId: unit.nodeId }], (state) => {
        freed.push(...repairUnit(state, skuId, unit.nodeId, input.outcome, { refType: 'return', refId: r.id, actor: by.actor }))
        return ok(undefined)
      })
      if (!moved.ok) return moved
      if (freed.length > 0) await this.#deps.stockFreed?.(tx, freed)
      const after: ReturnUnit = { ...unit, state: input.outcome === 'sellable' ? 'repaired' : 'written_off', notes: input.notes ?? unit.notes }
      await saveUnit(tx, after)
      await this.#write(tx, { ...r, updatedAtMs: this.#clock.nowMs() }, [{ kind: 'repaired', detail: { lineNo: unit.lineNo, unitNo: unit.unitNo, outcome: input.outcome } }], by, 'repair')
      return ok(after)
    })
  }

  /**
   * Done before every unit came back (the customer kept some): every unit received must have its
   * fate; the refund, if not requested yet, is for the units received.
   */
  async close(id: string, by: ReturnActor): Promise<Result<Return>> {
    return this.#settle(await this.#withReturn(id, 'close', by, async (tx, r) => this.#close(tx, r, await unitsOf(tx, r.id), by)), by)
  }

  async #close(tx: Queryable, r: Return, units: readonly ReturnUnit[], by: ReturnActor): Promise<Result<Return>> {
    const waiting = units.filter((u) => u.state === 'awaiting_inspection').length
    if (waiting > 0) return fail('units_awaiting_inspection', `Return ${r.id} has ${waiting} units awaiting inspection: inspect them before closing it.`, { units: waiting })
    let current = r
    if (r.refundRequestedAtMs === null) {
      const refunded = await this.#requestRefund(tx, r, r.lines.map((l) => ({ line: l, quantity: l.received })), by)
      if (!refunded.ok) return refunded
      current = refunded.value
    }
    const after = { ...current, status: 'closed' as const, updatedAtMs: this.#clock.nowMs() }
    await this.#write(tx, after, [{ kind: 'closed', detail: { unitsNotReturned: r.lines.reduce((n, l) => n + l.quantity - l.received, 0) } }], by, 'close')
    return ok(after)
  }

  /** Moves the decided units' stock in one locked batch, writes RTV documents, and gives freed stock to waiting backorders. */
  async #dispose(tx: Queryable, r: Return, units: ReturnUnit[], by: ReturnActor, vendors: Set<string>): Promise<Result<void>> {
    const skuOf = (u: ReturnUnit) => r.lines.find((l) => l.lineNo === u.lineNo)!.skuId
    for (const u of units) {
      if (u.disposition !== 'return_to_vendor') continue
      const vendor = await this.#deps.vendorOf?.(tx, skuOf(u))
      // Nobody to send it back to: it waits unsellable, for a person to decide.
      if (!vendor) Object.assign(u, { disposition: 'refurbish' })
      else {
        vendors.add(vendor.supplierId)
        const rtv: ReturnToVendor = {
          id: newId('rtv'), returnId: r.id, supplierId: vendor.supplierId, skuId: skuOf(u), nodeId: u.nodeId, quantity: 1, debitMinor: vendor.unitCost,
          currency: vendor.currency, atMs: this.#clock.nowMs(),
        }
        await insertReturnToVendor(tx, rtv)
        await this.#deps.returnedToVendor?.(tx, rtv)
      }
    }
    const keys = units.flatMap((u) => [{ skuId: skuOf(u), nodeId: u.nodeId }, ...(u.outletNodeId ? [{ skuId: skuOf(u), nodeId: u.outletNodeId }] : [])])
    const freed: Array<{ skuId: string; nodeId: string }> = []
    const meta = { refType: 'return', refId: r.id, actor: by.actor }
    const moved = await this.#inventory.withinLocked(tx, keys, (state) => {
      for (const u of units) freed.push(...disposeUnit(state, skuOf(u), u.nodeId, { kind: u.disposition!, outletNodeId: u.outletNodeId, grade: u.grade! }, meta))
      return ok(undefined)
    })
    if (!moved.ok) return moved
    if (freed.length > 0) await this.#deps.stockFreed?.(tx, freed)
    return ok(undefined)
  }

  /**
   * The refund of these units (policy.ts, refund.ts: lines less fee and return shipping, a presale
   * deposit by the campaign rule), requested once per return from the provider that took the money.
   */
  async #requestRefund(tx: Queryable, r: Return, units: Array<{ line: ReturnLine; quantity: number }>, by: ReturnActor): Promise<Result<Return>> {
    const order = await loadOrder(tx, r.orderId, true)
    if (!order) return notFound('order', r.orderId)
    if (r.exchange) {
      // No money moves: the replacement order is placed once this commits (#settle).
      const nowMs = this.#clock.nowMs()
      const after = { ...r, refundRequestedAtMs: nowMs, updatedAtMs: nowMs }
      const lines = units.filter((u) => u.quantity > 0).map((u) => ({ lineNo: u.line.lineNo, quantity: u.quantity }))
      await this.#write(tx, after, [{ kind: 'exchange_due', detail: { lines } }], by, 'exchange_due')
      return ok(after)
    }
    const { policy } = await this.policyOf(r.channelId, tx)
    const computed = refundFor({
      lines: units.filter((u) => u.quantity > 0).map((u) => ({ quantity: u.quantity, unitPrice: u.line.unitPrice, reason: u.line.reason })),
      policy, presale: await presaleOf(tx, order), refundable: order.paid - order.refunded - (order.refundDue ?? 0),
    })
    const requested = await this.#orders.requestRefund(tx, r.orderId, { requestId: refundRequestOf(r.id), amount: computed.amount, reason: `return:${r.id}`, detail: { returnId: r.id } }, orderActorOf(by))
    if (!requested.ok) return requested
    const nowMs = this.#clock.nowMs()
    const after = { ...r, refundAmount: requested.value.amount, refundRequestedAtMs: nowMs, updatedAtMs: nowMs }
    await this.#write(tx, after, [{ kind: 'refund_requested', detail: { ...computed, amount: requested.value.amount, provider: requested.value.provider } }], by, 'request_refund')
    return ok(after)
  }

  /**
   * After a command commits: an exchange that became due gets its replacement order — the same
   * SKUs and units at the original prices, for the same customer, channel, delivery and address,
   * promised like any order and paid by the return (provider `exchange`). Placed once (an
   * idempotency key per return); when no node can promise it, the customer is refunded instead.
   */
  async #settle(done: Result<Return>, by: ReturnActor): Promise<Result<Return>> {
    if (!done.ok || !done.value.exchange || done.value.refundRequestedAtMs === null || done.value.exchangeOrderId !== null) return done
    const r = done.value
    const due = (await returnEventsOf(this.#db, r.id)).findLast((e) => e.kind === 'exchange_due')?.detail.lines as Array<{ lineNo: number; quantity: number }> | undefined
    const order = await this.#orders.get(r.orderId)
    if (!order || !due) return done
    const contact = await this.#orders.contacts.read(order.id)
    const placed = await this.#orders.place({
      by: { actor: 'system:returns', role: 'admin' }, channel: order.channelId, customerId: order.customerId, currency: order.currency,
      lines: due.map((q) => {
        const line = r.lines.find((l) => l.lineNo === q.lineNo)!
        return { sku: line.skuId, quantity: q.quantity, unitPrice: line.unitPrice }
      }),
      fulfilment: order.fulfilment, reference: `exchange:${r.id}`,
      ...(contact?.method === 'ship' && { shipTo: contact.shipTo }), ...(contact?.method === 'pickup' && { contact: contact.contact }),
      idem: { scopeKey: `returns:exchange:${r.id}`, requestHash: 'exchange' },
    })
    if (placed.result.ok) {
      const replacement = placed.result.value
      const paid = await recordPayment(this.#orders, replacement.id, { kind: 'payment', amount: replacement.total, currency: replacement.currency, providerRef: `exchange:${r.id}` },
        'exchange', { actor: 'system:returns', party: 'provider' })
      if (!paid.ok) return paid
    }
    return this.#withReturn(r.id, null, system, async (tx, current) => {
      if (current.exchangeOrderId !== null) return ok(current)
      if (placed.result.ok) {
        const after = { ...current, exchangeOrderId: placed.result.value.id, updatedAtMs: this.#clock.nowMs() }
        await this.#write(tx, after, [{ kind: 'exchanged', detail: { orderId: placed.result.value.id } }], by, 'exchange')
        return ok(after)
      }
      // Nothing can promise the replacement: the customer gets the money after all.
      const refunded = { ...current, exchange: false }
      await this.#write(tx, refunded, [{ kind: 'exchange_refused', detail: { code: placed.result.code, detail: placed.result.detail } }], by, 'exchange_refused')
      return this.#requestRefund(tx, refunded, due.map((q) => ({ line: current.lines.find((l) => l.lineNo === q.lineNo)!, quantity: q.quantity })), by)
    })
  }

  async #refundPaid(tx: Queryable, requestId: string, atMs: number): Promise<void> {
    const id = returnOfRefundRequest(requestId)
    const r = id && (await loadReturn(tx, id, true))
    if (!r || r.refundedAtMs !== null) return
    await this.#write(tx, { ...r, refundedAtMs: atMs, updatedAtMs: atMs }, [{ kind: 'refunded', detail: { requestId } }], system, 'refunded')
  }

  /** The node units are received at: any node with the `returns` capability; a node user's own only (another's is not found). */
  async #receivingNode(tx: Queryable, ref: string | undefined, by: ReturnActor): Promise<Result<string | null>> {
    if (ref === undefined) return ok(null)
    const node = await this.#catalogue.resolveNode(ref, tx)
    if (!node || (by.nodeIds !== undefined && !by.nodeIds.includes(node.id))) return notFound('node', ref)
    if (!capabilitiesOf(node).includes('returns')) return fail('not_a_returns_node', `Node ${node.code} does not take returns: give it the 'returns' capability, or receive elsewhere.`, { nodeId: node.id })
    return ok(node.id)
  }

  async #checkLines(tx: Queryable, order: Order, input: OpenInput['lines'], policy: ReturnPolicy): Promise<Result<ReturnLine[]>> {
    const already = await activeReturnedUnits(tx, order.id)
    const seen = new Set<number>()
    const lines: ReturnLine[] = []
    for (const [i, l] of input.entries()) {
      const line = order.lines.find((o) => o.lineNo === l.orderLineNo)
      if (!line || seen.has(l.orderLineNo)) return fail('invalid_return_lines', `Order ${order.id} has no line ${l.orderLineNo} (name each line once).`, { orderLineNo: l.orderLineNo })
      seen.add(l.orderLineNo)
      const sku = await this.#catalogue.resolveSku(line.skuId, tx)
      const category = sku?.attributes.category ?? null
      const returnable = checkReturnable(effectivePolicy(policy, category), { category, deliveredAtMs: line.deliveredAtMs, nowMs: this.#clock.nowMs(), reason: l.reason })
      if (!returnable.ok) return returnable
      const delivered = line.status === 'shipped' ? line.quantity : 0
      const left = delivered - (already.get(line.lineNo) ?? 0)
      if (l.quantity > left) {
        return fail('return_exceeds_delivered', `Line ${line.lineNo} of order ${order.id} has ${left} delivered units not already being returned, not ${l.quantity}.`, { orderLineNo: line.lineNo, returnable: left })
      }
      lines.push({ lineNo: i + 1, orderLineNo: line.lineNo, skuId: line.skuId, quantity: l.quantity, reason: l.reason, note: l.note ?? null, evidence: l.evidence ?? [], unitPrice: line.unitPrice, received: 0 })
    }
    return ok(lines)
  }

  #step(id: string, action: 'reject' | 'ship' | 'cancel', by: ReturnActor, change: Partial<Return>, detail: Record<string, unknown>): Promise<Result<Return>> {
    return this.#withReturn(id, action, by, async (tx, r) => {
      const to: Record<typeof action, ReturnStatus> = { reject: 'rejected', ship: 'in_transit', cancel: 'cancelled' }
      const after = { ...r, ...change, status: to[action], updatedAtMs: this.#clock.nowMs() }
      await this.#write(tx, after, [{ kind: to[action], detail }], by, action)
      return ok(after)
    })
  }

  /** Loads and locks the return, then checks `action` against the lifecycle (null: a step that follows from one already taken). */
  async #withReturn<T>(id: string, action: ReturnAction | null, by: ReturnActor, work: (tx: Queryable, r: Return) => Promise<Result<T>>): Promise<Result<T>> {
    return this.#orders.inTransaction(async (tx) => {
      // The order row first, then the return: every path locks in that order.
      const peek = await loadReturn(tx, id)
      if (!peek || !visibleTo(peek, by)) return notFound('return', id)
      await loadOrder(tx, peek.orderId, true)
      const r = await loadReturn(tx, id, true)
      if (!r) return notFound('return', id)
      const refused = action && checkReturnAction(r, action, by.party)
      if (refused) return refused
      return work(tx, r)
    })
  }

  /** Writes the return (inserted already), its events and one `return.changed`. */
  async #write(tx: Queryable, r: Return, events: Array<{ kind: string; detail: Record<string, unknown> }>, by: ReturnActor, action: string): Promise<void> {
    await saveReturn(tx, r)
    await insertReturnEvents(tx, r.id, events, by.actor, r.updatedAtMs)
    await publish(tx, [{
      topic: 'return.changed', subject: r.id,
      payload: { returnId: r.id, orderId: r.orderId, channelId: r.channelId, nodeId: r.nodeId, status: r.status, action, events: events.map((e) => e.kind) },
    }], r.updatedAtMs)
  }
}

const refundRequestOf = (returnId: string) => `refund:${returnId}`
const returnOfRefundRequest = (requestId: string): string | undefined => (requestId.startsWith('refund:') ? requestId.slice('refund:'.length) : undefined)

/** A presale order's deposit and balance paid (null for an order paid in full): the deposit rule needs them. */
async function presaleOf(tx: Queryable, order: Order): Promise<{ depositPaid: number; balancePaid: number } | null> {
  if (order.payment.kind !== 'deposit') return null
  const payments = await paymentsOf(tx, order.id)
  const sum = (kind: string) => payments.filter((p) => p.kind === kind).reduce((n, p) => n + p.amount, 0)
  return { depositPaid: sum('deposit'), balancePaid: sum('balance') }
}

/** Who the order's timeline names: a node user or a channel acts for the merchant or the customer. */
const orderActorOf = (by: ReturnActor): OrderActor => ({ actor: by.actor, party: by.party === 'system' ? 'system' : by.party === 'channel' ? 'customer' : 'merchant' })
