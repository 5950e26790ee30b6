/**
 * Return settings for staff: the return policy of each scope (the default, or a channel's own) and
 * the disposition rules, each edited as JSON and saved as a new version, the version in effect
 * shown, and the API's refusal (naming the field) shown in words. The rules are also listed in
 * words, first match first, so a merchant can read what each grade will become.
 */
import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, PageTitle, ProblemNote, Show, useAction, useLoad } from '../../ui.tsx'
import { idsOnly, loadNames, type Names } from '../stock/names.ts'
import { dispositionText, reasonText, returnText, settingsText, type Disposition, type ReturnReason } from './words.ts'
import './returns.css'

type Texts = (typeof settingsText)['en']
type Channel = { id: string; code: string }
/** A rule as the API answers it (plain JSON: the API checks it, see docs/returns.md). */
interface RuleView {
  id?: string
  when?: { grades?: string[]; reasons?: ReturnReason[]; categories?: string[]; minUnitValue?: number; maxUnitValue?: number }
  then?: { kind?: Disposition; outletNodeId?: string }
}

export function ReturnSettings() {
  const t = useText(settingsText)
  const session = useSession()
  const { api } = session
  const channels = useLoad(async () => (await ok(api.GET('/v1/channels', { params: { query: { limit: '500' } } }))).items, [api])
  const names = useLoad(() => loadNames(session), [api])
  return (
    <>
      <PageTitle title={t.title} />
      <Show loaded={channels}>{(list) => <PolicyEditor channels={list} />}</Show>
      <RulesEditor names={names.data ?? idsOnly} />
    </>
  )
}

const versionOf = (t: Texts, version: number) => (version === 0 ? t.builtIn : t.version(version))

