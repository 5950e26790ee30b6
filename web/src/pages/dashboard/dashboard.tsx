/**
 * The merchant's dashboard: every figure of GET /v1/analytics/dashboard for a period (7, 30 or 90
 * days) and a channel, as figures and charts. Period and channel live in the page's address, so a
 * view can be shared. A channel token sees its own channel only, without the shop-wide suppliers,
 * inventory and replenishment groups (the API decides).
 */
import { useLocation } from 'preact-iso'
import type { components } from '../../../../clients/typescript/index.ts'
import { ok } from '../../api.ts'
import { Chart, type ChartOption } from '../../chart.tsx'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, Figure, PageTitle, Show, useLoad } from '../../ui.tsx'
import { ReplenishmentSection } from './replenishment.tsx'
import { PayablesSection } from './payables.tsx'
import { text } from './text.ts'

type DashboardData = components['schemas']['AnalyticsDashboard']
const periods = [7, 30, 90] as const

export function Dashboard() {
  const t = useText(text)
  const f = useFormat()
  const { api, kind } = useSession()
  const { query, route } = useLocation()
  const periodDays = periods.find((p) => String(p) === query.periodDays) ?? 30
  const channel = kind === 'channel' ? undefined : query.channel || undefined
  const go = (next: { periodDays?: number; channel?: string }) => {
    const params = new URLSearchParams({ periodDays: String(next.periodDays ?? periodDays), ...((next.channel ?? channel) && { channel: next.channel ?? channel }) })
    if (next.channel === '') params.delete('channel')
    route(`/console/dashboard?${params}`)
  }
  const channels = useLoad(async () => (kind === 'channel' ? [] : (await ok(api.GET('/v1/channels', { params: { query: { limit: '200' } } }))).items), [kind])
  const loaded = useLoad(
    () => ok(api.GET('/v1/analytics/dashboard', { params: { query: { periodDays: String(periodDays), ...(channel && { channel }) } } })),
    [periodDays, channel],
  )
  return (
    <>
      <PageTitle title={t.title}>{loaded.data && <span class="live">{t.asOf(f.day(loaded.data.from), f.day(loaded.data.to))}</span>}</PageTitle>
      <div class="filters">
        <fieldset class="choices">
          <legend>{t.period}</legend>
          {periods.map((p) => (
            <label class="check"><input type="radio" name="period" checked={p === periodDays} onChange={() => go({ periodDays: p })} />{t.days(p)}</label>
          ))}
        </fieldset>
        {kind !== 'channel' && (
          <Field label={t.channel}>
            {(id) => (
              <select id={id} value={channel ?? ''} onChange={(e) => go({ channel: e.currentTarget.value })}>
                <option value="">{t.allChannels}</option>
                {(channels.data ?? []).map((c) => <option value={c.code}>{c.name}</option>)}
              </select>
            )}
          </Field>
        )}
      </div>
      <Show loaded={loaded}>{(data) => <Figures data={data} />}</Show>
    </>
  )
}

