/** Presale campaigns: the list by status, and a form that creates a draft (published from its own page). */
import type { InputHTMLAttributes } from 'preact'
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ok } from '../../api.ts'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, MoreButton, PageTitle, ProblemNote, Show, useAction, useLoad, type Column } from '../../ui.tsx'
import { CodeSelect, useLookups, type Lookups, type Schemas } from './lookups.tsx'
import { StatusBadge, toMinor } from './money.tsx'

type Campaign = Schemas['Campaign']
const statuses = ['draft', 'published', 'ended', 'cancelled'] as const

const text = defineText(
  {
    title: 'Presale campaigns', status: 'Status', all: 'All', list: 'Campaigns', code: 'Code', name: 'Name', sku: 'SKU', sold: 'Sold / quota',
    price: 'Price now', ends: 'Ends', create: 'Create a campaign', node: 'Ships from', starts: 'Starts', quota: 'Quota', perCustomer: 'Per customer (empty: no limit)',
    tier1: 'Unit price', tierFrom: (n: number) => `Tier ${n} from (units sold)`, tierPrice: (n: number) => `Tier ${n} unit price`,
    tiersHint: 'Leave tiers 2 and 3 empty for one fixed price. More units sold, lower price.', deposit: 'Deposit per unit', depositMax: 'Deposit at most (% of price)',
    shipDay: 'Ships on', currency: 'Currency', submit: 'Create draft', creating: 'Creating…', pick: 'Choose…',
    draft: 'Draft', published: 'Published', ended: 'Ended', cancelled: 'Cancelled',
  },
  {
    title: '预售活动', status: '状态', all: '全部', list: '活动列表', code: '编码', name: '名称', sku: 'SKU', sold: '已售 / 配额',
    price: '当前价格', ends: '结束', create: '创建活动', node: '发货节点', starts: '开始', quota: '配额', perCustomer: '每位顾客限购（空：不限）',
    tier1: '单价', tierFrom: (n: number) => `第 ${n} 档起始（已售件数）`, tierPrice: (n: number) => `第 ${n} 档单价`,
    tiersHint: '第 2、3 档留空即为固定价格。售出越多，价格越低。', deposit: '每件定金', depositMax: '定金上限（价格的 %）',
    shipDay: '发货日', currency: '币种', submit: '创建草稿', creating: '创建中…', pick: '请选择…',
    draft: '草稿', published: '已发布', ended: '已结束', cancelled: '已取消',
  },
)

export function PresaleCampaigns() {
  const t = useText(text)
  const { api } = useSession()
  const lookups = useLookups()
  const [status, setStatus] = useState('')
  const [pages, setPages] = useState(1)
  const campaigns = useLoad(async () => {
    const items: Campaign[] = []
    let cursor: string | undefined
    for (let i = 0; i < pages; i++) {
      const page = await ok(api.GET('/v1/presale-campaigns', { params: { query: { limit: '50', ...(status && { status: status as Campaign['status'] }), ...(cursor && { cursor }) } } }))
      items.push(...page.items)
      if (!page.nextCursor) return { items, more: false }
      cursor = page.nextCursor
    }
    return { items, more: true }
  }, [status, pages])
  return (
    <>
      <PageTitle title={t.title} />
      <Card title={t.list}>
        <div class="filters">
          <Field label={t.status}>
            {(id) => (
              <select id={id} name="status" value={status} onChange={(e) => { setStatus(e.currentTarget.value); setPages(1) }}>
                <option value="">{t.all}</option>
                {statuses.map((s) => <option value={s}>{t[s]}</option>)}
              </select>
            )}
          </Field>
        </div>
        <Show loaded={lookups}>
          {(l) => <Show loaded={campaigns}>{(c) => <><CampaignTable rows={c.items} lookups={l} />{c.more && <MoreButton onClick={() => setPages(pages + 1)} busy={campaigns.loading} />}</>}</Show>}
        </Show>
      </Card>
      <Show loaded={lookups}>{(l) => <CreateCampaign lookups={l} />}</Show>
    </>
  )
}

function CampaignTable({ rows, lookups }: { rows: Campaign[]; lookups: Lookups }) {
  const t = useText(text)
  const f = useFormat()
  const columns: Column<Campaign>[] = [
    { label: t.code, cell: (c) => <a href={`/console/selling/campaigns/${c.id}`}>{c.code}</a> },
    { label: t.name, cell: (c) => c.name },
    { label: t.sku, cell: (c) => lookups.code(c.skuId) },
    { label: t.status, cell: (c) => <StatusBadge status={c.status} label={t[c.status]} /> },
    { label: t.sold, cell: (c) => `${f.count(c.unitsSold)} / ${f.count(c.quota)}`, numeric: true },
    { label: t.price, cell: (c) => f.money(c.finalUnitPrice ?? c.currentUnitPrice, c.currency), numeric: true },
    { label: t.ends, cell: (c) => f.instant(c.endsAt) },
  ]
  return <DataTable caption={t.list} columns={columns} rows={rows} rowKey={(c) => c.id} />
}

