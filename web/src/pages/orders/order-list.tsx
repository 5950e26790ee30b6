/** Orders, newest first, filtered by status, channel, delay, presale and placement days; a channel token sees its own. */
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, MoreButton, PageTitle, ProblemNote, useLoad } from '../../ui.tsx'
import { usePaged } from '../stock/paged.ts'
import '../stock/stock.css'
import { addressOf, filtersOf, keepHere, listQuery, orderStatuses, type OrderFilters } from './filters.ts'
import { StatusBadge } from './status.tsx'
import { orderText, statusText } from './text.ts'

const pageSize = '50'

export function OrderList() {
  const t = useText(orderText)
  const f = useFormat()
  const session = useSession()
  const { api } = session
  const staff = session.kind === 'admin' || session.kind === 'ops'
  const { query, route } = useLocation()
  const filters = filtersOf(query)
  const key = addressOf(filters)
  // Staff filter by channel; a channel token only ever sees its own, so it is not offered one.
  const channels = useLoad(async () => (staff ? (await ok(api.GET('/v1/channels', { params: { query: { limit: '500' } } }))).items : []), [api, staff])
  const channelName = (id: string) => channels.data?.find((c) => c.id === id)?.code ?? id
  const orders = usePaged((cursor) => ok(api.GET('/v1/orders', { params: { query: { ...listQuery(filters), limit: pageSize, ...(cursor && { cursor }) } } })), [api, key])
  const shown = orders.items?.filter((o) => keepHere(o, filters))
  return (
    <>
      <PageTitle title={t.title} />
      <Card title={t.filters}>
        <FilterForm key={key} filters={filters} channels={staff ? (channels.data ?? []) : null} onApply={(next) => route(addressOf(next))} />
      </Card>
      <Card title={t.list}>
        <ProblemNote error={orders.error} />
        {shown === undefined && !orders.error && <p aria-busy="true">{t.loading}</p>}
        {shown && (
          <div class="caption-hidden">
            <DataTable caption={t.list} rows={shown} rowKey={(o) => o.id} columns={[
              { label: t.order, cell: (o) => <a href={`/console/orders/${encodeURIComponent(o.id)}`}>{o.id}</a> },
              { label: t.placed, cell: (o) => f.instant(o.placedAt) },
              ...(staff ? [{ label: t.channel, cell: (o: (typeof shown)[number]) => channelName(o.channelId) }] : []),
              { label: t.customer, cell: (o) => o.customerId },
              { label: t.status, cell: (o) => <StatusBadge status={o.status} /> },
              { label: t.total, cell: (o) => f.money(o.total, o.currency), numeric: true },
              { label: t.promisedShip, cell: (o) => f.day(o.promisedShipDate) },
            ]} />
          </div>
        )}
        {orders.hasMore && <MoreButton onClick={orders.more} busy={orders.busy} />}
      </Card>
    </>
  )
}

type Channel = { id: string; code: string; name: string }

function FilterForm({ filters, channels, onApply }: { filters: OrderFilters; channels: readonly Channel[] | null; onApply: (f: OrderFilters) => void }) {
  const t = useText(orderText)
  const s = useText(statusText)
  const [draft, setDraft] = useState<OrderFilters>(filters)
  const set = (name: keyof OrderFilters) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement | HTMLSelectElement).value
    setDraft((d) => ({ ...d, [name]: value === '' ? undefined : value }))
  }
  const submit = (e: Event) => {
    e.preventDefault()
    onApply(draft)
  }
  const yesNo = (name: 'delayed' | 'presale', label: string) => (
    <Field label={label}>
      {(id) => (
        <select id={id} name={name} value={draft[name] ?? ''} onChange={set(name)}>
          <option value="">{t.any}</option>
          <option value="true">{t.yes}</option>
          <option value="false">{t.no}</option>
        </select>
      )}
    </Field>
  )
  return (
    <form class="filters" onSubmit={submit} aria-label={t.filters}>
      <Field label={t.status}>
        {(id) => (
          <select id={id} name="status" value={draft.status ?? ''} onChange={set('status')}>
            <option value="">{t.anyStatus}</option>
            {orderStatuses.map((st) => <option value={st}>{s[st]}</option>)}
          </select>
        )}
      </Field>
      {channels && (
        <Field label={t.channel}>
          {(id) => (
            <select id={id} name="channel" value={draft.channel ?? ''} onChange={set('channel')}>
              <option value="">{t.anyChannel}</option>
              {channels.map((c) => <option value={c.id}>{c.code} · {c.name}</option>)}
            </select>
          )}
        </Field>
      )}
      {yesNo('delayed', t.delayed)}
      {yesNo('presale', t.presale)}
      <Field label={t.placedFrom}>{(id) => <input id={id} name="placedFrom" type="date" value={draft.placedFrom ?? ''} onChange={set('placedFrom')} />}</Field>
      <Field label={t.placedTo}>{(id) => <input id={id} name="placedTo" type="date" value={draft.placedTo ?? ''} onChange={set('placedTo')} />}</Field>
      <button type="submit" class="primary">{t.apply}</button>
      <button type="button" onClick={() => onApply({})}>{t.clear}</button>
    </form>
  )
}
