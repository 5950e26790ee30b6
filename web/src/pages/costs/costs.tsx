/**
 * Costs: stock on hand valued at moving-average cost per node, one SKU's cost and its movements,
 * and a landed cost (freight, duty, insurance, other) added to a receipt and split over its lines.
 */
import { useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, Figure, PageTitle, ProblemNote, Show, useAction, useLoad } from '../../ui.tsx'
import { CodeSelect, useLookups, type Lookups, type Schemas } from '../selling/lookups.tsx'
import { toMinor } from '../selling/money.tsx'
import { chargeKinds, costBases, costText } from './words.ts'

type LandedCost = Schemas['LandedCost']

export function CostsPage() {
  const t = useText(costText)
  const lookups = useLookups()
  const [round, setRound] = useState(0)
  return (
    <>
      <PageTitle title={t.title} />
      <Show loaded={lookups}>
        {(l) => (
          <div class="grid">
            <Valuation lookups={l} round={round} />
            <SkuCost lookups={l} round={round} />
            <LandedCostForm lookups={l} onAdded={() => setRound((n) => n + 1)} />
          </div>
        )}
      </Show>
    </>
  )
}

function Valuation({ lookups, round }: { lookups: Lookups; round: number }) {
  const t = useText(costText)
  const f = useFormat()
  const { api } = useSession()
  const [node, setNode] = useState('')
  const loaded = useLoad(() => ok(api.GET('/v1/costs/valuation', { params: { query: { limit: '200', ...(node && { node }) } } })), [node, round])
  return (
    <Card title={t.valuation}>
      <Field label={t.node}>{(id) => <CodeSelect id={id} name="valuationNode" rows={lookups.nodes} value={node} onChange={setNode} blank={t.everyNode} />}</Field>
      <Show loaded={loaded}>
        {(v) => (
          <>
            <div class="figures" role="group" aria-label={t.totals}>
              {v.byCurrency.map((x) => <Figure label={`${t.value} (${x.currency})`} value={f.money(x.valueMinor, x.currency)} hint={`${t.units}: ${f.count(x.unitsOnHand)}`} />)}
            </div>
            {v.items.length === 0 ? <p>{t.noStock}</p> : (
              <DataTable caption={t.valuationCaption} rows={v.items} rowKey={(r) => `${r.nodeId}:${r.skuId}`} columns={[
                { label: t.node, cell: (r) => lookups.code(r.nodeId) },
                { label: t.sku, cell: (r) => r.skuCode },
                { label: t.units, cell: (r) => f.count(r.unitsOnHand), numeric: true },
                { label: t.unitCost, cell: (r) => f.money(r.unitCostMinor, r.currency), numeric: true },
                { label: t.value, cell: (r) => f.money(r.valueMinor, r.currency), numeric: true },
              ]} />
            )}
          </>
        )}
      </Show>
    </Card>
  )
}

function SkuCost({ lookups, round }: { lookups: Lookups; round: number }) {
  const t = useText(costText)
  const f = useFormat()
  const { api } = useSession()
  const [sku, setSku] = useState('')
  const loaded = useLoad(async () => (sku ? ok(api.GET('/v1/costs/skus/{sku}', { params: { path: { sku } } })) : null), [sku, round])
  const kindOf = (k: string) => ({ receipt: t.receiptMove, uncosted: t.uncosted, landed: t.landedMove, shipment: t.shipment, revenue: t.revenue } as Record<string, string>)[k] ?? k
  return (
    <Card title={t.skuCost}>
      <Field label={t.sku}>{(id) => <CodeSelect id={id} name="costSku" rows={lookups.skus} value={sku} onChange={setSku} blank="—" />}</Field>
      {!sku && <p>{t.pickSku}</p>}
      <Show loaded={loaded}>
        {(c) => c && (c.currency === null ? <p>{t.notCosted}</p> : (
          <>
            <div class="figures" role="group" aria-label={t.skuCost}>
              <Figure label={t.average} value={f.money(c.unitCostMinor, c.currency)} />
              <Figure label={t.costedUnits} value={f.count(c.units)} hint={`${t.value}: ${f.money(c.valueMinor, c.currency)}`} />
              <Figure label={t.range} value={`${f.money(c.minUnitCostMinor, c.currency)} – ${f.money(c.maxUnitCostMinor, c.currency)}`} />
            </div>
            <DataTable caption={t.movements} rows={c.movements} rowKey={(m) => `${m.kind}:${m.reference}`} columns={[
              { label: t.at, cell: (m) => f.instant(m.at) },
              { label: t.kind, cell: (m) => kindOf(m.kind) },
              { label: t.node, cell: (m) => lookups.code(m.nodeId) },
              { label: t.reference, cell: (m) => <code>{m.reference}</code> },
              { label: t.quantity, cell: (m) => f.count(m.quantity), numeric: true },
              { label: t.value, cell: (m) => f.money(m.valueMinor, m.currency), numeric: true },
            ]} />
          </>
        ))}
      </Show>
    </Card>
  )
}

