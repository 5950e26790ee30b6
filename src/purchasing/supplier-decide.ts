/**
 * Pure supplier rules: validate and complete a supplier, its SKU terms and a virtual-supply
 * declaration. No I/O: the service loads what these need and writes what they return. The HTTP
 * schemas catch most shape errors first; these guard every other caller (imports, scripts).
 */
import { ok, type Failure, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { isCurrency } from '../kernel/money.ts'
import type { StockNode } from '../catalogue/index.ts'
import { maxQuantity } from '../inventory/index.ts'
import {
  defaultReceivingPolicy, paymentTermKinds,
  type Contact, type PaymentTerms, type ReceivingPolicy, type Supplier, type SupplierDraft, type SupplierSku,
} from './model.ts'

export const codePattern = /^[A-Za-z0-9._-]{1,64}$/
export const maxContacts = 20
export const maxLeadTimeDays = 365
export const maxPaymentDays = 365
export const maxInstalments = 36
const emailPattern = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/
const phonePattern = /^[0-9+()\-. ]{3,40}$/
/** ISO 4217 codes this runtime knows (ICU data): 'CNY' passes, 'ABC' does not. */

export interface ContactInput {
  name: string
  email?: string | null
  phone?: string | null
  role?: string | null
}

export interface PaymentTermsInput {
  kind: PaymentTerms['kind']
  days?: number | null
  instalments?: number | null
}

/** A create names code, name, currency, lead time and payment terms; the rest has defaults. */
export interface SupplierInput {
  code: string
  name: string
  currency: string
  defaultLeadTimeDays: number
  paymentTerms: PaymentTermsInput
  contacts?: ContactInput[]
  dropship?: boolean
  autoSendSuggestions?: boolean
  /** Fields not given take `defaultReceivingPolicy`'s. */
  receivingPolicy?: Partial<ReceivingPolicy>
  active?: boolean
}

/** A patch: `contacts` and `paymentTerms` replace the old ones; `receivingPolicy` is laid over the current one. */
export type SupplierPatch = Partial<SupplierInput>

export interface SkuTermsInput {
  supplierSkuCode?: string | null
  unitCost: number
  minOrderQuantity?: number
  packSize?: number
  leadTimeDays?: number | null
  virtualCap?: number
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max
const isInteger = (v: unknown, min: number, max: number): v is number => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max
const isPercent = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100

/** The first failure among checks run in a fixed order, or undefined. */
function firstFailure(checks: Array<[passed: boolean, failure: () => Failure]>): Failure | undefined {
  for (const [passed, failure] of checks) if (!passed) return failure()
  return undefined
}

const contactOf = (c: ContactInput): Contact => ({ name: c.name, email: c.email ?? null, phone: c.phone ?? null, role: c.role ?? null })
const termsOf = (t: PaymentTermsInput): PaymentTerms => ({ kind: t.kind, days: t.days ?? null, instalments: t.instalments ?? null })

function contactValid(c: Contact): boolean {
  return isText(c.name, 200)
    && (c.email === null || (typeof c.email === 'string' && c.email.length <= 254 && emailPattern.test(c.email)))
    && (c.phone === null || (typeof c.phone === 'string' && phonePattern.test(c.phone)))
    && (c.role === null || isText(c.role, 64))
}

/** net: days after invoice; instalments: how many and how far apart; prepaid and on delivery: neither. */
export function paymentTermsProblem(t: PaymentTerms): string | undefined {
  if (!paymentTermKinds.includes(t.kind)) return `kind must be one of ${paymentTermKinds.join(', ')}.`
  const days = isInteger(t.days, 1, maxPaymentDays)
  const count = isInteger(t.instalments, 2, maxInstalments)
  if (t.kind === 'net') return days && t.instalments === null ? undefined : `net terms need days (1–${maxPaymentDays}) and no instalments.`
  if (t.kind === 'instalments') {
    return days && count ? undefined : `instalment terms need days between instalments (1–${maxPaymentDays}) and instalments (2–${maxInstalments}).`
  }
  return t.days === null && t.instalments === null ? undefined : `${t.kind} terms take neither days nor instalments.`
}

function receivingPolicyValid(p: ReceivingPolicy): boolean {
  return isPercent(p.overReceiptTolerancePercent) && isPercent(p.closeWithinPercent)
    && (p.shortReceipt === 'keep_open' || p.shortReceipt === 'close_line')
    && Object.keys(p).length === 3
}

export function decideSupplierDraft(draft: SupplierDraft): Result<SupplierDraft> {
  const terms = paymentTermsProblem(draft.paymentTerms)
  const failure = firstFailure([
    [typeof draft.code === 'string' && codePattern.test(draft.code), () => fail('invalid_code', `code must be 1–64 characters of A–Z, a–z, 0–9, '.', '_' or '-' (got '${String(draft.code)}').`)],
    [isText(draft.name, 200), () => fail('invalid_name', 'name must be 1–200 characters and not blank.')],
    [Array.isArray(draft.contacts) && draft.contacts.length <= maxContacts && draft.contacts.every(contactValid),
      () => fail('invalid_contacts', `contacts must be at most ${maxContacts}, each with a name, and a valid email, phone (3–40 of 0–9 + ( ) - . space) and role (1–64) or null.`)],
    [isCurrency(draft.currency),
      () => fail('invalid_currency', `currency must be an ISO 4217 code such as 'CNY' (got '${String(draft.currency)}').`)],
    [isInteger(draft.defaultLeadTimeDays, 0, maxLeadTimeDays), () => fail('invalid_lead_time', `defaultLeadTimeDays must be a whole number from 0 to ${maxLeadTimeDays}.`)],
    [terms === undefined, () => fail('invalid_payment_terms', `paymentTerms: ${terms}`)],
    [typeof draft.dropship === 'boolean', () => fail('invalid_dropship', 'dropship must be true or false.')],
    [receivingPolicyValid(draft.receivingPolicy),
      () => fail('invalid_receiving_policy', "receivingPolicy: percentages must be 0–100 and shortReceipt 'keep_open' or 'close_line'.")],
    [typeof draft.active === 'boolean', () => fail('invalid_active', 'active must be true or false.')],
    [typeof draft.autoSendSuggestions === 'boolean', () => fail('invalid_active', 'autoSendSuggestions must be true or false.')],
  ])
  return failure ?? ok(draft)
}

export function decideSupplier(input: SupplierInput): Result<SupplierDraft> {
  return decideSupplierDraft({
    code: input.code,
    name: input.name,
    contacts: Array.isArray(input.contacts) ? input.contacts.map(contactOf) : [],
    currency: input.currency,
    defaultLeadTimeDays: input.defaultLeadTimeDays,
    paymentTerms: termsOf(input.paymentTerms ?? ({} as PaymentTermsInput)),
    dropship: input.dropship ?? false,
    receivingPolicy: { ...defaultReceivingPolicy, ...input.receivingPolicy },
    active: input.active ?? true,
    autoSendSuggestions: input.autoSendSuggestions ?? false,
  })
}

/** The current supplier with the patch laid over it, decided again as a whole. */
export function decideSupplierPatch(current: Supplier, patch: SupplierPatch): Result<SupplierDraft> {
  const keep = <K extends keyof SupplierDraft>(key: K, value: SupplierDraft[K] | undefined): SupplierDraft[K] => value ?? current[key]
  return decideSupplierDraft({
    code: keep('code', patch.code),
    name: keep('name', patch.name),
    contacts: patch.contacts === undefined ? current.contacts : Array.isArray(patch.contacts) ? patch.contacts.map(contactOf) : patch.contacts,
    currency: keep('currency', patch.currency),
    defaultLeadTimeDays: keep('defaultLeadTimeDays', patch.defaultLeadTimeDays),
    paymentTerms: patch.paymentTerms === undefined ? current.paymentTerms : termsOf(patch.paymentTerms),
    dropship: keep('dropship', patch.dropship),
    receivingPolicy: { ...current.receivingPolicy, ...patch.receivingPolicy },
    active: keep('active', patch.active),
    autoSendSuggestions: keep('autoSendSuggestions', patch.autoSendSuggestions),
  })
}

export type SkuTermsDraft = Omit<SupplierSku, 'supplierId' | 'skuId' | 'updatedAt'>

/** A PUT replaces the terms whole: fields not given take their defaults, not the old values. */
export function decideSkuTerms(input: SkuTermsInput): Result<SkuTermsDraft> {
  const draft: SkuTermsDraft = {
    supplierSkuCode: input.supplierSkuCode ?? null,
    unitCost: input.unitCost,
    minOrderQuantity: input.minOrderQuantity ?? 1,
    packSize: input.packSize ?? 1,
    leadTimeDays: input.leadTimeDays ?? null,
    virtualCap: input.virtualCap ?? 0,
  }
  const failure = firstFailure([
    [draft.supplierSkuCode === null || isText(draft.supplierSkuCode, 64), () => fail('invalid_supplier_sku_code', 'supplierSkuCode must be 1–64 characters or null.')],
    [isInteger(draft.unitCost, 0, Number.MAX_SAFE_INTEGER), () => fail('invalid_unit_cost', 'unitCost must be a whole number of minor units, at least 0.')],
    [isInteger(draft.minOrderQuantity, 1, maxQuantity), () => fail('invalid_min_order_quantity', `minOrderQuantity must be a whole number from 1 to ${maxQuantity}.`)],
    [isInteger(draft.packSize, 1, maxQuantity), () => fail('invalid_pack_size', `packSize must be a whole number from 1 to ${maxQuantity}.`)],
    [draft.leadTimeDays === null || isInteger(draft.leadTimeDays, 0, maxLeadTimeDays), () => fail('invalid_lead_time', `leadTimeDays must be null or a whole number from 0 to ${maxLeadTimeDays}.`)],
    [isInteger(draft.virtualCap, 0, maxQuantity), () => fail('invalid_virtual_cap', `virtualCap must be a whole number from 0 to ${maxQuantity}.`)],
  ])
  return failure ?? ok(draft)
}

/**
 * Lowering the cap below what the supplier has declared would leave sellable virtual units no
 * one may sell: the declarations must come down first.
 */
export function checkCapAgainstDeclared(virtualCap: number, declared: number): Result<void> {
  if (virtualCap >= declared) return ok(undefined)
  return fail('virtual_cap_below_declared',
    `The supplier has declared ${declared} virtual units of this SKU; lower its declarations before setting the cap to ${virtualCap}.`,
    { virtualCap, declared })
}

export interface VirtualRequest {
  supplier: Supplier
  node: StockNode
  quantity: number
  leadTimeDays: number
  /** The SKU terms' cap; null when the supplier has no terms for the SKU. */
  virtualCap: number | null
  /** What this supplier has declared for the SKU at its other nodes. */
  declaredElsewhere: number
}

/** A node takes virtual supply if it is this supplier's dropship node, or any warehouse (fast replenishment). */
export function nodeTakesVirtual(supplier: Supplier, node: StockNode): boolean {
  if (node.kind === 'warehouse') return true
  return node.kind === 'dropship' && (node.supplierId === supplier.id || node.supplierId === supplier.code)
}

/**
 * The cap bounds what the supplier can deliver fast for a SKU in total, over all nodes: two
 * declarations of 50 against a cap of 50 would promise 100 units it cannot make. A withdrawal
 * (quantity 0) is always allowed, so a supplier can take back a promise whatever else changed.
 */
export function decideVirtual(r: VirtualRequest): Result<void> {
  const failure = firstFailure([
    [isInteger(r.quantity, 0, maxQuantity), () => fail('invalid_quantity', `quantity must be a whole number from 0 to ${maxQuantity}.`)],
    [isInteger(r.leadTimeDays, 0, maxLeadTimeDays), () => fail('invalid_lead_time', `leadTimeDays must be a whole number from 0 to ${maxLeadTimeDays}.`)],
    [nodeTakesVirtual(r.supplier, r.node), () => fail('node_not_allowed_for_virtual',
      `Node ${r.node.code} is neither a warehouse nor a dropship node of supplier ${r.supplier.code}.`, { nodeId: r.node.id, nodeKind: r.node.kind })],
    [r.quantity === 0 || r.supplier.active, () => fail('supplier_inactive', `Supplier ${r.supplier.code} is inactive; reactivate it before declaring supply.`)],
    [r.quantity === 0 || r.quantity + r.declaredElsewhere <= (r.virtualCap ?? 0), () => fail('virtual_above_cap',
      r.virtualCap === null
        ? `Supplier ${r.supplier.code} has no terms for this SKU, so it may declare no virtual supply; set its SKU terms with a virtualCap first.`
        : `At most ${r.virtualCap} virtual units of this SKU over all nodes; ${r.declaredElsewhere} are declared at other nodes.`,
      { virtualCap: r.virtualCap ?? 0, declaredElsewhere: r.declaredElsewhere, requested: r.quantity })],
  ])
  return failure ?? ok(undefined)
}
