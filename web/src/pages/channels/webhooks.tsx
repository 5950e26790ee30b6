/**
 * Webhook endpoints and their delivery logs. Staff manage every endpoint (filtered by owner: staff
 * or a channel); a channel token manages its own channel's (the API answers only those). A new or
 * rotated secret is shown once, with a copy button and the warning that it cannot be shown again.
 */
import { useEffect, useState } from 'preact/hooks'
import type { components } from '../../../../clients/typescript/index.ts'
import { ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, ProblemNote, Show, useAction, useLoad } from '../../ui.tsx'
import { deliveryStatusText, webhookText } from './words.ts'

type Endpoint = components['schemas']['WebhookEndpoint']
type Delivery = components['schemas']['WebhookDelivery']
type ChannelRow = { id: string; code: string; name: string }

const logRefreshMs = 2000
const deliveryTones: Record<Delivery['status'], string> = { pending: 'warn', delivered: 'good', failed: 'bad' }

export function Endpoints({ channels, initialChannel }: { channels: readonly ChannelRow[]; initialChannel?: string }) {
  const t = useText(webhookText)
  const { api, kind } = useSession()
  const staff = kind !== 'channel'
  const [owner, setOwner] = useState(initialChannel ?? '')
  const [version, setVersion] = useState(0)
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null)
  const [open, setOpen] = useState<string | null>(null)
  const endpoints = useLoad(async () => (await ok(api.GET('/v1/webhook-endpoints', { params: { query: { limit: '500' } } }))).items, [version])
  const changed = () => setVersion((v) => v + 1)
  const codeOf = (id: string | null) => (id === null ? t.staff : (channels.find((c) => c.id === id)?.code ?? id))
  const shown = (list: readonly Endpoint[]) => list.filter((e) => !staff || owner === '' || (owner === 'staff' ? e.channel === null : e.channel === owner))
  return (
    <Card title={t.title}>
      <CreateForm onCreated={(e) => (setSecret({ url: e.url, secret: e.secret }), changed())} />
      {secret && <SecretNote {...secret} onDismiss={() => setSecret(null)} />}
      {staff && (
        <div class="filters">
          <Field label={t.filter}>
            {(id) => (
              <select id={id} value={owner} onChange={(e) => setOwner(e.currentTarget.value)}>
                <option value="">{t.all}</option>
                <option value="staff">{t.staff}</option>
                {channels.map((c) => <option value={c.id}>{c.name} ({c.code})</option>)}
              </select>
            )}
          </Field>
        </div>
      )}
      <Show loaded={endpoints}>
        {(list) => (
          <EndpointTable endpoints={shown(list)} ownerOf={codeOf} open={open} onOpen={setOpen} onChanged={changed}
            onSecret={(url, s) => setSecret({ url, secret: s })} />
        )}
      </Show>
      {open && endpoints.data?.some((e) => e.id === open) && <DeliveryLog key={open} endpoint={endpoints.data.find((e) => e.id === open)!} />}
    </Card>
  )
}

function CreateForm({ onCreated }: { onCreated: (e: Endpoint & { secret: string }) => void }) {
  const t = useText(webhookText)
  const { api } = useSession()
  const [url, setUrl] = useState('')
  const [description, setDescription] = useState('')
  const [topics, setTopics] = useState('')
  const create = useAction(async () => {
    const named = topics.split(',').map((s) => s.trim()).filter(Boolean)
    const created = await ok(api.POST('/v1/webhook-endpoints', { body: { url: url.trim(), ...(description && { description }), ...(named.length > 0 && { topics: named }) } }))
    setUrl('')
    setDescription('')
    setTopics('')
    onCreated(created)
  })
  return (
    <form class="form-row" onSubmit={(e) => (e.preventDefault(), void create.run())}>
      <Field label={t.url}>{(id) => <input id={id} name="url" type="url" required maxLength={2000} placeholder="https://" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />}</Field>
      <Field label={t.description}>{(id) => <input id={id} name="description" maxLength={500} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />}</Field>
      <Field label={t.topics} hint={t.topicsHint}>{(id) => <input id={id} name="topics" maxLength={2000} placeholder="availability.changed, order." value={topics} onInput={(e) => setTopics(e.currentTarget.value)} />}</Field>
      <button type="submit" class="primary" disabled={create.busy}>{t.create}</button>
      <ProblemNote error={create.error} />
    </form>
  )
}

function SecretNote({ url, secret, onDismiss }: { url: string; secret: string; onDismiss: () => void }) {
  const t = useText(webhookText)
  const [copied, setCopied] = useState<boolean | null>(null)
  const copy = () => navigator.clipboard.writeText(secret).then(() => setCopied(true), () => setCopied(false))
  return (
    <section class="notice secret" aria-label={t.secretTitle}>
      <p><strong>{t.secretTitle}</strong> · {url}</p>
      <p><code class="secret-value">{secret}</code></p>
      <p role="note">{t.secretWarning}</p>
      <div class="form-row">
        <button type="button" onClick={() => void copy()}>{t.copy}</button>
        <button type="button" onClick={onDismiss}>{t.dismiss}</button>
        <span aria-live="polite">{copied === true ? t.copied : copied === false ? t.copyFailed : ''}</span>
      </div>
    </section>
  )
}

