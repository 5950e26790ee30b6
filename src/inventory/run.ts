/** Runs one request against the batch state: load nothing, decide, record the change. */
import { newId } from '../kernel/ids.ts'
import { ok, type Failure, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import type { BatchState } from './batch.ts'
import * as decide from './decide.ts'
import { maxQuantity, type Delta, type Lock, type MovementKind, type Position, type Reservation, type Transfer } from './model.ts'
import { storedKeyOf, type LockOp, type Op, type PositionOp, type ReservationOp, type ReserveOp, type TransferCreateOp, type TransferEtaOp, type TransferStepOp, type UnlockOp } from './ops.ts'
import { lockView, positionView, reservationView, transferView, type ReservationView } from './views.ts'
import { transferStepCause, transferSupply, transferSupplyEvent } from './supply.ts'

export interface ReserveOutcome {
  /** One per line, in request order: a reservation or why that line was refused. */
  lines: Array<Result<Reservation>>
}

export function runOp(s: BatchState, op: Op): Result<unknown> {
  const invalid = invalidQuantity(op)
  if (invalid) return invalid
  switch (op.kind) {
    case 'reserve': return runReserve(s, op)
    case 'document': return op.decide(s)
    case 'release': case 'commit': return runReservationStep(s, op)
    case 'lock': return runLock(s, op)
    case 'unlock': return runUnlock(s, op)
    case 'transfer_create': return runTransferCreate(s, op)
    case 'transfer_ship': case 'transfer_receive': case 'transfer_cancel': return runTransferStep(s, op)
    case 'transfer_eta': return runTransferEta(s, op)
    default: return runPositionOp(s, op)
  }
}

/** The HTTP schemas already refuse these; the engine refuses them too, for every other caller. */
function invalidQuantity(op: Op): Failure | undefined {
  if (op.kind === 'document') return undefined
  const quantities = op.kind === 'reserve' ? op.lines.map((l) => l.quantity)
    : 'quantity' in op ? [op.kind === 'adjust' ? Math.abs(op.quantity) : op.quantity]
    : op.kind === 'transfer_receive' && op.receivedQuantity !== undefined ? [op.receivedQuantity] : []
  // Nothing may arrive of a transfer (a lost shipment), as a count may find nothing.
  const zeroAllowed = op.kind === 'count' || op.kind === 'set_virtual' || op.kind === 'transfer_receive'
  const bad = quantities.some((q) => !Number.isSafeInteger(q) || q > maxQuantity || q < (zeroAllowed ? 0 : 1))
  if (bad || (op.kind === 'reserve' && op.lines.length === 0)) {
    return fail('invalid_quantity', `Quantities must be whole numbers from ${zeroAllowed ? 0 : 1} to ${maxQuantity}.`)
  }
  return undefined
}

function runReserve(s: BatchState, op: ReserveOp): Result<ReserveOutcome> {
  if (op.atomic && op.lines.length > 1) {
    const refused = firstRefusedLine(s, op)
    if (refused) return refused
  }
  const lines = op.lines.map((line, i): Result<Reservation> => {
    const p = s.position(line.skuId, line.nodeId)
    const decision = decide.reserve(p, line.quantity, op.safetyBuffer, s.fenceOf(line.skuId, line.nodeId, op.channelId))
    if (!decision.ok) return decision
    const reservation = {
      id: newId('res'),
      skuId: line.skuId,
      nodeId: line.nodeId,
      quantity: line.quantity,
      status: 'held' as const,
      channelId: op.channelId,
      reference: op.reference,
      holdUntilMs: op.holdUntilMs,
      actor: op.actor,
      createdAtMs: s.nowMs,
      endedAtMs: null,
      endReason: null,
      idemKey: op.idem ? `${storedKeyOf(op)}#${i}` : null,
      requestHash: op.idem?.requestHash ?? null,
    }
    // Units out of the channel's fence leave L in the same movement as they enter O.
    s.takeFromFence(line.skuId, line.nodeId, op.channelId, -(decision.value.locked ?? 0))
    s.apply(p, decision.value, 'reserve', line.quantity, { actor: op.actor })
    s.newReservations.push(reservation)
    return ok(reservation)
  })
  // A single line that does not fit is the answer to an atomic request, not a line result.
  const only = lines[0]
  if (op.atomic && lines.length === 1 && !only.ok) return only
  return ok({ lines })
}

/** All-or-nothing: every line must fit, counting earlier lines of the same request on the same position. */
function firstRefusedLine(s: BatchState, op: ReserveOp): Failure | undefined {
  const demand = new Map<Position, number>()
  for (let i = 0; i < op.lines.length; i++) {
    const line = op.lines[i]
    const p = s.position(line.skuId, line.nodeId)
    const earlier = demand.get(p) ?? 0
    // Earlier lines' fenced units left L as they entered O: S as the channel sees it fell by exactly their quantity either way.
    const decision = decide.reserve({ ...p, reserved: p.reserved + earlier }, line.quantity, op.safetyBuffer, s.fenceOf(line.skuId, line.nodeId, op.channelId))
    if (!decision.ok) return op.lines.length === 1 ? decision : { ...decision, extra: { ...decision.extra, line: i } }
    demand.set(p, earlier + line.quantity)
  }
  return undefined
}

function runReservationStep(s: BatchState, op: ReservationOp): Result<ReservationView> {
  const r = s.reservations.get(op.reservationId)
  if (!r) return fail('reservation_not_found', `No reservation '${op.reservationId}'.`)
  const refused = op.guard?.(r)
  if (refused) return refused
  const p = s.position(r.skuId, r.nodeId)
  if (op.kind === 'commit') {
    const decision = decide.commit(p, r, s.nowMs)
    // Past its deadline the hold is released here and now, so the sweeper finds nothing left to do.
    if (decide.isExpired(r, s.nowMs)) endReservation(s, r, 'released', 'expired')
    if (!decision.ok) return decision
    s.apply(p, decision.value, 'commit', r.quantity, { actor: op.actor })
    endReservation(s, r, 'committed', op.reason)
    return ok(reservationView(r))
  }
  const decision = decide.release(r)
  if (!decision.ok) return decision
  endReservation(s, r, 'released', op.reason)
  return ok(reservationView(r))
}

function endReservation(s: BatchState, r: Reservation, status: 'released' | 'committed', reason: string): void {
  if (status === 'released') s.apply(s.position(r.skuId, r.nodeId), { reserved: -r.quantity }, 'release', r.quantity, { reason, actor: 'engine' })
  r.status = status
  r.endedAtMs = s.nowMs
  r.endReason = reason
  s.endedReservations.push(r)
}

const positionRules: Record<PositionOp['kind'], (s: BatchState, op: PositionOp) => Result<{ delta: Delta; shortage: number }>> = {
  receive: (_s, op) => withoutShortage(decide.receive(op.quantity)),
  count: (s, op) => decide.count(s.position(op.skuId, op.nodeId), op.quantity),
  adjust: (s, op) => decide.adjust(s.position(op.skuId, op.nodeId), op.quantity),
  mark_unsellable: (s, op) => decide.markUnsellable(s.position(op.skuId, op.nodeId), op.quantity),
  restore: (s, op) => withoutShortage(decide.restore(s.position(op.skuId, op.nodeId), op.quantity)),
  set_virtual: (s, op) => decide.setVirtual(s.position(op.skuId, op.nodeId), op.quantity),
}

function withoutShortage(r: Result<Delta>): Result<{ delta: Delta; shortage: number }> {
  return r.ok ? ok({ delta: r.value, shortage: 0 }) : r
}

function runPositionOp(s: BatchState, op: PositionOp) {
  const decision = positionRules[op.kind](s, op)
  if (!decision.ok) return decision
  const p = s.position(op.skuId, op.nodeId)
  s.apply(p, decision.value.delta, op.kind as MovementKind, Math.abs(op.quantity), {
    reason: op.reason, refType: op.reference ? 'document' : null, refId: op.reference, actor: op.actor,
  })
  if (decision.value.shortage > 0) {
    // Orders promised against this stock must be re-promised; the promising context reads this.
    s.events.push({ topic: 'inventory.shortage', subject: `${op.skuId}@${op.nodeId}`, payload: { ...positionView(p), cause: op.kind, reason: op.reason } })
  }
  return ok({ position: positionView(p), shortage: decision.value.shortage })
}

function runLock(s: BatchState, op: LockOp) {
  const p = s.position(op.skuId, op.nodeId)
  const decision = decide.lock(p, op.quantity)
  if (!decision.ok) return decision
  const l: Lock = {
    id: newId('lck'), skuId: op.skuId, nodeId: op.nodeId, quantity: op.quantity, reason: op.reason, status: 'active',
    channelId: op.channelId ?? null, releaseAtMs: op.releaseAtMs, actor: op.actor, createdAtMs: s.nowMs, releasedAtMs: null,
  }
  s.apply(p, decision.value, 'lock', op.quantity, { reason: op.reason, refType: 'lock', refId: l.id, actor: op.actor })
  s.newLocks.push(l)
  s.locks.set(l.id, l)
  s.addFence(l)
  return ok(lockView(l))
}

function runUnlock(s: BatchState, op: UnlockOp) {
  const l = s.locks.get(op.lockId)
  if (!l) return fail('lock_not_found', `No lock '${op.lockId}'.`)
  const refused = op.guard?.(l)
  if (refused) return refused
  const decision = decide.unlock(l)
  if (!decision.ok) return decision
  s.apply(s.position(l.skuId, l.nodeId), decision.value, 'unlock', l.quantity, { reason: op.reason, refType: 'lock', refId: l.id, actor: op.actor })
  l.status = 'released'
  l.releasedAtMs = s.nowMs
  s.endedLocks.push(l)
  return ok(lockView(l))
}

function runTransferCreate(s: BatchState, op: TransferCreateOp) {
  if (op.fromNodeId === op.toNodeId) return fail('transfer_same_node', 'A transfer needs two different nodes.')
  const origin = s.position(op.skuId, op.fromNodeId)
  const decision = decide.transferReserve(origin, op.quantity)
  if (!decision.ok) return decision
  const t: Transfer = {
    id: newId('trf'), skuId: op.skuId, fromNodeId: op.fromNodeId, toNodeId: op.toNodeId, quantity: op.quantity,
    status: 'reserved', quantityReceived: null, discrepancy: null, etaMs: op.etaMs, carrier: null, tracking: null,
    actor: op.actor, createdAtMs: s.nowMs, shippedAtMs: null, receivedAtMs: null, cancelledAtMs: null,
  }
  s.apply(origin, decision.value, 'transfer_reserve', op.quantity, { refType: 'transfer', refId: t.id, actor: op.actor })
  s.newTransfers.push(t)
  s.transfers.set(t.id, t)
  s.events.push(transferSupplyEvent(t, [], 'transfer_created'))
  return ok(transferView(t))
}

/** The transfer an op names, if it exists and the caller may act on it. */
function transferFor(s: BatchState, op: TransferStepOp | TransferEtaOp): Result<Transfer> {
  const t = s.transfers.get(op.transferId)
  if (!t) return fail('transfer_not_found', `No transfer '${op.transferId}'.`)
  return op.guard?.(t) ?? ok(t)
}

function runTransferStep(s: BatchState, op: TransferStepOp) {
  const found = transferFor(s, op)
  if (!found.ok) return found
  const t = found.value
  const meta = { refType: 'transfer', refId: t.id, actor: op.actor, reason: op.reason ?? null }
  const supplyBefore = transferSupply(t)
  if (op.kind === 'transfer_cancel') {
    const decision = decide.transferCancel(t)
    if (!decision.ok) return decision
    s.apply(s.position(t.skuId, t.fromNodeId), decision.value, 'transfer_cancel', t.quantity, meta)
    Object.assign(t, { status: 'cancelled', cancelledAtMs: s.nowMs })
  } else if (op.kind === 'transfer_ship') {
    const decision = decide.transferShip(s.position(t.skuId, t.fromNodeId), t)
    if (!decision.ok) return decision
    s.apply(s.position(t.skuId, t.fromNodeId), decision.value.origin, 'transfer_ship', t.quantity, meta)
    s.apply(s.position(t.skuId, t.toNodeId), decision.value.destination, 'transfer_arrive', t.quantity, meta)
    Object.assign(t, { status: 'shipped', shippedAtMs: s.nowMs, carrier: op.carrier ?? null, tracking: op.tracking ?? null, etaMs: op.etaMs ?? t.etaMs })
  } else {
    const received = op.receivedQuantity ?? t.quantity
    const decision = decide.transferReceive(t, received)
    if (!decision.ok) return decision
    s.apply(s.position(t.skuId, t.toNodeId), decision.value.delta, 'transfer_receive', received, meta)
    Object.assign(t, { status: 'received', receivedAtMs: s.nowMs, quantityReceived: received, discrepancy: decision.value.discrepancy })
  }
  s.changedTransfers.add(t)
  // Every step changes what the destination can expect (ETA, confidence, or nothing left to come).
  s.events.push(transferSupplyEvent(t, supplyBefore, transferStepCause[op.kind]))
  return ok(transferView(t))
}

/** Moves no stock: only the day the destination can expect the units, which re-promises their orders. */
function runTransferEta(s: BatchState, op: TransferEtaOp) {
  const found = transferFor(s, op)
  if (!found.ok) return found
  const t = found.value
  const decision = decide.transferEta(t, op.etaMs, s.nowMs)
  if (!decision.ok) return decision
  if (!decision.value.moved) return ok(transferView(t))
  const supplyBefore = transferSupply(t)
  t.etaMs = op.etaMs
  s.changedTransfers.add(t)
  s.events.push(transferSupplyEvent(t, supplyBefore, transferStepCause[op.kind], op.reason))
  return ok(transferView(t))
}
