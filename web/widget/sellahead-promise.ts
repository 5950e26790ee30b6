/**
 * `<sellahead-promise>`: the delivery promise on any shop's product page, from one script tag.
 *
 *   <script type="module" src="https://sellahead.example.com/console/widget/sellahead-promise.js"></script>
 *   <sellahead-promise sku="SNEAKER-42" channel="web" region="east"></sellahead-promise>
 *
 * Attributes: `sku` and `channel` (required), `region` (adds the delivery day), `quantity` (1),
 * `lang` (`en` or `zh-CN`; else the browser's language), `api` (the Sellahead server; else the
 * origin this script was loaded from). It reads the public `GET /v1/promise` and says, in the
 * shopper's language, "In stock — ships today", "Ships by 15 Dec (waiting for a confirmed
 * supplier delivery)", "Presale — deposit ¥50, ships 15 Dec" or that it is unavailable. No
 * framework, no dependencies; styles stay in its shadow root (theme it with the CSS properties
 * `--sellahead-promise-*` or `::part(promise)`).
 */

type Kind = 'in_stock' | 'future_supply' | 'presale' | 'unavailable'
type WaitingFor = 'supplier_confirmation' | 'confirmed_supplier_delivery' | 'delivery_in_transit' | 'transfer_between_warehouses' | 'supplier_stock'

/** The answer of `GET /v1/promise` (days are `YYYY-MM-DD`, money in minor units). */
interface ShopperPromise {
  kind: Kind
  today: string
  shipBy: string | null
  deliverBy: string | null
  confidence: 'high' | 'medium' | 'low' | null
  waitingFor?: WaitingFor
  deposit?: number
  price?: number
  currency?: string
}

type Language = 'en' | 'zh-CN'

/** How each language says it; `date` and `money` arrive formatted for that language. */
interface Words {
  checking: string
  failed: string
  inStockToday: string
  inStockTomorrow: string
  inStockBy: (date: string) => string
  shipsBy: (date: string, why: string | null) => string
  presale: (deposit: string | null, date: string | null) => string
  unavailable: string
  arrivesBy: (date: string) => string
  waiting: Record<WaitingFor, string>
}

const words: Record<Language, Words> = {
  en: {
    checking: 'Checking availability…',
    failed: 'Delivery date not available right now',
    inStockToday: 'In stock — ships today',
    inStockTomorrow: 'In stock — ships tomorrow',
    inStockBy: (date) => `In stock — ships by ${date}`,
    shipsBy: (date, why) => (why ? `Ships by ${date} (${why})` : `Ships by ${date}`),
    presale: (deposit, date) => ['Presale', [deposit && `deposit ${deposit}`, date && `ships ${date}`].filter(Boolean).join(', ')].filter(Boolean).join(' — '),
    unavailable: 'Currently unavailable',
    arrivesBy: (date) => `Arrives by ${date}`,
    waiting: {
      supplier_confirmation: 'waiting for the supplier to confirm',
      confirmed_supplier_delivery: 'waiting for a confirmed supplier delivery',
      delivery_in_transit: 'on its way to our warehouse',
      transfer_between_warehouses: 'moving between our warehouses',
      supplier_stock: 'ships from our supplier’s stock',
    },
  },
  'zh-CN': {
    checking: '正在查询库存…',
    failed: '暂时无法获取发货日期',
    inStockToday: '现货 — 今天发货',
    inStockTomorrow: '现货 — 明天发货',
    inStockBy: (date) => `现货 — ${date}前发货`,
    shipsBy: (date, why) => (why ? `${date}前发货（${why}）` : `${date}前发货`),
    presale: (deposit, date) => ['预售', [deposit && `定金 ${deposit}`, date && `${date}发货`].filter(Boolean).join('，')].filter(Boolean).join(' — '),
    unavailable: '暂时缺货',
    arrivesBy: (date) => `预计${date}前送达`,
    waiting: {
      supplier_confirmation: '等待供应商确认',
      confirmed_supplier_delivery: '等待供应商已确认的到货',
      delivery_in_transit: '货物正运往我们的仓库',
      transfer_between_warehouses: '正在仓库间调拨',
      supplier_stock: '由供应商仓库发货',
    },
  },
}

