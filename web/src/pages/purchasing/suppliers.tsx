/**
 * Suppliers with their scorecards: the list with each grade, and one supplier's profile, its
 * rates (on time, fill, QC pass), lead time, and its grade over time.
 */
import type { ComponentChildren } from 'preact'
import { useMemo } from 'preact/hooks'
import { ok } from '../../api.ts'
import { Chart } from '../../chart.tsx'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, PageTitle, ProblemNote, Show, useAction, useLoad } from '../../ui.tsx'
import type { Schemas } from '../selling/lookups.tsx'

type Supplier = Schemas['Supplier']
type Scorecard = Schemas['SupplierScorecard']

/** One point of the grade history: when it was measured and what it found. */
export interface GradePoint {
  at: string
  grade: Scorecard['grade']
  onTimeRate: number | null
  fillRate: number | null
  qcPassRate: number | null
}

const text = defineText(
  {
    title: 'Suppliers', list: 'Suppliers', code: 'Code', name: 'Name', currency: 'Currency', leadTime: 'Lead time', days: (n: string) => `${n} days`,
    grade: 'Grade', noGrade: 'Not graded yet', active: 'Active', yes: 'Yes', no: 'No', onTime: 'On time', fill: 'Fill rate', qc: 'QC pass rate',
    supplier: (code: string) => `Supplier ${code}`, profile: 'Profile', payment: 'Payment terms', dropship: 'Ships to customers', contacts: 'Contacts',
    scorecard: (days: string) => `Scorecard over the last ${days} days`, etaChanges: 'ETA changes per line', leadMean: 'Lead time (mean ± sd)',
    lines: 'Receipt lines / confirmed / completed', inspected: 'Units inspected', computed: 'Computed', recompute: 'Recompute now',
    history: 'Grade history', at: 'Measured', chart: (n: number) => `Line chart of on-time, fill and QC pass rates at ${n} measurements`,
  },
  {
    title: '供应商', list: '供应商', code: '编码', name: '名称', currency: '币种', leadTime: '交期', days: (n: string) => `${n} 天`,
    grade: '等级', noGrade: '尚未评级', active: '启用', yes: '是', no: '否', onTime: '准时率', fill: '满足率', qc: '质检合格率',
    supplier: (code: string) => `供应商 ${code}`, profile: '资料', payment: '付款条件', dropship: '直发顾客', contacts: '联系人',
    scorecard: (days: string) => `近 ${days} 天评分卡`, etaChanges: '每行交期变更次数', leadMean: '交期（均值 ± 标准差）',
    lines: '收货行 / 已确认 / 已完成', inspected: '质检件数', computed: '计算时间', recompute: '立即重新计算',
    history: '等级历史', at: '测量时间', chart: (n: number) => `折线图：${n} 次测量的准时率、满足率与质检合格率`,
  },
)

const gradeTone: Record<string, string> = { A: 'good', B: 'good', C: 'warn', D: 'bad' }

export function GradeBadge({ grade }: { grade: Scorecard['grade'] }) {
  const t = useText(text)
  return grade ? <span class={`badge ${gradeTone[grade]}`}>{grade}</span> : <span class="badge muted">{t.noGrade}</span>
}

export function Suppliers() {
  const t = useText(text)
  const f = useFormat()
  const { api } = useSession()
  const rows = useLoad(async () => {
    const suppliers = await ok(api.GET('/v1/suppliers', { params: { query: { limit: '200' } } }))
    const cards = await Promise.all(suppliers.items.map((s) => ok(api.GET('/v1/suppliers/{id}/scorecard', { params: { path: { id: s.id } } }))))
    return suppliers.items.map((supplier, i) => ({ supplier, card: cards[i] }))
  }, [api])
  return (
    <>
      <PageTitle title={t.title} />
      <Card title={t.list}>
        <Show loaded={rows}>
          {(r) => (
            <DataTable caption={t.list} rows={r} rowKey={(x) => x.supplier.id} columns={[
              { label: t.code, cell: (x) => <a href={`/console/purchasing/suppliers/${x.supplier.id}`}>{x.supplier.code}</a> },
              { label: t.name, cell: (x) => x.supplier.name },
              { label: t.grade, cell: (x) => <GradeBadge grade={x.card.grade} /> },
              { label: t.onTime, cell: (x) => f.percent(x.card.onTimeRate), numeric: true },
              { label: t.fill, cell: (x) => f.percent(x.card.fillRate), numeric: true },
              { label: t.qc, cell: (x) => f.percent(x.card.qcPassRate), numeric: true },
              { label: t.leadTime, cell: (x) => t.days(f.count(x.supplier.defaultLeadTimeDays)), numeric: true },
              { label: t.active, cell: (x) => (x.supplier.active ? t.yes : t.no) },
            ]} />
          )}
        </Show>
      </Card>
    </>
  )
}

