/**
 * The seeded simulation (ARCHITECTURE.md, "Tests that prove"): random inventory requests in random
 * concurrent groups against the engine and a sequential reference model. The engine decides in
 * arrival order, so every outcome and every bucket must match the model exactly.
 * Each run replays the regression seeds and explores one fresh seed (helpers/seeds.ts); replay a
 * failure with SIM_SEED=<seed> (and SIM_STEPS=<groups> if the run was given other than the default).
 */
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storeKinds } from '../src/store/testing.ts'
import * as decide from '../src/inventory/decide.ts'
import { emptyBuckets, positionKey, type Buckets, type Reservation } from '../src/inventory/model.ts'
import type { Op, ReserveOp } from '../src/inventory/ops.ts'
import type { Result } from '../src/kernel/result.ts'
import { allBuckets, assertFold, positionOp, world } from './helpers/inventory.ts'
import { replayHint, seedsFor } from './helpers/seeds.ts'

/** Fixed seeds run on every run, beside one fresh seed. */
const regressionSeeds = [20261122]
/** Groups per seed: two seeds of 200 take the time one of 400 took. */
const groups = Number(process.env.SIM_STEPS ?? 200)

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(s: number) {
  let a = s >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)], chance: (p: number) => next() < p }
}

type Doc = { skuId: string; nodeId: string; quantity: number; status: string }
type Expected = { ok: boolean; code?: string; lines?: Array<string | true>; shortage?: number; bind?: (value: any) => void }

/** The reference model: positions and documents, changed only through decide.ts, one request at a time. */
class Model {
  positions = new Map<string, Buckets>()
  reservations = new Map<string, Doc & { holdUntilMs: number | null }>()
  locks = new Map<string, Doc>()
  transfers = new Map<string, Doc & { from: string; to: string }>()

  at(skuId: string, nodeId: string): Buckets {
    const key = positionKey(skuId, nodeId)
    if (!this.positions.has(key)) this.positions.set(key, emptyBuckets())
    return this.positions.get(key)!
  }
  apply(skuId: string, nodeId: string, delta: object) {
    this.positions.set(positionKey(skuId, nodeId), decide.applyDelta(this.at(skuId, nodeId), delta))
  }

