/** Great-circle distance and shipping-zone lookup. Pure. */
import type { RegionCentroid, ShippingSettings, ShippingZone } from './model.ts'

const earthRadiusKm = 6371.0088
const rad = (deg: number) => (deg * Math.PI) / 180

/** Haversine distance in kilometres. */
export function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const dLat = rad(b.latitude - a.latitude)
  const dLon = rad(b.longitude - a.longitude)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)))
}

export function centroidOf(shipping: ShippingSettings, region: string): RegionCentroid | undefined {
  return shipping.regions.find((r) => r.region === region)
}

/** The zone from one region to another at a service level: exact regions first, then `*` on the sending side, then on the receiving side, then both. */
export function zoneOf(shipping: ShippingSettings, from: string, to: string, serviceLevel: string): ShippingZone | undefined {
  const at = (f: string, t: string) => shipping.zones.find((z) => z.from === f && z.to === t && z.serviceLevel === serviceLevel)
  return at(from, to) ?? at('*', to) ?? at(from, '*') ?? at('*', '*')
}
