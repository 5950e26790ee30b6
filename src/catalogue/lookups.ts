/** Catalogue facts other contexts read inside their own transactions, many at a time. */
import type { Queryable } from '../store/db.ts'
import { selectIn } from '../store/sql.ts'

export interface NodeFacts {
  region: string
  handlingTimeHours: number
}

/** Every node's region and handling time (a shop has tens of nodes). */
export async function loadNodes(tx: Queryable): Promise<Map<string, NodeFacts>> {
  const rows = await tx.all<{ id: string; region: string; handling_time_hours: number | string }>('SELECT id, region, handling_time_hours FROM nodes')
  return new Map(rows.map((r) => [r.id, { region: r.region, handlingTimeHours: Number(r.handling_time_hours) }]))
}

/** SKU names by id, for customer messages. */
export async function loadSkuNames(tx: Queryable, skuIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await selectIn<{ id: string; name: string }>(tx, 'SELECT id, name FROM skus WHERE id', [...new Set(skuIds)])
  return new Map(rows.map((r) => [r.id, r.name]))
}


export interface SkuMeasures {
  code: string
  name: string
  weightGrams: number | null
  volumeCm3: number | null
}

/** SKU codes, names, unit weights and volumes by id, for landed cost by weight or volume and cost views. */
export async function loadSkuMeasures(tx: Queryable, skuIds: readonly string[]): Promise<Map<string, SkuMeasures>> {
  const rows = await selectIn<{ id: string; code: string; name: string; weight_grams: number | string | null; volume_cm3: number | string | null }>(
    tx, 'SELECT id, code, name, weight_grams, volume_cm3 FROM skus WHERE id', [...new Set(skuIds)])
  const measure = (v: number | string | null) => (v === null ? null : Number(v))
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name, weightGrams: measure(r.weight_grams), volumeCm3: measure(r.volume_cm3) }]))
}
