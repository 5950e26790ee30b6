/**
 * What is owed and when: open invoices by days past due (current, 1–30, 31–60, 61–90, over 90) as
 * stacked bars per supplier with the totals, one chart per currency (amounts in different
 * currencies are never added); and what falls due in each of the next 13 weeks. Every chart has
 * its figures in a table beside it for screen readers.
 */
import { useMemo } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ok } from '../../api.ts'
import { Chart, type ChartOption } from '../../chart.tsx'
import { defineText, majorUnits, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, PageTitle, Show, useLoad } from '../../ui.tsx'
import { useLookups } from '../selling/lookups.tsx'
import { bucketNames, bucketText, type Ageing, type AgeingBuckets, type DueWeeks } from './words.ts'
import './payables.css'

const text = defineText(
  {
    title: 'Ageing and payables due', hint: 'Open invoices (held ones included) by how many days past due they are as of the day, per supplier; and what falls due each week.',
    asOf: 'As of', ageing: (currency: string) => `Ageing in ${currency}`, chart: (currency: string, total: string) => `Open payables in ${currency} by supplier and days past due; ${total} in total`,
    supplier: 'Supplier', open: 'Open', total: 'Total', none: 'Nothing is open.', caption: (currency: string) => `Ageing in ${currency}, per supplier`,
    due: (currency: string) => `Due in the next 13 weeks, ${currency}`, dueChart: (currency: string, total: string) => `Payables due per week in ${currency}, ${total} over 13 weeks; week 1 includes what is overdue`,
    week: 'Week', from: 'From', amount: 'Due', noneDue: 'Nothing falls due in the next 13 weeks.', weekOf: (n: number, day: string) => `W${n} ${day}`,
    dueHint: 'Week 1 also holds what is already overdue. Instalments counted from a receipt not yet made are not dated yet.',
  },
  {
    title: '账龄与应付到期', hint: '截至所选日期，按供应商统计未付发票（含挂起发票）的逾期天数；以及每周到期的应付款。',
    asOf: '截至', ageing: (currency: string) => `账龄（${currency}）`, chart: (currency: string, total: string) => `按供应商和逾期天数统计的未付应付款（${currency}），合计 ${total}`,
    supplier: '供应商', open: '未付', total: '合计', none: '暂无未付款项。', caption: (currency: string) => `各供应商账龄（${currency}）`,
    due: (currency: string) => `未来 13 周到期（${currency}）`, dueChart: (currency: string, total: string) => `每周到期应付款（${currency}），13 周合计 ${total}；第 1 周含已逾期款项`,
    week: '周', from: '起始日', amount: '到期', noneDue: '未来 13 周无到期款项。', weekOf: (n: number, day: string) => `第${n}周 ${day}`,
    dueHint: '第 1 周包含已逾期的款项。按收货日计算的分期在收货前尚无到期日。',
  },
)

export function PayablesAgeing() {
  const t = useText(text)
  const { api } = useSession()
  const { query, path, route } = useLocation()
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(query.asOf ?? '') ? query.asOf : undefined
  const lookups = useLookups()
  const ageing = useLoad(() => ok(api.GET('/v1/payables/ageing', { params: { query: asOf ? { asOf } : {} } })), [api, asOf])
  const due = useLoad(() => ok(api.GET('/v1/payables/due-by-week', { params: { query: asOf ? { asOf } : {} } })), [api, asOf])
  return (
    <>
      <PageTitle title={t.title} />
      <p class="hint">{t.hint}</p>
      <form class="filters" aria-label={t.asOf} onSubmit={(e) => e.preventDefault()}>
        <Field label={t.asOf}>{(id) => (
          <input id={id} name="asOf" type="date" value={asOf ?? ageing.data?.asOf ?? ''} onChange={(e) => route(e.currentTarget.value ? `${path}?asOf=${e.currentTarget.value}` : path)} />
        )}</Field>
      </form>
      <Show loaded={lookups}>
        {(l) => <Show loaded={ageing}>{(a) => <AgeingCards ageing={a} code={l.code} />}</Show>}
      </Show>
      <Show loaded={due}>{(d) => <DueCards due={d} />}</Show>
    </>
  )
}

