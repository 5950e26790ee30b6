/**
 * One channel: its feed and deliveries as figures (GET /v1/analytics/channels), a sample of what
 * it shows (SKU search, scope filter) kept live by reading the feed's changes after its position
 * every second, the exports its integrations read, and the webhook endpoints with their log.
 *
 * Live updates poll `/availability/changes?after=<seq>` with the bearer token rather than opening
 * the SSE stream: EventSource cannot send an Authorization header, and a token in the address
 * would end up in logs and history.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { components } from '../../../../clients/typescript/index.ts'
import { ok } from '../../api.ts'
import { Chart } from '../../chart.tsx'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, Figure, MoreButton, PageTitle, ProblemNote, Show, useAction, useLoad } from '../../ui.tsx'
import { Endpoints } from './webhooks.tsx'
import { availabilityStatusText, channelText, scopeText } from './words.ts'

type Value = components['schemas']['ChannelAvailability']
type Measures = components['schemas']['ChannelMeasuresAnswer']
type ChannelRef = { id: string; code: string; name: string }

const periodDays = 30
const sampleSize = 50
const pollEveryMs = 1000
const statuses = ['in_stock', 'low_stock', 'backorder', 'presale', 'out_of_stock'] as const
const tones: Record<Value['status'], string> = { in_stock: 'good', low_stock: 'warn', backorder: 'warn', presale: 'muted', out_of_stock: 'bad' }

export function ChannelPage({ channel }: { channel: string }) {
  const t = useText(channelText)
  const { api, kind } = useSession()
  const staff = kind !== 'channel'
  // A channel token reads its own channel here too; another channel is the API's 404, shown in words.
  const info = useLoad(async (): Promise<ChannelRef> => {
    const found = await ok(api.GET('/v1/channels/{channel}', { params: { path: { channel } } }))
    return { id: found.id, code: found.code, name: found.name }
  }, [channel])
  const channels = useLoad(async () => (staff ? (await ok(api.GET('/v1/channels', { params: { query: { limit: '500' } } }))).items : []), [staff])
  const nodes = useLoad(async () => (staff ? (await ok(api.GET('/v1/nodes', { params: { query: { limit: '500' } } }))).items : []), [staff])
  const [seq, setSeq] = useState<number | null>(null)
  const measures = useLoad(() => ok(api.GET('/v1/analytics/channels', { params: { query: { periodDays: String(periodDays), channel } } })), [channel, seq])
  const nodeCodes = useMemo(() => new Map((nodes.data ?? []).map((n) => [n.id, n.code])), [nodes.data])
  return (
    <Show loaded={info}>
      {(c) => (
        <>
          <PageTitle title={t.title(c.name)}>{staff && <a href="/console/channels">{t.back}</a>}</PageTitle>
          {measures.data ? <MeasuresView data={measures.data} /> : <ProblemNote error={measures.error} />}
          <Sample channel={channel} nodeCodes={nodeCodes} onSeq={setSeq} />
          <Exports channel={channel} code={c.code} />
          <Endpoints channels={channels.data ?? []} initialChannel={staff ? undefined : c.id} />
        </>
      )}
    </Show>
  )
}

function MeasuresView({ data }: { data: Measures }) {
  const t = useText(channelText)
  const st = useText(availabilityStatusText)
  const f = useFormat()
  const m = data.channels[0]
  if (!m) return null
  const seconds = (s: number | null) => (s === null ? '—' : f.count(Math.round(s)))
  return (
    <Card title={t.measures}>
      <div class="figures" role="group" aria-label={t.measures}>
        <Figure label={t.feedPosition} value={f.count(m.feedPosition)} />
        <Figure label={t.lag} value={seconds(m.projectorLagSeconds)} />
        <Figure label={t.deltas(data.periodDays)} value={f.count(m.deltas)} />
        <Figure label={t.delivered} value={f.count(m.webhooks.delivered)} />
        <Figure label={t.failed} value={f.count(m.webhooks.failed)} />
        <Figure label={t.successRate} value={f.percent(m.webhooks.successRate)} hint={t.pendingNow(f.count(m.webhooks.pending))} />
        <Figure label={t.oldestPending} value={seconds(m.webhooks.oldestUndeliveredAgeSeconds)} />
      </div>
      <Chart label={`${t.byStatus}: ${statuses.map((s) => `${st[s]} ${m.availability[s]}`).join(', ')}`} height={200} option={{
        grid: { left: 40, right: 10, top: 10, bottom: 30 },
        xAxis: { type: 'category', data: statuses.map((s) => st[s]) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: t.byStatus, type: 'bar', data: statuses.map((s) => m.availability[s]) }],
      }} />
    </Card>
  )
}

interface Filter { sku: string; scope: string }

const keyOf = (v: Value) => `${v.skuId}|${v.scope}`
const byKey = (a: Value, b: Value) => (a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0)

/** The snapshot's first rows for the filter, then every change after its feed position, once a second. */
function Sample({ channel, nodeCodes, onSeq }: { channel: string; nodeCodes: ReadonlyMap<string, string>; onSeq: (seq: number) => void }) {
  const t = useText(channelText)
  const st = useText(availabilityStatusText)
  const sc = useText(scopeText)
  const f = useFormat()
  const { api } = useSession()
  const [filter, setFilter] = useState<Filter>({ sku: '', scope: '' })
  const [skuInput, setSkuInput] = useState('')
  const [rows, setRows] = useState<Value[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [seq, setSeq] = useState<number | null>(null)
  const [scopes, setScopes] = useState<string[]>([])
  const [error, setError] = useState<unknown>(null)
  const [pollError, setPollError] = useState<unknown>(null)
  const seqRef = useRef<number | null>(null)
  const cursorRef = useRef<string | null>(null)
  const filterRef = useRef(filter)

  const query = (more?: string) => ({
    limit: String(sampleSize), ...(filter.sku && { sku: filter.sku }), ...(filter.scope && { scope: filter.scope }), ...(more && { cursor: more }),
  })
  const remember = (values: readonly Value[]) => setScopes((known) => {
    const next = new Set(known)
    for (const v of values) next.add(v.scope)
    return next.size === known.length ? known : [...next].sort()
  })

  useEffect(() => {
    let current = true
    filterRef.current = filter
    setError(null)
    seqRef.current = null
    ok(api.GET('/v1/channels/{channel}/availability', { params: { path: { channel }, query: query() } })).then((page) => {
      if (!current) return
      setRows(page.items)
      setCursor(cursorRef.current = page.nextCursor)
      setSeq(seqRef.current = page.seq)
      onSeq(page.seq)
      remember(page.items)
    }, (e) => current && (setRows([]), setError(e)))
    return () => void (current = false)
  }, [channel, filter])

  useEffect(() => {
    let inFlight = false
    const timer = setInterval(async () => {
      const after = seqRef.current
      if (inFlight || after === null) return
      inFlight = true
      try {
        const page = await ok(api.GET('/v1/channels/{channel}/availability/changes', { params: { path: { channel }, query: { after: String(after), limit: '500' } } }))
        setPollError(null)
        // A new filter's snapshot may have landed meanwhile: its position rules.
        if (seqRef.current !== after || page.items.length === 0) return
        const wanted = filterRef.current
        const matches = (v: Value) => (!wanted.sku || v.sku === wanted.sku || v.skuId === wanted.sku) && (!wanted.scope || v.scope === wanted.scope)
        setRows((shown) => {
          const next = new Map(shown.map((v) => [keyOf(v), v]))
          for (const v of page.items) {
            // Rows past the loaded pages arrive with their page; the sample shows what it has loaded.
            if (next.has(keyOf(v)) || (matches(v) && cursorRef.current === null)) next.set(keyOf(v), v)
          }
          return [...next.values()].sort(byKey)
        })
        remember(page.items)
        setSeq(seqRef.current = page.lastSeq)
        onSeq(page.lastSeq)
      } catch (e) {
        setPollError(e)
      } finally {
        inFlight = false
      }
    }, pollEveryMs)
    return () => clearInterval(timer)
  }, [channel])

  const more = useAction(async () => {
    if (!cursor) return
    const page = await ok(api.GET('/v1/channels/{channel}/availability', { params: { path: { channel }, query: query(cursor) } }))
    setRows((shown) => [...shown, ...page.items.filter((v) => !shown.some((s) => keyOf(s) === keyOf(v)))].sort(byKey))
    setCursor(cursorRef.current = page.nextCursor)
    remember(page.items)
  })

  const scopeLabel = (scope: string) => {
    if (scope === 'channel') return sc.channel
    if (scope.startsWith('region:')) return sc.region(scope.slice('region:'.length))
    const node = scope.slice('store:'.length)
    return sc.store(nodeCodes.get(node) ?? node)
  }
  const search = (e: Event) => {
    e.preventDefault()
    setFilter((was) => ({ ...was, sku: skuInput.trim() }))
  }
  return (
    <Card title={t.sample} actions={<span class="live" aria-live="off">{pollError ? t.paused : seq === null ? '' : t.live(f.count(seq))}</span>}>
      <form class="filters" role="search" onSubmit={search}>
        <Field label={t.sku}>{(id) => <input id={id} name="sku" type="search" maxLength={100} value={skuInput} onInput={(e) => setSkuInput(e.currentTarget.value)} />}</Field>
        <Field label={t.scope}>
          {(id) => (
            <select id={id} name="scope" value={filter.scope} onChange={(e) => setFilter((was) => ({ ...was, scope: e.currentTarget.value }))}>
              <option value="">{t.allScopes}</option>
              {scopes.map((s) => <option value={s}>{scopeLabel(s)}</option>)}
            </select>
          )}
        </Field>
        <button type="submit" class="primary">{t.search}</button>
        {(filter.sku || filter.scope) && <button type="button" onClick={() => (setSkuInput(''), setFilter({ sku: '', scope: '' }))}>{t.clear}</button>}
      </form>
      <ProblemNote error={error} />
      <DataTable caption={t.sampleCaption} rows={rows} rowKey={keyOf} columns={[
        { label: t.sku, cell: (v) => v.sku },
        { label: t.scope, cell: (v) => scopeLabel(v.scope) },
        { label: t.status, cell: (v) => <span class={`badge ${tones[v.status]}`}>{st[v.status]}{v.onlyLeft !== null ? ` · ${st.onlyLeft(v.onlyLeft)}` : ''}</span> },
        { label: t.quantity, cell: (v) => f.count(v.quantity), numeric: true },
        { label: t.shipBy, cell: (v) => f.day(v.shipBy) },
        { label: t.deliverBy, cell: (v) => f.day(v.deliverBy) },
      ]} />
      {cursor && <MoreButton onClick={() => void more.run()} busy={more.busy} />}
      <ProblemNote error={more.error} />
    </Card>
  )
}

/** The exports as files: fetched with the token, saved through a blob (a plain link could not carry the token). */
function Exports({ channel, code }: { channel: string; code: string }) {
  const t = useText(channelText)
  const { api } = useSession()
  const save = (name: string, data: unknown) => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }))
    const link = document.createElement('a')
    link.href = url
    link.download = name
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  const download = useAction(async (which: 'google' | 'shopify') => {
    const params = { params: { path: { channel } } }
    if (which === 'google') save(`${code}-google-local-inventory.json`, await ok(api.GET('/v1/channels/{channel}/exports/google-local-inventory', params)))
    else save(`${code}-shopify-inventory.json`, await ok(api.GET('/v1/channels/{channel}/exports/shopify-inventory', params)))
  })
  return (
    <Card title={t.exports}>
      <p class="hint">{t.exportHint}</p>
      <div class="form-row">
        <button type="button" disabled={download.busy} onClick={() => void download.run('google')}>{t.google}</button>
        <button type="button" disabled={download.busy} onClick={() => void download.run('shopify')}>{t.shopify}</button>
      </div>
      <ProblemNote error={download.error} />
    </Card>
  )
}
