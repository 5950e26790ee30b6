/**
 * Vendor-managed replenishment in the supplier portal: each of the supplier's SKUs where the
 * merchant keeps it, as a card (a phone is enough): units available, the reorder point and
 * whether stock is below it, the forecast per day and the next 14 days' median as a sparkline
 * (read out as numbers). Staff open a supplier's view with ?supplier=<id or code>.
 */
import { useLocation } from 'preact-iso'
import { ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, Field, MoreButton, PageTitle, ProblemNote, useLoad } from '../../ui.tsx'
import { CodeSelect } from '../selling/lookups.tsx'
import { usePaged } from '../stock/paged.ts'
import { portalText, type VendorLine } from '../replenishment/words.ts'
import '../replenishment/replenishment.css'

export function PortalReplenishment() {
  const t = useText(portalText)
  const { api, kind } = useSession()
  const { query, path, route } = useLocation()
  const staff = kind !== 'supplier'
  const supplier = staff ? query.supplier ?? '' : ''
  const lines = usePaged(
    (cursor) => (staff && !supplier ? Promise.resolve({ items: [], nextCursor: null })
      : ok(api.GET('/v1/supplier-portal/replenishment', { params: { query: { limit: '100', ...(supplier && { supplier }), ...(cursor && { cursor }) } } }))),
    [api, supplier],
  )
  return (
    <>
      <PageTitle title={t.title} />
      <p class="hint">{t.hint}</p>
      {staff && <SupplierPicker value={supplier} onChange={(v) => route(v ? `${path}?supplier=${encodeURIComponent(v)}` : path)} />}
      <ProblemNote error={lines.error} />
      {lines.items?.length === 0 && (!staff || supplier) && <p>{t.none}</p>}
      <ul class="vendor-cards">
        {lines.items?.map((l) => <li key={`${l.skuId}|${l.nodeId}`}><VendorCard line={l} /></li>)}
      </ul>
      {lines.hasMore && <MoreButton onClick={lines.more} busy={lines.busy} />}
    </>
  )
}

function SupplierPicker({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const t = useText(portalText)
  const { api } = useSession()
  // Only the suppliers: the stock lines name their SKUs and nodes themselves.
  const suppliers = useLoad(async () => (await ok(api.GET('/v1/suppliers', { params: { query: { limit: '500' } } }))).items, [api])
  const id = suppliers.data?.find((s) => s.id === value || s.code === value)?.id ?? ''
  return (
    <Card title={t.supplier}>
      <Field label={t.supplier}>{(fid) => <CodeSelect id={fid} name="supplier" rows={suppliers.data ?? []} value={id} onChange={onChange} blank={t.choose} />}</Field>
    </Card>
  )
}

function VendorCard({ line: l }: { line: VendorLine }) {
  const t = useText(portalText)
  const f = useFormat()
  const round = (v: number) => f.count(Math.round(v * 10) / 10)
  const title = t.of(l.skuCode, l.nodeCode)
  return (
    <article class={`vendor-card${l.belowReorderPoint ? ' below' : ''}`} aria-label={title}>
      <header><strong>{l.skuName ? `${l.skuCode} · ${l.skuName}` : l.skuCode}</strong> {l.belowReorderPoint && <span class="badge bad">{t.below}</span>}</header>
      <dl class="facts">
        <dt>{t.node}</dt><dd>{l.nodeCode}{l.nodeName && <> · {l.nodeName}</>}</dd>
        <dt>{t.available}</dt><dd>{f.count(l.availableUnits)}</dd>
        <dt>{t.reorderPoint}</dt><dd>{l.reorderPointUnits === null ? '—' : round(l.reorderPointUnits)}</dd>
        <dt>{t.perDay}</dt><dd>{l.forecastUnitsPerDay === null ? t.noForecast : round(l.forecastUnitsPerDay)}</dd>
        {l.forecastAsOf && <><dt>{t.asOf}</dt><dd>{f.day(l.forecastAsOf)}</dd></>}
      </dl>
      {l.forecast.length > 0 && (
        <figure class="spark">
          <Sparkline values={l.forecast.map((d) => d.p50)} label={t.next14(l.forecast.map((d) => round(d.p50)).join(', '))} />
          <figcaption>{t.sparkCaption(l.forecast.length)}</figcaption>
        </figure>
      )}
    </article>
  )
}

/** A small line of values from 0 to their maximum (a steady forecast is a flat line near the top); its label reads the values out. */
function Sparkline({ values, label }: { values: number[]; label: string }) {
  const width = 280, height = 40
  const top = Math.max(1, ...values)
  const step = values.length > 1 ? width / (values.length - 1) : 0
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / top) * (height - 4)).toFixed(1)}`).join(' ')
  return (
    <svg class="sparkline" role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none">
      <title>{label}</title>
      <line x1="0" y1={height - 1} x2={width} y2={height - 1} stroke="#d5dae1" stroke-width="1" />
      <polyline points={points} fill="none" stroke="#0b5cad" stroke-width="2" vector-effect="non-scaling-stroke" />
    </svg>
  )
}
