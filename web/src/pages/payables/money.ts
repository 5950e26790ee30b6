/** Amounts typed by a clerk, in major units ("12.50"), as integer minor units: exact, no floating point. */

/** How many minor-unit digits a currency has (CNY 2, JPY 0), as Intl knows it. */
export function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** "12.5" in CNY is 1250; more digits than the currency has, or anything not a number, is undefined. */
export function minorOf(text: string, currency: string): number | undefined {
  const digits = fractionDigits(currency)
  const m = /^(-?)(\d{1,13})(?:\.(\d*))?$/.exec(text.trim())
  if (!m || (m[3] ?? '').length > digits) return undefined
  const minor = Number(m[2]) * 10 ** digits + Number((m[3] ?? '').padEnd(digits, '0') || '0')
  return m[1] === '-' ? -minor : minor
}

/** Minor units back as the text a clerk would type ("12.50"). */
export function typedOf(minor: number, currency: string): string {
  const digits = fractionDigits(currency)
  const sign = minor < 0 ? '-' : ''
  const abs = Math.abs(minor)
  if (digits === 0) return `${sign}${abs}`
  const unit = 10 ** digits
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`
}
