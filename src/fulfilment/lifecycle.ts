/**
 * The shipment lifecycle as data (served at GET /v1/shipments/lifecycle and walked cell by cell
 * by the tests): which action may run from which status, by which party, to which status.
 */
import { checkAction, type LifecycleRefusal, type LifecycleTable, type Transition } from '../kernel/lifecycle.ts'
import type { ShipmentStatus } from './model.ts'

export const shipmentActions = ['release', 'accept', 'pick', 'pack', 'ship', 'deliver', 'cancel', 'reject_line', 'ready', 'collect', 'expire', 'reset_attempts'] as const
export type ShipmentAction = (typeof shipmentActions)[number]

/**
 * merchant: staff (admin, ops); node: a user of the shipment's own node (`store:` or
 * `warehouse:` token); supplier: the supplier whose dropship node the shipment is at (its
 * `supplier:` token, through the portal); system: steps that follow from the order (paid,
 * cancelled, shipped or delivered as a whole) or a carrier's report.
 */
export type ShipmentParty = 'merchant' | 'node' | 'supplier' | 'system'

export type ShipmentTransition = Transition<ShipmentStatus, ShipmentParty> & { by: readonly ShipmentParty[] }

const working = ['released', 'picking', 'packed'] as const

export const shipmentTransitions: LifecycleTable<ShipmentAction, ShipmentStatus, ShipmentParty> & Record<ShipmentAction, ShipmentTransition> = {
  release: { from: ['created'], to: 'released', by: ['merchant', 'node'], summary: 'hand the shipment to the node: it joins the node’s work queue' },
  accept: {
    from: ['created', 'released'], to: 'accepted', by: ['merchant', 'supplier'],
    summary: 'the supplier takes a dropship request: it will send the lines to the customer itself',
  },
  pick: { from: ['released'], to: 'picking', by: ['merchant', 'node'], summary: 'the node started picking' },
  pack: { from: ['picking'], to: 'packed', by: ['merchant', 'node'], summary: 'picked and packed, waiting for the carrier' },
  ship: {
    from: ['packed', 'accepted'], to: 'shipped', by: ['merchant', 'node', 'supplier', 'system'],
    summary: 'handed to the carrier (carrier, service, tracking, packages): the stock is committed, one movement per line (a dropship line from the supplier’s allowance); shipping some of the lines or units splits the rest into a new shipment',
  },
  deliver: { from: ['shipped'], to: 'delivered', by: ['merchant', 'system'], summary: 'the carrier delivered: each line’s delivery day is recorded on the order' },
  cancel: {
    from: ['created', 'accepted', ...working, 'ready_for_pickup'], to: 'cancelled', by: ['merchant', 'system'],
    summary: 'stop before shipping: the lines go back to the order, still holding their stock, to be released again or cancelled with the order',
  },
  reject_line: {
    from: ['created', 'accepted', ...working, 'ready_for_pickup'], to: null, by: ['merchant', 'node', 'supplier'],
    summary: 'the node (or the dropship supplier) cannot send a line (not found, damaged, out of stock): its hold is released there and the line is re-routed to the next node (a pickup line, which has no other node, is refunded); a shipment left with no line is cancelled',
  },
  ready: {
    from: ['packed'], to: 'ready_for_pickup', by: ['merchant', 'node'],
    summary: 'a pickup order is ready at the store: a pickup code is made (kept hashed), the customer is sent it with its QR image, and the hold clock starts',
  },
  collect: {
    from: ['ready_for_pickup'], to: 'collected', by: ['merchant', 'node'],
    summary: 'handed over at the counter against the pickup code (attempts limited and logged): the stock is committed, one movement per line, and the lines are delivered; collecting some lines or units leaves the rest ready in a new shipment',
  },
  expire: {
    from: ['ready_for_pickup'], to: 'expired', by: ['system'],
    summary: 'not collected within the store’s hold days: the stock goes back to sellable, the units are refunded (refund due on the order) and the customer is told, once',
  },
  reset_attempts: {
    from: ['ready_for_pickup'], to: null, by: ['merchant'],
    summary: 'unlock a pickup locked after too many wrong codes (the code stays the same)',
  },
}

/** Refuses an action the party (403) or the status (409) does not allow. */
export function checkShipmentAction(s: { id: string; status: ShipmentStatus }, action: ShipmentAction, party: ShipmentParty): LifecycleRefusal | undefined {
  return checkAction(shipmentTransitions, { kind: 'shipment', ref: s.id, status: s.status }, action, party)
}
