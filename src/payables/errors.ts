/** Every code the payables context refuses with: a closed union. HTTP statuses will be mapped in http/problem-status.ts. */
import { failures } from '../kernel/result.ts'

export type PayablesErrorCode =
  // Landed cost and moving average (money.ts, landed-cost.ts, moving-average.ts).
  | 'no_lines'
  | 'invalid_cost_lines'
  | 'invalid_charges'
  | 'weight_missing'
  | 'volume_missing'
  | 'no_units_on_hand'
  | 'landed_credit_exceeds_value'
  // Matching tolerances and payment terms (match.ts, terms.ts).
  | 'invalid_match_tolerance'
  | 'invalid_payment_terms'
  | 'invalid_agreement'
  // Invoices and the exceptions queue (invoice.ts, invoices.ts).
  | 'invalid_invoice'
  | 'unknown_po_line'
  | 'currency_mismatch'
  | 'duplicate_invoice_number'
  | 'invoice_not_found'
  | 'invoice_not_on_hold'
  | 'invalid_resolution'
  | 'supplier_not_found'
  // Payment runs (runs.ts).
  | 'invalid_payment_run'
  | 'payment_run_not_found'
  | 'payment_run_not_proposed'
  | 'payment_run_not_approved'
  | 'payment_already_recorded'
  | 'nothing_to_pay'
  // Debits and credit notes (debit-decide.ts, debits.ts).
  | 'invalid_credit_note'
  | 'credit_note_exists'
  | 'debit_not_found'
  // Cost: receipts, landed cost entered or from an invoice, cost reads (cost-*.ts, costing.ts).
  | 'receipt_not_found'
  | 'sku_not_found'
  | 'node_not_found'
  | 'nothing_received'

export const { fail, notFound } = failures<PayablesErrorCode>()
