/**
 * The reservation engine: group commit. Requests queue; each turn of the event loop one batch
 * opens one transaction, locks the touched positions once, decides every request in arrival
 * order, writes everything with multi-row statements, commits, and only then answers the
 * callers. The database row lock serialises batches across any number of server processes.
 */
import type { Logger } from 'pino'
import { isStorageUnavailable, isUniqueViolation, isValueRefused, type Db, type Queryable } from '../store/db.ts'
import type { Clock } from '../kernel/clock.ts'
import { newId } from '../kernel/ids.ts'
import { type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import type { Metrics } from '../http/metrics.ts'
import { BatchState } from './batch.ts'
import type { DomainEvent } from '../events/index.ts'
import { selectIn } from '../store/sql.ts'
import { loadFences, lockOf, lockPositions, reservationOf, transferOf, writeBatch, type LockRow, type ReservationRow, type TransferRow } from './ledger.ts'
import { directKeys, storedKeyOf, takesFences, type DocumentOp, type KeyedRow, type Op } from './ops.ts'
import { lockSlots } from '../supply/index.ts'
import { runOp, type ReserveOutcome } from './run.ts'
import { positionKey, sellable, type Lock, type Reservation, type Transfer } from './model.ts'

export interface EngineOptions {
  /** Most requests decided in one transaction. */
  maxBatch?: number
  /** How often held reservations and timed locks past their deadline are released; 0 turns it off. */
  sweepIntervalMs?: number
}

export interface Outcome {
  result: Result<unknown>
  /** The answer to an earlier request with the same idempotency key. */
  replayed: boolean
}

/** Supply and stock changes one transaction made, handed to the promising context before it commits (DOMAIN.md §4). */
export interface SupplyNotice {
  /** Positions whose future supply or sellable stock changed; the transaction holds their locks. */
  positions: Array<{ skuId: string; nodeId: string }>
  /** The change's supply events as written to the outbox: `supply.changed`, `supply.qc_failed`, `inventory.shortage`. */
  events: DomainEvent[]
}

/** Runs inside the changing transaction, after its writes; a throw rolls the change back. */
export type SupplyListener = (tx: Queryable, notice: SupplyNotice) => Promise<void>

/**
 * Everyone who re-plans when supply or sellable stock changes (promising today, replenishment
 * next), each called in the order it subscribed, inside the changing transaction.
 */
export class SupplySubscribers {
  readonly #listeners: SupplyListener[] = []

  add(listener: SupplyListener): void {
    this.#listeners.push(listener)
  }

  get any(): boolean {
    return this.#listeners.length > 0
  }

  async notify(tx: Queryable, notice: SupplyNotice): Promise<void> {
    for (const listener of this.#listeners) await listener(tx, notice)
  }
}

/** The events that name a position whose supply or stock changed. */
export type SupplyEvent = Extract<DomainEvent, { topic: 'supply.changed' | 'supply.qc_failed' | 'inventory.shortage' }>

export const isSupplyEvent = (e: DomainEvent): e is SupplyEvent =>
  e.topic === 'supply.changed' || e.topic === 'supply.qc_failed' || e.topic === 'inventory.shortage'
/** Holds taken, released or shipped move O only; re-promising on them would run on every flash-sale batch. */
const holdKinds = new Set(['reserve', 'release', 'commit'])

/**
 * What a batch changed that promises depend on: positions named by supply events (the caller's
 * and the batch's own), and positions where stock became sellable (a receipt, a restore, an
 * unlock), which waiting backorders get before anyone new. Undefined when nothing did.
 */
export function supplyNoticeOf(state: BatchState, callerEvents: readonly DomainEvent[] = []): SupplyNotice | undefined {
  const events = [...callerEvents, ...state.events.filter(isSupplyEvent)]
  const keys = new Map<string, { skuId: string; nodeId: string }>()
  for (const e of events) {
    if (!isSupplyEvent(e)) continue
    const { skuId, nodeId } = e.payload
    keys.set(positionKey(skuId, nodeId), { skuId, nodeId })
  }
  for (const m of state.movements) {
    if (!holdKinds.has(m.kind) && sellable(m.delta) > 0) keys.set(positionKey(m.skuId, m.nodeId), { skuId: m.skuId, nodeId: m.nodeId })
  }
  return keys.size === 0 ? undefined : { positions: [...keys.values()], events }
}

interface Pending {
  op: Op
  resolve(outcome: Outcome): void
  reject(error: unknown): void
}

interface Replay {
  requestHash: string
  value: unknown
}

export class Engine {
  readonly #db: Db
  readonly #clock: Clock
  readonly #metrics: Metrics
  readonly #logger: Logger
  readonly #maxBatch: number
  #queue: Pending[] = []
  #draining: Promise<void> | undefined
  readonly #supplySubscribers: SupplySubscribers

  constructor(db: Db, clock: Clock, metrics: Metrics, logger: Logger, options: EngineOptions = {}, supplySubscribers = new SupplySubscribers()) {
    this.#supplySubscribers = supplySubscribers
    this.#db = db
    this.#clock = clock
    this.#metrics = metrics
    this.#logger = logger
    this.#maxBatch = options.maxBatch ?? 4096
  }

  /** Resolves after the batch holding `op` has committed (or with the reason it was refused). */
  submit(op: Op): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      this.#queue.push({ op, resolve, reject })
      // Everything submitted in this turn of the event loop joins the same batch.
      this.#draining ??= new Promise<void>((done) => setImmediate(() => this.#drain().finally(done)))
    })
  }

  /** Waits for every queued request to be committed or refused. */
  async idle(): Promise<void> {
    while (this.#draining) await this.#draining
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.length <= this.#maxBatch ? this.#queue : this.#queue.slice(0, this.#maxBatch)
      this.#queue = this.#queue.length <= this.#maxBatch ? [] : this.#queue.slice(this.#maxBatch)
      await this.#commitBatch(batch)
    }
    this.#draining = undefined
  }

  async #commitBatch(batch: Pending[]): Promise<void> {
    const startedMs = performance.now()
    const answers = await this.#commitIsolating(batch)
    this.#metrics.batchSize.observe(batch.length)
    this.#metrics.batchSeconds.observe((performance.now() - startedMs) / 1000)
    const committed: Array<{ op: Op; outcome: Outcome }> = []
    for (let i = 0; i < batch.length; i++) {
      const answer = answers[i]
      if (answer instanceof Error) batch[i].reject(answer)
      else {
        committed.push({ op: batch[i].op, outcome: answer })
        batch[i].resolve(answer)
      }
    }
    this.#countReservations(committed)
  }

  /**
   * Commits the batch; when it fails to write, commits each half on its own, and so on down to
   * the requests that fail alone, so one bad request never fails the others. Halves commit in
   * arrival order, so every request is still decided after the ones before it. A lone request
   * whose value the database refuses is answered 422 (its fault); any other failure is a real
   * fault and answers 500. An unreachable database fails the whole batch at once: no half
   * could commit either.
   */
  async #commitIsolating(batch: Pending[]): Promise<Array<Outcome | Error>> {
    try {
      return await this.#commitRetryingKeyRaces(batch)
    } catch (error) {
      if (isStorageUnavailable(error) || batch.length === 1) {
        const answer = this.#refusedAlone(error, batch.length)
        return batch.map(() => answer)
      }
      this.#metrics.batchesSplit.inc()
      const half = batch.length >> 1
      const first = await this.#commitIsolating(batch.slice(0, half))
      return first.concat(await this.#commitIsolating(batch.slice(half)))
    }
  }

  #refusedAlone(error: unknown, requests: number): Outcome | Error {
    if (requests === 1 && isValueRefused(error)) {
      this.#metrics.requestsIsolated.inc({ fault: 'request' })
      this.#logger.warn({ dbCode: dbCodeOf(error) }, 'a request carried a value the database refused; only it was refused')
      return { replayed: false, result: fail('value_not_storable', 'A value in this request cannot be stored (too long, out of range, or a character the database refuses, such as NUL); nothing was changed. Correct the value and send it again.') }
    }
    if (requests === 1) this.#metrics.requestsIsolated.inc({ fault: 'server' })
    this.#logger.error({ err: error, requests }, 'inventory batch failed; no request in it was acknowledged')
    return error instanceof Error ? error : new Error(String(error))
  }

  /**
   * Two processes can take the same new idempotency key at once (a client retrying against
   * another instance). The loser's insert fails only after the winner commits, so deciding the
   * batch again finds the winner's row and replays it instead of failing everyone in the batch.
   */
  async #commitRetryingKeyRaces(batch: Pending[]): Promise<Outcome[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#db.tx((tx) => this.#decideAndWrite(tx, batch))
      } catch (error) {
        if (attempt >= 3 || !isUniqueViolation(error)) throw error
        this.#logger.warn({ attempt }, 'idempotency key taken by a concurrent batch; deciding the batch again')
      }
    }
  }

  async #decideAndWrite(tx: Queryable, batch: Pending[]): Promise<Outcome[]> {
    const nowMs = this.#clock.nowMs()
    const ops = batch.map((p) => p.op)
    let docs = await loadDocuments(tx, ops)
    const keys = distinctKeys(ops.flatMap(directKeys))
    for (const d of [...docs.reservations.values(), ...docs.locks.values()]) keys.push(d)
    for (const t of docs.transfers.values()) keys.push({ skuId: t.skuId, nodeId: t.fromNodeId }, { skuId: t.skuId, nodeId: t.toNodeId })
    const positions = await lockPositions(tx, keys, nowMs)
    // PostgreSQL: read the documents again now that their positions are locked; a concurrent
    // batch in another process may have changed them in between.
    if (tx.dialect === 'postgres' && docs.count > 0) docs = await loadDocuments(tx, ops)
    const state = new BatchState(newId('bat'), nowMs, positions)
    for (const [id, r] of docs.reservations) state.reservations.set(id, r)
    for (const [id, l] of docs.locks) state.locks.set(id, l)
    for (const [id, t] of docs.transfers) state.transfers.set(id, t)
    // Fences are read under the position locks, so the check and the take are one with the batch.
    await loadFences(tx, state, distinctKeys(ops.filter(takesFences).flatMap(directKeys)))
    await prepareDocuments(tx, state, ops)
    const replays = await loadReplays(tx, ops)
    const outcomes = ops.map((op) => decideOne(state, op, replays))
    await writeBatch(tx, state)
    const notice = this.#supplySubscribers.any && supplyNoticeOf(state)
    if (notice) await this.#supplySubscribers.notify(tx, notice)
    return outcomes
  }

  /** Reservation lines by outcome, counted once per batch (label formatting is not free). */
  #countReservations(committed: ReadonlyArray<{ op: Op; outcome: Outcome }>): void {
    const counts = new Map<string, number>()
    const add = (outcome: string, n: number) => counts.set(outcome, (counts.get(outcome) ?? 0) + n)
    for (const { op, outcome: { result, replayed } } of committed) {
      if (op.kind !== 'reserve' || replayed) continue
      if (!result.ok) add(result.code, op.lines.length)
      else for (const line of (result.value as ReserveOutcome).lines) add(line.ok ? 'accepted' : line.code, 1)
    }
    for (const [outcome, n] of counts) this.#metrics.reservations.inc({ outcome }, n)
  }
}

