/**
 * Every channel with its feed and deliveries at a glance (GET /v1/analytics/channels), and every
 * webhook endpoint. A channel token has one channel: it is taken straight to it.
 */
import { useEffect } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, PageTitle, Show, useLoad } from '../../ui.tsx'
import { Endpoints } from './webhooks.tsx'
import { listText } from './words.ts'

const periodDays = 30

export function ChannelList() {
  const { kind, scopeId } = useSession()
  const { route } = useLocation()
  useEffect(() => void (kind === 'channel' && scopeId && route(`/console/channels/${scopeId}`, true)), [kind, scopeId])
  if (kind === 'channel') return null
  return <StaffChannelList />
}

function StaffChannelList() {
  const t = useText(listText)
  const f = useFormat()
  const { api } = useSession()
  const measures = useLoad(() => ok(api.GET('/v1/analytics/channels', { params: { query: { periodDays: String(periodDays) } } })), [])
  const channels = useLoad(async () => (await ok(api.GET('/v1/channels', { params: { query: { limit: '500' } } }))).items, [])
  return (
    <>
      <PageTitle title={t.title}>{measures.data && <span class="live">{t.lag(f.count(Math.round(measures.data.projectorLagSeconds)))}</span>}</PageTitle>
      <Show loaded={measures}>
        {(m) => (
          <Card title={t.caption}>
            <DataTable caption={t.caption} rows={m.channels} rowKey={(c) => c.channel} columns={[
              { label: t.channel, cell: (c) => <a href={`/console/channels/${encodeURIComponent(c.channel)}`}>{c.name}</a> },
              { label: t.code, cell: (c) => c.channel },
              { label: t.values, cell: (c) => f.count(c.availability.total), numeric: true },
              { label: t.inStock, cell: (c) => f.count(c.availability.in_stock), numeric: true },
              { label: t.lowStock, cell: (c) => f.count(c.availability.low_stock), numeric: true },
              { label: t.outOfStock, cell: (c) => f.count(c.availability.out_of_stock), numeric: true },
              { label: t.feedPosition, cell: (c) => f.count(c.feedPosition), numeric: true },
              { label: t.deltas(m.periodDays), cell: (c) => f.count(c.deltas), numeric: true },
              { label: t.successRate, cell: (c) => f.percent(c.webhooks.successRate), numeric: true },
              { label: t.pending, cell: (c) => f.count(c.webhooks.pending), numeric: true },
            ]} />
          </Card>
        )}
      </Show>
      <Endpoints channels={channels.data ?? []} />
    </>
  )
}
