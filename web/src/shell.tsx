/** The frame around every signed-in page: the product name, the navigation the role may use, the language and sign-out. */
import type { ComponentChildren } from 'preact'
import { useLocation } from 'preact-iso'
import { defineText, languages, useLang, useText, type Lang } from './i18n.tsx'
import { useSession } from './session.tsx'
import { consolePages } from './pages/index.ts'
import { listedFor } from './pages/registry.ts'

const text = defineText(
  { skip: 'Skip to content', menu: 'Menu', language: 'Language', signOut: 'Sign out', signedInAs: (role: string) => `Signed in as ${role}`, nav: 'Console' },
  { skip: '跳到正文', menu: '菜单', language: '语言', signOut: '退出', signedInAs: (role: string) => `当前身份：${role}`, nav: '控制台' },
)

/** Navigation groups: a page belongs to the group named by the first segment of its path. */
const groupNames: Record<string, Record<Lang, string>> = {
  dashboard: { en: 'Overview', 'zh-CN': '概览' },
  stock: { en: 'Stock', 'zh-CN': '库存' },
  orders: { en: 'Orders', 'zh-CN': '订单' },
  selling: { en: 'Selling ahead', 'zh-CN': '预售与承诺' },
  purchasing: { en: 'Purchasing', 'zh-CN': '采购' },
  portal: { en: 'Supplier portal', 'zh-CN': '供应商门户' },
  channels: { en: 'Channels', 'zh-CN': '渠道' },
  returns: { en: 'Returns', 'zh-CN': '退货' },
  replenishment: { en: 'Replenishment', 'zh-CN': '补货' },
  payables: { en: 'Payables', 'zh-CN': '应付账款' },
}

const groupOf = (path: string): string => path.split('/')[1] ?? ''

const languageNames: Record<Lang, string> = { en: 'English', 'zh-CN': '中文' }

export function LanguagePicker({ onChange }: { onChange: (lang: Lang) => void }) {
  const t = useText(text)
  const lang = useLang()
  return (
    <label class="lang">
      <span class="visually-hidden">{t.language}</span>
      <select value={lang} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as Lang)}>
        {languages.map((l) => <option value={l}>{languageNames[l]}</option>)}
      </select>
    </label>
  )
}

export function Shell({ children, onLang, onSignOut }: { children: ComponentChildren; onLang: (lang: Lang) => void; onSignOut: () => void }) {
  const t = useText(text)
  const lang = useLang()
  const session = useSession()
  const { path } = useLocation()
  const links = consolePages.filter((p) => listedFor(p, session.kind))
  const groups = [...new Set(links.map((p) => groupOf(p.path)))]
  // The deepest link the path is under is the current one (`/returns/settings`, not `/returns` too).
  const under = (href: string) => path === href || path.startsWith(`${href}/`)
  const currentHref = links.map((p) => `/console${p.path}`).filter(under).sort((a, b) => b.length - a.length)[0]
  const nav = groups.map((group) => {
    const heading = groupNames[group]?.[lang]
    return (
      <div class="nav-group">
        {heading && <h2 class="nav-heading">{heading}</h2>}
        <ul>
          {links.filter((p) => groupOf(p.path) === group).map((p) => {
            const href = `/console${p.path}`
            return <li><a href={href} aria-current={href === currentHref ? 'page' : undefined}>{p.nav![lang]}</a></li>
          })}
        </ul>
      </div>
    )
  })
  return (
    <div class="frame">
      <a class="skip" href="#main">{t.skip}</a>
      <header class="top">
        <a class="brand" href="/console/">Sellahead</a>
        <details class="nav-narrow">
          <summary>{t.menu}</summary>
          <nav aria-label={t.menu}>{nav}</nav>
        </details>
        <div class="who">
          <span class="role" title={t.signedInAs(session.role)}>{session.scopeName ?? session.role}</span>
          <LanguagePicker onChange={onLang} />
          <button type="button" onClick={onSignOut}>{t.signOut}</button>
        </div>
      </header>
      <nav class="nav-wide" aria-label={t.nav}>{nav}</nav>
      <main id="main">{children}</main>
    </div>
  )
}