function EndpointTable({ endpoints, ownerOf, open, onOpen, onChanged, onSecret }: {
  endpoints: readonly Endpoint[]; ownerOf: (id: string | null) => string; open: string | null; onOpen: (id: string | null) => void
  onChanged: () => void; onSecret: (url: string, secret: string) => void
}) {
  const t = useText(webhookText)
  const { api } = useSession()
  const act = useAction(async (e: Endpoint, step: 'toggle' | 'rotate' | 'remove') => {
    const path = { params: { path: { id: e.id } } }
    if (step === 'toggle') await ok(api.PATCH('/v1/webhook-endpoints/{id}', { ...path, body: { enabled: !e.enabled } }))
    if (step === 'rotate') onSecret(e.url, (await ok(api.POST('/v1/webhook-endpoints/{id}/rotate-secret', { ...path, body: {} }))).secret)
    if (step === 'remove') {
      if (!confirm(t.confirmRemove(e.url))) return
      await ok(api.DELETE('/v1/webhook-endpoints/{id}', path))
      if (open === e.id) onOpen(null)
    }
  }, onChanged)
  return (
    <>
      <DataTable caption={t.caption} rows={endpoints} rowKey={(e) => e.id} columns={[
        { label: t.url, cell: (e) => <><span class="endpoint-url">{e.url}</span>{e.description && <small class="hint-small">{e.description}</small>}</> },
        { label: t.owner, cell: (e) => ownerOf(e.channel) },
        { label: t.topics, cell: (e) => (e.topics.length === 0 ? t.every : e.topics.join(', ')) },
        { label: t.state, cell: (e) => <><span class={`badge ${e.enabled ? 'good' : 'muted'}`}>{e.enabled ? t.enabled : t.disabled}</span>{e.disabledReason && <small class="hint-small">{e.disabledReason}</small>}</> },
        {
          label: t.actions, cell: (e) => (
            <div class="row-actions" role="group" aria-label={`${t.actions}: ${e.url}`}>
              <button type="button" aria-expanded={open === e.id} onClick={() => onOpen(open === e.id ? null : e.id)}>{open === e.id ? t.hideLog : t.log}</button>
              <button type="button" disabled={act.busy} onClick={() => void act.run(e, 'toggle')}>{e.enabled ? t.disable : t.enable}</button>
              <button type="button" disabled={act.busy} onClick={() => void act.run(e, 'rotate')}>{t.rotate}</button>
              <button type="button" class="danger" disabled={act.busy} onClick={() => void act.run(e, 'remove')}>{t.remove}</button>
            </div>
          ),
        },
      ]} />
      <ProblemNote error={act.error} />
    </>
  )
}

/** One endpoint's deliveries, newest last, read again every two seconds while open. */
function DeliveryLog({ endpoint }: { endpoint: Endpoint }) {
  const t = useText(webhookText)
  const ds = useText(deliveryStatusText)
  const f = useFormat()
  const { api } = useSession()
  const [version, setVersion] = useState(0)
  const [replayed, setReplayed] = useState<number | null>(null)
  const path = { path: { id: endpoint.id } }
  const log = useLoad(async () => (await ok(api.GET('/v1/webhook-endpoints/{id}/deliveries', { params: { ...path, query: { limit: '500' } } }))).items, [endpoint.id, version])
  useEffect(() => {
    const timer = setInterval(() => setVersion((v) => v + 1), logRefreshMs)
    return () => clearInterval(timer)
  }, [])
  const refresh = () => setVersion((v) => v + 1)
  const replayOne = useAction(async (d: Delivery) => {
    await ok(api.POST('/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/replay', { params: { path: { id: endpoint.id, deliveryId: d.id } } }))
  }, refresh)
  const replayFailed = useAction(async () => {
    setReplayed((await ok(api.POST('/v1/webhook-endpoints/{id}/replay', { params: path, body: {} }))).replayed)
  }, refresh)
  const attempts = (d: Delivery) => d.attempts.length === 0 ? t.noAttempts : (
    <ol class="attempts">
      {d.attempts.map((a) => (
        <li>{f.instant(a.at)} · {t.attempt(a.httpStatus === null ? t.noAnswer : String(a.httpStatus), a.durationMs)}{a.error && ` · ${a.error}`}</li>
      ))}
    </ol>
  )
  return (
    <section class="delivery-log" aria-label={t.logOf(endpoint.url)}>
      <div class="card-head">
        <h3>{t.logOf(endpoint.url)}</h3>
        <button type="button" disabled={replayFailed.busy} onClick={() => void replayFailed.run()}>{t.replayFailed}</button>
      </div>
      {replayed !== null && <p class="notice" role="status">{t.replayed(replayed)}</p>}
      <ProblemNote error={replayFailed.error ?? replayOne.error} />
      <Show loaded={log}>
        {(deliveries) => (
          <DataTable caption={t.logOf(endpoint.url)} rows={deliveries} rowKey={(d) => d.id} columns={[
            { label: t.event, cell: (d) => d.eventId, numeric: true },
            { label: t.topic, cell: (d) => d.topic },
            { label: t.subject, cell: (d) => d.subject ?? '—' },
            { label: t.status, cell: (d) => <span class={`badge ${deliveryTones[d.status]}`}>{ds[d.status]}</span> },
            { label: t.attempts, cell: attempts },
            { label: t.nextAttempt, cell: (d) => f.instant(d.nextAttemptAt) },
            { label: t.actions, cell: (d) => d.status === 'pending' ? '' : <button type="button" aria-label={`${t.replay} ${d.eventId}`} disabled={replayOne.busy} onClick={() => void replayOne.run(d)}>{t.replay}</button> },
          ]} />
        )}
      </Show>
    </section>
  )
}