const dayMs = 86_400_000
/** A datetime-local value (the reader's clock) `days` from now. */
const localInput = (days: number): string => {
  const at = new Date(Date.now() + days * dayMs)
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

function CreateCampaign({ lookups }: { lookups: Lookups }) {
  const t = useText(text)
  const { api } = useSession()
  const { route } = useLocation()
  const [form, setForm] = useState({
    code: '', name: '', sku: lookups.skus[0]?.id ?? '', node: lookups.nodes.find((n) => n.kind === 'warehouse')?.id ?? '', currency: 'CNY',
    startsAt: localInput(0), endsAt: localInput(5), quota: '100', perCustomer: '', price: '', tier2From: '', tier2Price: '', tier3From: '', tier3Price: '',
    deposit: '', depositMax: '20', shipDay: new Date(Date.now() + 14 * dayMs).toISOString().slice(0, 10),
  })
  const set = (key: keyof typeof form) => (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value })
  const create = useAction(async () => {
    const minor = (v: string) => toMinor(v, form.currency)
    const extra = [[form.tier2From, form.tier2Price], [form.tier3From, form.tier3Price]].filter(([from, price]) => from !== '' && price !== '')
    const pricing = extra.length === 0
      ? { kind: 'fixed' as const, unitPrice: minor(form.price) }
      : { kind: 'tiered' as const, tiers: [{ fromUnits: 0, unitPrice: minor(form.price) }, ...extra.map(([from, price]) => ({ fromUnits: Number(from), unitPrice: minor(price) }))] }
    const created = await ok(api.POST('/v1/presale-campaigns', {
      body: {
        code: form.code, sku: form.sku, node: form.node, currency: form.currency, ...(form.name && { name: form.name }),
        startsAt: new Date(form.startsAt).toISOString(), endsAt: new Date(form.endsAt).toISOString(),
        quota: Number(form.quota), perCustomerLimit: form.perCustomer === '' ? null : Number(form.perCustomer), pricing,
        deposit: { perUnit: minor(form.deposit), rule: { kind: 'whole_amount_max_percent', maxPercent: Number(form.depositMax) } },
        shipDate: { mode: 'fixed', day: form.shipDay },
      },
    }))
    route(`/console/selling/campaigns/${created.id}`)
  })
  const input = (key: keyof typeof form, label: string, type: 'text' | 'number' | 'date' | 'datetime-local' = 'text', extra: Record<string, unknown> = {}) => (
    <Field label={label}>{(id) => <input {...({ id, name: key, type, value: form[key], onInput: set(key), ...extra } as InputHTMLAttributes<HTMLInputElement>)} />}</Field>
  )
  return (
    <Card title={t.create}>
      <form onSubmit={(e) => { e.preventDefault(); void create.run() }}>
        <div class="form-row">
          {input('code', t.code, 'text', { required: true, pattern: '[A-Za-z0-9_.\\-]+', maxLength: 64 })}
          {input('name', t.name)}
          <Field label={t.sku}>{(id) => <CodeSelect id={id} name="sku" rows={lookups.skus} value={form.sku} onChange={(sku) => setForm({ ...form, sku })} required blank={t.pick} />}</Field>
          <Field label={t.node}>{(id) => <CodeSelect id={id} name="node" rows={lookups.nodes} value={form.node} onChange={(node) => setForm({ ...form, node })} required blank={t.pick} />}</Field>
          {input('currency', t.currency, 'text', { required: true, pattern: '[A-Z]{3}', size: 4 })}
        </div>
        <div class="form-row">
          {input('startsAt', t.starts, 'datetime-local', { required: true })}
          {input('endsAt', t.ends, 'datetime-local', { required: true })}
          {input('shipDay', t.shipDay, 'date', { required: true })}
          {input('quota', t.quota, 'number', { required: true, min: 1 })}
          {input('perCustomer', t.perCustomer, 'number', { min: 1 })}
        </div>
        <div class="form-row">
          {input('price', t.tier1, 'number', { required: true, min: 0, step: 'any' })}
          {input('tier2From', t.tierFrom(2), 'number', { min: 1 })}
          {input('tier2Price', t.tierPrice(2), 'number', { min: 0, step: 'any' })}
          {input('tier3From', t.tierFrom(3), 'number', { min: 1 })}
          {input('tier3Price', t.tierPrice(3), 'number', { min: 0, step: 'any' })}
        </div>
        <p class="hint">{t.tiersHint}</p>
        <div class="form-row">
          {input('deposit', t.deposit, 'number', { required: true, min: 0, step: 'any' })}
          {input('depositMax', t.depositMax, 'number', { required: true, min: 0, max: 100 })}
        </div>
        <ProblemNote error={create.error} />
        <button type="submit" class="primary" disabled={create.busy}>{create.busy ? t.creating : t.submit}</button>
      </form>
    </Card>
  )
}
