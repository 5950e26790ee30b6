/**
 * A progress display for long CLI jobs (CSV import and export). On a terminal: one bar redrawn
 * in place. Elsewhere (CI, pipes): a plain line at most once a second, so logs stay short.
 */
const barWidth = 30
const logIntervalMs = 1000
const redrawIntervalMs = 50

export interface ProgressBar {
  tick(done: number): void
  finish(): void
}

/** `total` and the counts given to `tick` are items, or bytes (shown in MB) for a file read as it is imported. */
export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr, unit: 'items' | 'bytes' = 'items'): ProgressBar {
  const startedMs = Date.now()
  const interactive = Boolean(stream.isTTY)
  let lastDrawMs = 0
  let lastDone = 0
  let lastDrawnDone = -1
  let finished = false
  const amount = unit === 'bytes' ? (n: number) => (n / 1e6).toFixed(1) : (n: number) => Math.round(n).toLocaleString('en')
  const suffix = unit === 'bytes' ? ' MB' : ''

  const line = (done: number): string => {
    const elapsedS = Math.max((Date.now() - startedMs) / 1000, 0.001)
    const fraction = total > 0 ? Math.min(done / total, 1) : 1
    const rate = `${amount(done / elapsedS)}${suffix}/s`
    const count = `${amount(done)}/${amount(total)}${suffix}`
    const percent = `${Math.floor(fraction * 100)}%`.padStart(4)
    if (!interactive) return `${label}: ${count} (${percent.trim()}) ${rate}`
    const filled = Math.round(fraction * barWidth)
    return `${label} [${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}] ${count} ${percent} ${rate}`
  }

  const draw = (done: number, force: boolean): void => {
    const now = Date.now()
    if (!force && now - lastDrawMs < (interactive ? redrawIntervalMs : logIntervalMs)) return
    lastDrawMs = now
    lastDrawnDone = done
    stream.write(interactive ? `\r\x1b[2K${line(done)}` : `${line(done)}\n`)
  }

  return {
    tick(done: number) {
      if (finished) return
      lastDone = done
      draw(done, false)
    },
    finish() {
      if (finished) return
      finished = true
      // A log already showing the final count needs no second line saying the same.
      if (interactive || lastDrawnDone !== lastDone) draw(lastDone, true)
      if (interactive) stream.write('\n')
    },
  }
}
