/** Payables request and response schemas: they validate requests and generate the OpenAPI document. */
import { Type } from '@sinclair/typebox'
import { literals, Nullable, named } from '../http/support.ts'
import { CursorParam } from '../http/cursor.ts'
import { chargeKinds, costBases, invoiceStatuses } from './invoice.ts'
import { resolutions } from './invoices.ts'
import { runStatuses } from './run-store.ts'

const Ref = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Id or code' })
const RefOrAny = Type.String({ minLength: 1, maxLength: 100, pattern: '^([A-Za-z0-9_.:-]+|\\*)$', description: 'Supplier id or code, or * for the default' })
export const Day = Type.String({ format: 'date', description: 'A day, YYYY-MM-DD' })
const Limit = Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: 'Page size, 1–500 (default 50)' }))
const Minor = (description: string) => Type.Integer({ description: `${description} (integer minor units)` })
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code' })

export const SupplierParams = Type.Object({ supplier: RefOrAny })
export const IdParams = Type.Object({ id: Ref })

const Percent = Type.Number({ minimum: 0, maximum: 100 })
const Anchor = literals(['invoice', 'receipt'] as const)
const TermsSchema = Type.Object({
  kind: literals(['prepayment', 'on_delivery', 'net', 'instalments'] as const),
  days: Type.Optional(Type.Integer({ description: 'net: days after the invoice or receipt' })),
  from: Type.Optional(Anchor),
  parts: Type.Optional(Type.Array(Type.Object({ percent: Percent, dayOffset: Type.Integer(), from: Anchor }), { description: 'instalments: percentages (summing to 100) at day offsets' })),
  earlyDiscount: Type.Optional(Type.Object({ percent: Percent, withinDays: Type.Integer() }, { description: 'e.g. 2/10 net 30: { percent: 2, withinDays: 10 }' })),
})
const ToleranceSchema = Type.Object({
  quantityPercent: Percent, pricePercent: Percent, absoluteMinor: Minor('A variance of at most this much is tolerated whatever its percent'),
})
const DebitPolicySchema = Type.Object({ qcFailures: Type.Boolean(), shortReceipts: Type.Boolean(), returnsToVendor: Type.Boolean() })

export const AgreementBody = named('SupplierAgreementRequest', Type.Object({
  terms: Type.Optional(TermsSchema), tolerance: Type.Optional(ToleranceSchema),
  debits: Type.Optional(Type.Partial(DebitPolicySchema)),
  chargebackPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Share of the compensation customers got for this supplier’s delays that it pays back' })),
}, { additionalProperties: false }))

export const AgreementView = named('SupplierAgreement', Type.Object({
  supplierId: Type.String({ description: 'The supplier, or * for the default' }),
  from: literals(['supplier', 'default', 'built_in'] as const),
  terms: TermsSchema, tolerance: ToleranceSchema, debits: DebitPolicySchema, chargebackPercent: Type.Number(),
  version: Type.Integer(), updatedAt: Nullable(Type.String()), updatedBy: Nullable(Type.String()),
}))

