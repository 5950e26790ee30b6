/** Money is integer minor units with an ISO 4217 currency (ARCHITECTURE.md). */

const currencies = new Set(Intl.supportedValuesOf('currency'))

/** An ISO 4217 code this runtime knows (CNY, USD, EUR, …). */
export const isCurrency = (code: unknown): code is string => typeof code === 'string' && currencies.has(code)
