/**
 * Future supply of a SKU and/or a node: every open PO line, ASN, transfer and declared supplier
 * stock with its date and confidence, and per SKU × node the units expected by each date.
 */
import { useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, PageTitle, Show, useLoad } from '../../ui.tsx'
import { CodeSelect, useLookups, type Lookups, type Schemas } from '../selling/lookups.tsx'
import { confidenceText } from './words.ts'

type SupplyLine = Schemas['SupplyLine']
type Ladder = Schemas['FutureSupply']['ladder'][number]

const text = defineText(
  {
    title: 'Supply', filter: 'Which supply', sku: 'SKU', node: 'Node', any: 'Any', pickOne: 'Choose a SKU or a node.',
    lines: (where: string) => `Supply on the way: ${where}`, source: 'Source', confidence: 'Confidence', units: 'Units', expected: 'Expected', unknown: 'Not known yet',
    ladder: (sku: string, node: string) => `${sku} at ${node}: units expected by date`, cumulative: 'By then',
    po_line: 'PO line', asn: 'ASN', transfer: 'Transfer', virtual: 'Supplier stock',
  },
  {
    title: '供给', filter: '查看哪些供给', sku: 'SKU', node: '节点', any: '全部', pickOne: '请选择 SKU 或节点。',
    lines: (where: string) => `在途供给：${where}`, source: '来源', confidence: '可信度', units: '件数', expected: '预计日期', unknown: '暂未确定',
    ladder: (sku: string, node: string) => `${sku} 在 ${node}：按日期累计预计件数`, cumulative: '累计',
    po_line: '采购行', asn: 'ASN', transfer: '调拨', virtual: '供应商库存',
  },
)

export function SupplyPage() {
  const t = useText(text)
  const lookups = useLookups()
  const [sku, setSku] = useState('')
  const [node, setNode] = useState('')
  return (
    <>
      <PageTitle title={t.title} />
      <Show loaded={lookups}>
        {(l) => (
          <>
            <Card title={t.filter}>
              <div class="filters">
                <Field label={t.sku}>{(id) => <CodeSelect id={id} name="sku" rows={l.skus} value={sku} onChange={setSku} blank={t.any} />}</Field>
                <Field label={t.node}>{(id) => <CodeSelect id={id} name="node" rows={l.nodes} value={node} onChange={setNode} blank={t.any} />}</Field>
              </div>
              {!sku && !node && <p>{t.pickOne}</p>}
            </Card>
            {(sku || node) && <SupplyView sku={sku} node={node} lookups={l} />}
          </>
        )}
      </Show>
    </>
  )
}

/** The supply of a SKU and/or node; `version` changes when the caller knows it has changed. */
export function SupplyView({ sku, node, lookups, version = 0 }: { sku: string; node: string; lookups: Lookups; version?: number }) {
  const t = useText(text)
  const c = useText(confidenceText)
  const f = useFormat()
  const { api } = useSession()
  const supply = useLoad(() => ok(api.GET('/v1/supply', { params: { query: { ...(sku && { sku }), ...(node && { node }) } } })), [sku, node, version])
  const where = [sku && lookups.code(sku), node && lookups.code(node)].filter(Boolean).join(' · ')
  return (
    <Show loaded={supply}>
      {(s) => (
        <div class="grid supply">
          <Card title={t.lines(where)}>
            <DataTable caption={t.lines(where)} rows={s.lines} rowKey={(l) => `${l.sourceType}:${l.sourceId}:${l.nodeId}`} columns={[
              { label: t.sku, cell: (l: SupplyLine) => lookups.code(l.skuId) },
              { label: t.node, cell: (l) => lookups.code(l.nodeId) },
              { label: t.source, cell: (l) => `${t[l.sourceType]}${l.supplierId ? ` · ${lookups.code(l.supplierId)}` : ''}` },
              { label: t.confidence, cell: (l) => c[l.confidence] },
              { label: t.units, cell: (l) => f.count(l.quantity), numeric: true },
              { label: t.expected, cell: (l) => (l.expectedDate ? f.day(l.expectedDate) : t.unknown) },
            ]} />
          </Card>
          {s.ladder.map((rung: Ladder) => (
            <Card title={t.ladder(lookups.code(rung.skuId), lookups.code(rung.nodeId))}>
              <DataTable caption={t.ladder(lookups.code(rung.skuId), lookups.code(rung.nodeId))} rows={rung.steps} rowKey={(step) => `${step.date}:${step.confidence}`} columns={[
                { label: t.expected, cell: (step) => (step.date ? f.day(step.date) : t.unknown) },
                { label: t.confidence, cell: (step) => c[step.confidence] },
                { label: t.units, cell: (step) => f.count(step.quantity), numeric: true },
                { label: t.cumulative, cell: (step) => f.count(step.cumulative), numeric: true },
              ]} />
            </Card>
          ))}
        </div>
      )}
    </Show>
  )
}
