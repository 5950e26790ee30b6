/** The parcel label's address a shipment or dropship request carries (the API never sends the e-mail). */
import type { components } from '../../../../clients/typescript/index.ts'

type Label = components['schemas']['ShippingLabel']

export function LabelAddress({ label, heading }: { label: Label; heading: string }) {
  const a = label.address
  return (
    <address>
      {heading}: {[label.name, label.phone].filter(Boolean).join(' · ')}<br />
      {[a.line1, a.line2, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ')}
    </address>
  )
}
