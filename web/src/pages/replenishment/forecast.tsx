/**
 * A SKU's forecast at a node against what customers asked for: the actual line, the forecast
 * median and its 10–90% band, planned events marked on their day; the model, its accuracy and the
 * runner-up in words, and the next days in a table for screen readers. A small picker opens any
 * SKU at any node.
 */
import { useMemo, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ok } from '../../api.ts'
import { Chart, type ChartOption } from '../../chart.tsx'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, PageTitle, Show, useLoad } from '../../ui.tsx'
import { CodeSelect, useLookups, type Lookups } from '../selling/lookups.tsx'
import { accuracyWords } from './suggestion-card.tsx'
import { forecastText, kindText, suggestionText, type Forecast } from './words.ts'
import './replenishment.css'

const tableDays = 14

export function ForecastPicker() {
  const t = useText(forecastText)
  const lookups = useLookups()
  return (
    <>
      <PageTitle title={t.pickTitle} />
      <Show loaded={lookups}>{(l) => <PickerForm lookups={l} />}</Show>
    </>
  )
}

export function ForecastPage({ sku, node }: { sku: string; node: string }) {
  const t = useText(forecastText)
  const { api } = useSession()
  const lookups = useLookups()
  const found = useLoad(() => ok(api.GET('/v1/forecasts/{sku}/{node}', { params: { path: { sku, node } } })), [api, sku, node])
  return (
    <>
      <PageTitle title={t.title(sku, node)}><a href="/console/replenishment">{t.back}</a></PageTitle>
      <Show loaded={found}>{(f) => <ForecastView f={f} sku={sku} node={node} />}</Show>
      <Show loaded={lookups}>{(l) => <PickerForm lookups={l} sku={sku} node={node} />}</Show>
    </>
  )
}

function PickerForm({ lookups, sku = '', node = '' }: { lookups: Lookups; sku?: string; node?: string }) {
  const t = useText(forecastText)
  const { route } = useLocation()
  const idOf = (rows: ReadonlyArray<{ id: string; code: string }>, ref: string) => rows.find((r) => r.code === ref || r.id === ref)?.id ?? ''
  const [skuId, setSku] = useState(idOf(lookups.skus, sku))
  const [nodeId, setNode] = useState(idOf(lookups.nodes, node))
  return (
    <Card title={t.pickTitle}>
      <form class="filters" aria-label={t.pickTitle} onSubmit={(e) => {
        e.preventDefault()
        route(`/console/replenishment/forecast/${encodeURIComponent(lookups.code(skuId))}/${encodeURIComponent(lookups.code(nodeId))}`)
      }}>
        <Field label={t.sku}>{(id) => <CodeSelect id={id} name="sku" rows={lookups.skus} value={skuId} onChange={setSku} blank={t.choose} required />}</Field>
        <Field label={t.node}>{(id) => <CodeSelect id={id} name="node" rows={lookups.nodes} value={nodeId} onChange={setNode} blank={t.choose} required />}</Field>
        <button type="submit" class="primary">{t.pick}</button>
      </form>
    </Card>
  )
}

