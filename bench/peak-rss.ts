/**
 * Preloaded (`node --import`) into a process a benchmark measures: at exit it writes the
 * process's peak resident set in kilobytes to $PEAK_RSS_FILE. A preload, so it measures any
 * checkout's CLI unchanged.
 */
import { writeFileSync } from 'node:fs'

const out = process.env.PEAK_RSS_FILE
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)))
