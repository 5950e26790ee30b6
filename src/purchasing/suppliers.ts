/**
 * Suppliers: who the merchant buys from, on what terms, what they can deliver fast (virtual
 * supply) and how well they deliver (scorecards). Load → decide (supplier-decide.ts) → write.
 */
import { isUniqueViolation, type Db, type Queryable } from '../store/db.ts'
import { selectIn } from '../store/sql.ts'
import { publish } from '../events/index.ts'
import type { Clock } from '../kernel/clock.ts'
import { isoOf } from '../kernel/clock.ts'
import { newId } from '../kernel/ids.ts'
import { FailureError, ok, type Failure, type Result, type Success } from '../kernel/result.ts'
import { fail, notFound } from './errors.ts'
import type { Principal } from '../kernel/principal.ts'
import type { Catalogue, PageOf, Sku, StockNode } from '../catalogue/index.ts'
import type { Inventory } from '../inventory/index.ts'
import { cursorCodec, singleCursor } from '../http/cursor.ts'
import { once, txRetryingKeyRace, type IdempotencyKey } from '../inventory/index.ts'
import type { Scorecard, ScorecardPolicy, Supplier, SupplierDraft, SupplierSku, VirtualSupply } from './model.ts'
import {
  checkCapAgainstDeclared, decideSkuTerms, decideSupplier, decideSupplierPatch,
  type SkuTermsInput, type SupplierInput, type SupplierPatch,
} from './supplier-decide.ts'
import { declareVirtual, virtualKeyOf, virtualSupply, type VirtualKey, type DeclaredVirtual, type VirtualDeclaration, type VirtualFilter } from './virtual.ts'
import { loadScorecardPolicy, recomputeScorecard, saveScorecardPolicy, storedScorecard, type ReturnedToVendor } from './scorecard.ts'
import { loadSnapshots, type ScorecardSnapshot } from './scorecard-history.ts'

/**
 * The cursors of the supplier lists: suppliers by id, a supplier's terms by SKU id, declarations
 * by (SKU, node, supplier) — every supplier's, or one supplier's (a list of its own).
 */
export const supplierCursor = singleCursor('suppliers', 'text')
export const skuTermsCursor = singleCursor('supplier_skus', 'text')
export const virtualCursorOf = (oneSupplier: boolean) => (oneSupplier ? supplierVirtualCursor : allVirtualCursor)
const allVirtualCursor = cursorCodec('virtual_supply', ['text', 'text', 'text'])
const supplierVirtualCursor = cursorCodec('supplier_virtual_supply', ['text', 'text', 'text'])

interface SupplierRow {
  id: string; code: string; name: string; contacts: string; currency: string; default_lead_time_days: number | string
  payment_terms: string; dropship: number | boolean; receiving_policy: string; active: number | boolean; auto_send_suggestions: number | boolean
  created_at: number | string; updated_at: number | string
}

interface SkuTermsRow {
  supplier_id: string; sku_id: string; supplier_sku_code: string | null; unit_cost: number | string
  min_order_quantity: number | string; pack_size: number | string; lead_time_days: number | string | null
  virtual_cap: number | string; updated_at: number | string
}

const supplierOf = (r: SupplierRow): Supplier => ({
  id: r.id, code: r.code, name: r.name, contacts: JSON.parse(r.contacts), currency: r.currency,
  defaultLeadTimeDays: Number(r.default_lead_time_days), paymentTerms: JSON.parse(r.payment_terms),
  dropship: Boolean(Number(r.dropship)), receivingPolicy: JSON.parse(r.receiving_policy), active: Boolean(Number(r.active)),
  autoSendSuggestions: Boolean(Number(r.auto_send_suggestions)),
  createdAt: isoOf(Number(r.created_at))!, updatedAt: isoOf(Number(r.updated_at))!,
})