function Figures({ data }: { data: DashboardData }) {
  const t = useText(text)
  const f = useFormat()
  const { sales, onTime, backorders, delays, presale, inventory, fulfilment } = data
  const days = sales.series.map((d) => d.day.slice(5))
  const money = (minor: number) => f.money(minor, data.currency)
  // Hours to two decimals: the percentiles are exact to the quarter hour.
  const hours = (h: number | null) => (h === null ? '—' : t.hours(f.count(Math.round(h * 100) / 100)))
  const pickups = fulfilment.totals
  return (
    <>
      <div class="figures" aria-label={t.title} role="group">
        <Figure label={t.orders} value={f.count(sales.totals.orders)} />
        <Figure label={t.units} value={f.count(sales.totals.units)} />
        <Figure label={t.onTime} value={f.percent(onTime.totals.rate)} hint={t.onTimeHint(f.count(onTime.totals.linesOnTime), f.count(onTime.totals.linesPromised))} />
        <Figure label={t.backorders} value={f.count(backorders.totals.lines)} hint={t.backordersHint(f.count(backorders.totals.units), f.count(backorders.totals.oldestDays))} />
        <Figure label={t.delays} value={f.count(delays.totals.delays)} />
        <Figure label={t.compensation} value={money(delays.totals.compensationMinor)} />
        <Figure label={t.conversion} value={f.percent(presale.totals.conversionRate)} hint={t.conversionHint(f.count(presale.totals.balancesPaid), f.count(presale.totals.depositsPaid))} />
        <Figure label={t.forfeits} value={f.count(presale.totals.depositsForfeited)} />
        <Figure label={t.pickupReady} value={hours(pickups.pickupReadyP50Hours)}
          hint={t.pickupReadyHint(hours(pickups.pickupReadyMeanHours), hours(pickups.pickupReadyP90Hours), f.count(pickups.pickupsReady))} />
        <Figure label={t.pickupExpiry} value={f.percent(pickups.pickupExpiryRate)}
          hint={t.pickupExpiryHint(f.count(pickups.pickupsExpired), f.count(pickups.pickupsCollected + pickups.pickupsExpired))} />
        <Figure label={t.dropshipShipTime} value={hours(pickups.dropshipShipMeanHours)}
          hint={t.dropshipShipTimeHint(f.count(pickups.dropshipShipped), f.count(pickups.dropshipRequests))} />
        <Figure label={t.dropshipTurnDown} value={f.percent(pickups.dropshipTurnDownRate)}
          hint={t.dropshipTurnDownHint(f.count(pickups.dropshipLinesTurnedDown), f.count(pickups.dropshipLinesRequested))} />
        <ReturnFigures data={data} />
        {inventory && <Figure label={t.turnover} value={inventory.totals.turnover === null ? '—' : inventory.totals.turnover.toFixed(2)} />}
        {inventory && <Figure label={t.daysOfSupply} value={inventory.totals.daysOfSupply === null ? '—' : f.count(Math.round(inventory.totals.daysOfSupply))} hint={`${t.onHand}: ${f.count(inventory.totals.onHand)}`} />}
        {inventory?.value?.byCurrency.flatMap((v) => [
          <Figure label={t.costOfGoods(v.currency)} value={f.money(v.costOfGoodsShippedMinor, v.currency)} hint={t.revenueHint(f.money(v.revenueMinor, v.currency))} />,
          <Figure label={t.grossMargin(v.currency)} value={f.percent(v.grossMarginRate)} hint={f.money(v.grossMarginMinor, v.currency)} />,
          <Figure label={t.inventoryValue(v.currency)} value={f.money(v.inventoryValueMinor, v.currency)} hint={t.valueTurnoverHint(v.turnover === null ? '—' : v.turnover.toFixed(2))} />,
        ])}
      </div>
      <div class="grid" style={{ marginTop: '1rem' }}>
        <Card title={t.salesChart}>
          <Chart label={t.salesChart} option={series(days, [
            { name: t.orders, type: 'bar', data: sales.series.map((d) => d.orders) },
            { name: t.units, type: 'line', data: sales.series.map((d) => d.units) },
          ])} />
        </Card>
        <Card title={t.sourcesChart}>
          <Chart label={t.sourcesChart} option={series(days, [
            { name: t.fromStock, type: 'bar', stack: 'source', data: data.promiseSources.series.map((d) => d.stock) },
            { name: t.fromFuture, type: 'bar', stack: 'source', data: data.promiseSources.series.map((d) => d.future) },
            { name: t.fromPresale, type: 'bar', stack: 'source', data: data.promiseSources.series.map((d) => d.presale) },
          ])} />
        </Card>
        <Card title={t.onTimeChart}>
          <Chart label={t.onTimeChart} option={{
            ...series(days, [{ name: t.rate, type: 'line', connectNulls: true, data: onTime.series.map((d) => (d.rate === null ? null : Math.round(d.rate * 1000) / 10)) }]),
            yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
          }} />
        </Card>
        <Card title={t.backorderChart}>
          <Chart label={t.backorderChart} option={{
            xAxis: { type: 'category', data: backorders.buckets.map((b) => b.label) },
            yAxis: { type: 'value', minInterval: 1 },
            legend: { top: 0 },
            series: [{ name: t.lines, type: 'bar', data: backorders.buckets.map((b) => b.lines) }, { name: t.units, type: 'bar', data: backorders.buckets.map((b) => b.units) }],
          }} />
        </Card>
        <Card title={t.delaysChart}>
          <Chart label={t.delaysChart} option={{
            ...series(days, [
              { name: t.delays, type: 'bar', data: delays.series.map((d) => d.delays) },
              { name: t.compensation, type: 'line', yAxisIndex: 1, data: delays.series.map((d) => f.major(d.compensationMinor, data.currency)) },
            ]),
            yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value' }],
          }} />
        </Card>
        <Card title={t.presaleChart}>
          <Chart label={t.presaleChart} option={series(days, [
            { name: t.deposits, type: 'bar', data: presale.series.map((d) => d.depositsPaid) },
            { name: t.balances, type: 'bar', data: presale.series.map((d) => d.balancesPaid) },
            { name: t.forfeited, type: 'bar', data: presale.series.map((d) => d.depositsForfeited) },
          ])} />
        </Card>
        <Card title={t.pickupsChart}>
          <Chart label={t.pickupsChart} option={series(days, [
            { name: t.pickupsReady, type: 'bar', data: fulfilment.series.map((d) => d.pickupsReady) },
            { name: t.pickupsCollected, type: 'bar', data: fulfilment.series.map((d) => d.pickupsCollected) },
            { name: t.pickupsExpired, type: 'bar', data: fulfilment.series.map((d) => d.pickupsExpired) },
          ])} />
        </Card>
        <Card title={t.dropshipChart}>
          <Chart label={t.dropshipChart} option={series(days, [
            { name: t.dropshipRequests, type: 'bar', data: fulfilment.series.map((d) => d.dropshipRequests) },
            { name: t.dropshipShipped, type: 'bar', data: fulfilment.series.map((d) => d.dropshipShipped) },
            { name: t.dropshipLinesTurnedDown, type: 'bar', data: fulfilment.series.map((d) => d.dropshipLinesTurnedDown) },
          ])} />
        </Card>
        {inventory && (
          <Card title={t.inventoryChart}>
            <Chart label={t.inventoryChart} option={{
              ...series(days, [
                { name: t.shipped, type: 'bar', data: inventory.series.map((d) => d.unitsShipped) },
                { name: t.onHand, type: 'line', yAxisIndex: 1, connectNulls: true, data: inventory.series.map((d) => d.onHand) },
              ]),
              yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value' }],
            }} />
          </Card>
        )}
      </div>
      <Returns data={data} days={days} />
      {data.suppliers && <Suppliers suppliers={data.suppliers.suppliers} />}
      {data.replenishment && <ReplenishmentSection figures={data.replenishment} />}
      {data.payables && <PayablesSection figures={data.payables} />}
    </>
  )
}

