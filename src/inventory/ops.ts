/** The requests the engine accepts. Each is decided inside a batch, in arrival order. */
import type { Failure, Result } from '../kernel/result.ts'
import type { Queryable } from '../store/db.ts'
import type { BatchState } from './batch.ts'
import type { Lock, Reservation, Transfer } from './model.ts'

export interface Idempotency {
  /** Caller scope and client key, e.g. `channel:web:9f1c…`. */
  scopeKey: string
  requestHash: string
}

interface Common {
  actor: string
  idem?: Idempotency
}

export interface ReserveLine {
  skuId: string
  nodeId: string
  quantity: number
}

export interface ReserveOp extends Common {
  kind: 'reserve'
  lines: ReserveLine[]
  /** All lines or none; otherwise each line stands alone. */
  atomic: boolean
  holdUntilMs: number | null
  channelId: string | null
  /** Units the channel leaves at each node (its safety buffer); 0 or absent without a channel. */
  safetyBuffer?: number
  reference: string | null
}

export interface ReservationOp extends Common {
  kind: 'release' | 'commit'
  reservationId: string
  reason: string
  /** Scope check on the loaded reservation (a channel may only touch its own). */
  guard?: (r: Reservation) => Failure | undefined
}

export interface PositionOp extends Common {
  kind: 'receive' | 'count' | 'adjust' | 'mark_unsellable' | 'restore' | 'set_virtual'
  skuId: string
  nodeId: string
  /** receive/mark/restore: units; count: counted units; adjust: signed change; set_virtual: the allowance. */
  quantity: number
  reason: string | null
  reference: string | null
}

export interface LockOp extends Common {
  kind: 'lock'
  skuId: string
  nodeId: string
  quantity: number
  reason: string
  releaseAtMs: number | null
  /** The channel the units are ring-fenced for (sellable for it alone); absent or null for a plain lock. */
  channelId?: string | null
}

export interface UnlockOp extends Common {
  kind: 'unlock'
  lockId: string
  reason: string
  guard?: (l: Lock) => Failure | undefined
}

export interface TransferCreateOp extends Common {
  kind: 'transfer_create'
  skuId: string
  fromNodeId: string
  toNodeId: string
  quantity: number
  etaMs: number | null
}

export interface TransferStepOp extends Common {
  kind: 'transfer_ship' | 'transfer_receive' | 'transfer_cancel'
  transferId: string
  receivedQuantity?: number
  carrier?: string | null
  tracking?: string | null
  etaMs?: number | null
  reason?: string | null
  guard?: (t: Transfer) => Failure | undefined
}

/** A merchant reports that a reserved or shipped transfer will arrive on another day. */
export interface TransferEtaOp extends Common {
  kind: 'transfer_eta'
  transferId: string
  /** Midnight UTC of the new day. */
  etaMs: number
  reason: string
  guard?: (t: Transfer) => Failure | undefined
}

/**
 * A document another context decides inside an engine batch (an order placed against stock and
 * future supply): it names the positions it touches, which are locked with their supply slots;
 * `prepare` may load what the decision needs once the locks are held; `decide` is synchronous,
 * changes the batch state and adds the document's rows, or refuses and changes nothing.
 */
export interface DocumentOp extends Common {
  kind: 'document'
  keys: ReserveLine[] | Array<{ skuId: string; nodeId: string }>
  prepare?: (tx: Queryable, state: BatchState) => Promise<void>
  decide: (state: BatchState) => Result<unknown>
  /** Where the document keeps its idempotency key instead of idempotency_keys; its decide writes the key there. */
  remembersOn?: KeyedRow
}

/**
 * A document row that carries its request's idempotency key (`storedKeyOf(op)`) and request
 * hash, under a unique index: one row written per request instead of two, and a concurrent
 * batch taking the same key fails on that index and is decided again (then replays).
 */
export interface KeyedRow {
  table: string
  keyColumn: string
  hashColumn: string
  /** A replay's answer, from the row holding the key. */
  replayOf: (row: Record<string, unknown>) => unknown
}

export type Op = DocumentOp | ReserveOp | ReservationOp | PositionOp | LockOp | UnlockOp | TransferCreateOp | TransferStepOp | TransferEtaOp

/** Positions an op touches that are known before any document is loaded. */
export function directKeys(op: Op): Array<{ skuId: string; nodeId: string }> {
  switch (op.kind) {
    case 'reserve':
      return op.lines
    case 'document':
      return op.keys
    case 'receive': case 'count': case 'adjust': case 'mark_unsellable': case 'restore': case 'set_virtual': case 'lock':
      return [{ skuId: op.skuId, nodeId: op.nodeId }]
    case 'transfer_create':
      return [{ skuId: op.skuId, nodeId: op.fromNodeId }, { skuId: op.skuId, nodeId: op.toNodeId }]
    default:
      return []
  }
}

/** Whether an op may take units from a channel's fence: a reservation for a channel, or a document (an order's lines). */
export const takesFences = (op: Op): boolean => (op.kind === 'reserve' && op.channelId !== null) || op.kind === 'document'

/**
 * The key an op's idempotency is stored under: scoped to the kind of request as well as the
 * caller, so the same client key on a receipt and on a reservation are two different requests.
 */
export const storedKeyOf = (op: Op): string | undefined => op.idem && `${op.kind}|${op.idem.scopeKey}`