/** Where this script came from: the default server to ask. */
const scriptOrigin: string = (() => {
  try {
    return new URL(import.meta.url).origin
  } catch {
    return location.origin
  }
})()

/** `zh…` reads Chinese; anything else English. */
export function languageOf(requested: string | null, browser: string | undefined): Language {
  const tag = (requested || browser || 'en').toLowerCase()
  return tag.startsWith('zh') ? 'zh-CN' : 'en'
}

/** The locale dates and money are formatted in: the page's own tag when it is of that language (en-US keeps "Dec 15"), else a default. */
function localeOf(language: Language, requested: string | null, browser: string | undefined): string {
  const tag = requested || browser || ''
  if (language === 'en') return /^en-/i.test(tag) ? tag : 'en-GB'
  return 'zh-CN'
}

/** `2026-12-15` as the shopper reads it: "15 Dec", "Dec 15", "12月15日". The days are UTC days. */
export function formatDay(day: string, locale: string): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: locale.startsWith('zh') ? 'long' : 'short', timeZone: 'UTC' }
  return new Intl.DateTimeFormat(locale, options).format(new Date(`${day}T00:00:00Z`))
}

/** Minor units as money: 5000 CNY → "¥50" (no decimals when there are none to show). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  const amount = minor / 10 ** digits
  return new Intl.NumberFormat(locale, {
    style: 'currency', currency, currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: Number.isInteger(amount) ? 0 : digits, maximumFractionDigits: digits,
  }).format(amount)
}

const dayAfter = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** The promise in words: the main sentence and, with a delivery day, a second line. */
export function sentencesOf(p: ShopperPromise, language: Language, locale: string): { main: string; detail: string | null } {
  const w = words[language]
  const day = (d: string | null) => (d === null ? null : formatDay(d, locale))
  const detail = p.kind !== 'unavailable' && p.deliverBy ? w.arrivesBy(day(p.deliverBy)!) : null
  switch (p.kind) {
    case 'in_stock': {
      if (p.shipBy === null || p.shipBy <= p.today) return { main: w.inStockToday, detail }
      return { main: p.shipBy === dayAfter(p.today) ? w.inStockTomorrow : w.inStockBy(day(p.shipBy)!), detail }
    }
    case 'future_supply':
      return { main: w.shipsBy(day(p.shipBy) ?? '—', p.waitingFor ? w.waiting[p.waitingFor] : null), detail }
    case 'presale': {
      const deposit = p.deposit !== undefined && p.deposit > 0 && p.currency ? formatMoney(p.deposit, p.currency, locale) : null
      return { main: w.presale(deposit, day(p.shipBy)), detail }
    }
    default:
      return { main: w.unavailable, detail: null }
  }
}

// Colours meet WCAG AA (4.5:1) on white; a shop may set its own through the custom properties.
const styles = `
:host { display: block; font: inherit; color: var(--sellahead-promise-color, #1f2937); }
:host([hidden]) { display: none; }
p { margin: 0; display: flex; align-items: baseline; gap: .5em; line-height: 1.4; }
.dot { flex: none; width: .6em; height: .6em; border-radius: 50%; background: currentColor; transform: translateY(-.05em); }
.text { display: flex; flex-direction: column; }
.main { font-weight: 600; }
.detail { font-size: .875em; color: var(--sellahead-promise-detail-color, #374151); }
.in_stock { color: var(--sellahead-promise-in-stock, #0f6b2f); }
.future_supply { color: var(--sellahead-promise-future, #8a4b00); }
.presale { color: var(--sellahead-promise-presale, #1d4ed8); }
.unavailable, .failed { color: var(--sellahead-promise-unavailable, #4b5563); }
.checking { color: var(--sellahead-promise-detail-color, #374151); }
`

