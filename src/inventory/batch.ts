import { invariant } from '../kernel/result.ts'
import type { DomainEvent } from '../events/index.ts'
import type { Queryable } from '../store/db.ts'
import type { SupplySlot } from '../supply/index.ts'
import {
  positionKey, type BucketName, type Delta, type Lock, type MovementKind, type Position, type Reservation, type Transfer,
} from './model.ts'

export interface MovementDraft {
  skuId: string
  nodeId: string
  kind: MovementKind
  quantity: number
  requestCount: number
  delta: Required<Delta>
  reason: string | null
  refType: string | null
  refId: string | null
  actor: string
}

export interface NewReservation extends Reservation {
  idemKey: string | null
  requestHash: string | null
}

export interface StoredResponse {
  scopeKey: string
  requestHash: string
  statusCode: number
  response: string
}


/**
 * How another context's rows reach its table at the end of a batch: the owner defines the sink
 * (and its SQL); the batch only collects rows for it.
 */
export interface RowSink<R> {
  readonly name: string
  write(tx: Queryable, rows: readonly R[]): Promise<void>
}

/** A typed slot of per-batch state a document op keeps; one key object per kind of state. */
export interface BatchLocal<T> {
  readonly name: string
  init(): T
}

/** Timed locks first, the soonest first; then the oldest. */
const releaseOrder = (a: Lock, b: Lock): number =>
  (a.releaseAtMs ?? Number.POSITIVE_INFINITY) - (b.releaseAtMs ?? Number.POSITIVE_INFINITY) || a.createdAtMs - b.createdAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Kinds that arrive by the thousand in a flash sale: one movement per position, kind and reason per batch. */
const coalescedKinds = new Set<MovementKind>(['reserve', 'release', 'commit'])

const zeroDelta = (): Required<Delta> => ({
  onHand: 0, reserved: 0, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0,
})

/**
 * The working state of one engine batch: positions locked for the batch, the documents its
 * requests touch, and everything to write when the batch commits.
 */
export class BatchState {
  readonly batchId: string
  readonly nowMs: number
  readonly positions: Map<string, Position>
  readonly reservations = new Map<string, Reservation>()
  readonly locks = new Map<string, Lock>()
  readonly transfers = new Map<string, Transfer>()

  readonly movements: MovementDraft[] = []
  readonly #coalesced = new Map<string, MovementDraft>()
  readonly changedPositions = new Set<Position>()
  readonly newReservations: NewReservation[] = []
  readonly endedReservations: Reservation[] = []
  readonly newLocks: Lock[] = []
  readonly endedLocks: Lock[] = []
  /** Channel locks whose quantity a reservation or order took units from (some down to 0, released). */
  readonly changedLocks = new Set<Lock>()
  readonly newTransfers: Transfer[] = []
  readonly changedTransfers = new Set<Transfer>()
  readonly storedResponses: StoredResponse[] = []
  readonly events: DomainEvent[] = []

  /** Supply slots of the positions documents touch, by position key, in promise order; locked with them. */
  readonly slots = new Map<string, SupplySlot[]>()
  readonly changedSlots = new Set<SupplySlot>()
  /** Other writes of documents, run after the inventory rows, in order. */
  readonly writes: Array<(tx: Queryable) => Promise<void>> = []
  /** Rows other contexts' documents add, by the sink (the owner's writer) that writes them: one multi-row insert each. */
  readonly #staged = new Map<RowSink<unknown>, unknown[]>()
  readonly #locals = new Map<BatchLocal<unknown>, unknown>()
  /**
   * Active channel locks (fences) at the positions whose fences were loaded under the position
   * locks (`ledger.ts` `loadFences`), by position key, the soonest released first.
   */
  readonly #fences = new Map<string, Lock[]>()

  constructor(batchId: string, nowMs: number, positions: Map<string, Position>) {
    this.batchId = batchId
    this.nowMs = nowMs
    this.positions = positions
  }

  position(skuId: string, nodeId: string): Position {
    const last = this.#lastPosition
    if (last && last.skuId === skuId && last.nodeId === nodeId) return last
    const p = this.positions.get(positionKey(skuId, nodeId))
    invariant(p, `position ${skuId}@${nodeId} was not locked for this batch`)
    this.#lastPosition = p
    return p
  }

  /** The slots at a position, in promise order; the position's slots must have been locked. */
  slotsAt(skuId: string, nodeId: string): SupplySlot[] {
    const slots = this.slots.get(positionKey(skuId, nodeId))
    invariant(slots, `slots of ${skuId}@${nodeId} were not locked for this batch`)
    return slots
  }

  /** Records the active channel locks at a position, read under its lock; the same objects as `locks` holds. */
  setFences(skuId: string, nodeId: string, fences: Lock[]): void {
    this.#fences.set(positionKey(skuId, nodeId), fences.sort(releaseOrder))
  }

  /** A channel lock made in this batch joins its position's fences when they are loaded (a later request may take from it). */
  addFence(l: Lock): void {
    const fences = this.#fences.get(positionKey(l.skuId, l.nodeId))
    if (!fences || l.channelId === null) return
    fences.push(l)
    fences.sort(releaseOrder)
  }

  /** Units ring-fenced for the channel at a position now (0 for no channel); its fences must have been loaded. */
  fenceOf(skuId: string, nodeId: string, channelId: string | null): number {
    if (channelId === null) return 0
    const fences = this.#fences.get(positionKey(skuId, nodeId))
    invariant(fences, `fences at ${skuId}@${nodeId} were not loaded for this batch`)
    let units = 0
    for (const l of fences) if (l.status === 'active' && l.channelId === channelId) units += l.quantity
    return units
  }

