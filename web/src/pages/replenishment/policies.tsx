/**
 * Inventory policies for staff: those set (a SKU at a node, or `*` defaults), and a form that
 * sets one — service level, review method, review period, min/max for min_max, a fixed supplier,
 * sending by itself. The API judges the values and its refusal is shown in its words. The planned
 * events calendar is below (calendar.tsx).
 */
import { useState } from 'preact/hooks'
import type { components } from '../../../../clients/typescript/index.ts'
import { ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, MoreButton, PageTitle, ProblemNote, Show, useAction } from '../../ui.tsx'
import { useLookups, type Lookups } from '../selling/lookups.tsx'
import { usePaged } from '../stock/paged.ts'
import { PlannedEvents } from './calendar.tsx'
import { methodText, policyMethods, policyText, type PolicyMethod, type StoredPolicy } from './words.ts'
import './replenishment.css'

interface Draft {
  sku: string
  node: string
  serviceLevel: string
  method: PolicyMethod
  reviewPeriodDays: string
  minUnits: string
  maxUnits: string
  supplierId: string
  autoSend: boolean
}

const blank: Draft = { sku: '*', node: '*', serviceLevel: '0.95', method: 'order_up_to', reviewPeriodDays: '7', minUnits: '', maxUnits: '', supplierId: '', autoSend: false }

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v))

/** A stored policy back into the form, to change it. */
const draftOf = (p: StoredPolicy): Draft => ({
  sku: p.sku, node: p.node, serviceLevel: text(p.policy.serviceLevel), method: (policyMethods as readonly unknown[]).includes(p.policy.method) ? p.policy.method as PolicyMethod : 'order_up_to',
  reviewPeriodDays: text(p.policy.reviewPeriodDays), minUnits: text(p.policy.minUnits), maxUnits: text(p.policy.maxUnits), supplierId: text(p.policy.supplierId), autoSend: p.policy.autoSend === true,
})

/** The body as typed: numbers as numbers (a word stays a word, for the API to refuse by name), empty fields left out. */
type PolicyRequest = components['schemas']['ReplenishmentPolicyRequest']

/**
 * The policy as typed, numbers where the fields read as numbers: what the buyer typed goes to the
 * API as it is, so its refusal names the field in its own words.
 */
function bodyOf(d: Draft): PolicyRequest {
  const n = (v: string) => (v.trim() === '' || Number.isNaN(Number(v)) ? v : Number(v))
  return {
    serviceLevel: n(d.serviceLevel), method: d.method, reviewPeriodDays: n(d.reviewPeriodDays),
    ...(d.method === 'min_max' && { minUnits: n(d.minUnits), maxUnits: n(d.maxUnits) }),
    ...(d.supplierId && { supplierId: d.supplierId }), autoSend: d.autoSend,
  } as PolicyRequest
}

export function ReplenishmentPolicies() {
  const t = useText(policyText)
  const lookups = useLookups()
  return (
    <>
      <PageTitle title={t.title} />
      <Show loaded={lookups}>{(l) => <><PolicyList lookups={l} /><PlannedEvents lookups={l} /></>}</Show>
    </>
  )
}

function PolicyList({ lookups }: { lookups: Lookups }) {
  const t = useText(policyText)
  const m = useText(methodText)
  const f = useFormat()
  const { api } = useSession()
  const [round, setRound] = useState(0)
  const [draft, setDraft] = useState<Draft>(blank)
  const [editing, setEditing] = useState(0)
  const list = usePaged((cursor) => ok(api.GET('/v1/replenishment-policies', { params: { query: { limit: '100', ...(cursor && { cursor }) } } })), [api, round])
  const where = (id: string) => (id === '*' ? '*' : lookups.code(id))
  return (
    <>
      <Card title={t.policies}>
        <p class="hint">{t.hint}</p>
        <ProblemNote error={list.error} />
        {list.items && (
          <DataTable caption={t.policiesCaption} rows={list.items} rowKey={(p) => `${p.sku}|${p.node}`} columns={[
            { label: t.sku, cell: (p) => where(p.sku) },
            { label: t.node, cell: (p) => where(p.node) },
            { label: t.serviceLevel, cell: (p) => text(p.policy.serviceLevel), numeric: true },
            { label: t.method, cell: (p) => m[p.policy.method as PolicyMethod] ?? text(p.policy.method) },
            { label: t.review, cell: (p) => text(p.policy.reviewPeriodDays), numeric: true },
            { label: t.minMax, cell: (p) => (p.policy.method === 'min_max' ? `${text(p.policy.minUnits)} / ${text(p.policy.maxUnits)}` : '—') },
            { label: t.supplier, cell: (p) => (p.policy.supplierId ? lookups.code(String(p.policy.supplierId)) : t.none) },
            { label: t.autoSend, cell: (p) => (p.policy.autoSend === true ? t.yes : t.no) },
            { label: t.version, cell: (p) => f.count(p.version), numeric: true },
            { label: t.updated, cell: (p) => f.instant(p.updatedAt) },
            { label: t.edit, cell: (p) => <button type="button" aria-label={`${t.edit} ${where(p.sku)} · ${where(p.node)}`} onClick={() => { setDraft(draftOf(p)); setEditing((n) => n + 1) }}>{t.edit}</button> },
          ]} />
        )}
        {list.hasMore && <MoreButton onClick={list.more} busy={list.busy} />}
      </Card>
      <PolicyEditor key={editing} initial={draft} lookups={lookups} onSaved={() => setRound((n) => n + 1)} />
    </>
  )
}

