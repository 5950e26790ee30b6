/**
 * Croston, SBA (Syntetos–Boylan approximation) and TSB (Teunter–Syntetos–Babai) for intermittent demand,
 * on the open days of the event-free history; each gives a flat rate per open day.
 */
import type { BaselineModel } from './smoothing.ts'
import type { Series } from './series.ts'

const alpha = 0.1
const beta = 0.1

interface Start { size: number; probability: number }

/** Mean non-zero size and share of non-zero open days over the first open days, to start the recursions. */
function startValues(s: Series, adjusted: Float64Array): Start {
  let nonZero = 0, sizeSum = 0, openDays = 0
  for (let t = 0; t < s.n && openDays < 56; t++) {
    if (s.open[t] === 0) continue
    openDays++
    if (adjusted[t] > 0) { nonZero++; sizeSum += adjusted[t] }
  }
  return { size: nonZero > 0 ? sizeSum / nonZero : 0, probability: openDays > 0 ? nonZero / openDays : 0 }
}

function crostonFamily(debias: number): BaselineModel {
  return (s, adjusted, origins, lengths, out) => {
    const start = startValues(s, adjusted)
    let size = start.size
    let interval = start.probability > 0 ? 1 / start.probability : 1
    let sinceLast = 1
    let t = 0
    for (let i = 0; i < origins.length; i++) {
      for (; t < origins[i]; t++) {
        if (s.open[t] === 0) continue
        if (adjusted[t] > 0) {
          size += alpha * (adjusted[t] - size)
          interval += alpha * (sinceLast - interval)
          sinceLast = 1
        } else sinceLast++
      }
      out[i].fill(Math.max(0, (debias * size) / Math.max(1, interval)), 0, lengths[i])
    }
  }
}

export const croston = crostonFamily(1)
export const sba = crostonFamily(1 - alpha / 2)

export const tsb: BaselineModel = (s, adjusted, origins, lengths, out) => {
  const start = startValues(s, adjusted)
  let size = start.size, probability = start.probability
  let t = 0
  for (let i = 0; i < origins.length; i++) {
    for (; t < origins[i]; t++) {
      if (s.open[t] === 0) continue
      const occurred = adjusted[t] > 0 ? 1 : 0
      probability += beta * (occurred - probability)
      if (occurred === 1) size += alpha * (adjusted[t] - size)
    }
    out[i].fill(Math.max(0, probability * size), 0, lengths[i])
  }
}