const skuTermsOf = (r: SkuTermsRow): SupplierSku => ({
  supplierId: r.supplier_id, skuId: r.sku_id, supplierSkuCode: r.supplier_sku_code, unitCost: Number(r.unit_cost),
  minOrderQuantity: Number(r.min_order_quantity), packSize: Number(r.pack_size),
  leadTimeDays: r.lead_time_days === null ? null : Number(r.lead_time_days), virtualCap: Number(r.virtual_cap),
  updatedAt: isoOf(Number(r.updated_at))!,
})

const supplierColumns = ['code', 'name', 'contacts', 'currency', 'default_lead_time_days', 'payment_terms', 'dropship', 'receiving_policy', 'active', 'auto_send_suggestions']
const supplierValues = (d: SupplierDraft) => [
  d.code, d.name, JSON.stringify(d.contacts), d.currency, d.defaultLeadTimeDays, JSON.stringify(d.paymentTerms),
  d.dropship ? 1 : 0, JSON.stringify(d.receivingPolicy), d.active ? 1 : 0, d.autoSendSuggestions ? 1 : 0,
]

export const duplicateSupplierCode = (code: string): Failure =>
  fail('duplicate_code', `A supplier with code '${code}' already exists.`, { codeTaken: code })

/**
 * Resolved suppliers are kept briefly, like the catalogue's: every supplier-portal request
 * resolves its token's supplier. Own writes invalidate at once; other instances within this time.
 */
export const supplierCacheTtlMs = 5_000
/** A stored scorecard older than this (or than the policy) is recomputed when read. */
export const scorecardMaxAgeMs = 5 * 60_000

export type Created = (Success<Supplier> & { replayed: boolean }) | Failure

export class Suppliers {
  readonly #db: Db
  readonly #clock: Clock
  readonly #catalogue: Catalogue
  readonly #inventory: Inventory
  readonly #cache = new Map<string, { supplier: Supplier; untilMs: number }>()

  /** Units returned to a supplier as defective (the returns context), counted against its quality rate. */
  readonly returnedToVendor: ReturnedToVendor | undefined

  constructor(db: Db, clock: Clock, catalogue: Catalogue, inventory: Inventory, returnedToVendor?: ReturnedToVendor) {
    this.#db = db
    this.#clock = clock
    this.#catalogue = catalogue
    this.#inventory = inventory
    this.returnedToVendor = returnedToVendor
  }

