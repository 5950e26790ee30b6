/**
 * Console pages in a real browser: Debian's Chromium driven by playwright-core (never a
 * downloaded browser) against a real server listening on a port. Every page collects console
 * errors, is checked with axe-core, and may be photographed into docs/screenshots/ (SCREENSHOTS=1,
 * as `npm run screenshots` does).
 */
import assert from 'node:assert/strict'
import { existsSync, mkdirSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import axe from 'axe-core'
import { startTestApp, type TestApp } from './app.ts'
import type { Clock, ManualClock } from '../../src/kernel/clock.ts'
import type { WebhookOptions } from '../../src/webhooks/index.ts'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Browser tests run wherever Chromium is installed, and always in CI (.ci/run installs it). */
export const browserSkip: string | false =
  existsSync(chromiumPath) || process.env.CI ? false : `no Chromium at ${chromiumPath} (apt-get install -y chromium)`

const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath, args: flags })

export interface ConsoleServer {
  t: TestApp
  baseUrl: string
  close(): Promise<void>
}

/** A real app over a fresh database, listening on a free port of 127.0.0.1. */
export async function startConsoleServer(kind: 'sqlite' | 'postgres' = 'sqlite', options: { clock?: Clock | ManualClock; webhooks?: WebhookOptions } = {}): Promise<ConsoleServer> {
  const t = await startTestApp(kind, options)
  const baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 })
  return { t, baseUrl, close: () => t.close() }
}

export interface OpenedPage {
  page: Page
  context: BrowserContext
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[]
}

export const laptop = { width: 1280, height: 860 }
export const phone = { width: 390, height: 844 }

/** A fresh browser context (its own sessionStorage) in the given language and size. */
export async function openPage(browser: Browser, options: { lang?: 'en' | 'zh-CN'; viewport?: { width: number; height: number } } = {}): Promise<OpenedPage> {
  const lang = options.lang ?? 'en'
  const context = await browser.newContext({ locale: lang, viewport: options.viewport ?? laptop })
  await context.addInitScript((l) => localStorage.setItem('sellahead.lang', l), lang)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()))
  page.on('pageerror', (err) => errors.push(String(err)))
  return { page, context, errors }
}

/** Signs in through the sign-in form and waits for the console frame. */
export async function signIn(page: Page, baseUrl: string, authorization: { authorization: string }, path = '/console/'): Promise<void> {
  await page.goto(`${baseUrl}${path}`)
  await page.locator('input[name=token]').fill(authorization.authorization.replace(/^Bearer /, ''))
  await page.locator('form button[type=submit]').click()
  await page.locator('header.top').waitFor()
}

/** No serious or critical accessibility violation on the page as it stands. */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  // Evaluated through the DevTools protocol: the console's content security policy refuses inline scripts.
  await page.evaluate(axe.source)
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
  })
  assert.deepEqual(violations, [], `accessibility of ${where}`)
}

export function assertNoConsoleErrors(opened: OpenedPage, where: string): void {
  assert.deepEqual(opened.errors, [], `console errors on ${where}`)
}

/** Saves docs/screenshots/<name>.png when SCREENSHOTS=1, so the README shows the screens as they are. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return
  const dir = new URL('../../docs/screenshots/', import.meta.url)
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: new URL(`${name}.png`, dir).pathname, fullPage: true })
}

/**
 * The refusals a test provokes on purpose: Chromium logs every 4xx answer as a console error, and
 * those are not errors of the page. Each status must have been logged (the refusal did happen).
 */
export function forgetRefusals(opened: OpenedPage, ...statuses: number[]): void {
  for (const status of statuses) {
    const logged = (e: string) => e.includes(`the server responded with a status of ${status}`)
    assert.ok(opened.errors.some(logged), `the ${status} refusal was logged`)
    opened.errors.splice(0, opened.errors.length, ...opened.errors.filter((e) => !logged(e)))
  }
}

/** Waits until the locator's rendered text matches (re-rendered pages settle on their own time). */
export async function waitForText(locator: Locator, pattern: RegExp, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!pattern.test(await locator.innerText())) {
    if (Date.now() > until) assert.match(await locator.innerText(), pattern)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
