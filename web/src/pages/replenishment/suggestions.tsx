/**
 * Replenishment suggestions for staff: the open ones grouped by supplier and destination (one
 * purchase order each when approved), picked one by one or a whole supplier's at once, approved
 * as drafts or sent; the orders made and any group the supplier's terms refused, in words. The
 * recompute (its schedule, and a run on demand with its report) and the history by status.
 */
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ok } from '../../api.ts'
import { useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, MoreButton, PageTitle, ProblemNote, useAction } from '../../ui.tsx'
import { poStatusText } from '../purchasing/words.ts'
import { usePaged } from '../stock/paged.ts'
import { RunCard } from './run.tsx'
import { named, SuggestionCard } from './suggestion-card.tsx'
import { statusText, suggestionStatuses, suggestionText, type Approval, type Suggestion } from './words.ts'
import './replenishment.css'

interface Group { key: string; supplier: Suggestion['supplier']; node: Suggestion['node']; items: Suggestion[] }
/** An approval with the codes of the suppliers and nodes its orders went to (the approval answers ids). */
interface Approved { approval: Approval; codes: ReadonlyMap<string, string> }

/** One group per supplier and destination, in the order their first suggestion comes. */
export function groupsOf(items: readonly Suggestion[]): Group[] {
  const groups = new Map<string, Group>()
  for (const s of items) {
    const key = `${s.supplierId ?? ''}|${s.nodeId}`
    const group = groups.get(key) ?? { key, supplier: s.supplier, node: s.node, items: [] }
    group.items.push(s)
    groups.set(key, group)
  }
  return [...groups.values()]
}

export function ReplenishmentSuggestions() {
  const t = useText(suggestionText)
  const st = useText(statusText)
  const { api } = useSession()
  const { query, path } = useLocation()
  const status = suggestionStatuses.find((x) => x === query.status) ?? 'open'
  const [round, setRound] = useState(0)
  const reload = () => setRound((n) => n + 1)
  // Kept here, not in the list: the list is made anew after an approval, the orders it made stay shown.
  const [approval, setApproval] = useState<Approved | null>(null)
  const list = usePaged((cursor) => ok(api.GET('/v1/suggestions', { params: { query: { status, limit: '200', ...(cursor && { cursor }) } } })), [api, status, round])
  return (
    <>
      <PageTitle title={t.title} />
      <p class="hint">{t.hint}</p>
      <RunCard onRan={reload} />
      <nav class="tabs" aria-label={t.tabs}>
        {suggestionStatuses.map((s) => (
          <a href={s === 'open' ? path : `${path}?status=${s}`} aria-current={s === status ? 'page' : undefined}>{st[s]}</a>
        ))}
      </nav>
      <ProblemNote error={list.error} />
      {list.items === undefined && !list.error && <p aria-busy="true">{t.loading}</p>}
      {approval && <ApprovalResult approved={approval} />}
      {list.items && (list.items.length === 0
        ? <p>{t.none}</p>
        : status === 'open'
          ? <OpenSuggestions key={round} items={list.items} onChanged={reload} onApproved={setApproval} />
          : <ul class="suggestions">{list.items.map((s) => <li key={s.id}><SuggestionCard s={s} onChanged={reload} /></li>)}</ul>)}
      {list.hasMore && <MoreButton onClick={list.more} busy={list.busy} />}
    </>
  )
}

function OpenSuggestions({ items, onChanged, onApproved }: {
  items: Suggestion[]; onChanged: () => void; onApproved: (approved: Approved | null) => void
}) {
  const t = useText(suggestionText)
  const { api } = useSession()
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [send, setSend] = useState(false)
  const approve = useAction(async (ids: string[]) => {
    onApproved(null)
    onApproved({ approval: await ok(api.POST('/v1/suggestions/approve', { body: { ids, send } })), codes: codesOf(items) })
    setSelected(new Set())
  }, onChanged)
  const pick = (id: string, on: boolean) => setSelected((now) => {
    const next = new Set(now)
    if (on) next.add(id)
    else next.delete(id)
    return next
  })
  return (
    <>
      <div class="approve-bar">
        <label><input type="checkbox" name="send" checked={send} onChange={(e) => setSend((e.currentTarget as HTMLInputElement).checked)} /> {t.send}</label>
        <button type="button" class="primary" disabled={selected.size === 0 || approve.busy} onClick={() => void approve.run([...selected])}>{t.approveSelected(selected.size)}</button>
      </div>
      <ProblemNote error={approve.error} />
      {groupsOf(items).map((g) => {
        const title = t.group(g.supplier ? named(g.supplier) : t.noSupplier, named(g.node))
        return (
          <Card key={g.key} title={title} actions={
            <button type="button" disabled={approve.busy || g.supplier === null} onClick={() => void approve.run(g.items.map((s) => s.id))} aria-label={`${t.approveAll}: ${title}`}>{t.approveAll}</button>
          }>
            <ul class="suggestions">
              {g.items.map((s) => (
                <li key={s.id}><SuggestionCard s={s} selected={selected.has(s.id)} onSelect={(on) => pick(s.id, on)} onChanged={onChanged} /></li>
              ))}
            </ul>
          </Card>
        )
      })}
    </>
  )
}

/** Supplier and node ids to their codes, from the suggestions on the page. */
function codesOf(items: readonly Suggestion[]): Map<string, string> {
  const codes = new Map<string, string>()
  for (const s of items) {
    codes.set(s.nodeId, s.node.code)
    if (s.supplierId && s.supplier) codes.set(s.supplierId, s.supplier.code)
  }
  return codes
}

/** The orders an approval made (linked to their page) and the groups it could not approve, with the API's words. */
function ApprovalResult({ approved: { approval, codes } }: { approved: Approved }) {
  const t = useText(suggestionText)
  const st = useText(poStatusText)
  const code = (id: string) => codes.get(id) ?? id
  return (
    <section class="approval" aria-live="polite" aria-label={t.approved}>
      {approval.purchaseOrders.length > 0 && (
        <div class="notice">
          <strong>{t.approved}</strong>
          <ul>
            {approval.purchaseOrders.map((po) => (
              <li key={po.id}>
                <a href={`/console/purchasing/orders/${encodeURIComponent(po.id)}`}>{t.po(po.id)}</a>
                {' · '}{code(po.supplierId)} → {code(po.nodeId)} · <span class="po-status">{st[po.status as keyof typeof st] ?? po.status}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {approval.refused.map((r) => (
        <p class="problem" role="alert">
          {t.refused}: {r.suggestionIds.length} · {r.detail} <span class="code">(<code>{r.code}</code>)</span>
        </p>
      ))}
    </section>
  )
}
