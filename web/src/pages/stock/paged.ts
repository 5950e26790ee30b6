/** A cursor-paged list read a page at a time: the first page when `deps` change, more on request. */
import { useEffect, useState } from 'preact/hooks'

export interface Page<T> {
  items: T[]
  nextCursor?: string | null
}

export interface Paged<T> {
  items: T[] | undefined
  hasMore: boolean
  busy: boolean
  error: unknown
  more: () => void
}

export function usePaged<T>(loadPage: (cursor: string | undefined) => Promise<Page<T>>, deps: readonly unknown[]): Paged<T> {
  const [state, setState] = useState<{ items?: T[]; next: string | null; busy: boolean; error: unknown }>({ next: null, busy: true, error: null })
  useEffect(() => {
    let current = true
    setState((s) => ({ ...s, busy: true, error: null }))
    loadPage(undefined).then(
      (page) => current && setState({ items: page.items, next: page.nextCursor ?? null, busy: false, error: null }),
      (error) => current && setState((s) => ({ ...s, busy: false, error })),
    )
    return () => void (current = false)
  }, deps)
  const more = () => {
    if (state.next === null) return
    setState((s) => ({ ...s, busy: true, error: null }))
    loadPage(state.next).then(
      (page) => setState((s) => ({ items: [...(s.items ?? []), ...page.items], next: page.nextCursor ?? null, busy: false, error: null })),
      (error) => setState((s) => ({ ...s, busy: false, error })),
    )
  }
  return { items: state.items, hasMore: state.next !== null, busy: state.busy, error: state.error, more }
}
