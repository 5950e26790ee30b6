/**
 * The supplier's debits in its portal, newest first: what it owes back and why — a chargeback
 * with the customer order line behind it (how late, what the customer got, the agreed share), QC
 * failures and short receipts with their PO, credit notes — and the open total.
 */
import { ok } from '../../api.ts'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, MoreButton, PageTitle, ProblemNote } from '../../ui.tsx'
import { usePaged } from '../stock/paged.ts'
import { debitText, kindText, statusText, type DebitKind, type PortalDebit } from './words.ts'
import { referenceOf } from './debits.tsx'

const text = defineText(
  {
    title: 'Debits and chargebacks', list: 'What we debit you for',
    hint: 'Units that failed our quality check or did not arrive, goods returned to you, credit notes you issued, and — where our agreement says so — a share of the compensation customers got when your delivery slipped. Open debits are offset against our next payment.',
    behind: 'Customer order behind it', open: (total: string) => `Open: ${total}`,
  },
  {
    title: '扣款与延误索赔', list: '我方向您扣款的项目',
    hint: '质检不合格或未到货的件数、退回给您的货品、您开具的贷项通知单，以及按协议约定、因您的交货延误而给顾客补偿的分摊部分。未抵扣的扣款将在我方下次付款时抵扣。',
    behind: '相关顾客订单', open: (total: string) => `未抵扣：${total}`,
  },
)

export function PortalChargebacks() {
  const t = useText(text)
  const w = useText(debitText)
  const k = useText(kindText)
  const s = useText(statusText)
  const f = useFormat()
  const { api } = useSession()
  const debits = usePaged((cursor) => ok(api.GET('/v1/supplier-portal/debits', { params: { query: { limit: '50', ...(cursor && { cursor }) } } })), [api])
  const openTotals = new Map<string, number>()
  for (const d of debits.items ?? []) if (d.status === 'open') openTotals.set(d.currency, (openTotals.get(d.currency) ?? 0) + d.amountMinor)
  return (
    <>
      <PageTitle title={t.title} />
      <p class="hint">{t.hint}</p>
      <Card title={t.list}>
        <ProblemNote error={debits.error} />
        {openTotals.size > 0 && <p class="live" role="status">{t.open([...openTotals].map(([c, m]) => f.money(m, c)).join(', '))}</p>}
        {debits.items && (
          <DataTable<PortalDebit> caption={t.list} rows={debits.items} rowKey={(d) => d.id} columns={[
            { label: w.when, cell: (d) => f.instant(d.createdAt) },
            { label: w.kind, cell: (d) => k[d.kind as DebitKind] },
            { label: w.reference, cell: (d) => (d.kind === 'delay_chargeback' ? (d.poId ? w.po(d.poId) : '') : referenceOf(d, w)) },
            {
              label: t.behind, cell: (d) => d.orders.length === 0 ? '—' : (
                <div>
                  {d.orders.map((o) => (
                    <div>{w.order(o.orderId, o.lineNo)}: {w.late(o.daysLate)}, {w.compensation(f.money(o.compensationMinor, d.currency))}{d.percent !== null && <>; {w.share(d.percent)}</>}</div>
                  ))}
                </div>
              ),
            },
            { label: w.units, cell: (d) => f.count(d.quantity), numeric: true },
            { label: w.amount, cell: (d) => f.money(d.amountMinor, d.currency), numeric: true },
            { label: w.status, cell: (d) => s[d.status] },
          ]} />
        )}
        {debits.hasMore && <MoreButton onClick={debits.more} busy={debits.busy} />}
      </Card>
    </>
  )
}