export const InvoiceBody = named('SupplierInvoiceRequest', Type.Object({
  supplierId: Type.Optional(Ref),
  number: Type.String({ minLength: 1, maxLength: 64, description: 'The supplier’s invoice number: unique per supplier' }),
  invoiceDate: Day,
  currency: Currency,
  lines: Type.Array(Type.Object({
    po: Type.String({ minLength: 1, maxLength: 100, description: 'The purchase order’s id or reference' }),
    lineNo: Type.Integer({ minimum: 1 }), quantity: Type.Integer({ minimum: 1 }), unitPriceMinor: Minor('Unit price billed'),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
  charges: Type.Optional(Type.Array(Type.Object({
    kind: literals(chargeKinds), amountMinor: Minor('Charge'), description: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    receiptId: Type.Optional(Nullable(Type.String({ maxLength: 100, description: 'The receipt the charge lands on (landed cost)' }))),
    basis: Type.Optional(Nullable(literals(costBases))),
  }, { additionalProperties: false }), { maxItems: 50 })),
  taxMinor: Type.Optional(Minor('Tax')),
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
}, { additionalProperties: false }))

const MatchResult = literals(['matched', 'price_variance', 'quantity_variance', 'not_received'] as const)
const InvoiceLineView = Type.Object({
  lineNo: Type.Integer(), poId: Type.String(), poLineNo: Type.Integer(), poLineId: Type.String(), skuId: Type.String(), quantity: Type.Integer(),
  unitPriceMinor: Type.Integer(), amountMinor: Type.Integer(), result: MatchResult,
  priceVarianceMinor: Minor('Unit price billed − PO unit cost'), quantityVariance: Type.Integer({ description: 'Units billed − units billable' }),
  amountVarianceMinor: Minor('Billed − what the billable part costs at the PO price'), explanation: Type.String(),
})
const InstalmentView = Type.Object({
  seq: Type.Integer(), dueDate: Nullable(Type.String({ description: 'Null while it counts from a receipt not yet made' })), amountMinor: Type.Integer(), paidMinor: Type.Integer(),
  discountUntil: Nullable(Type.String()), discountMinor: Type.Integer(),
})
export const InvoiceView = named('SupplierInvoice', Type.Object({
  id: Type.String(), supplierId: Type.String(), number: Type.String(), currency: Type.String(), invoiceDate: Type.String(),
  goodsMinor: Type.Integer(), chargesMinor: Type.Integer(), taxMinor: Type.Integer(), totalMinor: Type.Integer(), openMinor: Type.Integer({ description: 'Left to pay' }),
  status: literals(invoiceStatuses), payable: Type.Boolean(), source: literals(['staff', 'import', 'portal'] as const), note: Nullable(Type.String()),
  resolution: Nullable(Type.String()), resolvedBy: Nullable(Type.String()), resolvedAt: Nullable(Type.String()),
  createdAt: Type.String(), createdBy: Type.String(), updatedAt: Type.String(),
  lines: Type.Array(InvoiceLineView),
  charges: Type.Array(Type.Object({ chargeNo: Type.Integer(), kind: literals(chargeKinds), amountMinor: Type.Integer(), description: Nullable(Type.String()), receiptId: Nullable(Type.String()), basis: Nullable(literals(costBases)) })),
  instalments: Type.Array(InstalmentView),
}))

export const InvoiceListQuery = Type.Object({
  supplierId: Type.Optional(Ref), status: Type.Optional(literals(invoiceStatuses)), poId: Type.Optional(Ref), cursor: Type.Optional(CursorParam), limit: Limit,
}, { additionalProperties: false })
export const PortalInvoiceListQuery = Type.Object({ status: Type.Optional(literals(invoiceStatuses)), cursor: Type.Optional(CursorParam), limit: Limit }, { additionalProperties: false })

export const ResolutionBody = named('InvoiceResolutionRequest', Type.Object({
  action: literals(resolutions), reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Why: kept on the invoice' }),
}, { additionalProperties: false }))

export const ProposeRunBody = named('PaymentRunRequest', Type.Object({
  payBy: Day, payDate: Type.Optional(Day),
  minDiscountMinor: Type.Optional(Type.Integer({ minimum: 1, description: 'Pay early only for a discount of at least this much' })),
}, { additionalProperties: false }))

const PaymentView = Type.Object({
  id: Type.String(), supplierId: Type.String(), currency: Type.String(), amountMinor: Minor('Paid to the bank account'),
  debitsMinor: Minor('Debits and credit notes set off'), bankReference: Type.String(), paidDate: Type.String(), createdAt: Type.String(), createdBy: Type.String(),
})
export const PaymentRunView = named('PaymentRun', Type.Object({
  id: Type.String(), payBy: Type.String(), payDate: Type.String(), status: literals(runStatuses), createdAt: Type.String(), createdBy: Type.String(),
  approvedAt: Nullable(Type.String()), approvedBy: Nullable(Type.String()), closedAt: Nullable(Type.String()),
  groups: Type.Array(Type.Object({
    supplierId: Type.String(), currency: Type.String(), payMinor: Minor('Instalments paid'), discountMinor: Minor('Early-payment discounts taken'),
    debitsMinor: Minor('Debits set off (recorded, or that would be now)'), netMinor: Minor('To transfer'), debitIds: Type.Array(Type.String()),
    payment: Nullable(PaymentView),
    lines: Type.Array(Type.Object({
      invoiceId: Type.String(), seq: Type.Integer(), payMinor: Type.Integer(), discountMinor: Type.Integer(), reason: literals(['due', 'early_discount'] as const), explanation: Type.String(),
    })),
  })),
}))
export const RunListQuery = Type.Object({ status: Type.Optional(literals(runStatuses)), cursor: Type.Optional(CursorParam), limit: Limit }, { additionalProperties: false })
export const RecordPaymentBody = named('SupplierPaymentRequest', Type.Object({
  supplierId: Ref, currency: Currency, bankReference: Type.String({ minLength: 1, maxLength: 100 }), paidDate: Type.Optional(Day),
}, { additionalProperties: false }))
export const RecordedPaymentView = named('SupplierPayment', PaymentView)

const Buckets = Type.Object({ current: Type.Integer(), d1_30: Type.Integer(), d31_60: Type.Integer(), d61_90: Type.Integer(), over_90: Type.Integer() })
export const AsOfQuery = Type.Object({ asOf: Type.Optional(Day), supplierId: Type.Optional(Ref) }, { additionalProperties: false })
export const AgeingView = named('PayablesAgeing', Type.Object({
  asOf: Type.String(),
  bySupplier: Type.Array(Type.Object({ supplierId: Type.String(), currency: Type.String(), openMinor: Type.Integer(), bucketsMinor: Buckets })),
  total: Type.Array(Type.Object({ currency: Type.String(), openMinor: Type.Integer(), bucketsMinor: Buckets })),
}))
export const DueWeeksView = named('PayablesDueByWeek', Type.Object({
  asOf: Type.String(),
  weeks: Type.Array(Type.Object({ from: Type.String(), to: Type.String() })),
  currencies: Type.Array(Type.Object({ currency: Type.String(), weeksMinor: Type.Array(Type.Integer()), totalMinor: Type.Integer() })),
}))
const BalanceView = Type.Object({
  currency: Type.String(), invoicedMinor: Type.Integer(), onHoldMinor: Type.Integer(), debitsMinor: Type.Integer(), balanceMinor: Type.Integer(), overdueMinor: Type.Integer(),
})
export const StatementView = named('SupplierStatement', Type.Object({
  supplierId: Type.String(), asOf: Type.String(), balances: Type.Array(BalanceView),
  entries: Type.Array(Type.Object({
    kind: literals(['invoice', 'payment', 'discount', 'debit'] as const), date: Type.String(),
    id: Type.String({ description: 'The invoice, payment (also of its discount) or debit' }), reference: Type.String({ description: 'Invoice number, bank reference, or what the debit is for' }),
    currency: Type.String(), amountMinor: Minor('Invoiced (positive); paid, discount taken or debited (negative)'), status: Type.String(),
    detail: Type.String({ description: 'An invoice’s resolution; a debit’s kind' }),
    setOffMinor: Nullable(Type.Integer({ description: 'A payment: the debits set off against it (the invoices it settled were worth this much more than the transfer)' })),
  })),
}))
