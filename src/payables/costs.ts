/**
 * Inventory cost's public face (moving-average cost, landed cost, cost of goods shipped, valuation)
 * until src/payables/index.ts re-exports it: `export * from './costs.ts'` there, then import from
 * the index and drop the exceptions in test/architecture.test.ts.
 */
export { Costing, allocateInvoiceCharge, costReceiptWithin, costShipmentWithin, landWithin, type InvoiceChargeInput, type LandedCostInput, type ShippedGoods, type OrderPricesOf } from './costing.ts'
export type { CostMovement, CostMovementKind, LandedAllocation, LandedCost, ShippedFigures, SkuCost } from './cost-store.ts'
export type { PayablesErrorCode } from './errors.ts'
export type { SkuCostView, ValuationLine, ValuationTotal } from './cost-reads.ts'
export { costRoutes } from './cost-routes.ts'