function PolicyEditor({ initial, lookups, onSaved }: { initial: Draft; lookups: Lookups; onSaved: () => void }) {
  const t = useText(policyText)
  const m = useText(methodText)
  const { api } = useSession()
  const [d, setD] = useState<Draft>(initial)
  const [saved, setSaved] = useState<number | null>(null)
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => { setD((now) => ({ ...now, [key]: value })); setSaved(null) }
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value
  const save = useAction(async () => {
    setSaved(null)
    const stored = await ok(api.PUT('/v1/replenishment-policies/{sku}/{node}', { params: { path: { sku: d.sku, node: d.node } }, body: bodyOf(d) }))
    setSaved(stored.version)
  }, onSaved)
  const choices = (rows: ReadonlyArray<{ id: string; code: string; name: string }>) => [<option value="*">{t.every}</option>, ...rows.map((r) => <option value={r.id}>{r.code} · {r.name}</option>)]
  return (
    <Card title={t.editor}>
      <form class="policy-form" aria-label={t.editor} noValidate onSubmit={(e) => { e.preventDefault(); void save.run() }}>
        <Field label={t.sku}>{(id) => <select id={id} name="sku" value={d.sku} onChange={(e) => set('sku')(value(e))}>{choices(lookups.skus)}</select>}</Field>
        <Field label={t.node}>{(id) => <select id={id} name="node" value={d.node} onChange={(e) => set('node')(value(e))}>{choices(lookups.nodes)}</select>}</Field>
        <Field label={t.serviceLevel} hint={t.serviceHint}>{(id) => <input id={id} name="serviceLevel" inputMode="decimal" autoComplete="off" value={d.serviceLevel} onInput={(e) => set('serviceLevel')(value(e))} />}</Field>
        <Field label={t.method}>{(id) => (
          <select id={id} name="method" value={d.method} onChange={(e) => set('method')(value(e) as PolicyMethod)}>
            {policyMethods.map((x) => <option value={x}>{m[x]}</option>)}
          </select>
        )}</Field>
        <Field label={t.review}>{(id) => <input id={id} name="reviewPeriodDays" inputMode="numeric" value={d.reviewPeriodDays} onInput={(e) => set('reviewPeriodDays')(value(e))} />}</Field>
        {d.method === 'min_max' && <>
          <Field label={t.minUnits}>{(id) => <input id={id} name="minUnits" inputMode="numeric" value={d.minUnits} onInput={(e) => set('minUnits')(value(e))} />}</Field>
          <Field label={t.maxUnits}>{(id) => <input id={id} name="maxUnits" inputMode="numeric" value={d.maxUnits} onInput={(e) => set('maxUnits')(value(e))} />}</Field>
        </>}
        <Field label={t.supplier}>{(id) => (
          <select id={id} name="supplier" value={d.supplierId} onChange={(e) => set('supplierId')(value(e))}>
            <option value="">{t.anySupplier}</option>
            {lookups.suppliers.map((s) => <option value={s.id}>{s.code} · {s.name}</option>)}
          </select>
        )}</Field>
        <label class="check"><input type="checkbox" name="autoSend" checked={d.autoSend} onChange={(e) => set('autoSend')((e.currentTarget as HTMLInputElement).checked)} /> {t.autoSendLabel}</label>
        <div class="row-actions">
          <button type="submit" class="primary" disabled={save.busy}>{t.save}</button>
          <span aria-live="polite">{saved !== null && <span class="notice">{t.saved(saved)}</span>}</span>
        </div>
        <ProblemNote error={save.error} />
      </form>
    </Card>
  )
}