/** The database's own error code, for the log (never the values, which may be personal data). */
const dbCodeOf = (error: unknown): unknown => (error as { code?: unknown; errcode?: unknown })?.code ?? (error as { errcode?: unknown })?.errcode

/** Locks the supply slots of every position a document op touches, then lets each op load what it needs. */
async function prepareDocuments(tx: Queryable, state: BatchState, ops: Op[]): Promise<void> {
  const documents = ops.filter((op): op is DocumentOp => op.kind === 'document')
  if (documents.length === 0) return
  for (const [key, slots] of await lockSlots(tx, distinctKeys(documents.flatMap((op) => op.keys)))) state.slots.set(key, slots)
  // Most documents load nothing: awaiting each of thousands would cost a microtask turn apiece.
  for (const op of documents) if (op.prepare) await op.prepare(tx, state)
}

/** Positions once each; in a flash sale nearly every request names the same one, so repeats of the last are skipped first. */
function distinctKeys(keys: ReadonlyArray<{ skuId: string; nodeId: string }>): Array<{ skuId: string; nodeId: string }> {
  const out: Array<{ skuId: string; nodeId: string }> = []
  const seen = new Set<string>()
  let last: { skuId: string; nodeId: string } | undefined
  for (const k of keys) {
    if (last && last.skuId === k.skuId && last.nodeId === k.nodeId) continue
    last = k
    const key = positionKey(k.skuId, k.nodeId)
    if (!seen.has(key)) {
      seen.add(key)
      out.push(k)
    }
  }
  return out
}

