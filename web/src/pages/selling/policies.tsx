/**
 * Sell-ahead policies of one SKU: the SKU's own (every channel) and each channel's override, as
 * stored and as in effect, with a form to set one and a button to remove one. Beside them the
 * promising settings every promise uses.
 */
import { useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, PageTitle, ProblemNote, Show, useAction, useLoad, type Column } from '../../ui.tsx'
import { CodeSelect, useLookups, type Lookups, type Schemas } from './lookups.tsx'

type PolicyAnswer = Schemas['SellAheadPolicyAnswer']
type Policy = Schemas['SellAheadPolicy']

export const supplyKinds = ['stock', 'transfer', 'po_confirmed', 'po_unconfirmed', 'virtual', 'presale'] as const

const text = defineText(
  {
    title: 'Sell-ahead policies', sku: 'SKU', which: 'Which SKU', pickSku: 'Choose a SKU', policies: (sku: string) => `Policies of ${sku}`,
    level: 'Applies to', everyChannel: 'Every channel (the SKU’s own)', source: 'In effect from', kinds: 'May sell', horizon: 'Horizon (days)',
    buffer: 'Unconfirmed buffer (days)', cap: 'Most beyond stock', noCap: 'No cap', stored: 'Stored here', none: '—', remove: 'Remove',
    sourceChannel: 'this channel', sourceSku: 'the SKU', sourceDefault: 'the default',
    set: 'Set a policy', target: 'For', save: 'Save policy', saving: 'Saving…', saved: 'Policy saved.', removed: 'Policy removed.',
    horizonHint: 'No promise later than today plus this many days (0–365).', bufferHint: 'Added to an unconfirmed PO line’s date (only with unconfirmed POs).',
    capHint: 'Units promised against future supply at one node; leave empty for no cap.',
    settings: 'Promising settings', paymentWindow: 'Payment window', minutes: (n: string) => `${n} min`, days: (n: string) => (n === '1' ? '1 day' : `${n} days`),
    sameRegion: 'Transit, same region', otherRegion: 'Transit, other region', overdueStep: 'Overdue supply moved by', tiers: 'Customer tiers',
    kind_stock: 'Stock', kind_transfer: 'Transfers', kind_po_confirmed: 'Confirmed POs', kind_po_unconfirmed: 'Unconfirmed POs', kind_virtual: 'Supplier stock', kind_presale: 'Presale',
  },
  {
    title: '预售策略', sku: 'SKU', which: '查看哪个 SKU', pickSku: '选择 SKU', policies: (sku: string) => `${sku} 的策略`,
    level: '适用于', everyChannel: '所有渠道（SKU 自身）', source: '生效来源', kinds: '可售供给', horizon: '承诺期限（天）',
    buffer: '未确认缓冲（天）', cap: '超出库存上限', noCap: '不限', stored: '此处已设置', none: '—', remove: '删除',
    sourceChannel: '本渠道', sourceSku: 'SKU', sourceDefault: '默认',
    set: '设置策略', target: '对象', save: '保存策略', saving: '保存中…', saved: '策略已保存。', removed: '策略已删除。',
    horizonHint: '承诺日期不晚于今天加上这些天（0–365）。', bufferHint: '加在未确认采购行的日期上（仅限未确认采购单）。',
    capHint: '每个节点按未来供给承诺的最多件数；留空表示不限。',
    settings: '承诺设置', paymentWindow: '付款时限', minutes: (n: string) => `${n} 分钟`, days: (n: string) => `${n} 天`,
    sameRegion: '同区域运输', otherRegion: '跨区域运输', overdueStep: '逾期供给顺延', tiers: '客户等级',
    kind_stock: '现货', kind_transfer: '调拨', kind_po_confirmed: '已确认采购', kind_po_unconfirmed: '未确认采购', kind_virtual: '供应商库存', kind_presale: '预售',
  },
)

export type SupplyKindText = { [K in `kind_${(typeof supplyKinds)[number]}`]: string }
export const kindLabel = (t: SupplyKindText, kind: string): string => (t as Record<string, string>)[`kind_${kind}`] ?? kind

export function SellAheadPolicies() {
  const t = useText(text)
  const lookups = useLookups()
  const [sku, setSku] = useState('')
  return (
    <>
      <PageTitle title={t.title} />
      <Show loaded={lookups}>
        {(l) => (
          <>
            <Card title={t.which}>
              <Field label={t.sku}>{(id) => <CodeSelect id={id} name="sku" rows={l.skus} value={sku} onChange={setSku} blank={t.pickSku} />}</Field>
            </Card>
            {sku && <SkuPolicies key={sku} skuId={sku} lookups={l} />}
          </>
        )}
      </Show>
      <PromisingSettings />
    </>
  )
}

