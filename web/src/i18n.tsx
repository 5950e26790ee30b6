/**
 * Two languages, every label in both: a page declares its texts once per language with
 * `defineText`, whose types make a missing or extra Chinese key a type error. The chosen
 * language is kept in localStorage and sent to nothing else.
 */
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'

export const languages = ['en', 'zh-CN'] as const
export type Lang = (typeof languages)[number]

/** A label, or a label built from values (counts, dates). */
type Label = string | ((...values: never[]) => string)

export type Texts<T extends Record<string, Label>> = Record<Lang, T>

/** The same keys, each of the same kind, in English and Chinese. */
export const defineText = <T extends Record<string, Label>>(en: T, zh: { [K in keyof T]: T[K] }): Texts<T> => ({ en, 'zh-CN': zh })

export const LangContext = createContext<Lang>('en')

export const useLang = (): Lang => useContext(LangContext)

/** Changes the language: pages outside the console frame (the customer's status page) offer the switch themselves. */
export const SetLangContext = createContext<(lang: Lang) => void>(() => {})

/** The texts of one page in the chosen language. */
export const useText = <T extends Record<string, Label>>(texts: Texts<T>): T => texts[useLang()]

const storageKey = 'sellahead.lang'

export function initialLang(): Lang {
  const saved = localStorage.getItem(storageKey)
  if (saved === 'en' || saved === 'zh-CN') return saved
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export function saveLang(lang: Lang): void {
  localStorage.setItem(storageKey, lang)
  document.documentElement.lang = lang
}

/** Minor units as a number of major units (19800 CNY is 198; JPY has no minor unit), for charts. */
export function majorUnits(minor: number, currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  return minor / 10 ** digits
}

/** Dates, money and numbers as the reader writes them. Days on the wire are YYYY-MM-DD (UTC). */
export function useFormat() {
  const lang = useLang()
  const day = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
  const instant = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })
  const count = new Intl.NumberFormat(lang)
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 })
  return {
    day: (value: string | null | undefined) => (value ? day.format(new Date(value.length === 10 ? `${value}T00:00:00Z` : value)) : '—'),
    instant: (value: string | null | undefined) => (value ? instant.format(new Date(value)) : '—'),
    count: (value: number | null | undefined) => (value === null || value === undefined ? '—' : count.format(value)),
    percent: (value: number | null | undefined) => (value === null || value === undefined ? '—' : percent.format(value)),
    /** Integer minor units in an ISO currency: the currency's own digits say where the point goes. */
    money: (minor: number | null | undefined, currency: string) =>
      minor === null || minor === undefined ? '—' : new Intl.NumberFormat(lang, { style: 'currency', currency }).format(majorUnits(minor, currency)),
    major: majorUnits,
  }
}