function AgeingCards({ ageing, code }: { ageing: Ageing; code: (id: string) => string }) {
  const t = useText(text)
  if (ageing.total.length === 0) return <Card title={t.ageing('')}><p>{t.none}</p></Card>
  return <>{ageing.total.map((total) => <AgeingCard key={total.currency} ageing={ageing} currency={total.currency} code={code} />)}</>
}

function AgeingCard({ ageing, currency, code }: { ageing: Ageing; currency: string; code: (id: string) => string }) {
  const t = useText(text)
  const b = useText(bucketText)
  const f = useFormat()
  const rows = ageing.bySupplier.filter((s) => s.currency === currency)
  const total = ageing.total.find((x) => x.currency === currency)!
  const money = (minor: number) => f.money(minor, currency)
  const label = t.chart(currency, money(total.openMinor))
  const option = useMemo((): ChartOption => ({
    // Our sentence, not ECharts' generated one (which reads stacked bars as pairs of numbers): the table below has the figures.
    aria: { enabled: true, label: { description: label } },
    legend: { top: 0 },
    grid: { left: 64, right: 16, top: 36, bottom: 32, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: rows.map((r) => code(r.supplierId)) },
    yAxis: { type: 'value', name: currency },
    series: bucketNames.map((name) => ({
      type: 'bar', stack: 'age', barMaxWidth: 72, name: b[name], data: rows.map((r) => majorUnits(r.bucketsMinor[name], currency)),
    })),
  }), [rows, b, currency, code, label])
  type Row = { key: string; who: string; openMinor: number; bucketsMinor: AgeingBuckets }
  const tableRows: Row[] = [
    ...rows.map((r) => ({ key: r.supplierId, who: code(r.supplierId), openMinor: r.openMinor, bucketsMinor: r.bucketsMinor })),
    { key: '*total', who: t.total, openMinor: total.openMinor, bucketsMinor: total.bucketsMinor },
  ]
  return (
    <Card title={t.ageing(currency)}>
      <Chart option={option} label={label} height={300} />
      <DataTable caption={t.caption(currency)} rows={tableRows} rowKey={(r) => r.key} columns={[
        { label: t.supplier, cell: (r) => (r.key === '*total' ? <strong>{r.who}</strong> : r.who) },
        ...bucketNames.map((name) => ({ label: b[name], cell: (r: Row) => money(r.bucketsMinor[name]), numeric: true })),
        { label: t.open, cell: (r) => <strong>{money(r.openMinor)}</strong>, numeric: true },
      ]} />
    </Card>
  )
}

function DueCards({ due }: { due: DueWeeks }) {
  const t = useText(text)
  if (due.currencies.length === 0) return <Card title={t.due('')}><p>{t.noneDue}</p></Card>
  return <>{due.currencies.map((c) => <DueCard key={c.currency} due={due} currency={c.currency} />)}</>
}

function DueCard({ due, currency }: { due: DueWeeks; currency: string }) {
  const t = useText(text)
  const f = useFormat()
  const row = due.currencies.find((c) => c.currency === currency)!
  const labels = due.weeks.map((w, i) => t.weekOf(i + 1, w.from.slice(5)))
  const label = t.dueChart(currency, f.money(row.totalMinor, currency))
  const option = useMemo((): ChartOption => ({
    aria: { enabled: true, label: { description: label } },
    grid: { left: 64, right: 16, top: 24, bottom: 40, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: labels, axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', name: currency },
    series: [{ type: 'bar', barMaxWidth: 48, name: t.amount, data: row.weeksMinor.map((m) => majorUnits(m, currency)) }],
  }), [row, labels.join(), currency, label])
  const weeks = due.weeks.map((w, i) => ({ ...w, n: i + 1, minor: row.weeksMinor[i] ?? 0 }))
  return (
    <Card title={t.due(currency)}>
      <p class="hint">{t.dueHint}</p>
      <Chart option={option} label={label} height={260} />
      <DataTable caption={t.due(currency)} rows={weeks} rowKey={(w) => w.from} columns={[
        { label: t.week, cell: (w) => w.n },
        { label: t.from, cell: (w) => `${f.day(w.from)} – ${f.day(w.to)}` },
        { label: t.amount, cell: (w) => f.money(w.minor, currency), numeric: true },
      ]} />
    </Card>
  )
}
