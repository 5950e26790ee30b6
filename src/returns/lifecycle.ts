/**
 * The return lifecycle as data (served at GET /v1/returns/lifecycle and walked cell by cell by
 * the tests): which action may run from which status, by which party, to which status.
 */
import { checkAction, type LifecycleRefusal, type LifecycleTable, type Transition } from '../kernel/lifecycle.ts'
import type { ReturnStatus } from './model.ts'

export const returnActions = ['approve', 'reject', 'ship', 'receive', 'inspect', 'repair', 'close', 'cancel'] as const
export type ReturnAction = (typeof returnActions)[number]

/**
 * merchant: staff (admin, ops); channel: the order's channel, for its customer; node: a user of
 * the receiving node (`store:` or `warehouse:` token, at a node with the `returns` capability);
 * system: steps that follow by themselves (every unit inspected).
 */
export type ReturnParty = 'merchant' | 'channel' | 'node' | 'system'

export type ReturnTransition = Transition<ReturnStatus, ReturnParty> & { by: readonly ReturnParty[] }

export const returnTransitions: LifecycleTable<ReturnAction, ReturnStatus, ReturnParty> & Record<ReturnAction, ReturnTransition> = {
  approve: { from: ['requested'], to: 'approved', by: ['merchant'], summary: 'the merchant accepts the return: the customer may send the units' },
  reject: { from: ['requested'], to: 'rejected', by: ['merchant'], summary: 'the merchant refuses the return, with the reason the customer is told' },
  ship: { from: ['approved'], to: 'in_transit', by: ['merchant', 'channel'], summary: 'the customer sent the units (carrier and tracking optional)' },
  receive: {
    from: ['approved', 'in_transit', 'received'], to: 'received', by: ['merchant', 'node'],
    summary: 'units arrive at a node with the returns capability (some of them too): on hand there and unsellable, awaiting inspection',
  },
  inspect: {
    from: ['received'], to: null, by: ['merchant', 'node'],
    summary: 'units are graded (A–D): the disposition rules decide each one’s fate and the stock moves; inspected once every unit expected is',
  },
  repair: {
    from: ['received', 'inspected', 'closed'], to: null, by: ['merchant', 'node'],
    summary: 'a refurbished unit’s repair is recorded: sellable again at its node (waiting backorders first), or scrapped',
  },
  close: { from: ['received', 'inspected'], to: 'closed', by: ['merchant', 'system'], summary: 'done: every unit received has its fate, and units never sent are given up' },
  cancel: { from: ['requested', 'approved'], to: 'cancelled', by: ['merchant', 'channel'], summary: 'the customer keeps the units: nothing is refunded' },
}

/** Refuses an action the party (403) or the status (409) does not allow. */
export function checkReturnAction(r: { id: string; status: ReturnStatus }, action: ReturnAction, party: ReturnParty): LifecycleRefusal | undefined {
  return checkAction(returnTransitions, { kind: 'return', ref: r.id, status: r.status }, action, party)
}
