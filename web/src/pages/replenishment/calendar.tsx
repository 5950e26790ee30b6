/** The planned events calendar: events by day (a SKU or `*`, a node or `*`), one added with a form, one deleted with a button. */
import { useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, MoreButton, ProblemNote, useAction } from '../../ui.tsx'
import type { Lookups } from '../selling/lookups.tsx'
import { usePaged } from '../stock/paged.ts'
import { kindText, plannedEventKinds, policyText, type PlannedEvent, type PlannedEventKind } from './words.ts'

export function PlannedEvents({ lookups }: { lookups: Lookups }) {
  const t = useText(policyText)
  const k = useText(kindText)
  const f = useFormat()
  const { api } = useSession()
  const [round, setRound] = useState(0)
  const reload = () => setRound((n) => n + 1)
  const list = usePaged((cursor) => ok(api.GET('/v1/planned-events', { params: { query: { limit: '100', ...(cursor && { cursor }) } } })), [api, round])
  const remove = useAction((id: string) => ok(api.DELETE('/v1/planned-events/{id}', { params: { path: { id } } })), reload)
  const where = (id: string) => (id === '*' ? '*' : lookups.code(id))
  return (
    <Card title={t.calendar}>
      <p class="hint">{t.calendarHint}</p>
      <ProblemNote error={list.error ?? remove.error} />
      {list.items && (
        <DataTable caption={t.eventsCaption} rows={list.items} rowKey={(e: PlannedEvent) => e.id} columns={[
          { label: t.date, cell: (e) => f.day(e.date) },
          { label: t.sku, cell: (e) => where(e.sku) },
          { label: t.node, cell: (e) => where(e.node) },
          { label: t.kind, cell: (e) => k[e.kind] },
          { label: t.uplift, cell: (e) => (e.upliftPct === null ? '—' : f.count(e.upliftPct)), numeric: true },
          { label: t.note, cell: (e) => e.note ?? '' },
          { label: t.remove, cell: (e) => <button type="button" disabled={remove.busy} aria-label={t.removeEvent(k[e.kind], f.day(e.date))} onClick={() => void remove.run(e.id)}>{t.remove}</button> },
        ]} />
      )}
      {list.hasMore && <MoreButton onClick={list.more} busy={list.busy} />}
      <AddEvent lookups={lookups} onAdded={reload} />
    </Card>
  )
}

function AddEvent({ lookups, onAdded }: { lookups: Lookups; onAdded: () => void }) {
  const t = useText(policyText)
  const k = useText(kindText)
  const { api } = useSession()
  const [sku, setSku] = useState('*')
  const [node, setNode] = useState('*')
  const [date, setDate] = useState('')
  const [kind, setKind] = useState<PlannedEventKind>('promotion')
  const [uplift, setUplift] = useState('')
  const [note, setNote] = useState('')
  const [added, setAdded] = useState(false)
  const add = useAction(async () => {
    setAdded(false)
    await ok(api.POST('/v1/planned-events', { body: { sku, node, date, kind, ...(uplift.trim() && { upliftPct: Number(uplift) }), ...(note.trim() && { note: note.trim() }) } }))
    setAdded(true)
    setNote('')
  }, onAdded)
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value
  const choices = (rows: ReadonlyArray<{ id: string; code: string; name: string }>) => [<option value="*">{t.every}</option>, ...rows.map((r) => <option value={r.id}>{r.code} · {r.name}</option>)]
  return (
    <form class="event-form" aria-label={t.add} onSubmit={(e) => { e.preventDefault(); void add.run() }}>
      <Field label={t.sku}>{(id) => <select id={id} name="eventSku" value={sku} onChange={(e) => setSku(value(e))}>{choices(lookups.skus)}</select>}</Field>
      <Field label={t.node}>{(id) => <select id={id} name="eventNode" value={node} onChange={(e) => setNode(value(e))}>{choices(lookups.nodes)}</select>}</Field>
      <Field label={t.date}>{(id) => <input id={id} name="date" type="date" required value={date} onInput={(e) => setDate(value(e))} />}</Field>
      <Field label={t.kind}>{(id) => (
        <select id={id} name="kind" value={kind} onChange={(e) => setKind(value(e) as PlannedEventKind)}>
          {plannedEventKinds.map((x) => <option value={x}>{k[x]}</option>)}
        </select>
      )}</Field>
      <Field label={t.uplift}>{(id) => <input id={id} name="upliftPct" type="number" inputMode="numeric" value={uplift} onInput={(e) => setUplift(value(e))} />}</Field>
      <Field label={t.note}>{(id) => <input id={id} name="note" maxLength={500} value={note} onInput={(e) => setNote(value(e))} />}</Field>
      <div class="row-actions">
        <button type="submit" class="primary" disabled={add.busy}>{t.add}</button>
        <span aria-live="polite">{added && <span class="notice">{t.added}</span>}</span>
      </div>
      <ProblemNote error={add.error} />
    </form>
  )
}
