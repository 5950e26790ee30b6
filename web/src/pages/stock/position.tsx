/**
 * One position (a SKU at a node): its seven buckets and S, the operations an operator may run on
 * it (receive, count, lock until a time, mark unsellable), each refusal shown in the API's words,
 * and its movements a page at a time.
 */
import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import type { components } from '../../../../clients/typescript/index.ts'
import { newKey, ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, MoreButton, PageTitle, ProblemNote, Show, useAction, useLoad } from '../../ui.tsx'
import { loadNames } from './names.ts'
import { usePaged } from './paged.ts'
import { bucketColumns } from './stock-sku.tsx'
import { labelOf, movementText, stockText } from './text.ts'
import './stock.css'

const movementPage = '50'

export function StockPosition({ sku, node }: { sku: string; node: string }) {
  const t = useText(stockText)
  const f = useFormat()
  const session = useSession()
  const { api } = session
  const [round, setRound] = useState(0)
  const changed = () => setRound((n) => n + 1)
  const loaded = useLoad(async () => {
    const [position, found, names] = await Promise.all([
      ok(api.GET('/v1/inventory/positions/{sku}/{node}', { params: { path: { sku, node } } })),
      ok(api.GET('/v1/skus/{sku}', { params: { path: { sku } } })),
      loadNames(session),
    ])
    return { position, found, nodeName: names.node(position.nodeId) }
  }, [api, sku, node, round])
  return (
    <Show loaded={loaded}>
      {({ position, found, nodeName }) => (
        <>
          <PageTitle title={t.positionOf(found.code, nodeName)}><a href={`/console/stock/${encodeURIComponent(found.id)}`}>{t.backToSku}</a></PageTitle>
          <Card title={t.position}>
            <div class="caption-hidden"><DataTable caption={t.positionOf(found.code, nodeName)} rows={[position]} rowKey={(p) => p.nodeId} columns={bucketColumns(t, f.count)} /></div>
          </Card>
          <Operations sku={position.skuId} node={position.nodeId} done={changed} />
          <Movements sku={position.skuId} node={position.nodeId} round={round} />
        </>
      )}
    </Show>
  )
}

/** One operation's form: fields read on submit, the API's refusal or a notice of what was done. */
function OperationForm({ title, act, done, children }: { title: string; act: (form: FormData) => Promise<string>; done: () => void; children: ComponentChildren }) {
  const [notice, setNotice] = useState<string | null>(null)
  const action = useAction(async (form: HTMLFormElement) => {
    setNotice(await act(new FormData(form)))
    form.reset()
  }, done)
  const submit = (e: Event) => {
    e.preventDefault()
    setNotice(null)
    void action.run(e.currentTarget as HTMLFormElement)
  }
  return (
    <form onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      {children}
      <ProblemNote error={action.error} />
      {notice && <p class="notice" role="status">{notice}</p>}
      <button type="submit" class="primary" disabled={action.busy}>{title}</button>
    </form>
  )
}

/** Text a field may leave empty: absent from the request rather than blank. */
const optional = (form: FormData, name: string): string | undefined => {
  const value = String(form.get(name) ?? '').trim()
  return value === '' ? undefined : value
}

// No max on quantities: the API is the judge of what it stores, and its refusal is shown as it words it.
const quantityInput = (name: string, min = 1) => (id: string) => <input id={id} name={name} type="number" inputMode="numeric" min={min} step={1} required />
const textInput = (name: string, required = false) => (id: string) => <input id={id} name={name} type="text" maxLength={200} required={required} />

