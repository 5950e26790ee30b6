/** Money is integer minor units with an ISO 4217 currency (ARCHITECTURE.md). */

const currencies = new Set(Intl.supportedValuesOf('currency'))

/** An ISO 4217 code this runtime knows (CNY, USD, EUR, …). */
export const isCurrency = (code: unknown): code is string => typeof code === 'string' && currencies.has(code)

const minorDigitsByCurrency = new Map<string, number>()

/** Digits after the decimal point in `currency` (CNY, USD, EUR 2; JPY, KRW 0; BHD, KWD 3), from the runtime's ISO 4217 data. */
export function minorUnitDigits(currency: string): number {
  let digits = minorDigitsByCurrency.get(currency)
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
    } catch {
      digits = 2 // not a currency code at all; money is refused elsewhere, a message still reads sensibly
    }
    minorDigitsByCurrency.set(currency, digits)
  }
  return digits
}

/** The amount in major units: 19800 CNY is '198.00'. Exact (string arithmetic), for any whole number of minor units. */
export function majorUnits(minor: number, currency: string): string {
  if (!Number.isInteger(minor)) return String(minor)
  const digits = minorUnitDigits(currency)
  const sign = minor < 0 ? '-' : ''
  const text = String(Math.abs(minor)).padStart(digits + 1, '0')
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`
}

/** How an error text names an amount: both major and minor units, `198.00 CNY (19800)`. */
export const formatMoney = (minor: number, currency: string): string => `${majorUnits(minor, currency)} ${currency} (${minor})`
