/**
 * The supplier portal's working list and the ETA preview. The list: every open PO line, with the
 * earliest date a customer was promised against it and how many orders and units wait on it,
 * most urgent first. The preview: what moving a line's ETA would do to those customers, decided
 * by the same rules (purchasing's `changeEta`, then re-promising's plan) the move itself runs.
 */
import type { Db, Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import type { DomainEvent } from '../events/index.ts'
import { ok, type Result } from '../kernel/result.ts'
import { notFound } from './errors.ts'
import { changeEta } from './decide.ts'
import { openQuantity, type PoLine } from './model.ts'
import { openPoLines, promisedLineSlots, type OpenPoLine } from './portal-store.ts'
import { visible, type Actor } from './service.ts'
import { loadAsns, loadPo } from './store.ts'
import { supplyEventsOf } from './supply.ts'
import type { SupplyImpact } from '../supply/index.ts'

/**
 * Open order lines waiting on groups of supply slots (a PO line's own and its ASNs'): the
 * earliest ship day, orders and units per group. The orders context answers it.
 */
export type DemandOnSlots = (q: Queryable, slots: ReadonlyArray<{ slotId: string; skuId: string; nodeId: string; group: string }>) =>
  Promise<Array<{ group: string; earliestShipByMs: number | null; orders: number; units: number }>>

/** Re-promising's plan for supply events, without writing anything; the composition root hands it in. */
export type SupplyImpactOf = (events: readonly DomainEvent[]) => Promise<SupplyImpact>

/** An open PO line as the portal lists it. */
export interface PortalLine extends OpenPoLine {
  /** When the line's remaining units are expected: its ETA, else the requested date. */
  expectedDate: number | null
  confidence: 'unconfirmed' | 'confirmed' | 'shipped'
  earliestCustomerPromiseMs: number | null
  ordersWaiting: number
  unitsWaiting: number
}

/** The sort key of a line: its earliest promise (none: after every date), then its id. */
export type PortalKey = [promiseMs: number, lineId: string]
const noPromiseMs = Number.MAX_SAFE_INTEGER
export const portalKeyOf = (l: PortalLine): PortalKey => [l.earliestCustomerPromiseMs ?? noPromiseMs, l.line.id]
const before = (a: PortalKey, b: PortalKey): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])

export class SupplierPortal {
  readonly #db: Db
  readonly #clock: Clock
  readonly #demandOnSlots: DemandOnSlots
  readonly #impactOf: SupplyImpactOf

  constructor(db: Db, clock: Clock, deps: { demandOnSlots: DemandOnSlots; supplyImpactOf: SupplyImpactOf }) {
    this.#db = db
    this.#clock = clock
    this.#demandOnSlots = deps.demandOnSlots
    this.#impactOf = deps.supplyImpactOf
  }

  /**
   * Open lines of one supplier (or every supplier's for staff), most urgent first: by the
   * earliest customer promise, lines nobody waits on last; a page after `after`.
   */
  async lines(supplierId: string | undefined, after: PortalKey | undefined, limit: number): Promise<PortalLine[]> {
    const open = await openPoLines(this.#db, supplierId)
    const slots = await promisedLineSlots(this.#db, [...new Set(open.map((o) => o.line.poId))])
    const demand = new Map((await this.#demandOnSlots(this.#db, slots)).map((d) => [d.group, d]))
    const lines = open.map((o): PortalLine => {
      const d = demand.get(o.line.id)
      return {
        ...o, expectedDate: o.line.eta ?? o.line.requestedDate ?? o.poRequestedDate, confidence: confidenceOf(o.line),
        earliestCustomerPromiseMs: d?.earliestShipByMs ?? null, ordersWaiting: d?.orders ?? 0, unitsWaiting: d?.units ?? 0,
      }
    })
    const sorted = lines.map((l) => ({ l, key: portalKeyOf(l) })).sort((a, b) => (before(a.key, b.key) ? -1 : before(b.key, a.key) ? 1 : 0))
    return sorted.filter(({ key }) => after === undefined || before(after, key)).slice(0, limit).map(({ l }) => l)
  }

  /**
   * What moving a line's ETA to `eta` would do to customers, if sent now: the move is decided as
   * the ETA route decides it (so it is refused for the same reasons), and its supply change is
   * planned by re-promising without writing anything.
   */
  async etaImpact(poId: string, lineRef: string, eta: number, by: Actor): Promise<Result<{ line: PoLine; impact: SupplyImpact }>> {
    const po = await loadPo(this.#db, poId)
    if (!po || !visible(po, by)) return notFound('purchase_order', poId)
    const asns = await loadAsns(this.#db, po.id)
    const moved = changeEta(po, lineRef, eta, 'preview', { nowMs: this.#clock.nowMs(), actor: by.actor, party: by.party })
    if (!moved.ok) return moved
    // The line as it is now (its current ETA), found as the decision found it (by id or number).
    const line = po.lines.find((l) => l.id === moved.value.events[0].lineId)!
    const events = supplyEventsOf(po, asns, moved.value.po, asns, moved.value.events[0]?.kind ?? 'changed')
    return ok({ line, impact: await this.#impactOf(events) })
  }
}

/** How sure the line's remaining units are: not yet confirmed, confirmed, or all of them on a truck. */
function confidenceOf(l: PoLine): PortalLine['confidence'] {
  if (l.quantityAccepted === null) return 'unconfirmed'
  return l.quantityInTransit >= openQuantity(l) ? 'shipped' : 'confirmed'
}
