/**
 * One presale campaign, watched live: while it is open the page asks for it every few seconds, so
 * units sold climb against the quota and the tier thresholds without a reload. The operator
 * publishes it, raises its quota, ends it and then sees the final price and every
 * order repriced.
 */
import { useEffect, useMemo, useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { Chart } from '../../chart.tsx'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, PageTitle, ProblemNote, Show, useAction, useLoad } from '../../ui.tsx'
import { useLookups, type Lookups, type Schemas } from './lookups.tsx'
import { StatusBadge } from './money.tsx'
import { StatusBadge as OrderStatusBadge } from '../orders/status.tsx'

type Campaign = Schemas['Campaign']
type Order = Schemas['Order']
type Tier = { fromUnits: number; unitPrice: number }

/** How often an open campaign is asked for again. */
export const watchIntervalMs = 3000

const text = defineText(
  {
    title: (code: string) => `Campaign ${code}`, status: 'Status', sold: 'Units sold', quota: 'Quota', remaining: 'Quota left', priceNow: 'Price now',
    finalPrice: 'Final price', nextTier: 'Next tier', noNextTier: 'Lowest price reached', nextTierAt: (units: string, price: string) => `${price} from ${units} sold`,
    live: 'Updates every few seconds', facts: 'Terms', sku: 'SKU', node: 'Ships from', window: 'Open', perCustomer: 'Per customer', noLimit: 'No limit',
    tiers: 'Price tiers', from: 'From units sold', unitPrice: 'Unit price', reached: 'Reached', yes: 'Yes', no: 'Not yet',
    actions: 'Actions', publish: 'Publish', newQuota: 'New quota', raise: 'Raise quota', end: 'End now',
    confirmEnd: 'End the campaign now? Every order is repriced at the final price.',
    cancelReason: 'Reason for cancelling', cancelHint: 'Every open order is cancelled with a full refund, deposits included; customers are told this reason.',
    cancel: 'Cancel campaign', confirmCancel: 'Cancel the campaign and every open order with a full refund?',
    chart: (sold: string, quota: string) => `Bar chart: ${sold} units sold against a quota of ${quota}, with the tier thresholds marked`,
    chartSold: 'Units sold', chartQuota: 'Quota', chartTier: (price: string) => `Tier ${price}`,
    repricing: 'Repricing', repricedAt: (at: string) => `Every order was repriced at the final price on ${at}.`, notRepriced: 'The orders are being repriced.',
    orders: 'Orders of this campaign', customer: 'Customer', quantity: 'Units', total: 'Total', refund: 'Refund due', orderStatus: 'Order status',
    draft: 'Draft', published: 'Published', ended: 'Ended', cancelled: 'Cancelled',
  },
  {
    title: (code: string) => `活动 ${code}`, status: '状态', sold: '已售件数', quota: '配额', remaining: '剩余配额', priceNow: '当前价格',
    finalPrice: '最终价格', nextTier: '下一档', noNextTier: '已达最低价', nextTierAt: (units: string, price: string) => `售出 ${units} 件起 ${price}`,
    live: '每隔几秒自动更新', facts: '条款', sku: 'SKU', node: '发货节点', window: '开放时间', perCustomer: '每位顾客限购', noLimit: '不限',
    tiers: '价格档位', from: '起始已售件数', unitPrice: '单价', reached: '已达到', yes: '是', no: '未达到',
    actions: '操作', publish: '发布', newQuota: '新配额', raise: '提高配额', end: '立即结束',
    confirmEnd: '现在结束活动？所有订单将按最终价格重新定价。',
    cancelReason: '取消原因', cancelHint: '所有未完成订单将被取消并全额退款（含定金）；顾客会收到此原因。',
    cancel: '取消活动', confirmCancel: '取消活动并为所有未完成订单全额退款？',
    chart: (sold: string, quota: string) => `柱状图：已售 ${sold} 件，配额 ${quota} 件，并标出各价格档位`,
    chartSold: '已售件数', chartQuota: '配额', chartTier: (price: string) => `档位 ${price}`,
    repricing: '重新定价', repricedAt: (at: string) => `所有订单已于 ${at} 按最终价格重新定价。`, notRepriced: '订单正在重新定价。',
    orders: '本活动订单', customer: '顾客', quantity: '件数', total: '总额', refund: '应退款', orderStatus: '订单状态',
    draft: '草稿', published: '已发布', ended: '已结束', cancelled: '已取消',
  },
)

