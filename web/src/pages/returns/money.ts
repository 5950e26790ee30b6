/**
 * Amounts of a return in its order's currency. Returns carry minor units only; staff and the
 * order's channel may read the order for its currency, a store or warehouse may not (another
 * channel's order), so it is told the amount in minor units.
 */
import { ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { useLoad } from '../../ui.tsx'
import { isStaff } from './roles.ts'
import { returnText } from './words.ts'

export function useReturnMoney(orderId: string): (minor: number) => string {
  const t = useText(returnText)
  const f = useFormat()
  const { api, kind } = useSession()
  const readable = isStaff(kind) || kind === 'channel'
  const currency = useLoad(async () => (readable ? (await ok(api.GET('/v1/orders/{id}', { params: { path: { id: orderId } } }))).currency : null), [api, orderId])
  return (minor) => (currency.data ? f.money(minor, currency.data) : t.minorUnits(f.count(minor)))
}
