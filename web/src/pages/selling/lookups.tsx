/**
 * What the selling and purchasing pages pick from and name: SKUs, nodes, channels and suppliers,
 * loaded once per page (the first 500 of each: a merchant's console, not a catalogue browser).
 * The API answers ids; pages show codes.
 */
import type { components } from '../../../../clients/typescript/index.ts'
import { ok } from '../../api.ts'
import { useSession } from '../../session.tsx'
import { useLoad, type Loaded } from '../../ui.tsx'

export type Schemas = components['schemas']
export type Sku = Schemas['Sku']
export type StockNode = Schemas['Node']
export type Channel = Schemas['Channel']
export type Supplier = Schemas['Supplier']

export interface Lookups {
  skus: Sku[]
  nodes: StockNode[]
  channels: Channel[]
  suppliers: Supplier[]
  /** A code for an id (the id itself when unknown). */
  code: (id: string | null | undefined) => string
}

const everything = { query: { limit: '500' } }

export function useLookups(): Loaded<Lookups> {
  const { api } = useSession()
  return useLoad(async () => {
    const [skus, nodes, channels, suppliers] = await Promise.all([
      ok(api.GET('/v1/skus', { params: everything })),
      ok(api.GET('/v1/nodes', { params: everything })),
      ok(api.GET('/v1/channels', { params: everything })),
      ok(api.GET('/v1/suppliers', { params: everything })),
    ])
    const codes = new Map<string, string>()
    for (const row of [...skus.items, ...nodes.items, ...channels.items, ...suppliers.items]) codes.set(row.id, row.code)
    return {
      skus: skus.items, nodes: nodes.items, channels: channels.items, suppliers: suppliers.items,
      code: (id) => (id ? (codes.get(id) ?? id) : '—'),
    }
  }, [api])
}

/** A select of rows by code; `blank` adds a first empty choice with that label. */
export function CodeSelect({ id, name, rows, value, onChange, blank, required }: {
  id: string
  name: string
  rows: ReadonlyArray<{ id: string; code: string; name: string }>
  value: string
  onChange: (value: string) => void
  blank?: string
  required?: boolean
}) {
  return (
    <select id={id} name={name} value={value} required={required} onChange={(e) => onChange(e.currentTarget.value)}>
      {blank !== undefined && <option value="">{blank}</option>}
      {rows.map((r) => <option value={r.id}>{r.code} · {r.name}</option>)}
    </select>
  )
}

/** Regions the nodes deliver from, each once. */
export const regionsOf = (nodes: readonly StockNode[]): string[] => [...new Set(nodes.map((n) => n.region))].sort()