/** Atomic reserve requests remember their key on the reservation rows (documents may name their own row); everything else in idempotency_keys. */
const remembersOnReservations = (op: Op): boolean => op.kind === 'reserve' && op.atomic

/** Requests whose own rows carry their key: nothing to add to idempotency_keys. */
const remembersOnOwnRows = (op: Op): boolean => remembersOnReservations(op) || (op.kind === 'document' && op.remembersOn !== undefined)

function decideOne(state: BatchState, op: Op, replays: Map<string, Replay>): Outcome {
  const idem = op.idem
  const key = storedKeyOf(op)
  if (idem && key) {
    const earlier = replays.get(key)
    if (earlier) {
      if (earlier.requestHash !== idem.requestHash) {
        return { replayed: false, result: fail('idempotency_key_reused', 'This Idempotency-Key was used for a different request; use a new key.') }
      }
      return { replayed: true, result: { ok: true, value: earlier.value } }
    }
  }
  const result = runOp(state, op)
  // Only effects are remembered: a refused request may be retried with the same key.
  if (idem && key && result.ok) {
    replays.set(key, { requestHash: idem.requestHash, value: result.value })
    if (!remembersOnOwnRows(op)) {
      state.storedResponses.push({ scopeKey: key, requestHash: idem.requestHash, statusCode: 200, response: JSON.stringify(result.value) })
    }
  }
  return { replayed: false, result }
}

