/** The customer's personal data on the wire (contact.ts): lengths, shapes and ranges the schema can check; the rest is `contactOf`. */
import { Type } from '@sinclair/typebox'
import { named } from '../http/support.ts'

/** Text with something other than spaces in it. */
const Text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, pattern: '\\S', ...(description && { description }) })

const Address = named('PostalAddress', Type.Object({
  line1: Text(200),
  line2: Type.Optional(Text(200)),
  city: Text(100),
  region: Type.Optional(Text(100, 'State, province or prefecture')),
  postalCode: Type.Optional(Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9][A-Za-z0-9 -]*$' })),
  country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, e.g. CN' }),
}, { additionalProperties: false }))

const person = {
  name: Text(200),
  phone: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: '6 to 15 digits, an optional leading +' })),
  email: Type.Optional(Type.String({ minLength: 3, maxLength: 254 })),
}

export const ShipTo = named('ShipTo', Type.Object({
  ...person,
  address: Address,
  latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
}, { additionalProperties: false, description: 'Who a ship order goes to. Personal data: sealed at rest, never logged, shown only to staff and the order’s channel.' }))

export const PickupContact = named('PickupContact', Type.Object(person, {
  additionalProperties: false,
  description: 'Who collects a pickup order. Personal data: staff and the order’s channel see all of it, the pickup store only the name.',
}))