function ForecastView({ f: found, sku, node }: { f: Forecast; sku: string; node: string }) {
  const t = useText(forecastText)
  const w = useText(suggestionText)
  const k = useText(kindText)
  const fmt = useFormat()
  const option = useMemo(() => chartOption(found, { actual: t.actual, p50: t.p50, band: t.band }, (kind) => k[kind]), [found, t, k])
  const forecast = found.forecast
  const round = (v: number) => fmt.count(Math.round(v * 10) / 10)
  return (
    <>
      <Card title={t.demandCard}>
        {forecast === null ? <p>{t.none}</p> : (
          <>
            <Chart option={option} label={t.chart(sku, node)} height={320} />
            <dl class="facts">
              <dt>{t.model}</dt><dd><code class="model">{forecast.model}</code>{forecast.intermittent && <> · {t.intermittent}</>}</dd>
              <dt>{t.accuracy}</dt><dd>{accuracyWords(w, fmt, forecast.accuracy)}</dd>
              <dt>{t.runnerUp}</dt><dd>{forecast.runnerUp ? <><code>{forecast.runnerUp}</code> · {accuracyWords(w, fmt, forecast.runnerUpAccuracy)}</> : '—'}</dd>
              <dt>{t.asOf}</dt><dd>{fmt.day(forecast.asOf)}</dd>
              <dt>{t.computed}</dt><dd>{fmt.instant(forecast.computedAt)}</dd>
            </dl>
            <DataTable caption={t.nextDays(Math.min(tableDays, forecast.days.length))} rows={forecast.days.slice(0, tableDays)} rowKey={(d) => d.date} columns={[
              { label: t.date, cell: (d) => fmt.day(d.date) },
              { label: 'p10', cell: (d) => round(d.p10), numeric: true },
              { label: 'p50', cell: (d) => round(d.p50), numeric: true },
              { label: 'p90', cell: (d) => round(d.p90), numeric: true },
            ]} />
          </>
        )}
      </Card>
      <Card title={t.events}>
        {found.events.length === 0 ? <p>{t.noEvents}</p> : (
          <DataTable caption={t.events} rows={found.events} rowKey={(e) => e.id} columns={[
            { label: t.date, cell: (e) => fmt.day(e.date) },
            { label: t.kind, cell: (e) => k[e.kind] },
            { label: t.uplift, cell: (e) => (e.upliftPct === null ? '—' : `${e.upliftPct}%`), numeric: true },
          ]} />
        )}
      </Card>
    </>
  )
}

/** Actual and p50 lines on one day axis, the band as p10 plus the stacked (p90 − p10), events as marked days. */
export function chartOption(found: Forecast, names: { actual: string; p50: string; band: string }, kindName: (kind: Forecast['events'][number]['kind']) => string): ChartOption {
  const days = found.forecast?.days ?? []
  const dates = [...new Set([...found.history.map((h) => h.date), ...days.map((d) => d.date)])].sort()
  const actual = new Map(found.history.map((h) => [h.date, h.demand]))
  const ahead = new Map(days.map((d) => [d.date, d]))
  const r = (v: number | undefined) => (v === undefined ? null : Math.round(v * 100) / 100)
  const onAxis = found.events.filter((e) => actual.has(e.date) || ahead.has(e.date))
  const band = { type: 'line', stack: 'band', name: names.band, symbol: 'none', lineStyle: { opacity: 0 }, color: '#9db8d9' }
  return {
    legend: { top: 0, data: [names.actual, names.p50, names.band] },
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: dates, boundaryGap: false },
    yAxis: { type: 'value', min: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: Array<{ dataIndex: number }>) => {
        const date = dates[params[0]?.dataIndex ?? 0]!
        const d = ahead.get(date)
        return [date, actual.has(date) ? `${names.actual}: ${actual.get(date)}` : '', d ? `${names.p50}: ${r(d.p50)}` : '', d ? `${names.band}: ${r(d.p10)}–${r(d.p90)}` : '']
          .filter(Boolean).join('<br>')
      },
    },
    series: [
      {
        type: 'line', name: names.actual, symbol: 'none', data: dates.map((d) => actual.get(d) ?? null),
        markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#7b3fa0' }, data: onAxis.map((e) => ({ xAxis: e.date, label: { formatter: kindName(e.kind), position: 'end' } })) },
        markArea: { silent: true, itemStyle: { color: 'rgba(123, 63, 160, 0.08)' }, data: onAxis.filter((e) => e.kind === 'closure').map((e) => [{ xAxis: e.date }, { xAxis: e.date }]) },
      },
      { type: 'line', name: names.p50, symbol: 'none', data: dates.map((d) => r(ahead.get(d)?.p50)) },
      { ...band, data: dates.map((d) => r(ahead.get(d)?.p10)) },
      { ...band, areaStyle: { opacity: 0.35 }, data: dates.map((d) => { const x = ahead.get(d); return x ? r(x.p90 - x.p10) : null }) },
    ],
  }
}
