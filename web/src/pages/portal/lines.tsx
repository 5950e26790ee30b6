/**
 * The supplier's open PO lines, most urgent first: the earliest customer promise that depends on
 * each line, how many customer orders and units wait on it, and a warning where the ETA comes
 * after that promise. Staff see every supplier's lines.
 */
import { useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, MoreButton, PageTitle, Show, useLoad } from '../../ui.tsx'
import type { Schemas } from '../selling/lookups.tsx'
import { poStatusText } from '../purchasing/words.ts'
import { lateForCustomers, urgencyText, usePortalNames } from './words.ts'

type PortalLine = Schemas['SupplierPortalLine']

const text = defineText(
  {
    title: 'Open lines by customer urgency', supplier: 'Supplier', caption: 'Open purchase order lines, most urgent first', po: 'Purchase order', line: 'Line', sku: 'SKU',
    open: 'Open units', inTransit: 'On the way', eta: 'ETA', expected: 'Expected', promise: 'Earliest customer promise', orders: 'Orders waiting',
    units: 'Units waiting', status: 'Line status', requested: 'requested, not confirmed', urgency: 'Urgency', hint: 'Customers were promised dates that depend on these lines. Lines whose ETA comes after the promise are marked: bring them forward or tell us now.',
    summary: (late: number, total: number) => `${late} of ${total} lines are due after a customer promise.`,
  },
  {
    title: '按顾客紧急程度排序的未结行', supplier: '供应商', caption: '未结采购订单行，最紧急的在前', po: '采购订单', line: '行', sku: 'SKU',
    open: '未到件数', inTransit: '在途', eta: '预计到货', expected: '预计', promise: '最早的顾客承诺', orders: '等待的订单',
    units: '等待的件数', status: '行状态', requested: '要求日期，未确认', urgency: '紧急程度', hint: '顾客已获得依赖这些订单行的承诺日期。预计到货晚于承诺的行已标出：请提前交货或尽早告知。',
    summary: (late: number, total: number) => `${total} 行中有 ${late} 行晚于顾客承诺。`,
  },
)

export function PortalLines() {
  const t = useText(text)
  const u = useText(urgencyText)
  const st = useText(poStatusText)
  const f = useFormat()
  const { api, kind } = useSession()
  const names = usePortalNames()
  const first = useLoad(() => ok(api.GET('/v1/supplier-portal/lines', { params: { query: { limit: '50' } } })), [api])
  const [more, setMore] = useState<{ items: PortalLine[]; next: string | null } | null>(null)
  const loadMore = async (cursor: string) => {
    const page = await ok(api.GET('/v1/supplier-portal/lines', { params: { query: { limit: '50', cursor } } }))
    setMore({ items: [...(more?.items ?? []), ...page.items], next: page.nextCursor })
  }
  return (
    <>
      <PageTitle title={t.title} />
      <p class="hint">{t.hint}</p>
      <Show loaded={names}>
        {(n) => (
          <Show loaded={first}>
            {(page) => {
              const rows = [...page.items, ...(more?.items ?? [])]
              const next = more ? more.next : page.nextCursor
              const late = rows.filter((l) => lateForCustomers(l.expectedDate, l.earliestCustomerPromiseDate)).length
              return (
                <Card title={t.caption}>
                  <p class="live" role="status">{t.summary(late, rows.length)}</p>
                  <DataTable caption={t.caption} rows={rows} rowKey={(l) => l.lineId} columns={[
                    { label: t.po, cell: (l) => <a href={`/console/portal/orders/${l.poId}`}>{l.poReference ?? l.poId}</a> },
                    // Staff see every supplier's lines: say whose.
                    ...(kind === 'supplier' ? [] : [{ label: t.supplier, cell: (l: PortalLine) => n.code(l.supplierId) }]),
                    { label: t.line, cell: (l) => l.lineNo, numeric: true },
                    { label: t.sku, cell: (l) => n.code(l.skuId) },
                    { label: t.promise, cell: (l) => <strong>{f.day(l.earliestCustomerPromiseDate)}</strong> },
                    { label: t.orders, cell: (l) => f.count(l.ordersWaiting), numeric: true },
                    { label: t.units, cell: (l) => f.count(l.unitsWaiting), numeric: true },
                    { label: t.eta, cell: (l) => (l.eta ? f.day(l.eta) : <>{f.day(l.expectedDate)} <small>({t.requested})</small></>) },
                    { label: t.urgency, cell: (l) => <Urgency line={l} words={u} /> },
                    { label: t.open, cell: (l) => f.count(l.quantityOpen), numeric: true },
                    { label: t.inTransit, cell: (l) => f.count(l.quantityInTransit), numeric: true },
                    { label: t.status, cell: (l) => st[l.status] },
                  ]} />
                  {next && <MoreButton onClick={() => void loadMore(next)} />}
                </Card>
              )
            }}
          </Show>
        )}
      </Show>
    </>
  )
}

function Urgency({ line, words }: { line: PortalLine; words: (typeof urgencyText)['en'] }) {
  if (line.ordersWaiting === 0) return <span class="badge muted">{words.nobody}</span>
  if (lateForCustomers(line.expectedDate, line.earliestCustomerPromiseDate)) return <span class="badge bad late">{words.late}</span>
  return <span class="badge good">{words.onTime}</span>
}
