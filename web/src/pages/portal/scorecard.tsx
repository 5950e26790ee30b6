/**
 * The supplier's own scorecard: on-time, fill and QC pass rates, ETA changes, lead time and grade
 * over the buyer's window, and its trend at every recompute (a chart, and the same figures in a
 * table for screen readers).
 */
import { ok } from '../../api.ts'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, PageTitle, Show, useLoad } from '../../ui.tsx'
import { GradeBadge, GradeHistory, type GradePoint } from '../purchasing/suppliers.tsx'

const text = defineText(
  {
    title: 'Your scorecard', window: (days: string) => `Over the last ${days} days`, grade: 'Grade', onTime: 'Delivered on time', fill: 'Fill rate',
    qc: 'Passed quality control', etaChanges: 'ETA changes per line', lead: 'Lead time', days: (n: string) => `${n} days`, computed: 'Computed',
    how: 'How the buyer grades you: deliveries on or before the confirmed date, units delivered of those accepted, units passing inspection.',
  },
  {
    title: '您的评分卡', window: (days: string) => `近 ${days} 天`, grade: '等级', onTime: '准时交货率', fill: '满足率',
    qc: '质检合格率', etaChanges: '每行交期变更次数', lead: '交期', days: (n: string) => `${n} 天`, computed: '计算时间',
    how: '采购方的评分依据：在确认日期当天或之前交货、接受件数中实际交付的比例、通过检验的件数比例。',
  },
)

export function PortalScorecard() {
  const t = useText(text)
  const f = useFormat()
  const { api, scopeId } = useSession()
  const id = scopeId ?? ''
  const card = useLoad(() => ok(api.GET('/v1/suppliers/{id}/scorecard', { params: { path: { id } } })), [id])
  const history = useLoad(() => ok(api.GET('/v1/suppliers/{id}/scorecard/history', { params: { path: { id }, query: { limit: '100' } } })), [id])
  return (
    <>
      <PageTitle title={t.title}>{card.data && <GradeBadge grade={card.data.grade} />}</PageTitle>
      <p class="hint">{t.how}</p>
      <Show loaded={card}>
        {(c) => (
          <Card title={t.window(f.count(c.windowDays))}>
            <div class="figures">
              <Figure label={t.grade} value={<GradeBadge grade={c.grade} />} />
              <Figure label={t.onTime} value={f.percent(c.onTimeRate)} />
              <Figure label={t.fill} value={f.percent(c.fillRate)} />
              <Figure label={t.qc} value={f.percent(c.qcPassRate)} />
              <Figure label={t.etaChanges} value={c.etaChangesPerLine === null ? '—' : f.count(Math.round(c.etaChangesPerLine * 100) / 100)} />
              <Figure label={t.lead} value={c.leadTimeMeanDays === null ? '—' : t.days(f.count(Math.round(c.leadTimeMeanDays * 10) / 10))} />
            </div>
            <p class="live">{t.computed}: {f.instant(c.computedAt)}</p>
          </Card>
        )}
      </Show>
      <Show loaded={history}>
        {(h) => <GradeHistory points={h.items.map((s): GradePoint => ({ at: s.periodEnd, grade: s.grade, onTimeRate: s.onTimeRate, fillRate: s.fillRate, qcPassRate: s.qcPassRate }))} />}
      </Show>
    </>
  )
}

function Figure({ label, value }: { label: string; value: preact.ComponentChildren }) {
  return <div class="figure"><div class="value">{value}</div><div class="label">{label}</div></div>
}