  /** By id or by code; an exact id wins over a code that happens to equal it. */
  async resolve(idOrCode: string): Promise<Supplier | undefined> {
    const hit = this.#cache.get(idOrCode)
    if (hit && hit.untilMs > this.#clock.nowMs()) return hit.supplier
    const row = await this.#db.get<SupplierRow>(
      'SELECT * FROM suppliers WHERE id = ? OR code = ? ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END LIMIT 1', [idOrCode, idOrCode, idOrCode])
    if (!row) return undefined
    const supplier = supplierOf(row)
    const entry = { supplier, untilMs: this.#clock.nowMs() + supplierCacheTtlMs }
    this.#cache.set(supplier.id, entry)
    this.#cache.set(supplier.code, entry)
    return supplier
  }

  async get(idOrCode: string): Promise<Result<Supplier>> {
    const supplier = await this.resolve(idOrCode)
    return supplier ? ok(supplier) : notFound('supplier', idOrCode)
  }

  /** One page in id order after the id `after`. */
  async list(after: string | undefined, limit: number): Promise<PageOf<Supplier>> {
    const rows = await this.#db.all<SupplierRow>('SELECT * FROM suppliers WHERE id > ? ORDER BY id LIMIT ?', [after ?? '', limit + 1])
    const items = rows.slice(0, limit).map(supplierOf)
    return { items, nextCursor: rows.length > limit ? supplierCursor.encode(items[items.length - 1].id) : null }
  }

  /** A new supplier; with an idempotency key a retry returns the first answer. */
  async create(input: SupplierInput, actor: string, idem?: IdempotencyKey): Promise<Created> {
    const draft = decideSupplier(input)
    if (!draft.ok) return draft
    const nowMs = this.#clock.nowMs()
    const insert = (tx: Queryable) => once(tx, idem, nowMs, async () => {
      if (await tx.get('SELECT 1 AS taken FROM suppliers WHERE code = ?', [draft.value.code])) throw new FailureError(duplicateSupplierCode(draft.value.code))
      const row = await tx.get<SupplierRow>(
        `INSERT INTO suppliers (id, ${supplierColumns.join(', ')}, created_at, updated_at) VALUES (?, ${supplierColumns.map(() => '?').join(', ')}, ?, ?) RETURNING *`,
        [newId('sup'), ...supplierValues(draft.value), nowMs, nowMs])
      const created = supplierOf(row!)
      await writeSupplierChanged(tx, created, 'created', actor, nowMs)
      return created
    })
    try {
      const done = await txRetryingKeyRace(this.#db, insert)
      return { ...ok(done.value), replayed: done.replayed }
    } catch (error) {
      if (error instanceof FailureError) return error.failure
      if (isUniqueViolation(error)) return duplicateSupplierCode(draft.value.code)
      throw error
    }
  }

  /** Only the fields sent change; the result is decided again as a whole. */
  async update(idOrCode: string, patch: SupplierPatch, actor = 'system'): Promise<Result<Supplier>> {
    this.#forget(idOrCode)
    const current = await this.resolve(idOrCode)
    if (!current) return notFound('supplier', idOrCode)
    const draft = decideSupplierPatch(current, patch)
    if (!draft.ok) return draft
    const nowMs = this.#clock.nowMs()
    try {
      const updated = await this.#db.tx(async (tx) => {
        const row = await tx.get<SupplierRow>(
          `UPDATE suppliers SET ${supplierColumns.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ? RETURNING *`,
          [...supplierValues(draft.value), nowMs, current.id])
        if (!row) throw new Error(`supplier ${current.id} vanished during an update`)
        const supplier = supplierOf(row)
        await writeSupplierChanged(tx, supplier, 'updated', actor, nowMs)
        return supplier
      })
      return ok(updated)
    } catch (error) {
      if (isUniqueViolation(error)) return duplicateSupplierCode(draft.value.code)
      throw error
    } finally {
      this.#forget(current.id, current.code, draft.value.code)
    }
  }

  /** Catalogue look-ups for the routes, which see only this service. */
  resolveSku(idOrCode: string): Promise<Sku | undefined> {
    return this.#catalogue.resolveSku(idOrCode)
  }
  resolveNode(idOrCode: string): Promise<StockNode | undefined> {
    return this.#catalogue.resolveNode(idOrCode)
  }

  /** Creates or replaces the supplier's terms for one SKU. */
  async setSkuTerms(supplierIdOrCode: string, skuIdOrCode: string, input: SkuTermsInput): Promise<Result<SupplierSku>> {
    const supplier = await this.resolve(supplierIdOrCode)
    if (!supplier) return notFound('supplier', supplierIdOrCode)
    const sku = await this.#catalogue.resolveSku(skuIdOrCode)
    if (!sku) return notFound('sku', skuIdOrCode)
    const terms = decideSkuTerms(input)
    if (!terms.ok) return terms
    const t = terms.value
    try {
      return ok(await this.#db.tx(async (tx) => {
        const declared = await tx.get<{ n: number | string | null }>('SELECT SUM(quantity) AS n FROM virtual_supply WHERE supplier_id = ? AND sku_id = ?', [supplier.id, sku.id])
        const cap = checkCapAgainstDeclared(t.virtualCap, Number(declared?.n ?? 0))
        if (!cap.ok) throw new FailureError(cap)
        const row = await tx.get<SkuTermsRow>(
          `INSERT INTO supplier_skus (supplier_id, sku_id, supplier_sku_code, unit_cost, min_order_quantity, pack_size, lead_time_days, virtual_cap, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (supplier_id, sku_id) DO UPDATE SET supplier_sku_code = excluded.supplier_sku_code, unit_cost = excluded.unit_cost,
             min_order_quantity = excluded.min_order_quantity, pack_size = excluded.pack_size, lead_time_days = excluded.lead_time_days,
             virtual_cap = excluded.virtual_cap, updated_at = excluded.updated_at
           RETURNING *`,
          [supplier.id, sku.id, t.supplierSkuCode, t.unitCost, t.minOrderQuantity, t.packSize, t.leadTimeDays, t.virtualCap, this.#clock.nowMs()])
        return skuTermsOf(row!)
      }))
    } catch (error) {
      if (error instanceof FailureError) return error.failure
      throw error
    }
  }

