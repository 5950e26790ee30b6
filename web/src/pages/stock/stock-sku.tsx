/** One SKU's stock: its position at every node the token may see, and (for staff) its supply ladder. */
import { ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, PageTitle, Show, useLoad, type Column } from '../../ui.tsx'
import type { components } from '../../../../clients/typescript/index.ts'
import { SupplyLadder } from './ladder.tsx'
import { idsOnly, loadNames } from './names.ts'
import { stockText } from './text.ts'
import './stock.css'

type Position = components['schemas']['Position']

const largestPage = '500'
const emptyBuckets = { onHand: 0, reserved: 0, unsellable: 0, locked: 0, transferReserved: 0, inTransit: 0, virtual: 0, sellable: 0, shortage: 0 }

/** The seven buckets and S, as columns: shared by the SKU page and the position page. */
export function bucketColumns(t: typeof stockText.en, count: (n: number) => string): Column<Position>[] {
  const figure = (key: keyof typeof emptyBuckets, label: string): Column<Position> => ({ label, numeric: true, cell: (p) => count(p[key]) })
  return [
    figure('onHand', t.onHand), figure('reserved', t.reserved), figure('unsellable', t.unsellable), figure('locked', t.locked),
    figure('transferReserved', t.transferReserved), figure('inTransit', t.inTransit), figure('virtual', t.virtual),
    { label: t.sellable, numeric: true, cell: (p) => <strong class={p.sellable < 0 ? 'negative' : undefined}>{count(p.sellable)}</strong> },
  ]
}

export function StockSku({ sku }: { sku: string }) {
  const t = useText(stockText)
  const f = useFormat()
  const session = useSession()
  const { api } = session
  const staff = session.kind === 'admin' || session.kind === 'ops'
  const loaded = useLoad(async () => {
    const found = await ok(api.GET('/v1/skus/{sku}', { params: { path: { sku } } }))
    const [positions, names, supply] = await Promise.all([
      ok(api.GET('/v1/inventory/positions', { params: { query: { sku: found.id, limit: largestPage } } })),
      loadNames(session),
      // Future supply is for staff only (the API refuses other roles), so others are not asked.
      staff ? ok(api.GET('/v1/supply', { params: { query: { sku: found.id } } })) : Promise.resolve(null),
    ])
    return { sku: found, positions: positions.items, names, supply }
  }, [api, sku])
  return (
    <Show loaded={loaded}>
      {({ sku: found, positions, names = idsOnly, supply }) => {
        // Every node the token sees, with its position or empty buckets: a first receipt starts here too.
        const byNode = new Map(positions.map((p) => [p.nodeId, p]))
        const rows: Position[] = [...names.nodes.map((n) => byNode.get(n.id) ?? { skuId: found.id, nodeId: n.id, ...emptyBuckets }),
          ...positions.filter((p) => !names.nodes.some((n) => n.id === p.nodeId))]
        return (
          <>
            <PageTitle title={`${found.code} · ${found.name}`}><a href="/console/stock">{t.find}</a></PageTitle>
            <Card title={t.positions}>
              {!staff && <p>{t.scopeNote}</p>}
              <div class="caption-hidden"><DataTable caption={t.positions} rows={rows} rowKey={(p) => p.nodeId} columns={[
                {
                  label: t.node,
                  cell: (p) => <a href={`/console/stock/${encodeURIComponent(found.id)}/${encodeURIComponent(p.nodeId)}`}>{names.node(p.nodeId)}</a>,
                },
                ...bucketColumns(t, f.count),
              ]} /></div>
            </Card>
            {supply && <SupplyLadder skuCode={found.code} positions={positions} lines={supply.lines} names={names} />}
          </>
        )
      }}
    </Show>
  )
}
