/**
 * Routing for staff: the profile each scope follows (default and per channel), edited as JSON and
 * saved as a new version with the API's refusal shown in words; the shipping zones and region
 * centres; and every node's fulfilment profile (cut-offs, closed days, capacity, pick/pack cost).
 */
import { useState } from 'preact/hooks'
import type { components } from '../../../../clients/typescript/index.ts'
import { ok } from '../../api.ts'
import { useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, PageTitle, ProblemNote, Show, useAction, useLoad } from '../../ui.tsx'
import { routingPageText } from './words.ts'

type Profile = components['schemas']['RoutingProfile']
type Channel = components['schemas']['Channel']
type Texts = (typeof routingPageText)['en']

export function RoutingPage() {
  const t = useText(routingPageText)
  const { api } = useSession()
  const profiles = useLoad(async () => {
    const [list, channels] = await Promise.all([ok(api.GET('/v1/routing-profiles')), ok(api.GET('/v1/channels', { params: { query: { limit: '500' } } }))])
    return { profiles: list.items, channels: channels.items }
  }, [])
  const zones = useLoad(() => ok(api.GET('/v1/shipping-zones')), [])
  const nodes = useLoad(async () => (await ok(api.GET('/v1/nodes', { params: { query: { limit: '500' } } }))).items, [])
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <>
      <PageTitle title={t.title} />
      <Show loaded={profiles}>
        {({ profiles: list, channels }) => (
          <Card title={t.profiles}>
            <ProfileTable t={t} profiles={list} channels={channels} onEdit={setEditing} />
            <ProfileEditor key={editing ?? ''} t={t} scope={editing} channels={channels} onScope={setEditing} onSaved={profiles.reload} />
          </Card>
        )}
      </Show>
      <Show loaded={zones}>
        {(z) => (
          <Card title={t.zones}>
            <DataTable caption={t.zones} rows={z.zones} rowKey={(r) => `${r.from}|${r.to}|${r.serviceLevel}`} columns={[
              { label: t.from, cell: (r) => r.from }, { label: t.to, cell: (r) => r.to }, { label: t.serviceLevel, cell: (r) => r.serviceLevel },
              { label: t.transitDays, cell: (r) => String(r.transitDays), numeric: true }, { label: t.cost, cell: (r) => String(r.cost), numeric: true },
            ]} />
            <DataTable caption={t.regions} rows={z.regions} rowKey={(r) => r.region} columns={[
              { label: t.region, cell: (r) => r.region }, { label: t.latitude, cell: (r) => String(r.latitude), numeric: true }, { label: t.longitude, cell: (r) => String(r.longitude), numeric: true },
            ]} />
          </Card>
        )}
      </Show>
      <Show loaded={nodes}>
        {(list) => (
          <Card title={t.nodes}>
            <DataTable caption={t.nodes} rows={list} rowKey={(n) => n.id} columns={[
              { label: t.node, cell: (n) => n.code },
              { label: t.capabilities, cell: (n) => n.capabilities.join(', ') || t.none },
              { label: t.timeZone, cell: (n) => n.fulfilment.timeZone },
              { label: t.cutoffs, cell: (n) => entries(n.fulfilment.cutoffs, (v) => v) || t.none },
              { label: t.closed, cell: (n) => [...n.fulfilment.closedWeekdays.map(weekday), ...n.fulfilment.closedDates].join(', ') || t.none },
              { label: t.capacity, cell: (n) => entries(n.fulfilment.capacity, (c) => `${c.lines ?? '∞'} lines / ${c.units ?? '∞'} units`) || t.none },
              { label: t.pickPack, cell: (n) => `${n.fulfilment.pickPackCost.perShipment} / ${n.fulfilment.pickPackCost.perUnit}` },
            ]} />
          </Card>
        )}
      </Show>
    </>
  )
}

const weekday = (d: number) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d]
const entries = <V,>(record: Record<string, V>, show: (v: V) => string) => Object.entries(record).map(([k, v]) => `${k} ${show(v)}`).join('; ')

function scopeName(t: Texts, scope: string, channels: readonly Channel[]): string {
  return scope === 'default' ? t.defaultScope : channels.find((c) => c.id === scope)?.code ?? scope
}

function ProfileTable({ t, profiles, channels, onEdit }: { t: Texts; profiles: readonly Profile[]; channels: readonly Channel[]; onEdit: (scope: string) => void }) {
  return (
    <DataTable caption={t.profiles} rows={profiles} rowKey={(p) => p.scope} columns={[
      { label: t.scope, cell: (p) => scopeName(t, p.scope, channels) },
      { label: t.version, cell: (p) => (p.version === 0 ? t.builtIn : String(p.version)) },
      { label: t.filters, cell: (p) => p.filters.map((f) => f.kind).join(', ') || t.none },
      { label: t.sort, cell: (p) => p.sort.map((c) => c.kind).join(' → ') },
      { label: t.maxSplits, cell: (p) => (p.maxSplits === null ? t.noLimit : String(p.maxSplits)) },
      { label: t.whenNothingFits, cell: (p) => p.whenNothingFits },
      { label: t.edit, cell: (p) => <button type="button" onClick={() => onEdit(p.scope)}>{t.edit}</button> },
    ]} />
  )
}

/** The JSON of the scope's profile in effect; saving stores a new version (or shows why the API refused it). */
function ProfileEditor({ t, scope, channels, onScope, onSaved }: { t: Texts; scope: string | null; channels: readonly Channel[]; onScope: (s: string) => void; onSaved: () => void }) {
  const { api } = useSession()
  const [text, setText] = useState<string | null>(null)
  const [saved, setSaved] = useState<number | null>(null)
  const [notJson, setNotJson] = useState(false)
  const current = useLoad(async () => (scope === null ? null : ok(api.GET('/v1/routing-profiles/{channel}', { params: { path: { channel: scope } } }))), [scope])
  const save = useAction(async () => {
    let body: unknown
    try {
      body = JSON.parse(text ?? '')
    } catch {
      setNotJson(true)
      return
    }
    const stored = await ok(api.PUT('/v1/routing-profiles/{channel}', { params: { path: { channel: scope! } }, body: body as components['schemas']['RoutingProfileInput'] }))
    setSaved(stored.version)
  }, onSaved)
  const loaded = current.data
  const shown = text ?? (loaded ? JSON.stringify({ filters: loaded.filters, sort: loaded.sort, maxSplits: loaded.maxSplits, splitPenalty: loaded.splitPenalty, whenNothingFits: loaded.whenNothingFits }, null, 2) : '')
  return (
    <form class="routing-editor" onSubmit={(e) => (e.preventDefault(), void save.run())}>
      <Field label={t.forChannel}>{(id) => (
        <select id={id} value={scope ?? ''} onChange={(e) => onScope(e.currentTarget.value)}>
          <option value="" disabled>—</option>
          <option value="default">{t.defaultScope}</option>
          {channels.map((c) => <option key={c.id} value={c.id}>{c.code}</option>)}
        </select>
      )}</Field>
      {scope !== null && (
        <>
          <Field label={t.profileJson} hint={t.profileHint}>{(id) => (
            <textarea id={id} rows={14} cols={60} spellcheck={false} value={shown} onInput={(e) => (setText(e.currentTarget.value), setSaved(null), setNotJson(false))} />
          )}</Field>
          <button type="submit" class="primary" disabled={save.busy}>{t.save}</button>
          <span aria-live="polite">{saved !== null ? t.saved(saved) : ''}</span>
          {notJson && <p class="problem" role="alert">{t.notJson}</p>}
          <ProblemNote error={save.error} />
        </>
      )}
    </form>
  )
}
