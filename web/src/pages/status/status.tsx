/**
 * The customer's order status page, opened from the link the shop got at placement (no sign-in:
 * the token in the path is the credential). Phone first: the dates, any delay with its reason,
 * new date and compensation and, while the offer is open, cancelling for a full refund after a
 * confirmation step; then what was ordered, where it comes from, and the payment.
 */
import { useEffect, useState } from 'preact/hooks'
import { ApiError, clientFor, ok } from '../../api.ts'
import { SetLangContext, useFormat, useLang, useText } from '../../i18n.tsx'
import { useContext } from 'preact/hooks'
import { LanguagePicker } from '../../shell.tsx'
import { ProblemNote, useAction, useLoad } from '../../ui.tsx'
import type { Schemas } from '../selling/lookups.tsx'
import { causeZh, orderStatusText, statusText, storyText } from './words.ts'

type OrderStatus = Schemas['CustomerOrderStatus']
type Delay = OrderStatus['delays'][number]

const publicApi = clientFor(undefined)

export function StatusPage({ token }: { token: string }) {
  const t = useText(statusText)
  const setLang = useContext(SetLangContext)
  const loaded = useLoad(() => ok(publicApi.GET('/v1/order-status/{token}', { params: { path: { token } } })), [token])
  const [order, setOrder] = useState<OrderStatus | null>(null)
  useEffect(() => void (loaded.data && setOrder(loaded.data)), [loaded.data])
  const missing = loaded.error instanceof ApiError && loaded.error.problem.status === 404
  useEffect(() => void (document.title = `${order ? t.title(order.reference ?? order.orderId) : t.header} · Sellahead`), [order, t])
  return (
    <div class="status-page">
      <header class="top status-top">
        <span class="brand">{t.header}</span>
        <div class="who"><LanguagePicker onChange={setLang} /></div>
      </header>
      <main id="main">
        {missing && <><h1>{t.notFound}</h1><p>{t.notFoundDetail}</p></>}
        {!missing && loaded.error && !order && <ProblemNote error={loaded.error} />}
        {!loaded.error && !order && <p aria-busy="true">{t.loading}</p>}
        {order && <OrderView order={order} token={token} onChanged={setOrder} />}
      </main>
    </div>
  )
}

function OrderView({ order, token, onChanged }: { order: OrderStatus; token: string; onChanged: (o: OrderStatus) => void }) {
  const t = useText(statusText)
  const os = useText(orderStatusText)
  const f = useFormat()
  const cancelled = order.status === 'cancelled'
  return (
    <>
      <div class="page-title">
        <h1>{t.title(order.reference ?? order.orderId)}</h1>
        <span class={`badge ${cancelled ? 'bad' : 'good'}`}>{os[order.status]}</span>
      </div>
      {cancelled ? <Cancelled order={order} /> : <Dates order={order} />}
      {order.delays.map((d) => <DelayCard delay={d} currency={order.currency} />)}
      {order.canCancelForFullRefund && <CancelOffer order={order} token={token} onCancelled={onChanged} />}
      <Items order={order} />
      <Payment order={order} />
      {order.messages.length > 0 && (
        <section class="card" aria-labelledby="messages">
          <h2 id="messages">{t.messages}</h2>
          <ul class="messages">{[...order.messages].reverse().map((m) => <li><strong>{m.subject}</strong> <small>{f.instant(m.sentAt)}</small><p>{m.body}</p></li>)}</ul>
        </section>
      )}
      <p class="live">{t.placed}: {f.instant(order.placedAt)} · {t.updated}: {f.instant(order.updatedAt)}</p>
    </>
  )
}

function Dates({ order }: { order: OrderStatus }) {
  const t = useText(statusText)
  const f = useFormat()
  const pickup = order.fulfilment === 'pickup'
  return (
    <section class="card promise-dates" aria-label={pickup ? t.readyBy : t.arrivesBy}>
      {pickup ? (
        <dl class="big-dates">
          <div><dt>{t.readyBy}</dt><dd>{order.promisedShipDate ? f.day(order.promisedShipDate) : t.noDate}</dd></div>
          {order.pickupAt && <div><dt>{t.pickupAt}</dt><dd>{order.pickupAt}</dd></div>}
        </dl>
      ) : (
        <dl class="big-dates">
          <div><dt>{t.shipsBy}</dt><dd>{order.promisedShipDate ? f.day(order.promisedShipDate) : t.noDate}</dd></div>
          {order.promisedDeliveryDate && <div><dt>{t.arrivesBy}</dt><dd>{f.day(order.promisedDeliveryDate)}</dd></div>}
        </dl>
      )}
    </section>
  )
}

