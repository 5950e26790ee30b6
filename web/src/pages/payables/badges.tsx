/** An invoice's status and its lines' match results as badges: words first, the colour only helps. */
import { useText } from '../../i18n.tsx'
import { invoiceStatusText, matchText, type Invoice, type InvoiceStatus, type MatchResult } from './words.ts'

const statusTone: Record<InvoiceStatus, string> = { on_hold: 'bad', credit_requested: 'warn', matched: 'good', approved: 'good', rejected: 'muted', paid: 'good' }

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const t = useText(invoiceStatusText)
  return <span class={`badge ${statusTone[status]}`}>{t[status]}</span>
}

export function MatchBadge({ result }: { result: MatchResult }) {
  const t = useText(matchText)
  return <span class={`badge ${result === 'matched' ? 'good' : 'bad'}`}>{t[result]}</span>
}

/** The invoice's match state in one badge per kind of result off (or one saying all lines matched). */
export function MatchSummary({ invoice }: { invoice: Invoice }) {
  const t = useText(matchText)
  const off = invoice.lines.filter((l) => l.result !== 'matched')
  if (off.length === 0) return <span class="badge good">{t.allMatched}</span>
  const kinds = [...new Set(off.map((l) => l.result))]
  return (
    <span class="match-summary">
      {kinds.map((k) => <MatchBadge result={k} />)} <small>{t.linesOff(off.length, invoice.lines.length)}</small>
    </span>
  )
}

/** What was paid of an invoice: its instalments' payments. */
export const paidOf = (invoice: Invoice): number => invoice.instalments.reduce((n, i) => n + i.paidMinor, 0)

/** The next open instalment's due day (null while it counts from a receipt not yet made; undefined when nothing is open). */
export const nextDueOf = (invoice: Invoice): string | null | undefined => invoice.instalments.find((i) => i.paidMinor < i.amountMinor)?.dueDate
