/**
 * One suggestion as a card (readable on a phone): the SKU and node, its quantity editable inline,
 * a short why in the reader's language, and every figure behind it on request — each term of the
 * need with its sign, the safety stock, the forecast model and its accuracy against the runner-up,
 * the rounding and why this supplier (in the server's words, which are English).
 */
import { useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { ProblemNote, useAction } from '../../ui.tsx'
import { StatusBadge } from '../selling/money.tsx'
import { explained, units, type Accuracy, type Explained } from './explain.ts'
import { statusText, suggestionText, termText, type Suggestion } from './words.ts'

type Format = ReturnType<typeof useFormat>
type Texts = (typeof suggestionText)['en']

/** `code · name` of a SKU, node or supplier as the API names it, or '—' when there is none. */
export const named = (row: { code: string; name: string } | null): string => (row ? `${row.code} · ${row.name}` : '—')

/** A series' forecast page, by the codes the API names the suggestion with. */
export const forecastHref = (s: { sku: { code: string }; node: { code: string } }): string =>
  `/console/replenishment/forecast/${encodeURIComponent(s.sku.code)}/${encodeURIComponent(s.node.code)}`

export function accuracyWords(t: Texts, f: Format, a: Accuracy | null): string {
  return a === null ? t.noAccuracy : t.accuracy(f.percent(a.wape), f.count(Math.round(a.mase * 100) / 100), f.percent(a.bias))
}

export function SuggestionCard({ s, selected, onSelect, onChanged }: {
  s: Suggestion; selected?: boolean; onSelect?: (on: boolean) => void; onChanged: () => void
}) {
  const t = useText(suggestionText)
  const st = useText(statusText)
  const f = useFormat()
  const { api } = useSession()
  const [quantity, setQuantity] = useState(String(s.quantity))
  const e = explained(s.explanation)
  const sku = s.sku.code
  const node = s.node.code
  const save = useAction(() => ok(api.PATCH('/v1/suggestions/{id}', { params: { path: { id: s.id } }, body: { quantity: Number(quantity) } })), onChanged)
  const dismiss = useAction(() => ok(api.POST('/v1/suggestions/{id}/dismiss', { params: { path: { id: s.id } } })), onChanged)
  const open = s.status === 'open'
  return (
    <article class="suggestion" aria-label={`${sku} · ${node}`}>
      <header>
        {open && onSelect && (
          <label class="pick">
            <input type="checkbox" checked={selected} onChange={(ev) => onSelect((ev.currentTarget as HTMLInputElement).checked)} />
            <span class="visually-hidden">{t.select(sku, node)}</span>
          </label>
        )}
        <strong>{named(s.sku)}</strong>
        {!open && <StatusBadge status={s.status === 'approved' ? 'confirmed' : 'closed'} label={st[s.status]} />}
      </header>
      <p class="muted-text">
        {t.node}: {named(s.node)} · {t.supplier}: {named(s.supplier)}
      </p>
      {open ? (
        <form class="quantity-form" onSubmit={(ev) => { ev.preventDefault(); void save.run() }}>
          <label>
            <span>{t.quantityOf(sku)}</span>
            <input type="number" name="quantity" required min={1} inputMode="numeric" value={quantity} onInput={(ev) => setQuantity((ev.currentTarget as HTMLInputElement).value)} />
          </label>
          <button type="submit" disabled={save.busy || quantity === String(s.quantity)}>{t.saveQuantity}</button>
          <span class="muted-text">{t.suggested(f.count(s.suggestedQuantity))}{s.quantity !== s.suggestedQuantity && <> · {t.edited}</>}</span>
        </form>
      ) : (
        <p>
          {t.quantity}: <strong>{f.count(s.quantity)}</strong> ({t.suggested(f.count(s.suggestedQuantity))})
          {s.decidedAt && <> · {t.decided(f.instant(s.decidedAt))}</>}
          {s.purchaseOrderId && <> · <a href={`/console/purchasing/orders/${encodeURIComponent(s.purchaseOrderId)}`}>{t.po(s.purchaseOrderId)}</a></>}
        </p>
      )}
      <ProblemNote error={save.error} />
      <p class="why"><span class="why-label">{t.why}</span>{t.sentenceGap}{shortWhy(t, f, e)}</p>
      <details class="why-detail">
        <summary>{t.details}</summary>
        <WhyDetail e={e} />
      </details>
      <div class="row-actions">
        <a class="action-link" href={forecastHref(s)}>{t.forecast}</a>
        {open && <button type="button" onClick={() => void dismiss.run()} disabled={dismiss.busy} aria-label={`${t.dismiss} ${sku} · ${node}`}>{t.dismiss}</button>}
      </div>
      <ProblemNote error={dismiss.error} />
    </article>
  )
}

/** One or three sentences: the need against target and position, the model, any rounding. */
function shortWhy(t: Texts, f: Format, e: Explained): string {
  const parts = [t.shortWhy(units(e.needUnits, f.count), units(e.targetUnits, f.count), units(e.netPositionUnits, f.count))]
  if (e.forecast) parts.push(t.shortModel(e.forecast.model, e.forecast.accuracy ? f.percent(e.forecast.accuracy.wape) : '—'))
  if (e.rounding && e.rounding.after !== e.rounding.before) parts.push(t.shortRounded(f.count(e.rounding.before), f.count(e.rounding.after)))
  return parts.join(t.sentenceGap)
}

function WhyDetail({ e }: { e: Explained }) {
  const t = useText(suggestionText)
  const term = useText(termText)
  const f = useFormat()
  const u = (v: number | null) => units(v, f.count)
  const ss = e.safetyStock
  return (
    <div class="why-body">
      <table class="terms">
        <caption>{t.needSum}</caption>
        <tbody>
          {e.terms.map((x, i) => (
            <tr key={x.name}>
              <th scope="row">{term[x.name as keyof typeof term] ?? x.name}</th>
              <td class="num">{i === 0 ? '' : x.sign > 0 ? '+ ' : '− '}{u(x.units)}</td>
            </tr>
          ))}
          <tr class="sum"><th scope="row">{t.total}</th><td class="num">= {u(e.rawNeedUnits)}</td></tr>
          <tr><th scope="row">{t.needUnits}</th><td class="num">{u(e.needUnits)}</td></tr>
        </tbody>
      </table>
      <dl class="facts">
        <dt>{t.position}</dt><dd>{u(e.netPositionUnits)}</dd>
        <dt>{t.target}</dt><dd>{u(e.targetUnits)}{e.triggerLevelUnits !== null && <> · {t.trigger(u(e.triggerLevelUnits))}</>}</dd>
        {ss && <><dt>{t.safetyStock}</dt><dd>{ss.method === 'normal'
          ? t.ssNormal(u(ss.units), ss.z.toFixed(4), u(ss.protectionDays), u(ss.demandSdPerDay), u(ss.demandMeanPerDay), u(ss.leadTimeSdDays))
          : t.ssEmpirical(u(ss.units), u(ss.quantileUnits), u(ss.expectedUnits), u(ss.protectionDays))}</dd></>}
        {e.leadTimeMeanDays !== null && <><dt>{t.leadTime}</dt><dd>{t.days(u(e.leadTimeMeanDays))}</dd></>}
        {e.forecast && <>
          <dt>{t.model}</dt><dd><code>{e.forecast.model}</code> · {accuracyWords(t, f, e.forecast.accuracy)}</dd>
          <dt>{t.runnerUp}</dt><dd>{e.forecast.runnerUp ? <><code>{e.forecast.runnerUp}</code> · {accuracyWords(t, f, e.forecast.runnerUpAccuracy)}</> : '—'}</dd>
        </>}
        {e.rounding && <><dt>{t.rounding}</dt><dd>{t.roundingWords(f.count(e.rounding.before), f.count(e.rounding.after), f.count(e.rounding.minOrderQuantity), f.count(e.rounding.packSize))}</dd></>}
        {e.supplierReason && <><dt>{t.supplierReason}</dt><dd lang="en">{e.supplierName && <>{e.supplierName}: </>}{e.supplierReason}</dd></>}
      </dl>
      {e.summary.length > 0 && (
        <>
          <h3 class="small-heading">{t.serverWords}</h3>
          <ul class="summary" lang="en">{e.summary.map((line) => <li>{line}</li>)}</ul>
        </>
      )}
    </div>
  )
}