type ReturnUnitsRow = DashboardData['returns']['bySku'][number]
const dispositionKinds = ['restock', 'outlet', 'refurbish', 'return_to_vendor', 'scrap'] as const

/** The returns figures: return rate, refund time and value recovered (docs/analytics.md#returns). */
function ReturnFigures({ data }: { data: DashboardData }) {
  const t = useText(text)
  const f = useFormat()
  const { totals } = data.returns
  const hours = (h: number | null) => (h === null ? '—' : t.hours(f.count(Math.round(h * 100) / 100)))
  return (
    <>
      <Figure label={t.returnRate} value={f.percent(totals.returnRate)}
        hint={t.returnRateHint(f.count(totals.unitsReturned), f.count(totals.unitsSold), f.count(totals.returnsOpened))} />
      <Figure label={t.refundTime} value={hours(totals.refundMeanHours)} hint={t.refundTimeHint(f.count(totals.refundsPaid), f.count(totals.refundsRequested))} />
      <Figure label={t.recovered} value={f.money(totals.recoveredMinor, data.currency)}
        hint={t.recoveredHint(f.count(totals.dispositions.restock), f.count(totals.dispositions.outlet))} />
    </>
  )
}

/** Units returned per day with the return rate, the disposition mix, reasons, and the most returned SKUs and their suppliers. */
function Returns({ data, days }: { data: DashboardData; days: string[] }) {
  const t = useText(text)
  const f = useFormat()
  const { totals, series: daily, byReason, bySku, bySupplier } = data.returns
  const unitsColumns = (label: string) => [
    { label, cell: (r: ReturnUnitsRow) => r.name },
    { label: t.unitsReturned, numeric: true, cell: (r: ReturnUnitsRow) => f.count(r.unitsReturned) },
    { label: t.units, numeric: true, cell: (r: ReturnUnitsRow) => f.count(r.unitsSold) },
    { label: t.returnRate, numeric: true, cell: (r: ReturnUnitsRow) => f.percent(r.returnRate) },
  ]
  return (
    <>
      <div class="grid" style={{ marginTop: '1rem' }}>
        <Card title={t.returnsChart}>
          <Chart label={t.returnsChart} option={{
            ...series(days, [
              { name: t.unitsReturned, type: 'bar', data: daily.map((d) => d.unitsReturned) },
              { name: t.returnRate, type: 'line', yAxisIndex: 1, connectNulls: true, data: daily.map((d) => (d.returnRate === null ? null : Math.round(d.returnRate * 1000) / 10)) },
            ]),
            yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, axisLabel: { formatter: '{value}%' } }],
          }} />
        </Card>
        <Card title={t.dispositionChart}>
          <Chart label={t.dispositionChart} option={{
            // Every kind named, however narrow the card: a hidden label leaves a bar nobody can read.
            grid: { left: 48, right: 24, top: 24, bottom: 56 },
            xAxis: { type: 'category', data: dispositionKinds.map((k) => t.disposition(k)), axisLabel: { interval: 0, hideOverlap: false, width: 72, overflow: 'break' } },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ name: t.unitsReturned, type: 'bar', data: dispositionKinds.map((k) => totals.dispositions[k]) }],
          }} />
        </Card>
        <Card title={t.reasonChart}>
          <Chart label={t.reasonChart} option={{
            grid: { left: 48, right: 24, top: 24, bottom: 56 },
            xAxis: { type: 'category', data: byReason.map((r) => t.reason(r.reason)), axisLabel: { interval: 0, hideOverlap: false, width: 72, overflow: 'break' } },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ name: t.unitsReturned, type: 'bar', data: byReason.map((r) => r.units) }],
          }} />
        </Card>
      </div>
      <div class="grid" style={{ marginTop: '1rem' }}>
        <Card title={t.mostReturned}>
          <DataTable caption={t.mostReturned} rows={bySku} rowKey={(r) => r.id} columns={unitsColumns(t.sku)} />
        </Card>
        <Card title={t.returnsBySupplier}>
          <DataTable caption={t.returnsBySupplier} rows={bySupplier} rowKey={(r) => r.id} columns={unitsColumns(t.supplier)} />
        </Card>
      </div>
    </>
  )
}

