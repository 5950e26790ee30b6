/** Purchase orders: the list by status and supplier, and a form that drafts a new one (sent from its own page). */
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { newKey, ok } from '../../api.ts'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, MoreButton, PageTitle, ProblemNote, Show, useAction, useLoad, type Column } from '../../ui.tsx'
import { CodeSelect, useLookups, type Lookups, type Schemas } from '../selling/lookups.tsx'
import { StatusBadge, toMinor } from '../selling/money.tsx'
import { poStatusText, poStatuses } from './words.ts'

type PurchaseOrder = Schemas['PurchaseOrder']

const text = defineText(
  {
    title: 'Purchase orders', list: 'Orders', status: 'Status', all: 'All', supplier: 'Supplier', allSuppliers: 'All suppliers',
    po: 'PO', reference: 'Reference', destination: 'Destination', ordered: 'Ordered', open: 'Open', received: 'Received', amount: 'Amount', updated: 'Updated',
    create: 'Draft a purchase order', requestedDate: 'Requested date', notes: 'Notes', line: (n: number) => `Line ${n}`, sku: (n: number) => `Line ${n} SKU`,
    quantity: (n: number) => `Line ${n} quantity`, unitCost: (n: number) => `Line ${n} unit cost (empty: the supplier’s)`, none: 'None',
    linesHint: 'Lines without a SKU are left out.', submit: 'Create draft', creating: 'Creating…', pick: 'Choose…',
  },
  {
    title: '采购订单', list: '订单列表', status: '状态', all: '全部', supplier: '供应商', allSuppliers: '全部供应商',
    po: '采购单', reference: '参考号', destination: '收货地', ordered: '订购', open: '未到', received: '已收', amount: '金额', updated: '更新时间',
    create: '起草采购订单', requestedDate: '要求到货日', notes: '备注', line: (n: number) => `第 ${n} 行`, sku: (n: number) => `第 ${n} 行 SKU`,
    quantity: (n: number) => `第 ${n} 行数量`, unitCost: (n: number) => `第 ${n} 行单价（空：按供应商报价）`, none: '无',
    linesHint: '未选 SKU 的行不会提交。', submit: '创建草稿', creating: '创建中…', pick: '请选择…',
  },
)

export function PurchaseOrders() {
  const t = useText(text)
  const st = useText(poStatusText)
  const { api } = useSession()
  const lookups = useLookups()
  const [status, setStatus] = useState('')
  const [supplier, setSupplier] = useState('')
  const [pages, setPages] = useState(1)
  const orders = useLoad(async () => {
    const items: PurchaseOrder[] = []
    let cursor: string | undefined
    for (let i = 0; i < pages; i++) {
      const query = { limit: '50', ...(status && { status: status as PurchaseOrder['status'] }), ...(supplier && { supplier }), ...(cursor && { cursor }) }
      const page = await ok(api.GET('/v1/purchase-orders', { params: { query } }))
      items.push(...page.items)
      if (!page.nextCursor) return { items, more: false }
      cursor = page.nextCursor
    }
    return { items, more: true }
  }, [status, supplier, pages])
  return (
    <>
      <PageTitle title={t.title} />
      <Show loaded={lookups}>
        {(l) => (
          <>
            <Card title={t.list}>
              <div class="filters">
                <Field label={t.status}>
                  {(id) => (
                    <select id={id} name="status" value={status} onChange={(e) => { setStatus(e.currentTarget.value); setPages(1) }}>
                      <option value="">{t.all}</option>
                      {poStatuses.map((s) => <option value={s}>{st[s]}</option>)}
                    </select>
                  )}
                </Field>
                <Field label={t.supplier}>{(id) => <CodeSelect id={id} name="supplier" rows={l.suppliers} value={supplier} onChange={(v) => { setSupplier(v); setPages(1) }} blank={t.allSuppliers} />}</Field>
              </div>
              <Show loaded={orders}>{(o) => <><OrderTable rows={o.items} lookups={l} />{o.more && <MoreButton onClick={() => setPages(pages + 1)} busy={orders.loading} />}</>}</Show>
            </Card>
            <CreateOrder lookups={l} />
          </>
        )}
      </Show>
    </>
  )
}