const tiersOf = (c: Campaign): Tier[] => {
  const pricing = c.pricing as Schemas['PresalePricing']
  return pricing.kind === 'fixed' ? [{ fromUnits: 0, unitPrice: pricing.unitPrice }] : pricing.tiers
}

export function PresaleCampaign({ id }: { id: string }) {
  const t = useText(text)
  const { api } = useSession()
  const lookups = useLookups()
  const campaign = useLoad(() => ok(api.GET('/v1/presale-campaigns/{id}', { params: { path: { id } } })), [id])
  const open = campaign.data?.status === 'published'
  useEffect(() => {
    if (!open) return
    const timer = setInterval(campaign.reload, watchIntervalMs)
    return () => clearInterval(timer)
  }, [open])
  return (
    <Show loaded={campaign}>
      {(c) => (
        <>
          <PageTitle title={t.title(c.code)}><StatusBadge status={c.status} label={t[c.status]} />{open && <small class="live">{t.live}</small>}</PageTitle>
          <Figures campaign={c} />
          <div class="grid">
            <Card title={t.chartSold}><SoldChart campaign={c} /></Card>
            <Actions campaign={c} onChanged={campaign.reload} />
          </div>
          <div class="grid">
            <Show loaded={lookups}>{(l) => <Terms campaign={c} lookups={l} />}</Show>
            <TierTable campaign={c} />
          </div>
          {c.status === 'ended' && <Repricing campaign={c} />}
        </>
      )}
    </Show>
  )
}

function Figures({ campaign: c }: { campaign: Campaign }) {
  const t = useText(text)
  const f = useFormat()
  const next = tiersOf(c).find((tier) => tier.fromUnits > c.unitsSold)
  const figure = (label: string, value: string, live = false) => (
    <div class="figure"><div class="value" {...(live && { 'aria-live': 'polite' })} data-figure={label}>{value}</div><div class="label">{label}</div></div>
  )
  return (
    <div class="figures">
      {figure(t.sold, f.count(c.unitsSold), true)}
      {figure(t.quota, f.count(c.quota))}
      {figure(t.remaining, f.count(c.quotaRemaining))}
      {c.finalUnitPrice === null ? figure(t.priceNow, f.money(c.currentUnitPrice, c.currency)) : figure(t.finalPrice, f.money(c.finalUnitPrice, c.currency))}
      {c.status === 'published' && figure(t.nextTier, next ? t.nextTierAt(f.count(next.fromUnits), f.money(next.unitPrice, c.currency)) : t.noNextTier)}
    </div>
  )
}

/** Units sold as a bar, the quota and each tier's threshold as marked lines across it. */
function SoldChart({ campaign: c }: { campaign: Campaign }) {
  const t = useText(text)
  const f = useFormat()
  const option = useMemo(() => {
    const tiers = tiersOf(c).filter((tier) => tier.fromUnits > 0)
    const top = Math.max(c.quota, c.unitsSold, ...tiers.map((tier) => tier.fromUnits))
    return {
      grid: { left: 48, right: 96, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: [t.chartSold] },
      yAxis: { type: 'value', max: Math.ceil(top * 1.1), minInterval: 1 },
      series: [{
        type: 'bar', name: t.chartSold, data: [c.unitsSold], barMaxWidth: 120, itemStyle: { color: '#0b5cad' },
        label: { show: true, position: 'inside', color: '#ffffff' },
        markLine: {
          symbol: 'none',
          data: [
            { yAxis: c.quota, name: t.chartQuota, lineStyle: { color: '#a4161a', width: 2 }, label: { formatter: `${t.chartQuota} ${c.quota}`, color: '#a4161a' } },
            ...tiers.map((tier) => ({ yAxis: tier.fromUnits, lineStyle: { color: '#8a5300', type: 'dashed' }, label: { formatter: t.chartTier(f.money(tier.unitPrice, c.currency)), color: '#8a5300' } })),
          ],
        },
      }],
    }
  }, [c.unitsSold, c.quota, c.pricing, t])
  return <Chart option={option} label={t.chart(f.count(c.unitsSold), f.count(c.quota))} height={240} />
}

function Terms({ campaign: c, lookups }: { campaign: Campaign; lookups: Lookups }) {
  const t = useText(text)
  const f = useFormat()
  return (
    <Card title={t.facts}>
      <dl class="facts">
        <dt>{t.sku}</dt><dd>{lookups.code(c.skuId)}</dd>
        <dt>{t.node}</dt><dd>{lookups.code(c.nodeId)}</dd>
        <dt>{t.window}</dt><dd>{f.instant(c.startsAt)} – {f.instant(c.endsAt)}</dd>
        <dt>{t.perCustomer}</dt><dd>{c.perCustomerLimit === null ? t.noLimit : f.count(c.perCustomerLimit)}</dd>
      </dl>
    </Card>
  )
}