interface Documents {
  reservations: Map<string, Reservation>
  locks: Map<string, Lock>
  transfers: Map<string, Transfer>
  count: number
}

async function loadDocuments(tx: Queryable, ops: Op[]): Promise<Documents> {
  const reservationIds: string[] = []
  const lockIds: string[] = []
  const transferIds: string[] = []
  for (const op of ops) {
    if (op.kind === 'release' || op.kind === 'commit') reservationIds.push(op.reservationId)
    else if (op.kind === 'unlock') lockIds.push(op.lockId)
    else if (op.kind === 'transfer_ship' || op.kind === 'transfer_receive' || op.kind === 'transfer_cancel' || op.kind === 'transfer_eta') transferIds.push(op.transferId)
  }
  const reservations = await selectIn<ReservationRow>(tx, 'SELECT * FROM reservations WHERE id', reservationIds)
  const locks = await selectIn<LockRow>(tx, 'SELECT * FROM locks WHERE id', lockIds)
  const transfers = await selectIn<TransferRow>(tx, 'SELECT * FROM transfers WHERE id', transferIds)
  return {
    reservations: new Map(reservations.map((r) => [r.id, reservationOf(r)])),
    locks: new Map(locks.map((l) => [l.id, lockOf(l)])),
    transfers: new Map(transfers.map((t) => [t.id, transferOf(t)])),
    count: reservations.length + locks.length + transfers.length,
  }
}

async function loadReplays(tx: Queryable, ops: Op[]): Promise<Map<string, Replay>> {
  const replays = new Map<string, Replay>()
  const lineKeys: string[] = []
  const scopeKeys: string[] = []
  const documents: Array<{ on: KeyedRow; key: string }> = []
  for (const op of ops) {
    const key = storedKeyOf(op)
    if (!key) continue
    // Any reservation row with this key means the key is taken, whichever kind of reserve took it.
    if (op.kind === 'reserve') op.lines.forEach((_, i) => lineKeys.push(`${key}#${i}`))
    if (op.kind === 'document' && op.remembersOn) documents.push({ on: op.remembersOn, key })
    else if (!remembersOnReservations(op)) scopeKeys.push(key)
  }
  await loadDocumentReplays(tx, documents, replays)
  const rows = await selectIn<ReservationRow>(tx, 'SELECT * FROM reservations WHERE idem_key', lineKeys)
  const byRequest = new Map<string, ReservationRow[]>()
  for (const row of rows) {
    const scopeKey = row.idem_key!.slice(0, row.idem_key!.lastIndexOf('#'))
    byRequest.set(scopeKey, [...(byRequest.get(scopeKey) ?? []), row])
  }
  for (const [scopeKey, lines] of byRequest) {
    lines.sort((a, b) => lineOf(a) - lineOf(b))
    replays.set(scopeKey, {
      requestHash: lines[0].request_hash ?? '',
      value: { lines: lines.map((r) => ({ ok: true as const, value: reservationOf(r) })) } satisfies ReserveOutcome,
    })
  }
  // A line-by-line reserve's full answer (refused lines included) overrides its rows.
  const stored = await selectIn<{ scope_key: string; request_hash: string; response: string }>(
    tx, 'SELECT scope_key, request_hash, response FROM idempotency_keys WHERE scope_key', scopeKeys)
  for (const s of stored) replays.set(s.scope_key, { requestHash: s.request_hash, value: JSON.parse(s.response) })
  return replays
}

/** Keys kept on documents' own rows, one query per table; each op's `replayOf` makes its answer from the row. */
async function loadDocumentReplays(tx: Queryable, documents: Array<{ on: KeyedRow; key: string }>, replays: Map<string, Replay>): Promise<void> {
  const byTable = new Map<string, Array<{ on: KeyedRow; key: string }>>()
  for (const d of documents) {
    const at = `${d.on.table}|${d.on.keyColumn}`
    let group = byTable.get(at)
    if (!group) byTable.set(at, (group = []))
    group.push(d)
  }
  for (const group of byTable.values()) {
    const { table, keyColumn } = group[0].on
    const rows = await selectIn<Record<string, unknown>>(tx, `SELECT * FROM ${table} WHERE ${keyColumn}`, group.map((d) => d.key))
    if (rows.length === 0) continue
    const rowByKey = new Map(rows.map((r) => [String(r[keyColumn]), r]))
    for (const { on, key } of group) {
      const row = rowByKey.get(key)
      if (row) replays.set(key, { requestHash: String(row[on.hashColumn] ?? ''), value: on.replayOf(row) })
    }
  }
}

const lineOf = (r: ReservationRow): number => Number(r.idem_key!.slice(r.idem_key!.lastIndexOf('#') + 1))
