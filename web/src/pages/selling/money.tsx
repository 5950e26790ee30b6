/** Small shared pieces of the selling and purchasing pages: amounts typed by an operator, status badges. */

/** An amount as an operator types it (100.50) in integer minor units of the currency (10050). */
export function toMinor(value: string, currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  return Math.round(Number(value) * 10 ** digits)
}

/** The badge tone of a status: going, done, stopped, or waiting. */
const tones: Record<string, string> = {
  published: 'good', confirmed: 'good', shipped: 'good', partially_received: 'warn', received: 'good', sent: 'warn',
  ended: 'muted', closed: 'muted', draft: 'muted', cancelled: 'bad',
}

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span class={`badge ${tones[status] ?? 'muted'}`}>{label}</span>
}
