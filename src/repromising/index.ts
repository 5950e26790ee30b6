/**
 * The re-promising context (DOMAIN.md §4): every change of supply or sellable stock re-plans the
 * order lines waiting at its positions, records delays with compensation and customer messages,
 * and sweeps overdue supply. It builds on promising (the rules) and orders (the lines it
 * rewrites, through the orders context's functions). Other contexts import only this file.
 */
export { Repromising, type RepromiseSummary, type OverdueSweep, type SupplierDelayListener } from './repromise.ts'
export { delayRoutes } from './delay-routes.ts'
export { delayCauses, type DelayCause } from './delays.ts'
export type { RepromisingErrorCode } from './errors.ts'
export { recordRerouteDelay, isLater } from './reroute-delay.ts'
