/** The supplier's own statement in its portal: what it is owed per currency, and its invoices, payments and debits (chargebacks included) with a running balance. */
import { ok } from '../../api.ts'
import { defineText, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { PageTitle, Show, useLoad } from '../../ui.tsx'
import { StatementView } from '../payables/statement-view.tsx'
import '../payables/payables.css'

const text = defineText(
  { title: 'Your statement', hint: 'What we owe you: your invoices, our payments with their bank reference, and debits set against them (returns, QC failures, delay chargebacks).' },
  { title: '您的对账单', hint: '我方应付给您的款项：您的发票、我方付款及银行流水号，以及抵扣的扣款（退货、质检不合格、延误扣款）。' },
)

export function PortalStatement() {
  const t = useText(text)
  const { api } = useSession()
  const statement = useLoad(() => ok(api.GET('/v1/supplier-portal/statement')), [api])
  return (
    <>
      <PageTitle title={t.title} />
      <p class="hint">{t.hint}</p>
      <Show loaded={statement}>
        {(s) => <StatementView statement={s} entryHref={(e) => (e.kind === 'invoice' ? `/console/portal/invoices/${e.id}` : null)} />}
      </Show>
    </>
  )
}