/** Text typed as JSON, or the refusal to show when it is not JSON at all. */
function parsed(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

function PolicyEditor({ channels }: { channels: readonly Channel[] }) {
  const t = useText(settingsText)
  const [scope, setScope] = useState('default')
  return (
    <Card title={t.policy}>
      <Field label={t.scope}>{(id) => (
        <select id={id} value={scope} onChange={(e) => setScope((e.currentTarget as HTMLSelectElement).value)}>
          <option value="default">{t.defaultScope}</option>
          {channels.map((c) => <option key={c.id} value={c.id}>{c.code}</option>)}
        </select>
      )}</Field>
      <ScopePolicy key={scope} scope={scope} channels={channels} />
    </Card>
  )
}

/** The policy a scope follows now (its own, else the default's, else the built-in one), editable as JSON. */
function ScopePolicy({ scope, channels }: { scope: string; channels: readonly Channel[] }) {
  const t = useText(settingsText)
  const { api } = useSession()
  const [round, setRound] = useState(0)
  const current = useLoad(() => ok(api.GET('/v1/return-policies/{channel}', { params: { path: { channel: scope } } })), [api, scope, round])
  const scopeName = (s: string) => {
    const id = s.replace(/^policy:/, '')
    return id === 'default' ? t.defaultScope : channels.find((c) => c.id === id)?.code ?? id
  }
  return (
    <Show loaded={current}>
      {(found) => (
        <>
          <JsonEditor formClass="policy-editor" formLabel={t.policy} label={t.policyJson} hint={t.policyHint} initial={found.policy}
            lead={<p>{t.follows(scopeName(found.scope), versionOf(t, found.version))}</p>}
            save={async (body) => (await ok(api.PUT('/v1/return-policies/{channel}', { params: { path: { channel: scope } }, body: body as Record<string, unknown> }))).version}
            onSaved={() => setRound((n) => n + 1)} />
        </>
      )}
    </Show>
  )
}

function RulesEditor({ names }: { names: Names }) {
  const t = useText(settingsText)
  const { api } = useSession()
  const [round, setRound] = useState(0)
  const current = useLoad(() => ok(api.GET('/v1/disposition-rules')), [api, round])
  return (
    <Card title={t.rules}>
      <Show loaded={current}>
        {(found) => (
          <>
            <RuleTable rules={found.rules as RuleView[]} caption={t.rulesInEffect(versionOf(t, found.version))} names={names} />
            <JsonEditor formClass="rules-editor" formLabel={t.rules} label={t.rulesJson} hint={t.rulesHint} initial={{ rules: found.rules }}
              save={async (body) => (await ok(api.PUT('/v1/disposition-rules', { body: body as { rules: Array<Record<string, unknown>> } }))).version}
              onSaved={() => setRound((n) => n + 1)} />
          </>
        )}
      </Show>
    </Card>
  )
}

/**
 * A document edited as JSON and saved as its next version: text that is not JSON is refused in
 * words before anything is sent; the API's refusal is shown in its words with its code.
 */
function JsonEditor({ formClass, formLabel, label, hint, initial, lead, save, onSaved }: {
  formClass: string; formLabel: string; label: string; hint: string; initial: unknown; lead?: ComponentChildren
  save: (body: unknown) => Promise<number>; onSaved: () => void
}) {
  const t = useText(settingsText)
  const [text, setText] = useState<string | null>(null)
  const [saved, setSaved] = useState<number | null>(null)
  const [notJson, setNotJson] = useState(false)
  const run = useAction(async () => {
    const body = parsed(text ?? JSON.stringify(initial))
    if (!body.ok) return setNotJson(true)
    setSaved(await save(body.value))
  }, onSaved)
  return (
    <form class={formClass} aria-label={formLabel} onSubmit={(e) => { e.preventDefault(); void run.run() }}>
      {lead}
      <Field label={label} hint={hint}>{(id) => (
        <textarea id={id} rows={16} spellcheck={false} value={text ?? JSON.stringify(initial, null, 2)}
          onInput={(e) => (setText((e.currentTarget as HTMLTextAreaElement).value), setSaved(null), setNotJson(false))} />
      )}</Field>
      <div class="return-actions">
        <button type="submit" class="primary" disabled={run.busy}>{t.save}</button>
        <span aria-live="polite">{saved !== null ? t.saved(saved) : ''}</span>
      </div>
      {notJson && <p class="problem" role="alert">{t.notJson}</p>}
      <ProblemNote error={run.error} />
    </form>
  )
}

/** The rules in words, in the order they are tried. */
function RuleTable({ rules, caption, names }: { rules: RuleView[]; caption: string; names: Names }) {
  const t = useText(settingsText)
  const r = useText(returnText)
  const why = useText(reasonText)
  const d = useText(dispositionText)
  const f = useFormat()
  const when = (w: RuleView['when'] = {}) => {
    const parts = [
      w.grades && t.whenGrades(w.grades.join(t.or)),
      w.reasons && t.whenReasons(w.reasons.map((x) => why[x] ?? x).join(t.or)),
      w.categories && t.whenCategories(w.categories.join(t.or)),
      w.minUnitValue !== undefined && t.whenMin(r.minorUnits(f.count(w.minUnitValue))),
      w.maxUnitValue !== undefined && t.whenMax(r.minorUnits(f.count(w.maxUnitValue))),
    ].filter(Boolean)
    return parts.length > 0 ? parts.join('; ') : t.anyUnit
  }
  const then = (x: RuleView['then'] = {}) =>
    x.kind === undefined ? '—' : x.kind === 'outlet' ? d.outlet(x.outletNodeId ? names.node(x.outletNodeId) : '—') : d[x.kind]
  return (
    <DataTable caption={caption} rows={rules.map((rule, i) => ({ rule, n: i + 1 }))} rowKey={(row) => `${row.n}`} columns={[
      { label: t.order, cell: (row) => String(row.n), numeric: true },
      { label: t.rule, cell: (row) => <code>{row.rule.id ?? '—'}</code> },
      { label: t.when, cell: (row) => when(row.rule.when) },
      { label: t.then, cell: (row) => then(row.rule.then) },
    ]} />
  )
}
