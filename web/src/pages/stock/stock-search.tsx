/** Find a SKU by part of its code or name, and open its stock. */
import { useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, PageTitle, Show, useLoad } from '../../ui.tsx'
import type { Sku } from './names.ts'
import { stockText } from './text.ts'

const largestPage = '500'

/**
 * GET /v1/skus does not search yet on main: the first page is filtered here. When the `q` filter
 * is merged, pass `q: query` in the request and drop `matches`.
 */
const matches = (sku: Sku, query: string): boolean => {
  const q = query.trim().toLowerCase()
  return q === '' || sku.code.toLowerCase().includes(q) || sku.name.toLowerCase().includes(q)
}

export function StockSearch() {
  const t = useText(stockText)
  const { api } = useSession()
  const [draft, setDraft] = useState('')
  const [query, setQuery] = useState('')
  const skus = useLoad(() => ok(api.GET('/v1/skus', { params: { query: { limit: largestPage } } })), [api])
  const submit = (e: Event) => {
    e.preventDefault()
    setQuery(draft)
  }
  return (
    <>
      <PageTitle title={t.title} />
      <Card title={t.find}>
        <form class="filters" role="search" onSubmit={submit}>
          <Field label={t.query} hint={t.queryHint}>
            {(id) => <input id={id} name="q" type="search" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />}
          </Field>
          <button type="submit" class="primary">{t.search}</button>
        </form>
        <Show loaded={skus}>
          {(page) => {
            const found = page.items.filter((s) => matches(s, query))
            return (
              <>
                {found.length === 0 && query !== '' && <p role="status">{t.noMatch(query)}</p>}
                <DataTable caption={t.skus} rows={found} rowKey={(s) => s.id} columns={[
                  { label: t.code, cell: (s) => <a href={`/console/stock/${encodeURIComponent(s.id)}`}>{s.code}</a> },
                  { label: t.name, cell: (s) => s.name },
                  { label: t.unit, cell: (s) => s.unit },
                  { label: t.active, cell: (s) => <span class={`badge ${s.active ? 'good' : 'muted'}`}>{s.active ? t.active : t.inactive}</span> },
                ]} />
              </>
            )
          }}
        </Show>
      </Card>
    </>
  )
}
