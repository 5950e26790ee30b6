/**
 * The steps a return's card offers, by its status and the signed-in role (the lifecycle table of
 * docs/returns.md): staff approve (choosing where the units are received) or reject with a reason,
 * and close; the channel or staff say the parcel is on its way, or cancel; a node or staff receive
 * units per line and inspect them. The API decides; a refusal is shown in its words.
 */
import { useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Field, ProblemNote, useAction } from '../../ui.tsx'
import type { Names } from '../stock/names.ts'
import { isNode, isStaff } from './roles.ts'
import { returnText, type Return } from './words.ts'

type Props = { ret: Return; names: Names; onDone: () => void }

const pathOf = (id: string) => ({ params: { path: { id } } })

export function ReturnActions({ ret: r, names, onDone }: Props) {
  const t = useText(returnText)
  const { kind } = useSession()
  const staff = isStaff(kind)
  const customer = staff || kind === 'channel'
  const receiver = staff || isNode(kind)
  const left = r.lines.some((l) => l.received < l.quantity)
  const receivable = r.status === 'approved' || r.status === 'in_transit' || (r.status === 'received' && left)
  return (
    <>
      {r.status === 'requested' && staff && <ApproveForm ret={r} names={names} onDone={onDone} />}
      {receivable && receiver && <ReceiveForm ret={r} names={names} onDone={onDone} />}
      {r.status === 'received' && receiver && (
        <p class="return-actions"><a class="action-link" href={`/console/returns/${encodeURIComponent(r.id)}/inspect`}>{t.inspect}</a></p>
      )}
      {r.status === 'approved' && customer && <ShipForm ret={r} onDone={onDone} />}
      {r.status === 'requested' && staff && <RejectForm ret={r} onDone={onDone} />}
      {(r.status === 'received' || r.status === 'inspected') && staff && <StepButton ret={r} step="close" label={t.close} hint={t.closeHint} onDone={onDone} />}
      {(r.status === 'requested' || r.status === 'approved') && customer && <StepButton ret={r} step="cancel" label={t.cancel} onDone={onDone} />}
    </>
  )
}

/** Where the units are received: any node with the `returns` capability (the API refuses one without it, in words). */
function NodePicker({ label, value, names, onChange, optional }: { label: string; value: string; names: Names; onChange: (v: string) => void; optional: boolean }) {
  const t = useText(returnText)
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} required={!optional} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
          <option value="" disabled={!optional}>{optional ? t.asRequested : '—'}</option>
          {names.nodes.filter((n) => n.kind !== 'dropship').map((n) => <option key={n.id} value={n.id}>{n.code} · {n.name}</option>)}
        </select>
      )}
    </Field>
  )
}

function ApproveForm({ ret: r, names, onDone }: Props) {
  const t = useText(returnText)
  const { api } = useSession()
  const [node, setNode] = useState(r.nodeId ?? '')
  const approve = useAction(async () => ok(api.POST('/v1/returns/{id}/approve', { ...pathOf(r.id), body: node ? { node } : {} })), onDone)
  return (
    <form class="return-form" aria-label={t.approve} onSubmit={(e) => { e.preventDefault(); void approve.run() }}>
      <NodePicker label={t.approveAt} value={node} names={names} onChange={setNode} optional />
      <button type="submit" class="primary" disabled={approve.busy}>{t.approve}</button>
      <ProblemNote error={approve.error} />
    </form>
  )
}

function RejectForm({ ret: r, onDone }: { ret: Return; onDone: () => void }) {
  const t = useText(returnText)
  const { api } = useSession()
  const [reason, setReason] = useState('')
  const reject = useAction(async () => ok(api.POST('/v1/returns/{id}/reject', { ...pathOf(r.id), body: { reason: reason.trim() } })), onDone)
  return (
    <details>
      <summary>{t.reject}</summary>
      <form class="return-form" aria-label={t.reject} onSubmit={(e) => { e.preventDefault(); void reject.run() }}>
        <Field label={t.rejectReason}>{(id) => <input id={id} required maxLength={500} pattern=".*\S.*" value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />}</Field>
        <button type="submit" class="danger" disabled={reject.busy}>{t.reject}</button>
        <ProblemNote error={reject.error} />
      </form>
    </details>
  )
}