export function SupplierPage({ id }: { id: string }) {
  const t = useText(text)
  const { api } = useSession()
  const supplier = useLoad(() => ok(api.GET('/v1/suppliers/{id}', { params: { path: { id } } })), [id])
  const card = useLoad(() => ok(api.GET('/v1/suppliers/{id}/scorecard', { params: { path: { id } } })), [id])
  const snapshots = useLoad(() => ok(api.GET('/v1/suppliers/{id}/scorecard/history', { params: { path: { id }, query: { limit: '100' } } })), [id, card.data?.computedAt])
  const recompute = useAction(() => ok(api.POST('/v1/suppliers/{id}/scorecard/recompute', { params: { path: { id } } })), card.reload)
  // The grade at every recompute (newest first from the API; the chart orders them by time).
  const history: GradePoint[] = (snapshots.data?.items ?? []).map((s) => ({ at: s.periodEnd, grade: s.grade, onTimeRate: s.onTimeRate, fillRate: s.fillRate, qcPassRate: s.qcPassRate }))
  return (
    <Show loaded={supplier}>
      {(s) => (
        <>
          <PageTitle title={t.supplier(s.code)}>{card.data && <GradeBadge grade={card.data.grade} />}</PageTitle>
          <div class="grid">
            <Profile supplier={s} />
            <Show loaded={card}>
              {(c) => (
                <ScorecardCard card={c}>
                  <ProblemNote error={recompute.error} />
                  <button type="button" disabled={recompute.busy} onClick={() => void recompute.run()}>{t.recompute}</button>
                </ScorecardCard>
              )}
            </Show>
          </div>
          <GradeHistory points={history} />
        </>
      )}
    </Show>
  )
}

function Profile({ supplier: s }: { supplier: Supplier }) {
  const t = useText(text)
  const f = useFormat()
  return (
    <Card title={t.profile}>
      <dl class="facts">
        <dt>{t.name}</dt><dd>{s.name}</dd>
        <dt>{t.currency}</dt><dd>{s.currency}</dd>
        <dt>{t.leadTime}</dt><dd>{t.days(f.count(s.defaultLeadTimeDays))}</dd>
        <dt>{t.payment}</dt><dd>{s.paymentTerms.kind}{s.paymentTerms.days !== null && ` ${s.paymentTerms.days}`}</dd>
        <dt>{t.dropship}</dt><dd>{s.dropship ? t.yes : t.no}</dd>
        <dt>{t.active}</dt><dd>{s.active ? t.yes : t.no}</dd>
        {s.contacts.length > 0 && <><dt>{t.contacts}</dt><dd>{s.contacts.map((c) => [c.name, c.email, c.phone].filter(Boolean).join(' · ')).join('; ')}</dd></>}
      </dl>
    </Card>
  )
}

function ScorecardCard({ card: c, children }: { card: Scorecard; children: ComponentChildren }) {
  const t = useText(text)
  const f = useFormat()
  const lead = c.leadTimeMeanDays === null ? '—' : `${f.count(Math.round(c.leadTimeMeanDays * 10) / 10)} ± ${f.count(Math.round((c.leadTimeStdDevDays ?? 0) * 10) / 10)}`
  return (
    <Card title={t.scorecard(f.count(c.windowDays))}>
      <dl class="facts scorecard">
        <dt>{t.grade}</dt><dd><GradeBadge grade={c.grade} /></dd>
        <dt>{t.onTime}</dt><dd>{f.percent(c.onTimeRate)}</dd>
        <dt>{t.fill}</dt><dd>{f.percent(c.fillRate)}</dd>
        <dt>{t.qc}</dt><dd>{f.percent(c.qcPassRate)}</dd>
        <dt>{t.etaChanges}</dt><dd>{c.etaChangesPerLine === null ? '—' : f.count(Math.round(c.etaChangesPerLine * 100) / 100)}</dd>
        <dt>{t.leadMean}</dt><dd>{lead}</dd>
        <dt>{t.lines}</dt><dd>{f.count(c.receiptLines)} / {f.count(c.linesConfirmed)} / {f.count(c.linesCompleted)}</dd>
        <dt>{t.inspected}</dt><dd>{f.count(c.unitsInspected)}</dd>
        <dt>{t.computed}</dt><dd>{f.instant(c.computedAt)}</dd>
      </dl>
      {children}
    </Card>
  )
}

/** The three rates over time, and the grade at each measurement. */
export function GradeHistory({ points }: { points: GradePoint[] }) {
  const t = useText(text)
  const f = useFormat()
  const ordered = [...points].sort((a, b) => a.at.localeCompare(b.at))
  const option = useMemo(() => {
    const series = (name: string, pick: (p: GradePoint) => number | null) => ({ type: 'line', name, data: ordered.map((p) => (pick(p) === null ? null : Math.round(pick(p)! * 1000) / 10)) })
    return {
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      legend: { top: 0 },
      xAxis: { type: 'category', data: ordered.map((p) => f.instant(p.at)) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series: [series(t.onTime, (p) => p.onTimeRate), series(t.fill, (p) => p.fillRate), series(t.qc, (p) => p.qcPassRate)],
    }
  }, [points, t])
  return (
    <Card title={t.history}>
      <Chart option={option} label={t.chart(ordered.length)} height={220} />
      <DataTable caption={t.history} rows={[...ordered].reverse()} rowKey={(p) => p.at} columns={[
        { label: t.at, cell: (p) => f.instant(p.at) },
        { label: t.grade, cell: (p) => <GradeBadge grade={p.grade} /> },
        { label: t.onTime, cell: (p) => f.percent(p.onTimeRate), numeric: true },
        { label: t.fill, cell: (p) => f.percent(p.fillRate), numeric: true },
        { label: t.qc, cell: (p) => f.percent(p.qcPassRate), numeric: true },
      ]} />
    </Card>
  )
}
