/**
 * The dashboard's replenishment section (staff only; a channel token's answer has no such group):
 * how far off the forecasts were (WAPE, MASE, bias) overall, by week and by model, days of supply
 * and the series that run out first, turnover, and how long suggestions take from approval to
 * goods received. A figure nothing has measured yet shows "—" and says why.
 */
import type { components } from '../../../../clients/typescript/index.ts'
import { Chart } from '../../chart.tsx'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Figure, useLoad } from '../../ui.tsx'
import { idsOnly, loadNames, type Names } from '../stock/names.ts'
import { replenishmentText } from './replenishment-text.ts'

type Figures = components['schemas']['ReplenishmentFigures']
type Accuracy = Figures['accuracy']['overall']
type LowRow = Figures['daysOfSupply']['lowest'][number]
type Format = ReturnType<typeof useFormat>

/** Two decimals: MASE and turnover are ratios read around 1. */
const ratio = (f: Format, v: number | null) => (v === null ? '—' : f.count(Math.round(v * 100) / 100))
/** Bias with its sign: "+" forecasts too much, "−" too little. */
const signedPercent = (f: Format, v: number | null) => (v !== null && v > 0 ? `+${f.percent(v)}` : f.percent(v))
/** A share as a percentage to one decimal, for chart axes. */
const percentPoints = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10)

export function ReplenishmentSection({ figures }: { figures: Figures }) {
  const t = useText(replenishmentText)
  const f = useFormat()
  const { accuracy, daysOfSupply, cycle } = figures
  const o = accuracy.overall
  const hours = (h: number | null) => (h === null ? '—' : t.hours(f.count(Math.round(h * 10) / 10)))
  const scored = o.wape !== null
  return (
    <section class="dashboard-section" aria-labelledby="replenishment-heading" style={{ marginTop: '1.5rem' }}>
      <h2 id="replenishment-heading">{t.title}</h2>
      <div class="figures" role="group" aria-label={t.title}>
        <Figure label={t.wape} value={f.percent(o.wape)} hint={scored ? t.wapeHint(f.count(o.series), f.count(Math.round(o.actualUnits))) : t.noScores} />
        <Figure label={t.mase} value={ratio(f, o.mase)} hint={o.mase === null ? t.noScores : t.maseHint} />
        <Figure label={t.bias} value={signedPercent(f, o.bias)} hint={o.bias === null ? t.noScores : t.biasHint} />
        <Figure label={t.daysOfSupply} value={daysOfSupply.total === null ? '—' : f.count(Math.round(daysOfSupply.total * 10) / 10)}
          hint={daysOfSupply.total === null ? t.noDemand : t.daysOfSupplyHint} />
        <Figure label={t.turnover} value={ratio(f, figures.turnover)} hint={figures.turnover === null ? t.noStock : t.turnoverHint} />
        <Figure label={t.openSuggestions} value={f.count(cycle.openNow)} hint={t.openHint(f.count(cycle.suggestionsMade), f.count(cycle.approved), f.count(cycle.dismissed))} />
        <Figure label={t.approvedToReceived} value={hours(cycle.meanHoursApprovedToReceived)}
          hint={cycle.meanHoursApprovedToReceived === null ? t.nothingReceived : t.cycleHint(f.count(cycle.received), hours(cycle.meanHoursToApprove), hours(cycle.meanHoursApprovedToSent))} />
      </div>
      <div class="grid" style={{ marginTop: '1rem' }}>
        <Card title={t.weekChart}>
          {accuracy.byWeek.length === 0 ? <p class="hint">{t.noScores}</p> : <WeekChart weeks={accuracy.byWeek} />}
        </Card>
        <Card title={t.byModel}>
          <DataTable caption={t.byModel} rows={accuracy.byModel} rowKey={(m) => m.model} columns={[
            { label: t.model, cell: (m) => <code>{m.model}</code> },
            ...accuracyColumns(t, f),
          ]} />
        </Card>
      </div>
      <div style={{ marginTop: '1rem' }}><Lowest rows={daysOfSupply.lowest} /></div>
    </section>
  )
}

function accuracyColumns(t: (typeof replenishmentText)['en'], f: Format) {
  return [
    { label: t.series, numeric: true, cell: (a: Accuracy) => f.count(a.series) },
    { label: 'WAPE', numeric: true, cell: (a: Accuracy) => f.percent(a.wape) },
    { label: t.mase, numeric: true, cell: (a: Accuracy) => ratio(f, a.mase) },
    { label: t.bias, numeric: true, cell: (a: Accuracy) => signedPercent(f, a.bias) },
    { label: t.actualUnits, numeric: true, cell: (a: Accuracy) => f.count(Math.round(a.actualUnits)) },
  ]
}

function WeekChart({ weeks }: { weeks: Figures['accuracy']['byWeek'] }) {
  const t = useText(replenishmentText)
  const f = useFormat()
  return (
    <Chart label={t.weekChart} option={{
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: weeks.map((w) => f.day(w.week)) },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: [
        { name: t.wape, type: 'line', connectNulls: true, data: weeks.map((w) => percentPoints(w.wape)) },
        { name: t.bias, type: 'line', connectNulls: true, data: weeks.map((w) => percentPoints(w.bias)) },
      ],
    }} />
  )
}

/** The series that run out first, each linked to its forecast. The figures name ids; the SKU and node lists name them. */
function Lowest({ rows }: { rows: LowRow[] }) {
  const t = useText(replenishmentText)
  const f = useFormat()
  const session = useSession()
  const loaded = useLoad(() => (rows.length === 0 ? Promise.resolve(idsOnly) : loadNames(session)), [session.api, rows.length === 0])
  const names: Names = loaded.data ?? idsOnly
  const href = (r: LowRow) => `/console/replenishment/forecast/${encodeURIComponent(names.sku(r.skuId))}/${encodeURIComponent(names.node(r.nodeId))}`
  return (
    <Card title={t.lowest}>
      <DataTable caption={t.lowest} rows={rows} rowKey={(r) => `${r.skuId}|${r.nodeId}`} columns={[
        { label: t.sku, cell: (r) => <a href={href(r)}>{names.sku(r.skuId)}</a> },
        { label: t.node, cell: (r) => names.node(r.nodeId) },
        { label: t.available, numeric: true, cell: (r) => f.count(r.availableUnits) },
        { label: t.demandPerDay, numeric: true, cell: (r) => f.count(Math.round(r.demandPerDay * 10) / 10) },
        { label: t.days, numeric: true, cell: (r) => (r.days === null ? '—' : f.count(Math.round(r.days * 10) / 10)) },
      ]} />
    </Card>
  )
}