function TierTable({ campaign: c }: { campaign: Campaign }) {
  const t = useText(text)
  const f = useFormat()
  return (
    <Card title={t.tiers}>
      <DataTable caption={t.tiers} rows={tiersOf(c)} rowKey={(tier) => String(tier.fromUnits)} columns={[
        { label: t.from, cell: (tier) => f.count(tier.fromUnits), numeric: true },
        { label: t.unitPrice, cell: (tier) => f.money(tier.unitPrice, c.currency), numeric: true },
        { label: t.reached, cell: (tier) => (c.unitsSold >= tier.fromUnits ? t.yes : t.no) },
      ]} />
    </Card>
  )
}

function Actions({ campaign: c, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  const t = useText(text)
  const { api } = useSession()
  const [quota, setQuota] = useState(String(c.quota + 10))
  const [reason, setReason] = useState('')
  const path = { params: { path: { id: c.id } } }
  const act = useAction(async (step: 'publish' | 'quota' | 'end' | 'cancel') => {
    if (step === 'cancel' && confirm(t.confirmCancel)) await ok(api.POST('/v1/presale-campaigns/{id}/cancel', { ...path, body: { reason: reason.trim() } }))
    if (step === 'publish') await ok(api.POST('/v1/presale-campaigns/{id}/publish', path))
    if (step === 'quota') await ok(api.POST('/v1/presale-campaigns/{id}/quota', { ...path, body: { quota: Number(quota) } }))
    if (step === 'end' && confirm(t.confirmEnd)) await ok(api.POST('/v1/presale-campaigns/{id}/end', path))
  }, onChanged)
  if (c.status === 'ended' || c.status === 'cancelled') return null
  return (
    <Card title={t.actions}>
      {c.status === 'draft' && <p><button type="button" class="primary" disabled={act.busy} onClick={() => void act.run('publish')}>{t.publish}</button></p>}
      {c.status === 'published' && (
        <form class="form-row" onSubmit={(e) => { e.preventDefault(); void act.run('quota') }}>
          <Field label={t.newQuota}>{(id) => <input id={id} name="quota" type="number" min={1} required value={quota} onInput={(e) => setQuota(e.currentTarget.value)} />}</Field>
          <button type="submit" disabled={act.busy}>{t.raise}</button>
        </form>
      )}
      <ProblemNote error={act.error} />
      {c.status === 'published' && <p><button type="button" class="danger" disabled={act.busy} onClick={() => void act.run('end')}>{t.end}</button></p>}
      <form class="form-row" onSubmit={(e) => { e.preventDefault(); void act.run('cancel') }}>
        <Field label={t.cancelReason} hint={t.cancelHint}>{(id) => <input id={id} name="cancelReason" required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}</Field>
        <button type="submit" class="danger" disabled={act.busy || reason.trim() === ''}>{t.cancel}</button>
      </form>
    </Card>
  )
}

/** After the end: when the orders were repriced, and each order's price and refund now. */
function Repricing({ campaign: c }: { campaign: Campaign }) {
  const t = useText(text)
  const f = useFormat()
  const { api } = useSession()
  const orders = useLoad(async () => {
    const page = await ok(api.GET('/v1/orders', { params: { query: { limit: '500' } } }))
    return page.items.filter((o) => o.campaignId === c.id)
  }, [c.id, c.repricedAt])
  const units = (o: Order) => o.lines.reduce((n, l) => n + l.quantity, 0)
  return (
    <Card title={t.repricing}>
      <p class="notice" role="status">{c.repricedAt ? t.repricedAt(f.instant(c.repricedAt)) : t.notRepriced}</p>
      <Show loaded={orders}>
        {(rows) => (
          <DataTable caption={t.orders} rows={rows} rowKey={(o) => o.id} columns={[
            { label: t.customer, cell: (o) => o.customerId },
            { label: t.quantity, cell: units, numeric: true },
            { label: t.unitPrice, cell: (o) => f.money(o.lines[0]?.unitPrice, o.currency), numeric: true },
            { label: t.total, cell: (o) => f.money(o.total, o.currency), numeric: true },
            { label: t.refund, cell: (o) => f.money(o.refundDue, o.currency), numeric: true },
            { label: t.orderStatus, cell: (o) => <OrderStatusBadge status={o.status} /> },
          ]} />
        )}
      </Show>
    </Card>
  )
}