type SupplierRow = NonNullable<DashboardData['suppliers']>['suppliers'][number]

function Suppliers({ suppliers }: { suppliers: SupplierRow[] }) {
  const t = useText(text)
  const f = useFormat()
  return (
    <Card title={t.suppliers}>
      <DataTable caption={t.suppliers} rows={suppliers} rowKey={(s) => s.supplierId} columns={[
        { label: t.supplier, cell: (s) => <a href={`/console/purchasing/suppliers/${s.supplierId}`}>{s.name}</a> },
        { label: t.grade, cell: (s) => s.grade ?? '—' },
        { label: t.supplierOnTime, numeric: true, cell: (s) => f.percent(s.onTimeRate) },
        { label: t.fill, numeric: true, cell: (s) => f.percent(s.fillRate) },
        { label: t.qc, numeric: true, cell: (s) => f.percent(s.qcPassRate) },
        { label: t.window, numeric: true, cell: (s) => t.windowDays(s.windowDays) },
      ]} />
    </Card>
  )
}

/** A chart over the period's days with a legend and one y axis. */
function series(days: string[], lines: Array<Record<string, unknown>>): ChartOption {
  return {
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', minInterval: 1 },
    // Points only where a line has one value to show; a month of dots hides the line.
    series: lines.map((line) => (line.type === 'line' ? { showSymbol: days.length <= 7, ...line } : line)),
  }
}