function ShipForm({ ret: r, onDone }: { ret: Return; onDone: () => void }) {
  const t = useText(returnText)
  const { api } = useSession()
  const [carrier, setCarrier] = useState('')
  const [tracking, setTracking] = useState('')
  const ship = useAction(async () => ok(api.POST('/v1/returns/{id}/ship', {
    ...pathOf(r.id), body: { ...(carrier.trim() && { carrier: carrier.trim() }), ...(tracking.trim() && { tracking: tracking.trim() }) },
  })), onDone)
  return (
    <details>
      <summary>{t.ship}</summary>
      <form class="return-form" aria-label={t.ship} onSubmit={(e) => { e.preventDefault(); void ship.run() }}>
        <Field label={t.carrier}>{(id) => <input id={id} maxLength={100} value={carrier} onInput={(e) => setCarrier((e.currentTarget as HTMLInputElement).value)} />}</Field>
        <Field label={t.tracking}>{(id) => <input id={id} maxLength={100} value={tracking} onInput={(e) => setTracking((e.currentTarget as HTMLInputElement).value)} />}</Field>
        <button type="submit" disabled={ship.busy}>{t.ship}</button>
        <ProblemNote error={ship.error} />
      </form>
    </details>
  )
}

/** Units that arrived, per line (all still expected by default; fewer is a partial receipt). Staff name the node when none is set. */
function ReceiveForm({ ret: r, names, onDone }: Props) {
  const t = useText(returnText)
  const { api, kind } = useSession()
  const open = r.lines.filter((l) => l.received < l.quantity)
  const [take, setTake] = useState<Record<number, number>>(Object.fromEntries(open.map((l) => [l.lineNo, l.quantity - l.received])))
  const [node, setNode] = useState('')
  const askNode = isStaff(kind) && r.nodeId === null
  const lines = open.map((l) => ({ lineNo: l.lineNo, quantity: take[l.lineNo] ?? 0 })).filter((l) => l.quantity > 0)
  const receive = useAction(async () => ok(api.POST('/v1/returns/{id}/receive', { ...pathOf(r.id), body: { lines, ...(askNode && node && { node }) } })), onDone)
  return (
    <form class="return-form" aria-label={t.receive} onSubmit={(e) => { e.preventDefault(); void receive.run() }}>
      {askNode && <NodePicker label={t.receiveAt} value={node} names={names} onChange={setNode} optional={false} />}
      {open.map((l) => (
        <Field key={l.lineNo} label={t.unitsOf(l.lineNo, names.sku(l.skuId))}>
          {(id) => <input id={id} type="number" inputMode="numeric" min={0} max={l.quantity - l.received} value={String(take[l.lineNo] ?? 0)}
            onInput={(e) => setTake({ ...take, [l.lineNo]: Math.max(0, Math.min(l.quantity - l.received, Number((e.currentTarget as HTMLInputElement).value) || 0)) })} />}
        </Field>
      ))}
      <button type="submit" class="primary" disabled={receive.busy || lines.length === 0}>{t.receive}</button>
      <ProblemNote error={receive.error} />
    </form>
  )
}

function StepButton({ ret: r, step, label, hint, onDone }: { ret: Return; step: 'close' | 'cancel'; label: string; hint?: string; onDone: () => void }) {
  const { api } = useSession()
  const act = useAction(async () => ok(api.POST(`/v1/returns/{id}/${step}`, pathOf(r.id))), onDone)
  return (
    <div class="return-actions">
      <button type="button" class={step === 'cancel' ? 'danger' : undefined} disabled={act.busy} onClick={() => void act.run()}>{label}</button>
      {hint && <small class="muted-text">{hint}</small>}
      <ProblemNote error={act.error} />
    </div>
  )
}