function LandedCostForm({ lookups, onAdded }: { lookups: Lookups; onAdded: () => void }) {
  const t = useText(costText)
  const f = useFormat()
  const { api } = useSession()
  const [receipt, setReceipt] = useState('')
  const [kind, setKind] = useState<(typeof chargeKinds)[number]>('freight')
  const [basis, setBasis] = useState<(typeof costBases)[number]>('quantity')
  const [amount, setAmount] = useState('')
  const [currency, setCurrency] = useState('CNY')
  const [note, setNote] = useState('')
  const [added, setAdded] = useState(false)
  const [round, setRound] = useState(0)
  const receiptId = receipt.trim()
  const list = useLoad(async () => (receiptId ? (await ok(api.GET('/v1/receipts/{id}/landed-costs', { params: { path: { id: receiptId } } }))).items : []), [receiptId, round])
  const add = useAction(async () => {
    setAdded(false)
    await ok(api.POST('/v1/receipts/{id}/landed-costs', {
      params: { path: { id: receiptId } }, body: { kind, basis, amountMinor: toMinor(amount, currency), currency, ...(note.trim() && { note: note.trim() }) },
    }))
    setAdded(true)
    setRound((n) => n + 1)
  }, onAdded)
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value
  const basisText = { quantity: t.quantityBasis, value: t.valueBasis, weight: t.weight, volume: t.volume }
  return (
    <Card title={t.landed}>
      <form aria-label={t.landed} onSubmit={(e) => { e.preventDefault(); void add.run() }}>
        <Field label={t.receipt}>{(id) => <input id={id} name="receipt" required value={receipt} onInput={(e) => setReceipt(value(e))} />}</Field>
        <Field label={t.chargeKind}>{(id) => (
          <select id={id} name="chargeKind" value={kind} onChange={(e) => setKind(value(e) as typeof kind)}>{chargeKinds.map((k) => <option value={k}>{t[k]}</option>)}</select>
        )}</Field>
        <Field label={t.basis}>{(id) => (
          <select id={id} name="basis" value={basis} onChange={(e) => setBasis(value(e) as typeof basis)}>{costBases.map((b) => <option value={b}>{basisText[b]}</option>)}</select>
        )}</Field>
        <Field label={t.amount}>{(id) => <input id={id} name="amount" type="number" step="0.01" required value={amount} onInput={(e) => setAmount(value(e))} />}</Field>
        <Field label={t.currency}>{(id) => <input id={id} name="currency" required pattern="[A-Z]{3}" maxLength={3} value={currency} onInput={(e) => setCurrency(value(e).toUpperCase())} />}</Field>
        <Field label={t.note}>{(id) => <input id={id} name="note" maxLength={500} value={note} onInput={(e) => setNote(value(e))} />}</Field>
        <div class="row-actions">
          <button type="submit" class="primary" disabled={add.busy}>{t.add}</button>
          <span aria-live="polite">{added && <span class="notice">{t.added}</span>}</span>
        </div>
        <ProblemNote error={add.error} />
      </form>
      {receiptId && (
        <Show loaded={list}>
          {(items) => items.length > 0 && (
            <DataTable caption={t.allocations} rows={items.flatMap((l: LandedCost) => l.allocations.map((a) => ({ l, a })))} rowKey={({ l, a }) => `${l.id}:${a.poLineId}`} columns={[
              { label: t.chargeKind, cell: ({ l }) => `${t[l.kind as (typeof chargeKinds)[number]] ?? l.kind} · ${basisText[l.basis as (typeof costBases)[number]] ?? l.basis}` },
              { label: t.sku, cell: ({ a }) => lookups.code(a.skuId) },
              { label: t.quantity, cell: ({ a }) => f.count(a.quantity), numeric: true },
              { label: t.part, cell: ({ l, a }) => `${f.money(a.amountMinor, l.currency)}${a.expensed ? ` (${t.expensed})` : ''}`, numeric: true },
            ]} />
          )}
        </Show>
      )}
    </Card>
  )
}
