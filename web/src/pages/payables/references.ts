/** Purchase orders and invoices named as a clerk and a supplier write them (a PO's reference, an invoice's number); the id stands in when it cannot be read. */
import { ok } from '../../api.ts'
import { useSession } from '../../session.tsx'
import { useLoad } from '../../ui.tsx'
import type { PaymentRun } from './words.ts'

export function usePoReferences(poIds: readonly string[]): (poId: string) => string {
  const { api } = useSession()
  const ids = [...new Set(poIds)].sort()
  const found = useLoad(async () => {
    const read = await Promise.allSettled(ids.map((id) => ok(api.GET('/v1/purchase-orders/{id}', { params: { path: { id } } }))))
    return new Map(read.flatMap((r) => (r.status === 'fulfilled' && r.value.reference ? [[r.value.id, r.value.reference] as const] : [])))
  }, [api, ids.join()])
  return (poId) => found.data?.get(poId) ?? poId
}

/** The numbers of the invoices the runs pay: one list per supplier on the page (its newest 500 invoices). */
export function useInvoiceNumbers(runs: readonly PaymentRun[]): (invoiceId: string) => string {
  const { api } = useSession()
  const suppliers = [...new Set(runs.flatMap((r) => r.groups.map((g) => g.supplierId)))].sort()
  const found = useLoad(async () => {
    const read = await Promise.allSettled(suppliers.map((supplierId) => ok(api.GET('/v1/supplier-invoices', { params: { query: { supplierId, limit: '500' } } }))))
    return new Map(read.flatMap((r) => (r.status === 'fulfilled' ? r.value.items.map((i) => [i.id, i.number] as const) : [])))
  }, [api, suppliers.join()])
  return (invoiceId) => found.data?.get(invoiceId) ?? invoiceId
}