  /** The outcome the engine must give for `op` decided at `nowMs`, applied to the model. */
  decide(op: Op, nowMs: number): Expected {
    const refused = (r: { ok: false; code: string }): Expected => ({ ok: false, code: r.code })
    switch (op.kind) {
      case 'reserve': {
        const trial = new Map(this.positions)
        const decisions = op.lines.map((l) => {
          const d = decide.reserve(this.at(l.skuId, l.nodeId), l.quantity)
          if (d.ok) this.apply(l.skuId, l.nodeId, d.value)
          return d
        })
        const firstRefused = decisions.find((d) => !d.ok)
        if (op.atomic && firstRefused && !firstRefused.ok) {
          this.positions = trial
          return refused(firstRefused)
        }
        return {
          ok: true,
          lines: decisions.map((d) => (d.ok ? true : d.code)),
          bind: (value: { lines: Array<Result<Reservation>> }) => value.lines.forEach((l, i) => {
            if (l.ok) this.reservations.set(l.value.id, { ...op.lines[i], status: 'held', holdUntilMs: op.holdUntilMs })
          }),
        }
      }
      case 'release': case 'commit': {
        const r = this.reservations.get(op.reservationId)
        if (!r) return { ok: false, code: 'reservation_not_found' }
        const asReservation = { ...r, holdUntilMs: r.holdUntilMs, status: r.status } as Reservation
        if (op.kind === 'commit' && decide.isExpired(asReservation, nowMs)) {
          this.apply(r.skuId, r.nodeId, { reserved: -r.quantity })
          r.status = 'released'
          return { ok: false, code: 'reservation_expired' }
        }
        const d = op.kind === 'commit' ? decide.commit(this.at(r.skuId, r.nodeId), asReservation, nowMs) : decide.release(asReservation)
        if (!d.ok) return refused(d)
        this.apply(r.skuId, r.nodeId, d.value)
        r.status = op.kind === 'commit' ? 'committed' : 'released'
        return { ok: true }
      }
      case 'lock': {
        const d = decide.lock(this.at(op.skuId, op.nodeId), op.quantity)
        if (!d.ok) return refused(d)
        this.apply(op.skuId, op.nodeId, d.value)
        return { ok: true, bind: (v: { id: string }) => this.locks.set(v.id, { skuId: op.skuId, nodeId: op.nodeId, quantity: op.quantity, status: 'active' }) }
      }
      case 'unlock': {
        const l = this.locks.get(op.lockId)!
        const d = decide.unlock({ quantity: l.quantity, status: l.status } as never)
        if (!d.ok) return refused(d)
        this.apply(l.skuId, l.nodeId, d.value)
        l.status = 'released'
        return { ok: true }
      }
      case 'transfer_create': {
        if (op.fromNodeId === op.toNodeId) return { ok: false, code: 'transfer_same_node' }
        const d = decide.transferReserve(this.at(op.skuId, op.fromNodeId), op.quantity)
        if (!d.ok) return refused(d)
        this.apply(op.skuId, op.fromNodeId, d.value)
        return { ok: true, bind: (v: { id: string }) => this.transfers.set(v.id, { skuId: op.skuId, nodeId: op.fromNodeId, from: op.fromNodeId, to: op.toNodeId, quantity: op.quantity, status: 'reserved' }) }
      }
      case 'transfer_ship': case 'transfer_receive': case 'transfer_cancel': {
        const t = this.transfers.get(op.transferId)!
        const doc = { quantity: t.quantity, status: t.status } as never
        if (op.kind === 'transfer_cancel') {
          const d = decide.transferCancel(doc)
          if (!d.ok) return refused(d)
          this.apply(t.skuId, t.from, d.value)
          t.status = 'cancelled'
        } else if (op.kind === 'transfer_ship') {
          const d = decide.transferShip(this.at(t.skuId, t.from), doc)
          if (!d.ok) return refused(d)
          this.apply(t.skuId, t.from, d.value.origin)
          this.apply(t.skuId, t.to, d.value.destination)
          t.status = 'shipped'
        } else {
          const d = decide.transferReceive(doc, op.receivedQuantity!)
          if (!d.ok) return refused(d)
          this.apply(t.skuId, t.to, d.value.delta)
          t.status = 'received'
        }
        return { ok: true }
      }
      case 'document':
        throw new Error('the inventory simulation issues no document ops')
      case 'transfer_eta':
        throw new Error('the inventory simulation moves no ETAs')
      default: {
        const p = this.at(op.skuId, op.nodeId)
        const rules = {
          receive: () => ({ ok: true as const, value: { delta: { onHand: op.quantity }, shortage: 0 } }),
          count: () => decide.count(p, op.quantity),
          adjust: () => decide.adjust(p, op.quantity),
          mark_unsellable: () => decide.markUnsellable(p, op.quantity),
          restore: () => { const d = decide.restore(p, op.quantity); return d.ok ? { ok: true as const, value: { delta: d.value, shortage: 0 } } : d },
          set_virtual: () => decide.setVirtual(p, op.quantity),
        }
        const d = rules[op.kind]()
        if (!d.ok) return refused(d)
        this.apply(op.skuId, op.nodeId, d.value.delta)
        return { ok: true, shortage: d.value.shortage }
      }
    }
  }
}

/** One random request from what the model knows now (documents created earlier in the run). */
function randomOp(rnd: ReturnType<typeof prng>, m: Model, skus: string[], nodes: string[], nowMs: number): Op {
  const actor = 'sim'
  const skuId = rnd.pick(skus)
  const nodeId = rnd.pick(nodes)
  const q = rnd.int(1, 8)
  const pickDoc = <T>(docs: Map<string, T>) => (docs.size ? rnd.pick([...docs.keys()]) : undefined)
  for (;;) {
    switch (rnd.int(0, 15)) {
      case 0: case 1: return positionOp('receive', skuId, nodeId, rnd.int(1, 15), 'po')
      case 2: return positionOp('count', skuId, nodeId, Math.max(0, m.at(skuId, nodeId).onHand + rnd.int(-6, 3)), 'count')
      case 3: return positionOp('adjust', skuId, nodeId, rnd.chance(0.5) ? q : -q, 'adjust')
      case 4: return positionOp(rnd.pick(['mark_unsellable', 'restore'] as const), skuId, nodeId, rnd.int(1, 4), 'qc')
      case 5: return positionOp('set_virtual', skuId, nodeId, rnd.int(0, 6), 'supplier')
      case 6: case 7: case 8: {
        const lines = Array.from({ length: rnd.int(1, 3) }, () => ({ skuId: rnd.pick(skus), nodeId: rnd.pick(nodes), quantity: rnd.int(1, 5) }))
        const hold = rnd.chance(0.5) ? nowMs + rnd.int(1, 30_000) : null
        return { kind: 'reserve', lines, atomic: rnd.chance(0.5), holdUntilMs: hold, channelId: null, reference: null, actor } satisfies ReserveOp
      }
      case 9: case 10: {
        const id = rnd.chance(0.05) ? 'res_missing' : pickDoc(m.reservations)
        if (id) return { kind: rnd.pick(['release', 'commit'] as const), reservationId: id, reason: rnd.pick(['customer', 'shipped']), actor }
        break
      }
      case 11: return { kind: 'lock', skuId, nodeId, quantity: rnd.int(1, 4), reason: 'promo', releaseAtMs: null, actor }
      case 12: {
        const id = pickDoc(m.locks)
        if (id) return { kind: 'unlock', lockId: id, reason: 'promo over', actor }
        break
      }
      case 13: return { kind: 'transfer_create', skuId, fromNodeId: nodeId, toNodeId: rnd.chance(0.1) ? nodeId : rnd.pick(nodes.filter((n) => n !== nodeId)), quantity: rnd.int(1, 5), etaMs: null, actor }
      default: {
        const id = pickDoc(m.transfers)
        if (!id) break
        const kind = rnd.pick(['transfer_ship', 'transfer_receive', 'transfer_cancel'] as const)
        return { kind, transferId: id, receivedQuantity: kind === 'transfer_receive' ? rnd.int(0, m.transfers.get(id)!.quantity + 1) : undefined, actor }
      }
    }
  }
}