function Operations({ sku, node, done }: { sku: string; node: string; done: () => void }) {
  const t = useText(stockText)
  const f = useFormat()
  const { api } = useSession()
  const idem = () => ({ header: { 'Idempotency-Key': newKey() } })
  const receive = async (form: FormData) => {
    const quantity = Number(form.get('quantity'))
    await ok(api.POST('/v1/inventory/receipts', { params: idem(), body: { sku, node, quantity, reference: optional(form, 'reference') } }))
    return t.receiveDone(quantity, f.count(quantity))
  }
  const count = async (form: FormData) => {
    const countedQuantity = Number(form.get('countedQuantity'))
    const result = await ok(api.POST('/v1/inventory/counts', { params: idem(), body: { sku, node, countedQuantity, reason: optional(form, 'reason') } }))
    return [t.countDone(f.count(result.position.onHand)), result.shortage > 0 ? t.countShortage(f.count(result.shortage)) : ''].join(' ').trim()
  }
  const lock = async (form: FormData) => {
    const quantity = Number(form.get('quantity'))
    const local = optional(form, 'releaseAt')
    // datetime-local is the operator's own time; the API takes an instant.
    const releaseAt = local === undefined ? undefined : new Date(local).toISOString()
    await ok(api.POST('/v1/inventory/locks', { params: idem(), body: { sku, node, quantity, reason: String(form.get('reason')), releaseAt } }))
    return t.lockDone(quantity, f.count(quantity))
  }
  const unsellable = async (form: FormData) => {
    const quantity = Number(form.get('quantity'))
    await ok(api.POST('/v1/inventory/unsellable', { params: idem(), body: { sku, node, quantity, reason: optional(form, 'reason') } }))
    return t.unsellableDone(quantity, f.count(quantity))
  }
  return (
    <Card title={t.operations}>
      <div class="operations">
        <OperationForm title={t.receive} act={receive} done={done}>
          <Field label={t.quantity}>{quantityInput('quantity')}</Field>
          <Field label={t.reference} hint={t.optional}>{textInput('reference')}</Field>
        </OperationForm>
        <OperationForm title={t.count} act={count} done={done}>
          <Field label={t.counted}>{quantityInput('countedQuantity', 0)}</Field>
          <Field label={t.reason} hint={t.optional}>{textInput('reason')}</Field>
        </OperationForm>
        <OperationForm title={t.lock} act={lock} done={done}>
          <Field label={t.quantity}>{quantityInput('quantity')}</Field>
          <Field label={t.reason}>{textInput('reason', true)}</Field>
          <Field label={t.releaseAt} hint={t.releaseHint}>{(id) => <input id={id} name="releaseAt" type="datetime-local" />}</Field>
        </OperationForm>
        <OperationForm title={t.markUnsellable} act={unsellable} done={done}>
          <Field label={t.quantity}>{quantityInput('quantity')}</Field>
          <Field label={t.reason} hint={t.optional}>{textInput('reason')}</Field>
        </OperationForm>
      </div>
    </Card>
  )
}

type Movement = components['schemas']['Movement']

/** A movement's changes to the seven buckets, by letter: `I +10 · U +1`. */
const bucketLetters = [['onHand', 'I'], ['reserved', 'O'], ['unsellable', 'U'], ['locked', 'L'], ['transferReserved', 'T'], ['inTransit', 'A'], ['virtual', 'V']] as const
const bucketChanges = (mv: Movement, count: (n: number) => string): string =>
  bucketLetters.filter(([key]) => mv[key] !== 0).map(([key, letter]) => `${letter} ${mv[key] > 0 ? '+' : ''}${count(mv[key])}`).join(' · ') || '—'

function Movements({ sku, node, round }: { sku: string; node: string; round: number }) {
  const t = useText(stockText)
  const m = useText(movementText)
  const f = useFormat()
  const { api } = useSession()
  const paged = usePaged((cursor) => ok(api.GET('/v1/inventory/positions/{sku}/{node}/movements', {
    params: { path: { sku, node }, query: { limit: movementPage, ...(cursor && { cursor }) } },
  })), [api, sku, node, round])
  return (
    <Card title={t.movements}>
      <ProblemNote error={paged.error} />
      {paged.items && (
        <div class="caption-hidden"><DataTable caption={t.movements} rows={paged.items} rowKey={(mv) => String(mv.id)} columns={[
          { label: t.number, cell: (mv) => mv.id, numeric: true },
          { label: t.when, cell: (mv) => f.instant(mv.at) },
          { label: t.kind, cell: (mv) => labelOf(m, mv.kind) },
          { label: t.quantity, cell: (mv) => f.count(mv.quantity), numeric: true },
          { label: t.bucketChanges, cell: (mv) => bucketChanges(mv, f.count) },
          { label: t.reasonOrRef, cell: (mv) => [mv.reason, mv.refId].filter(Boolean).join(' · ') || '—' },
          { label: t.actor, cell: (mv) => mv.actor },
        ]} /></div>
      )}
      {paged.hasMore && <MoreButton onClick={paged.more} busy={paged.busy} />}
    </Card>
  )
}
