/** A supplier's statement for staff: pick the supplier (kept in the address as ?supplier=), read its balances and entries. */
import { useLocation } from 'preact-iso'
import { ok } from '../../api.ts'
import { defineText, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, Field, PageTitle, Show, useLoad } from '../../ui.tsx'
import { CodeSelect, useLookups } from '../selling/lookups.tsx'
import { StatementView } from './statement-view.tsx'
import './payables.css'

const text = defineText(
  {
    title: 'Supplier statement', hint: 'Invoices, payments and debits of one supplier, oldest first, with what is owed.', supplier: 'Supplier', choose: 'Choose…',
    pick: 'Choose a supplier to read its statement.', titleOf: (supplier: string) => `Statement of ${supplier}`,
  },
  {
    title: '供应商对账单', hint: '某供应商的发票、付款与扣款（最早在前），以及应付余额。', supplier: '供应商', choose: '请选择…',
    pick: '请选择供应商以查看对账单。', titleOf: (supplier: string) => `${supplier} 的对账单`,
  },
)

export function PayablesStatement() {
  const t = useText(text)
  const { api } = useSession()
  const { query, path, route } = useLocation()
  const lookups = useLookups()
  const supplier = query.supplier ?? ''
  const statement = useLoad(
    () => (supplier ? ok(api.GET('/v1/suppliers/{id}/statement', { params: { path: { id: supplier } } })) : Promise.resolve(null)),
    [api, supplier],
  )
  return (
    <Show loaded={lookups}>
      {(l) => {
        const chosen = l.suppliers.find((s) => s.id === supplier || s.code === supplier)
        return (
          <>
            <PageTitle title={chosen ? t.titleOf(`${chosen.code} · ${chosen.name}`) : t.title} />
            <p class="hint">{t.hint}</p>
            <Card title={t.supplier}>
              <Field label={t.supplier}>{(id) => (
                <CodeSelect id={id} name="supplier" rows={l.suppliers} value={chosen?.id ?? ''} blank={t.choose}
                  onChange={(v) => route(v ? `${path}?supplier=${encodeURIComponent(l.code(v))}` : path)} />
              )}</Field>
            </Card>
            {!supplier ? <p>{t.pick}</p> : (
              <Show loaded={statement}>
                {(s) => s && <StatementView statement={s} entryHref={(e) => (e.kind === 'invoice' ? `/console/payables/invoices/${e.id}` : null)} />}
              </Show>
            )}
          </>
        )
      }}
    </Show>
  )
}