function DelayCard({ delay: d, currency }: { delay: Delay; currency: string }) {
  const t = useText(statusText)
  const f = useFormat()
  const lang = useLang()
  const reason = lang === 'en' ? d.reason : (causeZh[d.cause] ?? d.reason)
  const amount = f.money(d.compensation.amount, d.compensation.currency || currency)
  const compensation = d.compensation.kind === 'coupon' ? t.coupon(amount) : d.compensation.kind === 'presale_penalty' ? t.penalty(amount) : t.noCompensation
  return (
    <section class={`card delay ${d.status}`} aria-labelledby={`delay-${d.lineNo}-${d.at}`}>
      <h2 id={`delay-${d.lineNo}-${d.at}`}>{t.delayTitle}</h2>
      <p class="reason">{reason}</p>
      <dl class="facts">
        <dt>{t.was}</dt><dd><s>{f.day(d.oldShipDate)}</s></dd>
        <dt>{t.now}</dt><dd><strong>{d.newShipDate ? f.day(d.newShipDate) : t.noDate}</strong>{d.daysLate !== null && <> ({t.delayedBy(f.count(d.daysLate))})</>}</dd>
        <dt>{t.compensation}</dt><dd class="compensation">{compensation}</dd>
      </dl>
      {d.status === 'resolved' && <p class="notice">{t.resolved}</p>}
      {d.status === 'accepted' && <p class="live">{t.accepted}</p>}
    </section>
  )
}

function CancelOffer({ order, token, onCancelled }: { order: OrderStatus; token: string; onCancelled: (o: OrderStatus) => void }) {
  const t = useText(statusText)
  const f = useFormat()
  const [asking, setAsking] = useState(false)
  const refund = f.money(order.payment.paid, order.currency)
  const cancel = useAction(async () => onCancelled(await ok(publicApi.POST('/v1/order-status/{token}/cancel', { params: { path: { token } } }))))
  return (
    <section class="card offer" aria-labelledby="offer">
      <h2 id="offer">{asking ? t.confirmTitle : t.cancel}</h2>
      {!asking && <><p>{t.offer}</p><button type="button" class="danger" onClick={() => setAsking(true)}>{t.cancel}</button></>}
      {asking && (
        <div role="alertdialog" aria-labelledby="offer" aria-describedby="offer-text">
          <p id="offer-text">{t.confirmText(refund)}</p>
          <ProblemNote error={cancel.error} />
          <div class="form-row">
            <button type="button" class="danger" disabled={cancel.busy} onClick={() => void cancel.run()}>{t.confirmYes}</button>
            <button type="button" disabled={cancel.busy} onClick={() => setAsking(false)}>{t.confirmNo}</button>
          </div>
        </div>
      )}
    </section>
  )
}

function Cancelled({ order }: { order: OrderStatus }) {
  const t = useText(statusText)
  const f = useFormat()
  const back = order.payment.refundDue + order.payment.refunded
  return (
    <section class="card cancelled" role="status" aria-labelledby="cancelled">
      <h2 id="cancelled">{t.cancelledTitle}</h2>
      <p>{back > 0 ? t.cancelledText(f.money(back, order.currency)) : t.cancelledNoPay}</p>
    </section>
  )
}

function Items({ order }: { order: OrderStatus }) {
  const t = useText(statusText)
  const s = useText(storyText)
  const f = useFormat()
  const storyOf = (l: OrderStatus['lines'][number]) => {
    if (l.status !== 'open') return s[l.status]
    if (l.availability === 'backorder') return /confirmed/i.test(l.riskNote ?? '') ? s.backorderConfirmed : s.backorder
    return s[l.availability]
  }
  return (
    <section class="card" aria-labelledby="items">
      <h2 id="items">{t.items}</h2>
      <ul class="items">
        {order.lines.map((l) => (
          <li>
            <div class="item-head"><strong>{l.name}</strong> <span>{t.qty(f.count(l.quantity))}</span> <span class="num">{f.money(l.lineTotal, order.currency)}</span></div>
            <div class="story"><span class="visually-hidden">{t.story}: </span>{storyOf(l)}</div>
            {l.status === 'open' && l.promisedShipDate && (
              <div class="live">{t.shipsBy} {f.day(l.promisedShipDate)}
                {l.firstPromisedShipDate && l.firstPromisedShipDate < l.promisedShipDate && <> ({t.firstPromise(f.day(l.firstPromisedShipDate))})</>}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

function Payment({ order }: { order: OrderStatus }) {
  const t = useText(statusText)
  const f = useFormat()
  const p = order.payment
  const money = (minor: number | null) => f.money(minor, order.currency)
  return (
    <section class="card" aria-labelledby="payment">
      <h2 id="payment">{t.payment}</h2>
      <dl class="facts">
        <dt>{t.total}</dt><dd>{money(p.total)}</dd>
        {p.plan === 'deposit' && <><dt>{t.deposit}</dt><dd>{money(p.deposit)}</dd><dt>{t.balance}</dt><dd>{money(p.balance)}</dd></>}
        <dt>{t.paid}</dt><dd>{money(p.paid)}</dd>
        {p.refunded > 0 && <><dt>{t.refunded}</dt><dd>{money(p.refunded)}</dd></>}
        {p.refundDue > 0 && <><dt>{t.refundDue}</dt><dd>{money(p.refundDue)}</dd></>}
        {p.amountDue > 0 && <><dt>{t.due}</dt><dd>{money(p.amountDue)}{p.dueAt && <> {t.dueBy(f.day(p.dueAt))}</>}</dd></>}
      </dl>
    </section>
  )
}
