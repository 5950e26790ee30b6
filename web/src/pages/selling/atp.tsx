/**
 * Availability to promise: for a SKU, a channel, a region and a quantity, the dates the customer
 * would be promised, the supply behind them and the risk in words; and the ladder of units that
 * can be promised by each day.
 */
import { useMemo, useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { Chart } from '../../chart.tsx'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, PageTitle, ProblemNote, Show, useAction } from '../../ui.tsx'
import { CodeSelect, regionsOf, useLookups, type Lookups, type Schemas } from './lookups.tsx'
import { kindLabel } from './policies.tsx'

/** The answer of GET /v1/availability-to-promise (served as an open object; src/promising/routes.ts atpView). */
interface AtpAnswer {
  skuId: string
  channelId: string
  region: string | null
  policy: { source: 'channel' | 'sku' | 'default'; policy: Schemas['SellAheadPolicy'] }
  ladder: Array<{ date: string; quantity: number; supply: Array<{ nodeId: string; kind: string; source: string; quantity: number }> }>
  quote: null
    | { available: true; quantity: number; nodeId: string; promisedShipDate: string; promisedDeliveryDate: string | null; riskNote: string | null; supply: Array<{ kind: string; source: string; quantity: number; readyDate: string | null }> }
    | { available: false; quantity: number; code: string; detail: string; availableQuantity: number }
}

const text = defineText(
  {
    title: 'Availability to promise', ask: 'Ask', sku: 'SKU', channel: 'Channel', region: 'Delivery region', anyRegion: 'Not given (ship dates only)',
    quantity: 'Quantity', submit: 'Show the dates', asking: 'Asking…', answer: 'The promise', node: 'Ships from', shipDate: 'Promised ship date',
    deliveryDate: 'Promised delivery date', risk: 'Risk', noRisk: 'None: in stock.', supply: 'Supply behind it', kind: 'Kind', source: 'Source',
    units: 'Units', ready: 'Ready', cannot: (n: string) => `Cannot promise this quantity. At most ${n} can be promised now.`,
    ladder: 'Units that can be promised by day', date: 'By day', cumulative: 'Promisable units', adds: 'Added that day',
    chart: (n: number) => `Step chart of promisable units over ${n} days`, pick: 'Choose…',
    kind_stock: 'Stock', kind_transfer: 'Transfer', kind_po_confirmed: 'Confirmed PO', kind_po_unconfirmed: 'Unconfirmed PO', kind_virtual: 'Supplier stock', kind_presale: 'Presale', kind_in_transit: 'On its way (ASN)',
  },
  {
    title: '可承诺量', ask: '查询', sku: 'SKU', channel: '渠道', region: '收货区域', anyRegion: '不指定（仅发货日期）',
    quantity: '数量', submit: '查看日期', asking: '查询中…', answer: '承诺结果', node: '发货节点', shipDate: '承诺发货日',
    deliveryDate: '承诺送达日', risk: '风险', noRisk: '无：现货。', supply: '对应供给', kind: '类型', source: '来源',
    units: '件数', ready: '可用日期', cannot: (n: string) => `无法承诺此数量。目前最多可承诺 ${n} 件。`,
    ladder: '按日可承诺量', date: '截至日期', cumulative: '可承诺件数', adds: '当日新增',
    chart: (n: number) => `${n} 天内可承诺件数阶梯图`, pick: '请选择…',
    kind_stock: '现货', kind_transfer: '调拨', kind_po_confirmed: '已确认采购', kind_po_unconfirmed: '未确认采购', kind_virtual: '供应商库存', kind_presale: '预售', kind_in_transit: '在途（ASN）',
  },
)

export function AvailabilityToPromise() {
  const t = useText(text)
  const lookups = useLookups()
  return (
    <>
      <PageTitle title={t.title} />
      <Show loaded={lookups}>{(l) => <AtpTool lookups={l} />}</Show>
    </>
  )
}