  async skuTerms(supplierId: string, skuId: string): Promise<SupplierSku | undefined> {
    return (await this.termsFor(this.#db, supplierId, [skuId])).get(skuId)
  }

  /** One page of a supplier's SKU terms in SKU id order. */
  async listSkuTerms(supplierId: string, after?: string, limit = 500): Promise<PageOf<SupplierSku>> {
    const rows = await this.#db.all<SkuTermsRow>(
      'SELECT * FROM supplier_skus WHERE supplier_id = ? AND sku_id > ? ORDER BY sku_id LIMIT ?', [supplierId, after ?? '', limit + 1])
    const items = rows.slice(0, limit).map(skuTermsOf)
    return { items, nextCursor: rows.length > limit ? skuTermsCursor.encode(items[items.length - 1].skuId) : null }
  }

  /** The supplier's terms for these SKUs, keyed by SKU id; read inside the caller's transaction. */
  async termsFor(q: Queryable, supplierId: string, skuIds: string[]): Promise<Map<string, SupplierSku>> {
    const found = new Map<string, SupplierSku>()
    const unique = [...new Set(skuIds)]
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500)
      const rows = await q.all<SkuTermsRow>(
        `SELECT * FROM supplier_skus WHERE supplier_id = ? AND sku_id IN (${chunk.map(() => '?').join(', ')})`, [supplierId, ...chunk])
      for (const r of rows) found.set(r.sku_id, skuTermsOf(r))
    }
    return found
  }

  /** A supplier's declaration of what it can deliver fast of a SKU at a node; sets the node's V bucket. */
  async declareVirtual(supplierIdOrCode: string, skuIdOrCode: string, nodeIdOrCode: string, input: VirtualDeclaration, actor: string): Promise<Result<DeclaredVirtual>> {
    const supplier = await this.resolve(supplierIdOrCode)
    if (!supplier) return notFound('supplier', supplierIdOrCode)
    const sku = await this.#catalogue.resolveSku(skuIdOrCode)
    if (!sku) return notFound('sku', skuIdOrCode)
    const node = await this.#catalogue.resolveNode(nodeIdOrCode)
    if (!node) return notFound('node', nodeIdOrCode)
    try {
      return ok(await declareVirtual({ db: this.#db, clock: this.#clock, inventory: this.#inventory }, supplier, sku, node, input, actor))
    } catch (error) {
      if (error instanceof FailureError) return error.failure
      throw error
    }
  }

  /** Declarations in (SKU, node, supplier) order, a page at a time. */
  async listVirtual(filter: VirtualFilter, after: VirtualKey | undefined, limit: number): Promise<PageOf<VirtualSupply>> {
    const rows = await virtualSupply(this.#db, filter, { after, limit: limit + 1 })
    const items = rows.slice(0, limit)
    const cursor = virtualCursorOf(filter.supplierId !== undefined)
    return { items, nextCursor: rows.length > limit ? cursor.encode(virtualKeyOf(items[items.length - 1])) : null }
  }

  /** The stored scorecard, recomputed when missing, older than the policy, or older than scorecardMaxAgeMs. */
  async scorecard(supplierId: string): Promise<Scorecard> {
    const stored = await storedScorecard(this.#db, supplierId)
    const nowMs = this.#clock.nowMs()
    if (stored && stored.computedAtMs > stored.policyAtMs && nowMs - stored.computedAtMs <= scorecardMaxAgeMs) return stored.scorecard
    return this.recomputeScorecard(supplierId)
  }

  recomputeScorecard(supplierId: string): Promise<Scorecard> {
    return this.#db.tx((tx) => recomputeScorecard(tx, supplierId, this.#clock.nowMs(), this.returnedToVendor))
  }

  /** Every recompute's figures, newest first; the first page brings the latest up to date first, as reading the scorecard does. */
  async scorecardHistory(supplierId: string, beforeId: number | undefined, limit: number): Promise<ScorecardSnapshot[]> {
    if (beforeId === undefined) await this.scorecard(supplierId)
    return loadSnapshots(this.#db, supplierId, beforeId, limit)
  }

  scorecardPolicy(): Promise<ScorecardPolicy> {
    return loadScorecardPolicy(this.#db)
  }

  setScorecardPolicy(policy: ScorecardPolicy): Promise<Result<ScorecardPolicy>> {
    return saveScorecardPolicy(this.#db, policy, this.#clock.nowMs())
  }

  #forget(...keys: string[]): void {
    for (const key of keys) {
      const hit = this.#cache.get(key)
      this.#cache.delete(key)
      if (hit) {
        this.#cache.delete(hit.supplier.id)
        this.#cache.delete(hit.supplier.code)
      }
    }
  }

}

/** Supplier master data changes go to the event feed, for ERPs and the promising engine (lead times). */
async function writeSupplierChanged(tx: Queryable, s: Supplier, change: 'created' | 'updated', actor: string, nowMs: number): Promise<void> {
  await publish(tx, [{ topic: 'supplier.changed', subject: s.id, payload: { supplierId: s.id, code: s.code, change, active: s.active, actor } }], nowMs)
}

/**
 * The supplier a principal may act for: its id for a `supplier:<idOrCode>` token ('' when that
 * supplier does not exist, which matches nothing), undefined for staff.
 */
export async function supplierScope(suppliers: Suppliers, p: Principal): Promise<string | undefined> {
  if (p.kind !== 'supplier') return undefined
  return (await suppliers.resolve(p.scopeId))?.id ?? ''
}

/**
 * The supplier a route names, if this caller may see it. A supplier token asking about another
 * supplier gets the same 404 as for one that does not exist: existence is not revealed.
 */
export async function requireVisibleSupplier(suppliers: Suppliers, p: Principal, idOrCode: string): Promise<Supplier> {
  const supplier = await suppliers.resolve(idOrCode)
  const scope = await supplierScope(suppliers, p)
  if (!supplier || (scope !== undefined && scope !== supplier.id)) throw new FailureError(notFound('supplier', idOrCode))
  return supplier
}

/** A SKU's purchase terms from the named supplier, or from its only supplier; none known (or several): units of one. */
export async function supplierTermsFor(q: Queryable, skuId: string, supplierId: string | null): Promise<{ supplierId: string | null; minOrderQuantity: number; packSize: number }> {
  const rows = await q.all<{ supplier_id: string; min_order_quantity: number | string; pack_size: number | string }>(
    `SELECT supplier_id, min_order_quantity, pack_size FROM supplier_skus WHERE sku_id = ?${supplierId === null ? '' : ' AND supplier_id = ?'} ORDER BY supplier_id LIMIT 2`,
    supplierId === null ? [skuId] : [skuId, supplierId])
  if (rows.length !== 1) return { supplierId, minOrderQuantity: 1, packSize: 1 }
  return { supplierId: rows[0].supplier_id, minOrderQuantity: Number(rows[0].min_order_quantity), packSize: Number(rows[0].pack_size) }
}

/**
 * Who a unit of a SKU goes back to (a return to vendor): the supplier whose purchase order last
 * received the SKU, else its only supplier with terms; the debit is the unit cost in its terms.
 * Undefined when neither is known.
 */
export async function vendorOfSku(q: Queryable, skuId: string): Promise<{ supplierId: string; unitCost: number; currency: string } | undefined> {
  const row = await q.get<{ supplier_id: string; unit_cost: number | string; currency: string }>(
    `SELECT t.supplier_id, t.unit_cost, s.currency FROM supplier_skus t JOIN suppliers s ON s.id = t.supplier_id
     WHERE t.sku_id = ? ORDER BY COALESCE((SELECT MAX(p.updated_at) FROM purchase_orders p JOIN po_lines l ON l.po_id = p.id
       WHERE p.supplier_id = t.supplier_id AND l.sku_id = t.sku_id AND l.quantity_received > 0), -1) DESC, t.supplier_id LIMIT 1`, [skuId])
  return row && { supplierId: row.supplier_id, unitCost: Number(row.unit_cost), currency: row.currency }
}

/** The suppliers with purchase terms for each of these SKUs (SKU id → supplier ids, in id order; a SKU with none is absent). */
export async function suppliersOfSkus(q: Queryable, skuIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await selectIn<{ sku_id: string; supplier_id: string }>(q, 'SELECT sku_id, supplier_id FROM supplier_skus WHERE sku_id', skuIds)
  const out = new Map<string, string[]>()
  for (const r of [...rows].sort((a, b) => (a.supplier_id < b.supplier_id ? -1 : a.supplier_id > b.supplier_id ? 1 : 0))) {
    out.set(r.sku_id, [...(out.get(r.sku_id) ?? []), r.supplier_id])
  }
  return out
}

/** One supplier's offer of a SKU as replenishment weighs it: price, minimums, pack size and the lead time it quotes. */
export interface SkuSource {
  supplierId: string
  supplierCode: string
  supplierName: string
  active: boolean
  currency: string
  unitCost: number
  minOrderQuantity: number
  packSize: number
  /** The SKU's own lead time, else the supplier's default: what the supplier quotes (its scorecard says what it delivers). */
  quotedLeadTimeDays: number
  /** Suggestions to this supplier are approved and sent without a buyer. */
  autoSendSuggestions: boolean
}

/** Every supplier's terms for each of these SKUs (SKU id → offers in supplier id order; a SKU with none is absent). */
export async function sourcesOfSkus(q: Queryable, skuIds: readonly string[]): Promise<Map<string, SkuSource[]>> {
  const rows = await selectIn<SkuTermsRow & { code: string; name: string; currency: string; default_lead_time_days: number | string; active: number | boolean; auto_send_suggestions: number | boolean }>(q,
    `SELECT t.*, s.code, s.name, s.currency, s.default_lead_time_days, s.active, s.auto_send_suggestions FROM supplier_skus t JOIN suppliers s ON s.id = t.supplier_id WHERE t.sku_id`, skuIds)
  const out = new Map<string, SkuSource[]>()
  for (const r of rows.sort((a, b) => (a.supplier_id < b.supplier_id ? -1 : a.supplier_id > b.supplier_id ? 1 : 0))) {
    const list = out.get(r.sku_id) ?? []
    list.push({
      supplierId: r.supplier_id, supplierCode: r.code, supplierName: r.name, active: Boolean(Number(r.active)), currency: r.currency,
      unitCost: Number(r.unit_cost), minOrderQuantity: Number(r.min_order_quantity), packSize: Number(r.pack_size),
      quotedLeadTimeDays: r.lead_time_days === null ? Number(r.default_lead_time_days) : Number(r.lead_time_days),
      autoSendSuggestions: Boolean(Number(r.auto_send_suggestions)),
    })
    out.set(r.sku_id, list)
  }
  return out
}