  /**
   * Takes units out of the channel's fence at a position, the lock released soonest first, so
   * units that would go back to general stock anyway are used first; a lock emptied is released.
   * The caller applies the matching L − quantity in the same movement as its O + quantity.
   */
  takeFromFence(skuId: string, nodeId: string, channelId: string | null, quantity: number): void {
    if (quantity === 0) return
    invariant(channelId !== null, 'only a channel takes from a fence')
    let left = quantity
    for (const l of this.#fences.get(positionKey(skuId, nodeId)) ?? []) {
      if (left === 0) break
      if (l.status !== 'active' || l.channelId !== channelId) continue
      const take = Math.min(left, l.quantity)
      l.quantity -= take
      left -= take
      if (l.quantity === 0) {
        l.status = 'released'
        l.releasedAtMs = this.nowMs
      }
      this.changedLocks.add(l)
    }
    invariant(left === 0, `the fence of ${channelId} at ${skuId}@${nodeId} is ${quantity - left} short`)
  }

  /**
   * Holds stock at a position for a channel (an order line's stock part): O + quantity, taking
   * the channel's fence first (L − those units) in the same coalesced `reserve` movement.
   */
  reserveStock(p: Position, channelId: string | null, quantity: number, actor: string): void {
    const fenced = Math.min(quantity, this.fenceOf(p.skuId, p.nodeId, channelId))
    this.takeFromFence(p.skuId, p.nodeId, channelId, fenced)
    this.apply(p, fenced > 0 ? { reserved: quantity, locked: -fenced } : { reserved: quantity }, 'reserve', quantity, { actor })
  }

  /** Promises (or, negative, takes back) units of a slot. */
  promise(slot: SupplySlot, quantity: number): void {
    const after = slot.promised + quantity
    invariant(after >= 0, `slot ${slot.id} would be promised ${after}`)
    slot.promised = after
    this.changedSlots.add(slot)
  }

  /** Units of a slot that arrived as stock for the lines promised on it: its quantity and its promise fall together. */
  consume(slot: SupplySlot, quantity: number): void {
    invariant(quantity >= 0 && quantity <= slot.quantity, `slot ${slot.id} cannot give ${quantity} of its ${slot.quantity} units`)
    slot.quantity -= quantity
    this.promise(slot, -quantity)
  }

  /** Adds a row for the sink to write when the batch commits (after the inventory rows, sinks in the order first used). */
  stage<R>(sink: RowSink<R>, row: R): void {
    const rows = this.#staged.get(sink)
    if (rows) rows.push(row)
    else this.#staged.set(sink, [row])
  }

  /** The rows staged for a sink so far, in order. */
  staged<R>(sink: RowSink<R>): readonly R[] {
    // The map is keyed by the sink, and stage() only ever adds an R under a RowSink<R>.
    return (this.#staged.get(sink) ?? []) as R[]
  }

  /** Writes every sink's rows: called once, by the ledger, inside the batch transaction. */
  async writeStaged(tx: Queryable): Promise<void> {
    for (const [sink, rows] of this.#staged) await sink.write(tx, rows)
  }

  /** What a document op keeps for the rest of the batch (e.g. units a customer already bought), made on first use. */
  local<T>(key: BatchLocal<T>): T {
    if (this.#locals.has(key)) return this.#locals.get(key) as T
    const value = key.init()
    this.#locals.set(key, value)
    return value
  }

  /** In a flash sale most requests hit the same position: skip the map lookups for a repeat. */
  #lastPosition: Position | undefined
  #lastCoalesced: { p: Position; kind: MovementKind; reason: string | null; draft: MovementDraft } | undefined

  /** Applies a decided change to a position and records the movement that explains it. */
  apply(
    p: Position,
    delta: Delta,
    kind: MovementKind,
    quantity: number,
    meta: { reason?: string | null; refType?: string | null; refId?: string | null; actor: string },
  ): void {
    let name: BucketName
    for (name in delta) {
      const after = p[name] + delta[name]!
      invariant(after >= 0, `${name} would be negative at ${p.skuId}@${p.nodeId}`)
      p[name] = after
    }
    this.changedPositions.add(p)
    const draft = coalescedKinds.has(kind) ? this.#coalescedDraft(p, kind, meta.reason ?? null) : this.#newDraft(p, kind, meta)
    draft.quantity += quantity
    draft.requestCount++
    for (name in delta) draft.delta[name] += delta[name]!
  }

  #coalescedDraft(p: Position, kind: MovementKind, reason: string | null): MovementDraft {
    const last = this.#lastCoalesced
    if (last && last.p === p && last.kind === kind && last.reason === reason) return last.draft
    const coalesceKey = `${positionKey(p.skuId, p.nodeId)}|${kind}|${reason ?? ''}`
    let draft = this.#coalesced.get(coalesceKey)
    if (!draft) {
      // A coalesced movement points at its batch; each reservation records its batch too.
      draft = this.#newDraft(p, kind, { reason, refType: 'batch', refId: this.batchId, actor: 'engine' })
      this.#coalesced.set(coalesceKey, draft)
    }
    this.#lastCoalesced = { p, kind, reason, draft }
    return draft
  }

  #newDraft(p: Position, kind: MovementKind, meta: { reason?: string | null; refType?: string | null; refId?: string | null; actor: string }): MovementDraft {
    const draft: MovementDraft = {
      skuId: p.skuId,
      nodeId: p.nodeId,
      kind,
      quantity: 0,
      requestCount: 0,
      delta: zeroDelta(),
      reason: meta.reason ?? null,
      refType: meta.refType ?? null,
      refId: meta.refId ?? null,
      actor: meta.actor,
    }
    this.movements.push(draft)
    return draft
  }
}