function SkuPolicies({ skuId, lookups }: { skuId: string; lookups: Lookups }) {
  const t = useText(text)
  const { api } = useSession()
  const [notice, setNotice] = useState('')
  const targets = ['', ...lookups.channels.map((c) => c.id)]
  const answers = useLoad(() => Promise.all(targets.map((channel) => ok(api.GET('/v1/skus/{sku}/sell-ahead-policy', {
    params: { path: { sku: skuId }, query: channel ? { channel } : {} },
  })))), [skuId])
  const remove = useAction(async (channel: string | null) => {
    await ok(api.DELETE('/v1/skus/{sku}/sell-ahead-policy', { params: { path: { sku: skuId }, query: channel ? { channel } : {} } }))
    setNotice(t.removed)
  }, answers.reload)
  const sourceWord = { channel: t.sourceChannel, sku: t.sourceSku, default: t.sourceDefault }
  const columns: Column<PolicyAnswer>[] = [
    { label: t.level, cell: (a) => (a.channelId ? lookups.code(a.channelId) : t.everyChannel) },
    { label: t.stored, cell: (a) => (a.policy ? <PolicyWords policy={a.policy} /> : t.none) },
    { label: t.source, cell: (a) => sourceWord[a.effective.source] },
    { label: t.kinds, cell: (a) => <PolicyWords policy={a.effective.policy} /> },
    { label: '', cell: (a) => a.policy && <button type="button" class="danger" disabled={remove.busy} onClick={() => void remove.run(a.channelId)}>{t.remove}</button> },
  ]
  return (
    <>
      <Card title={t.policies(lookups.code(skuId))}>
        <Show loaded={answers}>{(rows) => <DataTable caption={t.policies(lookups.code(skuId))} columns={columns} rows={rows} rowKey={(a) => a.channelId ?? '*'} />}</Show>
        <ProblemNote error={remove.error} />
        {notice && <p class="notice" role="status">{notice}</p>}
      </Card>
      <PolicyForm skuId={skuId} lookups={lookups} onSaved={() => { setNotice(t.saved); answers.reload() }} />
    </>
  )
}

/** A policy in one line: what may be sold, how far ahead, and the caps. */
function PolicyWords({ policy }: { policy: Policy }) {
  const t = useText(text)
  const f = useFormat()
  return (
    <span>
      {policy.kinds.map((k) => kindLabel(t, k)).join(', ')}
      {' · '}{t.horizon}: {f.count(policy.horizonDays)}
      {policy.kinds.includes('po_unconfirmed') && <> · {t.buffer}: {f.count(policy.unconfirmedBufferDays)}</>}
      {' · '}{t.cap}: {policy.maxBeyondStock === null ? t.noCap : f.count(policy.maxBeyondStock)}
    </span>
  )
}

function PolicyForm({ skuId, lookups, onSaved }: { skuId: string; lookups: Lookups; onSaved: () => void }) {
  const t = useText(text)
  const { api } = useSession()
  const [channel, setChannel] = useState('')
  const [kinds, setKinds] = useState<string[]>(['stock'])
  const [horizon, setHorizon] = useState('60')
  const [buffer, setBuffer] = useState('0')
  const [cap, setCap] = useState('')
  const save = useAction(async () => {
    const body = {
      kinds, horizonDays: Number(horizon), maxBeyondStock: cap.trim() === '' ? null : Number(cap),
      ...(kinds.includes('po_unconfirmed') && { unconfirmedBufferDays: Number(buffer) }),
    }
    await ok(api.PUT('/v1/skus/{sku}/sell-ahead-policy', { params: { path: { sku: skuId }, query: channel ? { channel } : {} }, body }))
  }, onSaved)
  const toggle = (kind: string, on: boolean) => setKinds((now) => (on ? [...now, kind] : now.filter((k) => k !== kind)))
  return (
    <Card title={t.set}>
      <form onSubmit={(e) => { e.preventDefault(); void save.run() }}>
        <div class="form-row">
          <Field label={t.target}>{(id) => <CodeSelect id={id} name="channel" rows={lookups.channels} value={channel} onChange={setChannel} blank={t.everyChannel} />}</Field>
          <Field label={t.horizon} hint={t.horizonHint}>{(id) => <input id={id} name="horizonDays" type="number" min={0} max={365} required value={horizon} onInput={(e) => setHorizon(e.currentTarget.value)} />}</Field>
          <Field label={t.buffer} hint={t.bufferHint}>{(id) => <input id={id} name="unconfirmedBufferDays" type="number" min={0} value={buffer} disabled={!kinds.includes('po_unconfirmed')} onInput={(e) => setBuffer(e.currentTarget.value)} />}</Field>
          <Field label={t.cap} hint={t.capHint}>{(id) => <input id={id} name="maxBeyondStock" type="number" min={0} value={cap} onInput={(e) => setCap(e.currentTarget.value)} />}</Field>
        </div>
        <fieldset class="choices">
          <legend>{t.kinds}</legend>
          {supplyKinds.map((k) => (
            <label><input type="checkbox" name="kinds" value={k} checked={kinds.includes(k)} onChange={(e) => toggle(k, e.currentTarget.checked)} /> {kindLabel(t, k)}</label>
          ))}
        </fieldset>
        <ProblemNote error={save.error} />
        <button type="submit" class="primary" disabled={save.busy}>{save.busy ? t.saving : t.save}</button>
      </form>
    </Card>
  )
}

function PromisingSettings() {
  const t = useText(text)
  const f = useFormat()
  const { api } = useSession()
  const settings = useLoad(() => ok(api.GET('/v1/promising-settings')), [api])
  return (
    <Card title={t.settings}>
      <Show loaded={settings}>
        {(s) => (
          <dl class="facts">
            <dt>{t.paymentWindow}</dt><dd>{t.minutes(f.count(s.paymentWindowMinutes))}</dd>
            <dt>{t.sameRegion}</dt><dd>{t.days(f.count(s.transitDays.sameRegion))}</dd>
            <dt>{t.otherRegion}</dt><dd>{t.days(f.count(s.transitDays.otherRegion))}</dd>
            {s.overdueSupplyStepDays !== undefined && <><dt>{t.overdueStep}</dt><dd>{t.days(f.count(s.overdueSupplyStepDays))}</dd></>}
            {s.customerTiers && Object.keys(s.customerTiers).length > 0 && (
              <><dt>{t.tiers}</dt><dd>{Object.entries(s.customerTiers).map(([tier, rank]) => `${tier} (${rank})`).join(', ')}</dd></>
            )}
          </dl>
        )}
      </Show>
    </Card>
  )
}
