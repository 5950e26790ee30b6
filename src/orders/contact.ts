/**
 * The customer's personal data on an order: where a `ship` order goes and to whom, or who
 * collects a `pickup` order. Pure rules: the checks made before anything is stored (their
 * messages never repeat the data), and what each kind of viewer may see of it. The data is
 * sealed at rest (contacts.ts) and never enters events, webhooks, the timeline or logs.
 */
import { ok, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import type { Order } from './model.ts'

export interface PostalAddress {
  line1: string
  line2?: string
  city: string
  region?: string
  postalCode?: string
  /** ISO 3166-1 alpha-2. */
  country: string
}

/** Who a `ship` order goes to. */
export interface ShipTo {
  name: string
  phone?: string
  email?: string
  address: PostalAddress
  latitude?: number
  longitude?: number
}

/** Who collects a `pickup` order. */
export interface PickupContact {
  name: string
  phone?: string
  email?: string
}

/** What is sealed for an order: one of the two, by the order's fulfilment method. */
export type CustomerContact = { method: 'ship'; shipTo: ShipTo } | { method: 'pickup'; contact: PickupContact }

/** Who reads an order's contact. Staff (admin, ops) see all of it; everyone else as `contactSeenBy` decides. */
export type ContactViewer =
  | { kind: 'staff' }
  | { kind: 'channel'; channelId: string }
  | { kind: 'store'; nodeId: string }
  | { kind: 'supplier'; supplierId: string }
  /**
   * Whoever sends a parcel of the order — a warehouse's or store's user, or a supplier
   * dropshipping it — from `nodeId`: the caller (fulfilment) has checked that the node has a
   * shipment of this order. It sees what a parcel label needs.
   */
  | { kind: 'sender'; nodeId: string }
  | { kind: 'payments' }
  /** A warehouse's user: nothing on the order itself (what a parcel label needs comes with the shipment). */
  | { kind: 'warehouse'; nodeId: string }

/** What a viewer sees, as the order view carries it: `shipTo` on ship orders, `contact` on pickup orders; nothing at all is `{}`. */
export interface ContactView {
  shipTo?: ShipTo
  contact?: PickupContact
}

/** A local part, one @, a domain with a dot; no spaces. Deliverability is the merchant's notifier's business. */
const emailShape = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/
/** Digits with an optional leading + and the usual separators; 6 to 15 digits (E.164 has at most 15). */
const phoneShape = /^\+?[0-9 ().-]+$/

/**
 * The contact an order request carries, checked against its fulfilment method: undefined when it
 * carries none (optional for now, so existing clients keep working).
 */
export function contactOf(method: 'ship' | 'pickup', shipTo: ShipTo | undefined, contact: PickupContact | undefined): Result<CustomerContact | undefined> {
  if (method === 'ship' && contact !== undefined) return fail('contact_method_mismatch', 'A ship order names its recipient in shipTo; contact is who collects a pickup order.')
  if (method === 'pickup' && shipTo !== undefined) return fail('contact_method_mismatch', 'A pickup order names who collects it in contact; shipTo is for ship orders.')
  if (shipTo !== undefined) {
    const person = checkPerson(shipTo, 'shipTo')
    if (!person.ok) return person
    if ((shipTo.latitude === undefined) !== (shipTo.longitude === undefined)) {
      return fail('coordinates_incomplete', 'shipTo gives a latitude without a longitude, or the reverse: send both or neither.')
    }
    return ok({ method: 'ship', shipTo })
  }
  if (contact !== undefined) {
    const person = checkPerson(contact, 'contact')
    return person.ok ? ok({ method: 'pickup', contact }) : person
  }
  return ok(undefined)
}

function checkPerson(p: { phone?: string; email?: string }, field: string): Result<void> {
  if (p.email !== undefined && !emailShape.test(p.email)) return fail('invalid_email', `${field}.email is not an e-mail address (name@domain).`)
  if (p.phone !== undefined) {
    const digits = p.phone.replace(/[^0-9]/g, '').length
    if (!phoneShape.test(p.phone) || digits < 6 || digits > 15) {
      return fail('invalid_phone', `${field}.phone is not a phone number: 6 to 15 digits, an optional leading +, spaces, dots, dashes or brackets between.`)
    }
  }
  return ok(undefined)
}

/**
 * What a viewer may see of an order's contact (the caller has already been allowed to see the
 * order): staff and the order's own channel all of it; the store a pickup order is collected at
 * only the name of who collects; whoever sends a parcel of it the ship-to without the e-mail (what a
 * label needs); everyone else (other suppliers, payment providers, other channels and stores) nothing.
 */
export function contactSeenBy(order: Pick<Order, 'channelId' | 'fulfilment'>, contact: CustomerContact | undefined, viewer: ContactViewer): ContactView {
  if (contact === undefined) return {}
  switch (viewer.kind) {
    case 'staff':
      return full(contact)
    case 'channel':
      return viewer.channelId === order.channelId ? full(contact) : {}
    case 'sender': {
      if (contact.method !== 'ship') return {}
      const { email: _email, ...label } = contact.shipTo
      return { shipTo: label }
    }
    case 'store':
      return contact.method === 'pickup' && order.fulfilment.method === 'pickup' && order.fulfilment.nodeId === viewer.nodeId
        ? { contact: { name: contact.contact.name } }
        : {}
    default:
      return {}
  }
}

const full = (c: CustomerContact): ContactView => (c.method === 'ship' ? { shipTo: c.shipTo } : { contact: c.contact })
