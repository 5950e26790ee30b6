/**
 * How the order was routed, on its page: for each decision (the placement, then any re-route),
 * the profile and its version, why the chosen plan won in words, and every candidate node once —
 * the filter that removed it and why, or its rank, the lines it could take and its score on each
 * criterion (docs/routing.md).
 */
import type { components } from '../../../../clients/typescript/index.ts'
import { ok } from '../../api.ts'
import { defineText, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Show, useLoad } from '../../ui.tsx'

type Decision = components['schemas']['RoutingDecision']
type Candidate = Decision['explanation']['candidates'][number]

export const routingText = defineText(
  {
    title: 'Routing',
    decision: (seq: number, cause: string, outcome: string) => `Decision ${seq}: ${cause}, ${outcome}`,
    profile: (scope: string, version: number) => `Profile ${scope === 'default' ? 'default' : 'of the channel'}, version ${version}`,
    candidates: 'Candidate nodes',
    node: 'Node',
    verdict: 'Verdict',
    lines: 'Lines it could take',
    scores: 'Scores',
    rank: (n: number) => `Rank ${n}`,
    removed: (filter: string, reason: string) => `Removed by ${filter}: ${reason}`,
    passedOver: 'Passed over',
    none: '—',
    placement: 'placement', routed: 'routed', backorder: 'placed as a backorder', hold: 'held for a person',
  },
  {
    title: '路由',
    decision: (seq: number, cause: string, outcome: string) => `第 ${seq} 次决策：${cause}，${outcome}`,
    profile: (scope: string, version: number) => `${scope === 'default' ? '默认' : '渠道'}路由规则，第 ${version} 版`,
    candidates: '候选节点',
    node: '节点',
    verdict: '结论',
    lines: '可承接的行',
    scores: '评分',
    rank: (n: number) => `排名第 ${n}`,
    removed: (filter: string, reason: string) => `被 ${filter} 筛除：${reason}`,
    passedOver: '未选用',
    none: '—',
    placement: '下单', routed: '已分配', backorder: '按缺货下单', hold: '待人工确认',
  },
)

const wordOf = (t: Record<string, unknown>, key: string): string => (typeof t[key] === 'string' ? (t[key] as string) : key)

export function RoutingCard({ id }: { id: string }) {
  const t = useText(routingText)
  const { api } = useSession()
  const loaded = useLoad(async () => (await ok(api.GET('/v1/orders/{id}/routing', { params: { path: { id } } }))).items, [api, id])
  return (
    <Show loaded={loaded}>
      {(decisions) => decisions.length === 0 ? null : (
        <Card title={t.title}>
          {decisions.map((d) => (
            <div key={d.seq} class="routing-decision">
              <h3>{t.decision(d.seq, wordOf(t, d.cause), wordOf(t, d.outcome))}</h3>
              <p>{t.profile(d.explanation.profile.scope, d.explanation.profile.version)}</p>
              <p class="routing-why">{d.explanation.why}</p>
              <DataTable caption={t.candidates} rows={d.explanation.candidates} rowKey={(c) => c.node} columns={[
                { label: t.node, cell: (c) => c.code },
                { label: t.verdict, cell: (c) => verdictOf(t, c) },
                { label: t.lines, cell: (c) => (c.lines.length > 0 ? c.lines.join(', ') : t.none) },
                { label: t.scores, cell: (c) => scoresOf(c) || t.none },
              ]} />
            </div>
          ))}
        </Card>
      )}
    </Show>
  )
}

function verdictOf(t: (typeof routingText)['en'], c: Candidate): string {
  if (c.removed) return t.removed(c.removed.filter, c.removed.reason)
  const passed = c.passedOver.map((p) => p.reason).join(' ')
  return c.rank === null ? t.none : `${t.rank(c.rank)}${passed ? ` · ${t.passedOver}: ${passed}` : ''}`
}

function scoresOf(c: Candidate): string {
  if (!c.scores) return ''
  return Object.entries(c.scores).map(([k, v]) => `${k} ${v === null ? '—' : k === 'earliest_delivery' ? new Date(v).toISOString().slice(0, 10) : k === 'distance' ? `${Math.round(v)} km` : v}`).join(' · ')
}