function AtpTool({ lookups }: { lookups: Lookups }) {
  const t = useText(text)
  const { api } = useSession()
  const [sku, setSku] = useState(lookups.skus[0]?.id ?? '')
  const [channel, setChannel] = useState(lookups.channels[0]?.id ?? '')
  const [region, setRegion] = useState('')
  const [quantity, setQuantity] = useState('1')
  const [answer, setAnswer] = useState<AtpAnswer | null>(null)
  const ask = useAction(async () => {
    const query = { sku, channel, quantity, ...(region && { region }) }
    setAnswer((await ok(api.GET('/v1/availability-to-promise', { params: { query } }))) as unknown as AtpAnswer)
  })
  return (
    <>
      <Card title={t.ask}>
        <form class="form-row" onSubmit={(e) => { e.preventDefault(); void ask.run() }}>
          <Field label={t.sku}>{(id) => <CodeSelect id={id} name="sku" rows={lookups.skus} value={sku} onChange={setSku} required blank={t.pick} />}</Field>
          <Field label={t.channel}>{(id) => <CodeSelect id={id} name="channel" rows={lookups.channels} value={channel} onChange={setChannel} required blank={t.pick} />}</Field>
          <Field label={t.region}>
            {(id) => (
              <select id={id} name="region" value={region} onChange={(e) => setRegion(e.currentTarget.value)}>
                <option value="">{t.anyRegion}</option>
                {regionsOf(lookups.nodes).map((r) => <option value={r}>{r}</option>)}
              </select>
            )}
          </Field>
          <Field label={t.quantity}>{(id) => <input id={id} name="quantity" type="number" min={1} required value={quantity} onInput={(e) => setQuantity(e.currentTarget.value)} />}</Field>
          <button type="submit" class="primary" disabled={ask.busy}>{ask.busy ? t.asking : t.submit}</button>
        </form>
        <ProblemNote error={ask.error} />
      </Card>
      {answer && <AtpAnswerView answer={answer} lookups={lookups} />}
    </>
  )
}

function AtpAnswerView({ answer, lookups }: { answer: AtpAnswer; lookups: Lookups }) {
  const t = useText(text)
  const f = useFormat()
  const quote = answer.quote
  return (
    <div class="grid">
      <Card title={t.answer}>
        {quote?.available === true && (
          <>
            <dl class="facts quote">
              <dt>{t.node}</dt><dd>{lookups.code(quote.nodeId)}</dd>
              <dt>{t.shipDate}</dt><dd>{f.day(quote.promisedShipDate)}</dd>
              <dt>{t.deliveryDate}</dt><dd>{f.day(quote.promisedDeliveryDate)}</dd>
              <dt>{t.risk}</dt><dd class="risk">{quote.riskNote ?? t.noRisk}</dd>
            </dl>
            <DataTable caption={t.supply} rows={quote.supply} rowKey={(s) => `${s.kind}:${s.source}`} columns={[
              { label: t.kind, cell: (s) => kindLabel(t, s.kind) },
              { label: t.units, cell: (s) => f.count(s.quantity), numeric: true },
              { label: t.ready, cell: (s) => f.day(s.readyDate) },
            ]} />
          </>
        )}
        {quote?.available === false && <p class="problem" role="status">{t.cannot(f.count(quote.availableQuantity))} {quote.detail}</p>}
      </Card>
      <Ladder answer={answer} />
    </div>
  )
}

function Ladder({ answer }: { answer: AtpAnswer }) {
  const t = useText(text)
  const f = useFormat()
  const option = useMemo(() => ({
    grid: { left: 48, right: 16, top: 16, bottom: 32 },
    xAxis: { type: 'category', data: answer.ladder.map((s) => s.date) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'line', step: 'end', name: t.cumulative, data: answer.ladder.map((s) => s.quantity) }],
  }), [answer, t])
  return (
    <Card title={t.ladder}>
      <Chart option={option} label={t.chart(answer.ladder.length)} height={220} />
      <DataTable caption={t.ladder} rows={answer.ladder} rowKey={(s) => s.date} columns={[
        { label: t.date, cell: (s) => f.day(s.date) },
        { label: t.cumulative, cell: (s) => f.count(s.quantity), numeric: true },
        { label: t.adds, cell: (s) => s.supply.map((p) => `${kindLabel(t, p.kind)} ${f.count(p.quantity)}`).join(', ') || '—' },
      ]} />
    </Card>
  )
}
