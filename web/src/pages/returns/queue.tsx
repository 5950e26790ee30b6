/**
 * The returns queue, usable on a phone: one card per return, oldest first, filtered by status,
 * with its lines (reason, units, received, the customer's photos), where it is received and its
 * refund; and the steps the signed-in role may take from its status. Staff see every return; a
 * store or warehouse those received at it; a channel its orders'. A store opens a return at its
 * counter here, for an order bought through any channel.
 */
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, Field, MoreButton, PageTitle, ProblemNote, useAction, useLoad } from '../../ui.tsx'
import { idsOnly, loadNames, type Names } from '../stock/names.ts'
import { usePaged } from '../stock/paged.ts'
import { ReturnActions } from './actions.tsx'
import { isNode, isStaff } from './roles.ts'
import { ReturnBadge } from './status.tsx'
import { reasonText, refundStepText, returnReasons, returnStatuses, returnStatusText, returnText, type Return, type ReturnReason } from './words.ts'
import '../shipments/shipments.css'
import './returns.css'

export function ReturnsQueue() {
  const t = useText(returnText)
  const s = useText(returnStatusText)
  const session = useSession()
  const { api, kind } = session
  const names = useLoad(() => loadNames(session), [api])
  const { query, route } = useLocation()
  const status = returnStatuses.find((x) => x === query.status)
  // Every step reads the queue again: a step moves the return, or out of the filtered status.
  const [round, setRound] = useState(0)
  const reload = () => setRound((n) => n + 1)
  const returns = usePaged((cursor) => ok(api.GET('/v1/returns', { params: { query: { limit: '50', ...(status && { status }), ...(cursor && { cursor }) } } })), [api, status, round])
  const atCounter = isNode(kind)
  const hint = isStaff(kind) ? t.hintStaff : atCounter ? t.hintNode : t.hintChannel
  return (
    <>
      <PageTitle title={t.title} />
      <p class="hint">{hint}</p>
      {/* At a counter opening a return is the first job; staff and channels mostly work the queue. */}
      {atCounter && <OpenReturnForm onOpened={reload} />}
      <Card title={t.queue}>
        <Field label={t.status}>
          {(id) => (
            <select id={id} value={status ?? ''} onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value
              route(v === '' ? '/console/returns' : `/console/returns?status=${v}`)
            }}>
              <option value="">{t.anyStatus}</option>
              {returnStatuses.map((st) => <option value={st}>{s[st]}</option>)}
            </select>
          )}
        </Field>
        <ProblemNote error={returns.error} />
        {returns.items === undefined && !returns.error && <p aria-busy="true">{t.loading}</p>}
        {returns.items?.length === 0 && <p>{t.none}</p>}
        <ul class="return-cards">
          {returns.items?.map((r) => <li key={r.id}><ReturnCard ret={r} names={names.data ?? idsOnly} onDone={reload} /></li>)}
        </ul>
        {returns.hasMore && <MoreButton onClick={returns.more} busy={returns.busy} />}
      </Card>
      {!atCounter && <OpenReturnForm onOpened={reload} />}
    </>
  )
}

function ReturnCard({ ret: r, names, onDone }: { ret: Return; names: Names; onDone: () => void }) {
  const t = useText(returnText)
  const why = useText(reasonText)
  const step = useText(refundStepText)
  const f = useFormat()
  const { kind } = useSession()
  const money = (minor: number) => f.money(minor, r.currency)
  const orderLink = isStaff(kind) || kind === 'channel'
  const ended = r.status === 'rejected' || r.status === 'cancelled'
  return (
    <article class="return-card" aria-label={t.returnOf(r.id)}>
      <header><strong>{r.id}</strong> <ReturnBadge status={r.status} /></header>
      <p class="muted-text">
        {t.order}: {orderLink ? <a href={`/console/orders/${encodeURIComponent(r.orderId)}`}>{r.orderId}</a> : r.orderId}
        {' · '}{t.node}: {r.nodeId ? names.node(r.nodeId) : t.notDecided}
        {' · '}{t.opened} {f.instant(r.createdAt)}
      </p>
      <ul class="return-lines" aria-label={t.lines}>
        {r.lines.map((l) => (
          <li key={l.lineNo}>
            {t.line(l.lineNo)}: {l.quantity} × {names.sku(l.skuId)} · {why[l.reason]} · {t.receivedOf(l.received, l.quantity)}
            {l.note && <> · “{l.note}”</>}
            {l.evidence.length > 0 && (
              <> · {t.evidence}: {l.evidence.map((url, i) => <>{i > 0 && ', '}<a href={url} target="_blank" rel="noopener noreferrer">{t.photo(i + 1)}</a></>)}</>
            )}
          </li>
        ))}
      </ul>
      {r.rejectReason && <p>{t.rejectedBecause(r.rejectReason)}</p>}
      {(r.carrier || r.tracking || r.status === 'in_transit') && <p>{t.onItsWay(r.carrier ?? '', r.tracking ?? '')}</p>}
      <p>
        {t.refund}:{' '}
        {r.refundAmount !== null && r.refundRequestedAt
          ? <>{t.refundRequested(money(r.refundAmount), f.instant(r.refundRequestedAt))}{r.refundedAt && <> · {t.refundedAt(f.instant(r.refundedAt))}</>}</>
          : ended || r.status === 'closed' ? t.noRefund : t.refundWaiting(step[r.refundStep])}
      </p>
      {/* Keyed by the last change: a step (a partial receipt) starts the forms afresh from what is left. */}
      <ReturnActions key={r.updatedAt} ret={r} names={names} onDone={onDone} />
    </article>
  )
}

