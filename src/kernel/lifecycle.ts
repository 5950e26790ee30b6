/**
 * Lifecycles are tables (ARCHITECTURE.md): for each action, the statuses it may run from, the
 * parties that may run it, and the status it leads to. Orders, purchase orders and presale
 * campaigns keep their tables as data and check them here, before deciding anything else, so an
 * illegal step is a result code, never a crash.
 */
import type { Failure } from './result.ts'

export interface Transition<S extends string, P extends string = never> {
  from: readonly S[]
  /** The parties that may run the action; a table without parties leaves that to its routes. */
  by?: readonly P[]
  /** The status the action leads to; null (or absent) when it stays or follows from the document. */
  to?: S | null
  summary: string
}

export type LifecycleTable<A extends string, S extends string, P extends string = never> = Record<A, Transition<S, P>>

export type LifecycleRefusal = Failure<'forbidden' | 'illegal_transition'>

const words = (action: string): string => action.replace(/_/g, ' ')

/** The document an action is asked of: its kind and reference name it in the refusal ("order ord_…"). */
export interface Subject<S extends string> {
  kind: string
  ref: string
  status: S
}

/** Refuses an action the party (`forbidden`) or the status (`illegal_transition`) does not allow. */
export function checkAction<A extends string, S extends string, P extends string>(
  table: LifecycleTable<A, S, P>,
  doc: Subject<S>,
  action: A,
  party?: P,
): LifecycleRefusal | undefined {
  const t = table[action]
  if (party !== undefined && t.by && !t.by.includes(party)) {
    return { ok: false, code: 'forbidden', detail: `A ${party} may not ${words(action)} ${article(doc.kind)} ${doc.kind}.`, extra: { action, party } }
  }
  if (!t.from.includes(doc.status)) {
    return {
      ok: false,
      code: 'illegal_transition',
      detail: `Cannot ${words(action)} ${doc.kind} ${doc.ref} while it is ${doc.status}; allowed from: ${t.from.join(', ')}.`,
      extra: { action, status: doc.status, allowedFrom: t.from },
    }
  }
  return undefined
}

const article = (noun: string): string => (/^[aeiou]/.test(noun) ? 'an' : 'a')