const observed = ['sku', 'channel', 'region', 'quantity', 'lang', 'api'] as const

export class SellaheadPromise extends HTMLElement {
  static get observedAttributes(): readonly string[] {
    return observed
  }

  readonly #root: ShadowRoot
  readonly #line: HTMLParagraphElement
  readonly #main: HTMLSpanElement
  readonly #detail: HTMLSpanElement
  #inFlight: AbortController | undefined
  #scheduled = false

  constructor() {
    super()
    this.#root = this.attachShadow({ mode: 'open' })
    const style = document.createElement('style')
    style.textContent = styles
    this.#line = document.createElement('p')
    this.#line.setAttribute('role', 'status')
    this.#line.setAttribute('part', 'promise')
    const dot = document.createElement('span')
    dot.className = 'dot'
    dot.setAttribute('aria-hidden', 'true')
    const text = document.createElement('span')
    text.className = 'text'
    this.#main = document.createElement('span')
    this.#main.className = 'main'
    this.#detail = document.createElement('span')
    this.#detail.className = 'detail'
    text.append(this.#main, this.#detail)
    this.#line.append(dot, text)
    this.#root.append(style, this.#line)
  }

  connectedCallback(): void {
    this.#schedule()
  }

  disconnectedCallback(): void {
    this.#inFlight?.abort()
  }

  attributeChangedCallback(_name: string, before: string | null, after: string | null): void {
    if (before !== after && this.isConnected) this.#schedule()
  }

  /** Several attributes set one after another make one request, not one each. */
  #schedule(): void {
    if (this.#scheduled) return
    this.#scheduled = true
    queueMicrotask(() => {
      this.#scheduled = false
      void this.#refresh()
    })
  }

  get #language(): { language: Language; locale: string } {
    const requested = this.getAttribute('lang')
    const browser = typeof navigator === 'undefined' ? undefined : navigator.language
    const language = languageOf(requested, browser)
    return { language, locale: localeOf(language, requested, browser) }
  }

  async #refresh(): Promise<void> {
    const sku = this.getAttribute('sku')
    const channel = this.getAttribute('channel')
    const { language, locale } = this.#language
    this.#inFlight?.abort()
    if (!sku || !channel) return this.#show('failed', words[language].failed, null, language)
    const query = new URLSearchParams({ sku, channel, quantity: this.getAttribute('quantity') || '1' })
    const region = this.getAttribute('region')
    if (region) query.set('region', region)
    const api = (this.getAttribute('api') || scriptOrigin).replace(/\/+$/, '')
    const controller = new AbortController()
    this.#inFlight = controller
    this.#show('checking', words[language].checking, null, language)
    try {
      const res = await fetch(`${api}/v1/promise?${query}`, { signal: controller.signal, headers: { accept: 'application/json' } })
      if (!res.ok) throw new Error(`promise answered ${res.status}`)
      const promise = (await res.json()) as ShopperPromise
      const { main, detail } = sentencesOf(promise, language, locale)
      this.#show(promise.kind, main, detail, language)
      this.dispatchEvent(new CustomEvent('sellahead-promise', { detail: promise, bubbles: true, composed: true }))
    } catch (error) {
      if (controller.signal.aborted) return
      this.#show('failed', words[language].failed, null, language)
      this.dispatchEvent(new CustomEvent('sellahead-promise-error', { detail: String(error), bubbles: true, composed: true }))
    }
  }

  #show(state: Kind | 'checking' | 'failed', main: string, detail: string | null, language: Language): void {
    this.#line.className = state
    this.#line.lang = language
    this.#line.setAttribute('aria-busy', String(state === 'checking'))
    this.#main.textContent = main
    this.#detail.textContent = detail ?? ''
    this.#detail.hidden = detail === null
    this.setAttribute('state', state)
  }
}

if (!customElements.get('sellahead-promise')) customElements.define('sellahead-promise', SellaheadPromise)
