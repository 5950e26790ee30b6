/** The payables context: supplier agreements, invoices and three-way match, payment runs, debits, ageing, cost. Other contexts import only this file. */
export { Payables, type PayablesDeps } from './service.ts'
export { payablesRoutes } from './routes.ts'
export type { PayablesErrorCode } from './errors.ts'
export { invoiceCsvColumns, type InvoiceImportReport } from './csv.ts'
export { payablesFigures } from './measures.ts'
