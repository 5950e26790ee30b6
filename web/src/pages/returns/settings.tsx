/**
 * Return settings for staff: the return policy of each scope (the default, or a channel's own) and
 * the disposition rules, each edited as JSON and saved as a new version, the version in effect
 * shown, and the API's refusal (naming the field) shown in words. The rules are also listed in
 * words, first match first, so a merchant can read what each grade will become.
 */
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
  const [text, setText] = useState<string | null>(null)
  const [saved, setSaved] = useState<number | null>(null)
  const [notJson, setNotJson] = useState(false)
  const current = useLoad(() => ok(api.GET('/v1/return-policies/{channel}', { params: { path: { channel: scope } } })), [api, scope, round])
  const save = useAction(async () => {
    const body = parsed(text ?? '')
    if (!body.ok) return setNotJson(true)
    const stored = await ok(api.PUT('/v1/return-policies/{channel}', { params: { path: { channel: scope } }, body: body.value as Record<string, unknown> }))
    setSaved(stored.version)
  }, () => setRound((n) => n + 1))
  const scopeName = (s: string) => {
    const id = s.replace(/^policy:/, '')
    return id === 'default' ? t.defaultScope : channels.find((c) => c.id === id)?.code ?? id
  }
  return (
    <Show loaded={current}>
      {(found) => (
        <form class="policy-editor" aria-label={t.policy} onSubmit={(e) => { e.preventDefault(); void save.run() }}>
          <p>{t.follows(scopeName(found.scope), versionOf(t, found.version))}</p>
          <Field label={t.policyJson} hint={t.policyHint}>{(id) => (
            <textarea id={id} rows={16} spellcheck={false} value={text ?? JSON.stringify(found.policy, null, 2)}
              onInput={(e) => (setText((e.currentTarget as HTMLTextAreaElement).value), setSaved(null), setNotJson(false))} />
          )}</Field>
          <div class="return-actions">
            <button type="submit" class="primary" disabled={save.busy}>{t.save}</button>
            <span aria-live="polite">{saved !== null ? t.saved(saved) : ''}</span>
          </div>
          {notJson && <p class="problem" role="alert">{t.notJson}</p>}
          <ProblemNote error={save.error} />
        </form>
      )}
    </Show>
  )
}

function RulesEditor({ names }: { names: Names }) {
  const t = useText(settingsText)
  const { api } = useSession()
  const [round, setRound] = useState(0)
  const [text, setText] = useState<string | null>(null)
  const [saved, setSaved] = useState<number | null>(null)
  const [notJson, setNotJson] = useState(false)
  const current = useLoad(() => ok(api.GET('/v1/disposition-rules')), [api, round])
  const save = useAction(async () => {
    const body = parsed(text ?? '')
    if (!body.ok) return setNotJson(true)
    const stored = await ok(api.PUT('/v1/disposition-rules', { body: body.value as { rules: Array<Record<string, unknown>> } }))
    setSaved(stored.version)
  }, () => setRound((n) => n + 1))
  return (
    <Card title={t.rules}>
      <Show loaded={current}>
        {(found) => (
          <>
            <RuleTable rules={found.rules as RuleView[]} caption={t.rulesInEffect(versionOf(t, found.version))} names={names} />
            <form class="rules-editor" aria-label={t.rules} onSubmit={(e) => { e.preventDefault(); void save.run() }}>
              <Field label={t.rulesJson} hint={t.rulesHint}>{(id) => (
                <textarea id={id} rows={16} spellcheck={false} value={text ?? JSON.stringify({ rules: found.rules }, null, 2)}
                  onInput={(e) => (setText((e.currentTarget as HTMLTextAreaElement).value), setSaved(null), setNotJson(false))} />
              )}</Field>
              <div class="return-actions">
                <button type="submit" class="primary" disabled={save.busy}>{t.save}</button>
                <span aria-live="polite">{saved !== null ? t.saved(saved) : ''}</span>
              </div>
              {notJson && <p class="problem" role="alert">{t.notJson}</p>}
              <ProblemNote error={save.error} />
            </form>
          </>
        )}
      </Show>
    </Card>
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