/**
 * Opening a return of one order line: a store at its counter (approved at once, received there),
 * staff, or a channel for its customer. The API checks the window, the reason and what was delivered.
 */
function OpenReturnForm({ onOpened }: { onOpened: () => void }) {
  const t = useText(returnText)
  const why = useText(reasonText)
  const s = useText(returnStatusText)
  const { api, kind } = useSession()
  const [order, setOrder] = useState('')
  const [lineNo, setLineNo] = useState(1)
  const [quantity, setQuantity] = useState(1)
  const [reason, setReason] = useState<ReturnReason>('customer_remorse')
  const [note, setNote] = useState('')
  const [photo, setPhoto] = useState('')
  const [exchange, setExchange] = useState(false)
  const [opened, setOpened] = useState<Return | null>(null)
  const open = useAction(async () => {
    setOpened(null)
    const line = { orderLineNo: lineNo, quantity, reason, ...(note.trim() && { note: note.trim() }), ...(photo.trim() && { evidence: [photo.trim()] }) }
    const made = await ok(api.POST('/v1/returns', { body: { order: order.trim(), lines: [line], ...(exchange && { exchange }) } }))
    setOpened(made)
    setOrder('')
    setNote('')
    setPhoto('')
    setExchange(false)
  }, onOpened)
  const input = (set: (v: string) => void) => (e: Event) => set((e.currentTarget as HTMLInputElement).value)
  return (
    <Card title={t.openTitle}>
      <p class="hint">{isNode(kind) ? t.openHintNode : t.openHint}</p>
      <form class="return-form" aria-label={t.openTitle} onSubmit={(e) => { e.preventDefault(); void open.run() }}>
        <Field label={t.orderId}>{(id) => <input id={id} required autoComplete="off" spellcheck={false} value={order} onInput={input(setOrder)} />}</Field>
        <Field label={t.orderLine}>{(id) => <input id={id} type="number" required min={1} max={1000} inputMode="numeric" value={String(lineNo)} onInput={input((v) => setLineNo(Number(v) || 1))} />}</Field>
        <Field label={t.quantity}>{(id) => <input id={id} type="number" required min={1} inputMode="numeric" value={String(quantity)} onInput={input((v) => setQuantity(Number(v) || 1))} />}</Field>
        <Field label={t.reason}>
          {(id) => (
            <select id={id} value={reason} onChange={(e) => setReason((e.currentTarget as HTMLSelectElement).value as ReturnReason)}>
              {returnReasons.map((x) => <option value={x}>{why[x]}</option>)}
            </select>
          )}
        </Field>
        <Field label={t.note}>{(id) => <input id={id} maxLength={500} value={note} onInput={input(setNote)} />}</Field>
        <Field label={t.photoUrl}>{(id) => <input id={id} type="url" maxLength={500} placeholder="https://" value={photo} onInput={input(setPhoto)} />}</Field>
        <label><input type="checkbox" checked={exchange} onChange={(e) => setExchange((e.currentTarget as HTMLInputElement).checked)} /> {t.exchange}</label>
        <button type="submit" class="primary" disabled={open.busy}>{t.openSubmit}</button>
        <p aria-live="polite">{opened && <span class="notice">{t.openedNotice(opened.id, s[opened.status])}</span>}</p>
        <ProblemNote error={open.error} />
      </form>
    </Card>
  )
}