const describeOutcome = (r: Result<unknown>) => (r.ok ? 'ok' : r.code)

for (const kind of await storeKinds()) {
  describe(`inventory simulation (${kind})`, () => {
    for (const s of seedsFor(regressionSeeds)) test(`${s.kind} seed ${s.seed}: ${groups} concurrent groups match the reference model`, async (t) => {
      const where = replayHint(s)
      if (s.kind !== 'regression') t.diagnostic(where)
      const rnd = prng(s.seed)
      const w = await world(kind, 3, 3, { maxBatch: rnd.int(3, 12) })
      const m = new Model()
      const log: string[] = []
      try {
        for (let g = 0; g < groups; g++) {
          const ops: Op[] = []
          if (rnd.chance(0.1)) {
            // Expiry: time passes, and a sweep releases every held reservation now past its deadline.
            w.clock.advance(rnd.int(1, 20_000))
            for (const [id, r] of m.reservations) {
              if (r.status === 'held' && r.holdUntilMs !== null && r.holdUntilMs <= w.clock.nowMs()) {
                ops.push({ kind: 'release', reservationId: id, reason: 'expired', actor: 'system:expiry' })
              }
            }
          }
          const size = rnd.int(1, 12)
          for (let i = 0; i < size; i++) ops.splice(rnd.int(0, ops.length), 0, randomOp(rnd, m, w.skus, w.nodes, w.clock.nowMs()))
          // Submitted in one turn of the event loop: the engine sees them in this order.
          const pending = ops.map((op) => w.engine.submit(op))
          const expected = ops.map((op) => m.decide(op, w.clock.nowMs()))
          const outcomes = await Promise.all(pending)
          for (const [i, { result }] of outcomes.entries()) {
            const e = expected[i]
            const what = `${where}, group ${g}, request ${i}: ${JSON.stringify(ops[i])}\nrecent:\n${log.slice(-20).join('\n')}`
            assert.equal(describeOutcome(result), e.ok ? 'ok' : e.code, what)
            if (!result.ok) continue
            const value = result.value as { lines?: Array<Result<unknown>>; shortage?: number }
            if (e.lines) assert.deepEqual(value.lines!.map((l) => (l.ok ? true : l.code)), e.lines, what)
            if (e.shortage !== undefined) assert.equal(value.shortage, e.shortage, what)
            e.bind?.(value)
          }
          log.push(...ops.map((op, i) => `g${g} ${op.kind} ${JSON.stringify(op)} -> ${describeOutcome(outcomes[i].result)}`))
          const stored = await allBuckets(w.db)
          for (const [key, b] of m.positions) assert.deepEqual(stored.get(key) ?? emptyBuckets(), b, `${where}, after group ${g}: position ${key}`)
          for (const [key, b] of stored) assert.deepEqual(b, m.positions.get(key) ?? emptyBuckets(), `${where}, after group ${g}: position ${key}`)
          await assertFold(w.db).catch((error: Error) => { throw new Error(`${where}, after group ${g}: ${error.message}`, { cause: error }) })
        }
        assert.ok(log.filter((l) => l.endsWith('-> ok')).length > groups, `${where}: the run did real work`)
      } finally {
        await w.cleanup()
      }
    })
  })
}
