/** Customers' personal data the privacy tests place, and the check that none of it is where it must not be. */
/** Distinctive enough that finding one anywhere is a leak, not a coincidence. */
export const shipTo = {
  name: 'Zhou Xiaoyun Recipient',
  phone: '+86 138 0013 7741',
  email: 'zhou.xiaoyun.pii@example.com',
  address: { line1: '88 Nanjing West Road Unit 1207', line2: 'Tower Plumblossom', city: 'Shanghai Pii City', region: 'Jingan Pii District', postalCode: '200041', country: 'CN' },
  latitude: 31.2304,
  longitude: 121.4737,
}
export const pickupContact = { name: 'Qian Collector Person', phone: '+86 139 1111 5522', email: 'qian.collector.pii@example.com' }
/** Every plain value of the two contacts, and the telling parts of some. */
export const plainValues = [
  shipTo.name, shipTo.phone, shipTo.email, shipTo.address.line1, shipTo.address.line2, shipTo.address.city, shipTo.address.region,
  pickupContact.name, pickupContact.phone, pickupContact.email, 'Xiaoyun', 'Nanjing West', 'Plumblossom', 'Collector', '0013 7741', '1111 5522',
]

/** Which of the plain values `text` holds. */
export const leaksIn = (text: string): string[] => plainValues.filter((v) => text.includes(v))

