/**
 * The time-phased supply ladder of one SKU: sellable stock today, then each expected arrival
 * (PO line, ASN, transfer, virtual supply; presale campaigns buy through POs) added in date order,
 * drawn as a step line whose points say how sure each arrival is, with the same figures as a table.
 * Supply is counted gross, as GET /v1/supply gives it; what backorders already hold on it shows in
 * each order's allocations.
 */
import { useMemo, useState } from 'preact/hooks'
import type { components } from '../../../../clients/typescript/index.ts'
import { Chart, type ChartOption } from '../../chart.tsx'
import { useFormat, useText } from '../../i18n.tsx'
import { Card, DataTable, Field } from '../../ui.tsx'
import type { Names } from './names.ts'
import { labelOf, stockText, supplyText } from './text.ts'

type SupplyLine = components['schemas']['SupplyLine']
type Position = components['schemas']['Position']
type Confidence = SupplyLine['confidence']

export interface LadderStep {
  key: string
  /** YYYY-MM-DD; null for today's stock or supply with no date yet (see `today`). */
  date: string | null
  today: boolean
  source: SupplyLine['sourceType'] | 'stock'
  reference: string | null
  nodeId: string | null
  confidence: Confidence
  quantity: number
  cumulative: number
}

/** Colour and shape per confidence: the shape tells them apart without colour. */
const looks: Record<Confidence, { color: string; symbol: string }> = {
  on_hand: { color: '#1d6b32', symbol: 'circle' },
  shipped: { color: '#0b5cad', symbol: 'rect' },
  confirmed: { color: '#00696b', symbol: 'triangle' },
  unconfirmed: { color: '#8a5300', symbol: 'diamond' },
  virtual: { color: '#5b6472', symbol: 'emptyCircle' },
}

/** Unknown dates after every known one; the API already orders lines by date then confidence within a node. */
const byDate = (a: SupplyLine, b: SupplyLine): number =>
  a.expectedDate === b.expectedDate ? 0 : a.expectedDate === null ? 1 : b.expectedDate === null ? -1 : a.expectedDate < b.expectedDate ? -1 : 1

/** Today's sellable stock at the chosen nodes, then each supply line there, added up. */
export function ladderSteps(positions: readonly Position[], lines: readonly SupplyLine[], nodeId: string | null): LadderStep[] {
  const here = (n: string) => nodeId === null || n === nodeId
  const stock = positions.filter((p) => here(p.nodeId)).reduce((sum, p) => sum + p.sellable, 0)
  const steps: LadderStep[] = [{ key: 'today', date: null, today: true, source: 'stock', reference: null, nodeId, confidence: 'on_hand', quantity: stock, cumulative: stock }]
  let cumulative = stock
  for (const line of lines.filter((l) => here(l.nodeId)).sort(byDate)) {
    cumulative += line.quantity
    steps.push({
      key: `${line.sourceType}:${line.sourceId}:${line.poLineId ?? ''}:${line.nodeId}`, date: line.expectedDate, today: false,
      source: line.sourceType, reference: line.poId ?? line.sourceId, nodeId: line.nodeId, confidence: line.confidence, quantity: line.quantity, cumulative,
    })
  }
  return steps
}

export function SupplyLadder({ skuCode, positions, lines, names }: { skuCode: string; positions: readonly Position[]; lines: readonly SupplyLine[]; names: Names }) {
  const t = useText(stockText)
  const s = useText(supplyText)
  const f = useFormat()
  const [nodeId, setNodeId] = useState<string | null>(null)
  const steps = useMemo(() => ladderSteps(positions, lines, nodeId), [positions, lines, nodeId])
  const dateOf = (step: LadderStep) => (step.today ? t.today : step.date === null ? t.noDate : f.day(step.date))
  const sourceOf = (step: LadderStep) => labelOf(s, step.source) + (step.reference ? ` · ${step.reference}` : '')
  const label = t.ladderChart(skuCode)
  const option = useMemo((): ChartOption => ({
    // ECharts writes its own English description over the box's label: give it the page's words.
    aria: { enabled: true, label: { description: `${label}: ${steps.map((step) => `${dateOf(step)} ${f.count(step.cumulative)}`).join(', ')}` } },
    grid: { left: 48, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: steps.map(dateOf), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const step = steps[p.dataIndex]
        return `${dateOf(step)}<br>${sourceOf(step)}<br>${t.confidence}: ${labelOf(s, step.confidence)}<br>${t.arriving}: ${f.count(step.quantity)}<br>${t.cumulative}: ${f.count(step.cumulative)}`
      },
    },
    series: [{
      name: t.cumulative,
      type: 'line',
      step: 'end',
      lineStyle: { color: '#4a5360' },
      data: steps.map((step) => ({ value: step.cumulative, symbol: looks[step.confidence].symbol, symbolSize: 12, itemStyle: { color: looks[step.confidence].color } })),
    }],
  }), [steps, t, s, label])
  return (
    <Card title={t.ladder} actions={
      <Field label={t.ladderNode}>
        {(id) => (
          <select id={id} value={nodeId ?? ''} onChange={(e) => setNodeId(e.currentTarget.value || null)}>
            <option value="">{t.allNodes}</option>
            {names.nodes.map((n) => <option value={n.id}>{n.code} · {n.name}</option>)}
          </select>
        )}
      </Field>
    }>
      <p>{t.ladderIntro}</p>
      <Chart option={option} label={label} />
      <ul class="legend" aria-hidden="true">
        {(Object.keys(looks) as Confidence[]).map((c) => <li><span class={`legend-mark ${looks[c].symbol}`} style={{ color: looks[c].color }} />{labelOf(s, c)}</li>)}
      </ul>
      <DataTable caption={t.ladderTable} rows={steps} rowKey={(step) => step.key} columns={[
        { label: t.date, cell: dateOf },
        { label: t.source, cell: sourceOf },
        { label: t.node, cell: (step) => (step.nodeId ? names.node(step.nodeId) : t.allNodes) },
        { label: t.confidence, cell: (step) => labelOf(s, step.confidence) },
        { label: t.arriving, cell: (step) => f.count(step.quantity), numeric: true },
        { label: t.cumulative, cell: (step) => f.count(step.cumulative), numeric: true },
      ]} />
    </Card>
  )
}
