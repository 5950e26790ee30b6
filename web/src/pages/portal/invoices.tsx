/**
 * The supplier's invoices in its portal: each with its match state, what is due and what was paid,
 * the reason when one was held and decided; one invoice in full; and sending an invoice against its
 * own purchase orders (matched at once, so a variance is seen straight away).
 */
import { useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, MoreButton, PageTitle, ProblemNote, Show, useLoad } from '../../ui.tsx'
import { usePaged } from '../stock/paged.ts'
import { InvoiceDetail, type Naming } from '../payables/invoice-detail.tsx'
import { InvoiceForm } from '../payables/invoice-form.tsx'
import { InvoiceStatusBadge, MatchSummary, nextDueOf, paidOf } from '../payables/badges.tsx'
import { invoiceStatusText, invoiceText, type Invoice } from '../payables/words.ts'
import { usePortalNames, type PortalNames } from './words.ts'
import '../payables/payables.css'

const text = defineText(
  {
    title: 'Your invoices', hint: 'Each invoice is checked line by line against our order price and the units we received and passed; one that does not match waits for our decision. Matched and approved invoices are paid by your terms.',
    list: 'Invoices, newest first', none: 'No invoices yet.', invoice: (number: string) => `Invoice ${number}`, date: 'Invoice date', total: 'Total', paid: 'Paid',
    open: 'Left to pay', due: 'Next due', notDated: 'When received', decided: 'Our decision', sent: (number: string, status: string) => `Invoice ${number} sent: ${status}.`, back: 'Your invoices',
  },
  {
    title: '您的发票', hint: '每张发票逐行与我方订单价格、已收货且质检合格的件数核对；不符的发票等待我方处理。已匹配或已批准的发票按您的付款条件付款。',
    list: '发票（最新在前）', none: '暂无发票。', invoice: (number: string) => `发票 ${number}`, date: '发票日期', total: '合计', paid: '已付',
    open: '待付', due: '下次到期', notDated: '收货后确定', decided: '我方处理意见', sent: (number: string, status: string) => `发票 ${number} 已提交：${status}。`, back: '您的发票',
  },
)

const portalNaming = (names: PortalNames): Naming => ({ code: (id) => names.code(id), poHref: (id) => `/console/portal/orders/${encodeURIComponent(id)}` })

export function PortalInvoices() {
  const t = useText(text)
  const st = useText(invoiceStatusText)
  const { api } = useSession()
  const names = usePortalNames()
  const [round, setRound] = useState(0)
  const [sent, setSent] = useState<Invoice | null>(null)
  const list = usePaged((cursor) => ok(api.GET('/v1/supplier-portal/invoices', { params: { query: { limit: '50', ...(cursor && { cursor }) } } })), [api, round])
  return (
    <>
      <PageTitle title={t.title} />
      <p class="hint">{t.hint}</p>
      <div aria-live="polite">{sent && <p class="notice">{t.sent(sent.number, st[sent.status])} <a href={`/console/portal/invoices/${sent.id}`}>{sent.number}</a></p>}</div>
      <Show loaded={names}>
        {(n) => (
          <>
            <Card title={t.list}>
              <ProblemNote error={list.error} />
              {list.items?.length === 0 && <p>{t.none}</p>}
              <ul class="invoice-cards">{list.items?.map((i) => <li key={i.id}><InvoiceCard invoice={i} /></li>)}</ul>
              {list.hasMore && <MoreButton onClick={list.more} busy={list.busy} />}
            </Card>
            {/* Made anew after each invoice sent: a blank form, so a second click cannot send the same one again. */}
            <InvoiceForm key={round} code={n.code} onSent={(i) => { setSent(i); setRound((r) => r + 1) }} />
          </>
        )}
      </Show>
    </>
  )
}

/** One invoice as a card (a phone is enough): status and match, what is due and paid, our decision when it was held. */
function InvoiceCard({ invoice: i }: { invoice: Invoice }) {
  const t = useText(text)
  const f = useFormat()
  const due = nextDueOf(i)
  return (
    <article class="invoice-card" aria-label={t.invoice(i.number)}>
      <header><a href={`/console/portal/invoices/${i.id}`}><strong>{i.number}</strong></a> <InvoiceStatusBadge status={i.status} /> <MatchSummary invoice={i} /></header>
      <dl class="facts">
        <dt>{t.date}</dt><dd>{f.day(i.invoiceDate)}</dd>
        <dt>{t.total}</dt><dd>{f.money(i.totalMinor, i.currency)}</dd>
        <dt>{t.paid}</dt><dd>{f.money(paidOf(i), i.currency)}</dd>
        <dt>{t.open}</dt><dd>{f.money(i.openMinor, i.currency)}</dd>
        {due !== undefined && <><dt>{t.due}</dt><dd>{due === null ? t.notDated : f.day(due)}</dd></>}
      </dl>
      {i.resolution && <p class="resolution">{t.decided}: {i.resolution}</p>}
    </article>
  )
}

export function PortalInvoice({ id }: { id: string }) {
  const t = useText(invoiceText)
  const w = useText(text)
  const { api } = useSession()
  const names = usePortalNames()
  const found = useLoad(() => ok(api.GET('/v1/supplier-portal/invoices/{id}', { params: { path: { id } } })), [api, id])
  return (
    <>
      <PageTitle title={found.data ? t.title(found.data.number) : t.title(id)}><a href="/console/portal/invoices">{w.back}</a></PageTitle>
      <Show loaded={names}>{(n) => <Show loaded={found}>{(i) => <InvoiceDetail invoice={i} naming={portalNaming(n)} />}</Show>}</Show>
    </>
  )
}
