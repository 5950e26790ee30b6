/**
 * One supplier invoice as staff and the supplier both read it: its facts and resolution, each line
 * as matched against the PO price and the units received and passed QC (the variances and the
 * server's explanation), its charges, and its instalments with what is due and paid.
 */
import { useFormat, useText } from '../../i18n.tsx'
import { Card, DataTable } from '../../ui.tsx'
import { InvoiceStatusBadge, MatchBadge, MatchSummary, paidOf } from './badges.tsx'
import { usePoReferences } from './references.ts'
import { basisText, chargeText, invoiceText, sourceText, type Invoice } from './words.ts'

export interface Naming {
  /** A code for a supplier or SKU id (the id itself when unknown). */
  code: (id: string) => string
  /** Where a purchase order opens for this reader. */
  poHref: (poId: string) => string
}

export function InvoiceDetail({ invoice: i, naming }: { invoice: Invoice; naming: Naming }) {
  const t = useText(invoiceText)
  const s = useText(sourceText)
  const f = useFormat()
  const money = (minor: number) => f.money(minor, i.currency)
  return (
    <>
      <Card title={t.title(i.number)} actions={<InvoiceStatusBadge status={i.status} />}>
        <dl class="facts">
          <dt>{t.supplier}</dt><dd>{naming.code(i.supplierId)}</dd>
          <dt>{t.date}</dt><dd>{f.day(i.invoiceDate)}</dd>
          <dt>{t.source}</dt><dd>{s[i.source]}</dd>
          <dt>{t.status}</dt><dd><MatchSummary invoice={i} /> · {i.payable ? t.payable : i.status === 'on_hold' || i.status === 'credit_requested' ? t.notPayable : ''}</dd>
          <dt>{t.goods}</dt><dd>{money(i.goodsMinor)}</dd>
          <dt>{t.charges}</dt><dd>{money(i.chargesMinor)}</dd>
          <dt>{t.tax}</dt><dd>{money(i.taxMinor)}</dd>
          <dt>{t.total}</dt><dd><strong>{money(i.totalMinor)}</strong></dd>
          <dt>{t.paid}</dt><dd>{money(paidOf(i))}</dd>
          <dt>{t.open}</dt><dd>{money(i.openMinor)}</dd>
          {i.note && <><dt>{t.note}</dt><dd>{i.note}</dd></>}
          {i.resolution && <><dt>{t.resolution}</dt><dd class="resolution">{i.resolution} <small>{t.resolvedBy(i.resolvedBy ?? '—', f.instant(i.resolvedAt))}</small></dd></>}
        </dl>
      </Card>
      <Card title={t.lines}>
        <InvoiceLines invoice={i} naming={naming} />
      </Card>
      <Card title={t.chargesCaption}>
        {i.charges.length === 0 ? <p>{t.noCharges}</p> : <ChargesTable invoice={i} />}
      </Card>
      <Card title={t.instalments}>
        <DataTable caption={t.instalments} rows={i.instalments} rowKey={(x) => String(x.seq)} columns={[
          { label: t.seq, cell: (x) => x.seq },
          { label: t.due, cell: (x) => (x.dueDate ? f.day(x.dueDate) : t.notDated) },
          { label: t.amount, cell: (x) => money(x.amountMinor), numeric: true },
          { label: t.paid, cell: (x) => money(x.paidMinor), numeric: true },
          { label: t.discount, cell: (x) => (x.discountMinor > 0 ? money(x.discountMinor) : '—'), numeric: true },
          { label: t.discountUntil, cell: (x) => f.day(x.discountUntil) },
          { label: t.state, cell: (x) => (x.paidMinor >= x.amountMinor ? <span class="badge good">{t.settled}</span> : <span class="badge muted">{t.openState}</span>) },
        ]} />
      </Card>
    </>
  )
}

/** The lines of an invoice (or only those given), each with its match result, variances and why. */
export function InvoiceLines({ invoice: i, naming, lines = i.lines, caption }: { invoice: Invoice; naming: Naming; lines?: Invoice['lines']; caption?: string }) {
  const t = useText(invoiceText)
  const f = useFormat()
  const money = (minor: number) => f.money(minor, i.currency)
  const signed = (minor: number) => (minor > 0 ? `+${money(minor)}` : money(minor))
  const poName = usePoReferences(lines.map((l) => l.poId))
  return (
    <DataTable caption={caption ?? t.lines} rows={lines} rowKey={(l) => String(l.lineNo)} columns={[
      { label: t.line, cell: (l) => l.lineNo },
      { label: t.po, cell: (l) => <a href={naming.poHref(l.poId)}>{poName(l.poId)}</a> },
      { label: t.poLine, cell: (l) => l.poLineNo },
      { label: t.sku, cell: (l) => naming.code(l.skuId) },
      { label: t.quantity, cell: (l) => f.count(l.quantity), numeric: true },
      { label: t.unitPrice, cell: (l) => money(l.unitPriceMinor), numeric: true },
      { label: t.amount, cell: (l) => money(l.amountMinor), numeric: true },
      { label: t.result, cell: (l) => <MatchBadge result={l.result} /> },
      { label: t.priceVariance, cell: (l) => (l.priceVarianceMinor === 0 ? '—' : signed(l.priceVarianceMinor)), numeric: true },
      { label: t.quantityVariance, cell: (l) => (l.quantityVariance === 0 ? '—' : f.count(l.quantityVariance)), numeric: true },
      { label: t.amountVariance, cell: (l) => (l.amountVarianceMinor === 0 ? '—' : signed(l.amountVarianceMinor)), numeric: true },
      { label: t.explanation, cell: (l) => l.explanation },
    ]} />
  )
}

function ChargesTable({ invoice: i }: { invoice: Invoice }) {
  const t = useText(invoiceText)
  const c = useText(chargeText)
  const b = useText(basisText)
  const f = useFormat()
  return (
    <DataTable caption={t.chargesCaption} rows={i.charges} rowKey={(x) => String(x.chargeNo)} columns={[
      { label: t.kind, cell: (x) => c[x.kind] },
      { label: t.description, cell: (x) => x.description ?? '—' },
      { label: t.receipt, cell: (x) => x.receiptId ?? '—' },
      { label: t.basis, cell: (x) => (x.basis ? b[x.basis] : '—') },
      { label: t.amount, cell: (x) => f.money(x.amountMinor, i.currency), numeric: true },
    ]} />
  )
}
