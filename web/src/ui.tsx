/** The few building blocks every page uses: loading data, showing a refusal, tables, fields, cards. */
import type { ComponentChildren, JSX } from 'preact'
import { useCallback, useEffect, useId, useState } from 'preact/hooks'
import { ApiError } from './api.ts'
import { defineText, useText } from './i18n.tsx'

const text = defineText(
  { loading: 'Loading…', retry: 'Try again', empty: 'Nothing here yet.', failed: 'Could not load this.', code: 'Code', more: 'Load more' },
  { loading: '加载中…', retry: '重试', empty: '暂无数据。', failed: '加载失败。', code: '错误码', more: '加载更多' },
)

export interface Loaded<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload: () => void
}

/** Runs `load` when `deps` change (and on reload()); keeps the last data while reloading. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true })
  const [round, setRound] = useState(0)
  useEffect(() => {
    let current = true
    setState((s) => ({ ...s, loading: true }))
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error) => current && setState((s) => ({ data: s.data, error, loading: false })),
    )
    return () => void (current = false)
  }, [...deps, round])
  const reload = useCallback(() => setRound((n) => n + 1), [])
  return { data: state.data, error: state.error, loading: state.loading, reload }
}

/** A refusal in words: the API's own sentence and its stable code, announced to screen readers. */
export function ProblemNote({ error }: { error: unknown }) {
  const t = useText(text)
  if (!error) return null
  const problem = error instanceof ApiError ? error.problem : undefined
  return (
    <p class="problem" role="alert">
      {problem ? (problem.detail ?? problem.title) : t.failed}
      {problem && <span class="code"> ({t.code}: <code>{problem.code}</code>)</span>}
    </p>
  )
}

/** Data, or its loading state, or its error with a retry. */
export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const t = useText(text)
  if (loaded.data !== undefined) return <>{loaded.error ? <ProblemNote error={loaded.error} /> : null}{children(loaded.data)}</>
  if (loaded.error) return <div><ProblemNote error={loaded.error} /><button type="button" onClick={loaded.reload}>{t.retry}</button></div>
  return <p aria-busy="true">{t.loading}</p>
}

export interface Column<T> {
  label: string
  cell: (row: T) => ComponentChildren
  /** Right-aligned figures. */
  numeric?: boolean
}

export function DataTable<T>({ caption, columns, rows, rowKey }: { caption: string; columns: Column<T>[]; rows: readonly T[]; rowKey: (row: T) => string }) {
  const t = useText(text)
  return (
    // Focusable so a table wider than a phone can be scrolled from the keyboard.
    <div class="table-wrap" tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead><tr>{columns.map((c) => <th scope="col" class={c.numeric ? 'num' : undefined}>{c.label}</th>)}</tr></thead>
        <tbody>
          {rows.length === 0 && <tr><td colSpan={columns.length}>{t.empty}</td></tr>}
          {rows.map((row) => (
            <tr key={rowKey(row)}>{columns.map((c) => <td class={c.numeric ? 'num' : undefined}>{c.cell(row)}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** A labelled control: the label is tied to the input for screen readers and clicks. */
export function Field({ label, hint, children }: { label: string; hint?: string; children: (id: string) => JSX.Element }) {
  const id = useId()
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children(id)}
      {hint && <small>{hint}</small>}
    </div>
  )
}

export function Card({ title, children, actions }: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <section class="card" aria-label={title}>
      <header class="card-head"><h2>{title}</h2>{actions}</header>
      {children}
    </section>
  )
}

export function PageTitle({ title, children }: { title: string; children?: ComponentChildren }) {
  useEffect(() => void (document.title = `${title} · Sellahead`), [title])
  return <div class="page-title"><h1>{title}</h1>{children}</div>
}

export function MoreButton({ onClick, busy }: { onClick: () => void; busy?: boolean }) {
  const t = useText(text)
  return <button type="button" class="more" onClick={onClick} disabled={busy}>{t.more}</button>
}

/** Runs an operator's action, keeping its refusal to show beside the form. */
export function useAction<A extends unknown[]>(act: (...args: A) => Promise<unknown>, done?: () => void) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = async (...args: A) => {
    setBusy(true)
    setError(null)
    try {
      await act(...args)
      done?.()
      return true
    } catch (e) {
      setError(e)
      return false
    } finally {
      setBusy(false)
    }
  }
  return { run, busy, error }
}

/** One headline figure: the value large, its label under it, an optional hint. */
export function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div class="figure">
      <div class="value">{value}</div>
      <div class="label">{label}</div>
      {hint && <small class="hint-small">{hint}</small>}
    </div>
  )
}