function OrderTable({ rows, lookups }: { rows: PurchaseOrder[]; lookups: Lookups }) {
  const t = useText(text)
  const st = useText(poStatusText)
  const f = useFormat()
  const columns: Column<PurchaseOrder>[] = [
    { label: t.po, cell: (po) => <a href={`/console/purchasing/orders/${po.id}`}>{po.reference ?? po.id.slice(-8)}</a> },
    { label: t.supplier, cell: (po) => lookups.code(po.supplierId) },
    { label: t.destination, cell: (po) => lookups.code(po.destinationNodeId) },
    { label: t.status, cell: (po) => <StatusBadge status={po.status} label={st[po.status]} /> },
    { label: t.ordered, cell: (po) => f.count(po.totals.quantityOrdered), numeric: true },
    { label: t.open, cell: (po) => f.count(po.totals.quantityOpen), numeric: true },
    { label: t.received, cell: (po) => f.count(po.totals.quantityReceived), numeric: true },
    { label: t.amount, cell: (po) => f.money(po.totals.amountOrdered, po.currency), numeric: true },
    { label: t.updated, cell: (po) => f.instant(po.updatedAt) },
  ]
  return <DataTable caption={t.list} columns={columns} rows={rows} rowKey={(po) => po.id} />
}

interface LineInput { sku: string; quantity: string; unitCost: string }
const blankLine = (): LineInput => ({ sku: '', quantity: '', unitCost: '' })

function CreateOrder({ lookups }: { lookups: Lookups }) {
  const t = useText(text)
  const { api } = useSession()
  const { route } = useLocation()
  const [supplier, setSupplier] = useState(lookups.suppliers[0]?.id ?? '')
  const [destination, setDestination] = useState(lookups.nodes.find((n) => n.kind === 'warehouse')?.id ?? '')
  const [reference, setReference] = useState('')
  const [requestedDate, setRequestedDate] = useState('')
  const [lines, setLines] = useState<LineInput[]>([blankLine(), blankLine(), blankLine()])
  // One key per draft: a double click or a retry after a timeout creates the PO once.
  const [key, setKey] = useState(newKey)
  const currency = lookups.suppliers.find((s) => s.id === supplier)?.currency ?? 'CNY'
  const create = useAction(async () => {
    const body = {
      supplier, destination, ...(reference && { reference }), ...(requestedDate && { requestedDate }),
      lines: lines.filter((l) => l.sku).map((l) => ({ sku: l.sku, quantity: Number(l.quantity), ...(l.unitCost !== '' && { unitCost: toMinor(l.unitCost, currency) }) })),
    }
    const po = await ok(api.POST('/v1/purchase-orders', { body, params: { header: { 'Idempotency-Key': key } } }))
    setKey(newKey())
    route(`/console/purchasing/orders/${po.id}`)
  })
  const setLine = (i: number, change: Partial<LineInput>) => setLines(lines.map((l, j) => (j === i ? { ...l, ...change } : l)))
  return (
    <Card title={t.create}>
      <form onSubmit={(e) => { e.preventDefault(); void create.run() }}>
        <div class="form-row">
          <Field label={t.supplier}>{(id) => <CodeSelect id={id} name="supplier" rows={lookups.suppliers} value={supplier} onChange={setSupplier} required blank={t.pick} />}</Field>
          <Field label={t.destination}>{(id) => <CodeSelect id={id} name="destination" rows={lookups.nodes.filter((n) => n.kind !== 'dropship')} value={destination} onChange={setDestination} required blank={t.pick} />}</Field>
          <Field label={t.reference}>{(id) => <input id={id} name="reference" maxLength={100} value={reference} onInput={(e) => setReference(e.currentTarget.value)} />}</Field>
          <Field label={t.requestedDate}>{(id) => <input id={id} name="requestedDate" type="date" value={requestedDate} onInput={(e) => setRequestedDate(e.currentTarget.value)} />}</Field>
        </div>
        {lines.map((l, i) => (
          <div class="form-row">
            <Field label={t.sku(i + 1)}>{(id) => <CodeSelect id={id} name={`line${i + 1}-sku`} rows={lookups.skus} value={l.sku} onChange={(sku) => setLine(i, { sku })} blank={t.none} />}</Field>
            <Field label={t.quantity(i + 1)}>{(id) => <input id={id} name={`line${i + 1}-quantity`} type="number" min={1} required={l.sku !== ''} value={l.quantity} onInput={(e) => setLine(i, { quantity: e.currentTarget.value })} />}</Field>
            <Field label={t.unitCost(i + 1)}>{(id) => <input id={id} name={`line${i + 1}-unitCost`} type="number" min={0} step="any" value={l.unitCost} onInput={(e) => setLine(i, { unitCost: e.currentTarget.value })} />}</Field>
          </div>
        ))}
        <p class="hint">{t.linesHint}</p>
        <ProblemNote error={create.error} />
        <button type="submit" class="primary" disabled={create.busy}>{create.busy ? t.creating : t.submit}</button>
      </form>
    </Card>
  )
}
