/**
 * Promising types (DOMAIN.md §3–§4): what may be sold ahead of stock (the sell-ahead policy),
 * how an order line is allocated to supply, and the dates promised from it. Days are UTC
 * midnights in epoch ms, shown as `YYYY-MM-DD`, as purchasing dates are.
 */
import type { SlotKind } from '../supply/index.ts'

export const dayMs = 86_400_000
export const dayStartOf = (ms: number): number => Math.floor(ms / dayMs) * dayMs

/** Supply a policy may sell, from the most certain down. `stock` is the shelf; `virtual` is V, the supplier's allowance. */
export const supplyKinds = ['stock', 'transfer', 'po_confirmed', 'po_unconfirmed', 'virtual', 'presale'] as const
export type SupplyKind = (typeof supplyKinds)[number]

/** Per SKU, optionally per channel: what may be sold beyond the shelf and how far ahead. */
export interface SellAheadPolicy {
  kinds: SupplyKind[]
  /** Unconfirmed PO lines count from their requested date plus this many days. */
  unconfirmedBufferDays: number
  /** No promise later than today + this many days. */
  horizonDays: number
  /** Most units promised against future supply at one node at once; null: no cap. */
  maxBeyondStock: number | null
}

/**
 * What a SKU sells with no policy set: the shelf, including the supplier's virtual allowance (S
 * counts V), and its presale campaigns. A policy without `presale` keeps a channel out of them.
 */
export const defaultPolicy: SellAheadPolicy = { kinds: ['stock', 'virtual', 'presale'], unconfirmedBufferDays: 0, horizonDays: 0, maxBeyondStock: null }

/** Which slot kinds a policy's supply kinds open up (an in-transit ASN counts as a confirmed PO: it is surer). */
export function slotKindsOf(kinds: readonly SupplyKind[]): SlotKind[] {
  const out: SlotKind[] = []
  if (kinds.includes('transfer')) out.push('transfer')
  if (kinds.includes('po_confirmed') || kinds.includes('po_unconfirmed')) out.push('in_transit', 'po_confirmed')
  if (kinds.includes('po_unconfirmed')) out.push('po_unconfirmed')
  return out
}

/**
 * The rule one order line is allocated by, resolved from the policy (or a presale campaign)
 * before the engine decides: pure data, so a batch decides without loading anything.
 */
export interface AllocationRule {
  /** Physical stock may be used. */
  stock: boolean
  /** The virtual part of S may be used (dated today + `virtualLeadDays`). */
  virtual: boolean
  virtualLeadDays: number
  slotKinds: SlotKind[]
  /** Only these slots (a presale order is promised against its campaign's quota only). */
  slotIds: string[] | null
  unconfirmedBufferDays: number
  /** Latest day a slot may be expected; null: no limit. */
  horizonDayMs: number | null
  maxBeyondStock: number | null
  /** Supply past its date without arriving is expected this many days at a time later (the promising settings'; 3 when absent). */
  overdueStepDays?: number
}

export const defaultOverdueStepDays = 3

/**
 * The day supply is expected when its own day has passed and it has not arrived: moved on by
 * whole steps from that day to today or the first step after. The estimate moves once a step,
 * not every day, so a silent supplier costs its customers one delay notice per step.
 */
export function overdueDay(dueMs: number, todayMs: number, stepDays: number): number {
  if (dueMs >= todayMs) return dueMs
  const stepMs = Math.max(1, stepDays) * dayMs
  return dueMs + Math.ceil((todayMs - dueMs) / stepMs) * stepMs
}

/** One part of a line's allocation: stock (held as O at the node) or units of one supply slot. */
export interface Allocation {
  /** `stock`, `virtual`, or the slot id. */
  source: string
  kind: SupplyKind | SlotKind
  quantity: number
  /** Day the units are ready at the node. */
  availableAtMs: number
}

/** How a line is allocated; kept on the line so re-promising re-allocates it by the same rule. */
export interface LineAllocation {
  /** Units held as stock (O) at the node. */
  stockQuantity: number
  parts: Allocation[]
  /** Units with no supply behind them (after a cut, before supply returns). */
  unallocated: number
}

/** Why a line's date is at risk, in the customer's words, from its least certain part. */
export function riskNote(a: LineAllocation): string | null {
  if (a.unallocated > 0) return 'Waiting for new supply: we will tell you the date as soon as we have it.'
  const kinds = new Set(a.parts.map((p) => p.kind))
  if (kinds.has('po_unconfirmed')) return 'Depends on a supplier confirmation.'
  if (kinds.has('presale')) return 'Presale: made or bought for this campaign, ships on the campaign date.'
  if (kinds.has('po_confirmed')) return 'Depends on a supplier delivering on the confirmed date.'
  if (kinds.has('in_transit')) return 'On its way to our warehouse.'
  if (kinds.has('transfer')) return 'Being moved from another of our locations.'
  if (kinds.has('virtual')) return 'Ships from our supplier’s stock.'
  return null
}
