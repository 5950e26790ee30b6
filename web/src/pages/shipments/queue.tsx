/**
 * A node's work queue, usable on a phone: one card per shipment, oldest first, with the one next
 * step as a button (release, start picking, packed), the carrier and tracking to ship, and a line
 * to reject with its reason. Staff see every node's; a store or warehouse token its own.
 */
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { components } from '../../../../clients/typescript/index.ts'
import { ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, Field, MoreButton, PageTitle, ProblemNote, useAction, useLoad } from '../../ui.tsx'
import { idsOnly, loadNames, type Names } from '../stock/names.ts'
import { usePaged } from '../stock/paged.ts'
import { LabelAddress } from './label.tsx'
import { ShipmentBadge } from './status.tsx'
import { shipmentStatuses, shipmentStatusText, shipmentText, type ShipmentStatus } from './text.ts'
import './shipments.css'

type Shipment = components['schemas']['Shipment']

export function ShipmentQueue() {
  const t = useText(shipmentText)
  const s = useText(shipmentStatusText)
  const session = useSession()
  const { api } = session
  // SKU and node codes for the ids (a node user's node list is its own node).
  const names = useLoad(() => loadNames(session), [api])
  const named = names.data ?? idsOnly
  const { query, route } = useLocation()
  const status = shipmentStatuses.find((x) => x === query.status)
  // Each action reads the queue again: a step moves the shipment, a split or a rejection adds one.
  const [round, setRound] = useState(0)
  const reload = () => setRound((n) => n + 1)
  const shipments = usePaged((cursor) => ok(api.GET('/v1/shipments', { params: { query: { limit: '50', ...(status && { status }), ...(cursor && { cursor }) } } })), [api, status, round])
  return (
    <>
      <PageTitle title={t.title} />
      <Card title={t.queue}>
        <Field label={t.status}>
          {(id) => (
            <select id={id} value={status ?? ''} onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value
              route(v === '' ? '/console/shipments' : `/console/shipments?status=${v}`)
            }}>
              <option value="">{t.anyStatus}</option>
              {shipmentStatuses.map((st) => <option value={st}>{s[st]}</option>)}
            </select>
          )}
        </Field>
        <ProblemNote error={shipments.error} />
        {shipments.items === undefined && !shipments.error && <p aria-busy="true">{t.loading}</p>}
        {shipments.items?.length === 0 && <p>{t.none}</p>}
        <ul class="shipment-cards">
          {shipments.items?.map((x) => <li key={x.id}><ShipmentCard shipment={x} names={named} onDone={reload} /></li>)}
        </ul>
        {shipments.hasMore && <MoreButton onClick={shipments.more} busy={shipments.busy} />}
      </Card>
    </>
  )
}

const nextStep: Partial<Record<ShipmentStatus, 'release' | 'pick' | 'pack'>> = { created: 'release', released: 'pick', picking: 'pack' }
const working: readonly ShipmentStatus[] = ['created', 'released', 'accepted', 'picking', 'packed']

function ShipmentCard({ shipment: x, names, onDone }: { shipment: Shipment; names: Names; onDone: () => void }) {
  const t = useText(shipmentText)
  const f = useFormat()
  const session = useSession()
  const { api } = session
  const staff = session.kind === 'admin' || session.kind === 'ops'
  const path = { params: { path: { id: x.id } } }
  const step = nextStep[x.status]
  const act = useAction(async (action: 'release' | 'pick' | 'pack' | 'ready') => ok(api.POST(`/v1/shipments/{id}/${action}`, path)), onDone)
  const [carrier, setCarrier] = useState('')
  const [tracking, setTracking] = useState('')
  const ship = useAction(async () => ok(api.POST('/v1/shipments/{id}/ship', { ...path, body: { carrier, ...(tracking && { tracking }) } })), onDone)
  const open = x.lines.filter((l) => l.status === 'open')
  const [lineNo, setLineNo] = useState(open[0]?.lineNo ?? 1)
  const [reason, setReason] = useState<'not_found' | 'damaged'>('not_found')
  const reject = useAction(async () => ok(api.POST('/v1/shipments/{id}/reject', { ...path, body: { lineNo, reason } })), onDone)
  return (
    <article class="shipment-card" aria-label={`${t.shipment} ${x.id}`}>
      <header>
        <strong>{x.id}</strong> <ShipmentBadge status={x.status} />
      </header>
      <p class="muted-text">
        {t.order}: {staff ? <a href={`/console/orders/${encodeURIComponent(x.orderId)}`}>{x.orderId}</a> : x.orderId} · {t.node}: {names.node(x.nodeId)}
        {x.splitFrom && <> · {t.splitFrom(x.splitFrom)}</>}
      </p>
      <ul class="shipment-lines" aria-label={t.lines}>
        {x.lines.map((l) => (
          <li key={l.lineNo}>{t.line(l.lineNo)}: {t.units(l.quantity)} {names.sku(l.skuId)}{l.status === 'rejected' && <> · <em>{t.rejected}</em></>}</li>
        ))}
      </ul>
      {x.shipTo && <LabelAddress label={x.shipTo} heading={t.sendTo} />}
      {x.carrier && <p>{t.shippedWith(x.carrier, x.tracking ?? '')} · {t.shipped} {f.instant(x.shippedAt)}</p>}
      {x.deliveredAt && <p>{t.delivered} {f.instant(x.deliveredAt)}</p>}
      {step && <button type="button" class="primary" disabled={act.busy} onClick={() => act.run(step)}>{t[step]}</button>}
      {x.status === 'packed' && <button type="button" class="primary" disabled={act.busy} onClick={() => act.run('ready')}>{t.ready}</button>}
      <ProblemNote error={act.error} />
      {x.status === 'ready_for_pickup' && x.pickup && <PickupCounter shipment={x} staff={staff} onDone={onDone} />}
      {(x.status === 'packed' || x.status === 'accepted') && (
        <form class="ship-form" aria-label={t.ship} onSubmit={(e) => { e.preventDefault(); void ship.run() }}>
          <Field label={t.carrier}>{(id) => <input id={id} required value={carrier} onInput={(e) => setCarrier((e.currentTarget as HTMLInputElement).value)} />}</Field>
          <Field label={t.tracking}>{(id) => <input id={id} value={tracking} onInput={(e) => setTracking((e.currentTarget as HTMLInputElement).value)} />}</Field>
          <button type="submit" class="primary" disabled={ship.busy}>{t.ship}</button>
          <ProblemNote error={ship.error} />
        </form>
      )}
      {(working.includes(x.status) || x.status === 'ready_for_pickup') && open.length > 0 && (
        <details>
          <summary>{t.reject}</summary>
          <form class="reject-form" aria-label={t.reject} onSubmit={(e) => { e.preventDefault(); void reject.run() }}>
            <Field label={t.rejectLine}>
              {(id) => (
                <select id={id} value={String(lineNo)} onChange={(e) => setLineNo(Number((e.currentTarget as HTMLSelectElement).value))}>
                  {open.map((l) => <option value={String(l.lineNo)}>{t.line(l.lineNo)} · {names.sku(l.skuId)}</option>)}
                </select>
              )}
            </Field>
            <Field label={t.reason}>
              {(id) => (
                <select id={id} value={reason} onChange={(e) => setReason((e.currentTarget as HTMLSelectElement).value as 'not_found' | 'damaged')}>
                  <option value="not_found">{t.notFound}</option>
                  <option value="damaged">{t.damaged}</option>
                </select>
              )}
            </Field>
            <button type="submit" disabled={reject.busy}>{t.send}</button>
            <ProblemNote error={reject.error} />
          </form>
        </details>
      )}
    </article>
  )
}

