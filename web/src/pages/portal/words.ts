/** What the supplier portal pages share: the SKU and node codes a supplier may read, line words. */
import { ok } from '../../api.ts'
import { defineText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { useLoad, type Loaded } from '../../ui.tsx'

export interface PortalNames {
  /** A code for an id (the id itself when the supplier may not read it). */
  code: (id: string | null | undefined) => string
}

const everything = { query: { limit: '500' } }

/** SKU, node and supplier codes this token may read: a supplier sees every SKU, but not every warehouse. */
export function usePortalNames(): Loaded<PortalNames> {
  const { api } = useSession()
  return useLoad(async () => {
    const [skus, nodes, suppliers] = await Promise.allSettled([
      ok(api.GET('/v1/skus', { params: everything })), ok(api.GET('/v1/nodes', { params: everything })), ok(api.GET('/v1/suppliers', { params: everything })),
    ])
    const codes = new Map<string, string>()
    for (const r of [skus, nodes, suppliers]) if (r.status === 'fulfilled') for (const row of r.value.items) codes.set(row.id, row.code)
    return { code: (id) => (id ? (codes.get(id) ?? id) : '—') }
  }, [api])
}

/** The ETA falls after the earliest customer promise waiting on the line: customers will be late. */
export const lateForCustomers = (eta: string | null, promise: string | null): boolean => eta !== null && promise !== null && eta > promise

export const urgencyText = defineText(
  { late: 'ETA after the customer promise', onTime: 'In time', nobody: 'No customer waiting' },
  { late: '预计到货晚于对顾客的承诺', onTime: '来得及', nobody: '无顾客等待' },
)
