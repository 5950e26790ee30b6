/** Epoch days: whole days since 1970-01-01 (UTC), as demand is kept and invoices fall due. */
export const dayMs = 86_400_000
export const epochDayOf = (ms: number): number => Math.floor(ms / dayMs)
export const isoDayOf = (day: number): string => new Date(day * dayMs).toISOString().slice(0, 10)
/** `YYYY-MM-DD` → epoch day; undefined when it is not a real calendar day. */
export function dayOfIso(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined
  const ms = Date.parse(`${text}T00:00:00Z`)
  return Number.isFinite(ms) && isoDayOf(ms / dayMs) === text ? ms / dayMs : undefined
}