/** A day before it expires, a waiting pickup is flagged on the store's screen. */
const soonMs = 86_400_000

/**
 * The counter: when the pickup expires (flagged within a day), attempts left or locked (staff
 * unlock), and the handover — the code the customer shows, the name they give, and how many
 * units of each line they take (fewer leaves the rest ready).
 */
function PickupCounter({ shipment: x, staff, onDone }: { shipment: Shipment; staff: boolean; onDone: () => void }) {
  const t = useText(shipmentText)
  const f = useFormat()
  const { api } = useSession()
  const pickup = x.pickup!
  const path = { params: { path: { id: x.id } } }
  const open = x.lines.filter((l) => l.status === 'open')
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [take, setTake] = useState<Record<number, number>>(Object.fromEntries(open.map((l) => [l.lineNo, l.quantity])))
  const partial = open.some((l) => (take[l.lineNo] ?? l.quantity) < l.quantity)
  const lines = open.filter((l) => (take[l.lineNo] ?? l.quantity) > 0).map((l) => ({ lineNo: l.lineNo, quantity: take[l.lineNo] ?? l.quantity }))
  const collect = useAction(async () => ok(api.POST('/v1/shipments/{id}/collect', { ...path, body: { code, collectedBy: name, ...(partial && { lines }) } })), onDone)
  const reset = useAction(async () => ok(api.POST('/v1/shipments/{id}/reset-attempts', path)), onDone)
  const soon = Date.parse(pickup.expiresAt) - Date.now() < soonMs
  return (
    <section class="pickup-counter" aria-label={t.handOver}>
      <p>
        {t.collectBy} {f.instant(pickup.expiresAt)}{soon && <> · <span class="badge bad">{t.expiringSoon}</span></>}
        {' · '}{pickup.locked ? <span class="badge bad">{t.locked}</span> : t.attemptsLeft(pickup.attemptsLeft)}
      </p>
      {pickup.locked && staff && <button type="button" disabled={reset.busy} onClick={() => void reset.run()}>{t.resetAttempts}</button>}
      <ProblemNote error={reset.error} />
      {!pickup.locked && (
        <form class="collect-form" aria-label={t.handOver} onSubmit={(e) => { e.preventDefault(); void collect.run() }}>
          <Field label={t.code}>
            {(id) => <input id={id} required inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} value={code} onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value.trim())} />}
          </Field>
          <Field label={t.collectedBy}>{(id) => <input id={id} required maxLength={200} value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />}</Field>
          {open.map((l) => (
            <Field key={l.lineNo} label={t.quantityOf(l.lineNo)}>
              {(id) => <input id={id} type="number" min={0} max={l.quantity} value={String(take[l.lineNo] ?? l.quantity)}
                onInput={(e) => setTake({ ...take, [l.lineNo]: Math.max(0, Math.min(l.quantity, Number((e.currentTarget as HTMLInputElement).value) || 0)) })} />}
            </Field>
          ))}
          <button type="submit" class="primary" disabled={collect.busy || lines.length === 0}>{t.handOver}</button>
          <ProblemNote error={collect.error} />
        </form>
      )}
    </section>
  )
}
