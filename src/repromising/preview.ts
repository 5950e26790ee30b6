/**
 * What a supply change would do to the customers promised on it, without making it: the same
 * slot mirroring and the same pure plan (`planPosition`, through `positionFactsOf`) that
 * `Repromising.repromiseWithin` runs inside the change, over the positions as they are now, read
 * without locks and written nowhere. A supplier sees the delays an ETA move would cause before
 * sending it.
 */
import type { Queryable } from '../store/db.ts'
import type { DomainEvent } from '../events/index.ts'
import { positionKey, sellable, type Buckets, type Inventory } from '../inventory/index.ts'
import { slotsAtNodes, type SupplyImpact } from '../supply/index.ts'
import { loadWaitingLines } from '../orders/index.ts'
import { planPosition, type LineChange, type WaitingLine } from './repromise-decide.ts'
import { loadFacts, noFacts, positionFactsOf } from './position-facts.ts'
import { causesOf, mirrorChange } from './slot-sync.ts'

type Key = { skuId: string; nodeId: string }

/** The positions a change touches: those its supply events name. */
function positionsOf(events: readonly DomainEvent[]): Key[] {
  const keys = new Map<string, Key>()
  for (const e of events) {
    if (e.topic !== 'supply.changed' && e.topic !== 'supply.qc_failed') continue
    keys.set(positionKey(e.payload.skuId, e.payload.nodeId), { skuId: e.payload.skuId, nodeId: e.payload.nodeId })
  }
  return [...keys.values()]
}

/** Plans every touched position as the change would, and counts what its customers would be told. */
export async function previewSupplyChange(q: Queryable, inventory: Inventory, events: readonly DomainEvent[], nowMs: number): Promise<SupplyImpact> {
  const keys = positionsOf(events)
  const waiting = new Map<string, { position: Buckets; lines: WaitingLine[] }>()
  for (const k of keys) {
    const { sellable: _s, shortage: _short, skuId: _sku, nodeId: _node, ...position } = await inventory.position(k.skuId, k.nodeId)
    waiting.set(positionKey(k.skuId, k.nodeId), { position, lines: await loadWaitingLines(q, k.skuId, k.nodeId, sellable(position) < 0) })
  }
  const anyone = [...waiting.values()].some((w) => w.lines.length > 0)
  const facts = anyone ? await loadFacts(q, keys) : noFacts
  const causes = causesOf(events)
  const changes: LineChange[] = []
  for (const k of keys) {
    const key = positionKey(k.skuId, k.nodeId)
    const { position, lines } = waiting.get(key)!
    if (lines.length === 0) continue
    const slots = (await slotsAtNodes(q, k.skuId, [k.nodeId])).get(k.nodeId)!
    for (const e of events) if (e.topic === 'supply.changed' && positionKey(e.payload.skuId, e.payload.nodeId) === key) mirrorChange(slots, e.payload)
    const context = { ...facts, causes: causes.get(key), skuName: facts.skuNames.get(k.skuId) ?? k.skuId }
    changes.push(...planPosition(positionFactsOf(k.nodeId, position, slots, lines, context, nowMs)).changes)
  }
  return impactOf(changes)
}

/** Counts a plan's changes: delayed and improved lines, their orders, units and dates. */
export function impactOf(changes: readonly LineChange[]): SupplyImpact {
  const delayed = changes.filter((c) => c.delay)
  const improved = changes.filter((c) => c.improved)
  const dated = delayed.filter((c) => c.shipByMs !== null)
  const latest = dated.reduce<number | null>((m, c) => (m === null || c.shipByMs! > m ? c.shipByMs : m), null)
  const daysLate = dated.map((c) => c.delay!.daysLate!)
  return {
    ordersDelayed: new Set(delayed.map((c) => c.line.orderId)).size,
    linesDelayed: delayed.length,
    unitsDelayed: delayed.reduce((n, c) => n + c.line.quantity, 0),
    latestNewShipByMs: latest,
    linesWithoutNewDate: delayed.length - dated.length,
    maxDaysLate: daysLate.length === 0 ? null : Math.max(...daysLate),
    ordersImproved: new Set(improved.map((c) => c.line.orderId)).size,
    linesImproved: improved.length,
  }
}
