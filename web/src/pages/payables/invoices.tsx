/**
 * Supplier invoices for staff: newest first, filtered by status and supplier (kept in the address,
 * so a filtered list can be shared), each with its status and match state; one invoice in full;
 * and the form to enter one.
 */
import { useLocation } from 'preact-iso'
import { ok } from '../../api.ts'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { DataTable, Field, MoreButton, PageTitle, ProblemNote, Show, useLoad } from '../../ui.tsx'
import { CodeSelect, useLookups, type Lookups } from '../selling/lookups.tsx'
import { usePaged } from '../stock/paged.ts'
import { InvoiceStatusBadge, MatchSummary, nextDueOf, paidOf } from './badges.tsx'
import { InvoiceDetail, type Naming } from './invoice-detail.tsx'
import { InvoiceForm } from './invoice-form.tsx'
import { invoiceStatuses, invoiceStatusText, invoiceText, type Invoice } from './words.ts'
import './payables.css'

const text = defineText(
  {
    title: 'Supplier invoices', hint: 'Each invoice is matched line by line against the PO price and the units received and passed QC; a mismatch waits in the exceptions queue.',
    filters: 'Filter invoices', status: 'Status', supplier: 'Supplier', every: 'All', show: 'Show', enter: 'Enter an invoice', caption: 'Invoices, newest first',
    number: 'Invoice', date: 'Date', match: 'Match', total: 'Total', paid: 'Paid', open: 'Left to pay', due: 'Next due', none: '—', notDated: 'When received',
    newTitle: 'Enter a supplier invoice', newHint: 'Bill each line against a purchase order line; the invoice is matched as soon as it is entered.',
  },
  {
    title: '供应商发票', hint: '每张发票逐行与采购订单价格、已收货且质检合格的数量核对；不符的发票进入异常队列等待处理。',
    filters: '筛选发票', status: '状态', supplier: '供应商', every: '全部', show: '查看', enter: '录入发票', caption: '发票（最新在前）',
    number: '发票', date: '日期', match: '匹配', total: '合计', paid: '已付', open: '待付', due: '下次到期', none: '—', notDated: '收货后确定',
    newTitle: '录入供应商发票', newHint: '每行对应一条采购订单行；录入后立即进行匹配。',
  },
)

export const staffNaming = (lookups: Lookups): Naming => ({ code: (id) => lookups.code(id), poHref: (id) => `/console/purchasing/orders/${encodeURIComponent(id)}` })

export function PayablesInvoices() {
  const t = useText(text)
  const st = useText(invoiceStatusText)
  const { api } = useSession()
  const { query, path, route } = useLocation()
  const lookups = useLookups()
  const status = invoiceStatuses.find((s) => s === query.status)
  const supplier = query.supplier ?? ''
  const list = usePaged((cursor) => ok(api.GET('/v1/supplier-invoices', {
    params: { query: { limit: '50', ...(status && { status }), ...(supplier && { supplierId: supplier }), ...(cursor && { cursor }) } },
  })), [api, status, supplier])
  const filter = (next: { status?: string; supplier?: string }) => {
    const q = new URLSearchParams(Object.entries({ status: status ?? '', supplier, ...next }).filter(([, v]) => v) as Array<[string, string]>)
    route(q.toString() ? `${path}?${q}` : path)
  }
  return (
    <>
      <PageTitle title={t.title}><a href="/console/payables/invoices/new">{t.enter}</a></PageTitle>
      <p class="hint">{t.hint}</p>
      <Show loaded={lookups}>
        {(l) => (
          <>
            <form class="filters" aria-label={t.filters} onSubmit={(e) => e.preventDefault()}>
              <Field label={t.status}>{(id) => (
                <select id={id} name="status" value={status ?? ''} onChange={(e) => filter({ status: e.currentTarget.value })}>
                  <option value="">{t.every}</option>
                  {invoiceStatuses.map((s) => <option value={s}>{st[s]}</option>)}
                </select>
              )}</Field>
              <Field label={t.supplier}>{(id) => <CodeSelect id={id} name="supplier" rows={l.suppliers} value={l.suppliers.find((s) => s.id === supplier || s.code === supplier)?.id ?? ''} onChange={(v) => filter({ supplier: v })} blank={t.every} />}</Field>
            </form>
            <ProblemNote error={list.error} />
            {list.items === undefined && !list.error ? <p aria-busy="true">…</p> : <InvoiceTable rows={list.items ?? []} code={l.code} href={(i) => `/console/payables/invoices/${i.id}`} />}
            {list.hasMore && <MoreButton onClick={list.more} busy={list.busy} />}
          </>
        )}
      </Show>
    </>
  )
}

/** Invoices in a table: number (linked), supplier, day, status and match, total, paid, open and the next due day. */
export function InvoiceTable({ rows, code, href, withSupplier = true }: { rows: readonly Invoice[]; code: (id: string) => string; href: (i: Invoice) => string; withSupplier?: boolean }) {
  const t = useText(text)
  const f = useFormat()
  const due = (i: Invoice) => {
    const next = nextDueOf(i)
    return next === undefined ? t.none : next === null ? t.notDated : f.day(next)
  }
  return (
    <DataTable caption={t.caption} rows={rows} rowKey={(i) => i.id} columns={[
      { label: t.number, cell: (i) => <a href={href(i)}>{i.number}</a> },
      ...(withSupplier ? [{ label: t.supplier, cell: (i: Invoice) => code(i.supplierId) }] : []),
      { label: t.date, cell: (i) => f.day(i.invoiceDate) },
      { label: t.status, cell: (i) => <InvoiceStatusBadge status={i.status} /> },
      { label: t.match, cell: (i) => <MatchSummary invoice={i} /> },
      { label: t.total, cell: (i) => f.money(i.totalMinor, i.currency), numeric: true },
      { label: t.paid, cell: (i) => f.money(paidOf(i), i.currency), numeric: true },
      { label: t.open, cell: (i) => f.money(i.openMinor, i.currency), numeric: true },
      { label: t.due, cell: due },
    ]} />
  )
}

export function PayablesInvoice({ id }: { id: string }) {
  const t = useText(invoiceText)
  const { api } = useSession()
  const lookups = useLookups()
  const found = useLoad(() => ok(api.GET('/v1/supplier-invoices/{id}', { params: { path: { id } } })), [api, id])
  return (
    <>
      <PageTitle title={found.data ? t.title(found.data.number) : t.title(id)}><a href="/console/payables/invoices">{t.back}</a></PageTitle>
      <Show loaded={lookups}>{(l) => <Show loaded={found}>{(i) => <InvoiceDetail invoice={i} naming={staffNaming(l)} />}</Show>}</Show>
    </>
  )
}

export function PayablesNewInvoice() {
  const t = useText(text)
  const { route } = useLocation()
  const lookups = useLookups()
  return (
    <>
      <PageTitle title={t.newTitle}><a href="/console/payables/invoices">{t.title}</a></PageTitle>
      <p class="hint">{t.newHint}</p>
      <Show loaded={lookups}>
        {(l) => <InvoiceForm suppliers={l.suppliers} code={l.code} onSent={(i) => route(`/console/payables/invoices/${i.id}`)} />}
      </Show>
    </>
  )
}
