/**
 * Who is signed in: the token (kept in this tab's sessionStorage only, so closing the tab signs
 * out) and the role the server says it has. Pages read it with useSession().
 */
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { SellaheadClient } from '../../clients/typescript/index.ts'
import { clientFor, ok } from './api.ts'

export type RoleKind = 'admin' | 'ops' | 'channel' | 'store' | 'warehouse' | 'supplier' | 'payments'

export interface Session {
  token: string
  kind: RoleKind
  role: string
  /** The channel, store node or supplier a scoped token belongs to. */
  scopeId: string | null
  /** The channel's, store's or supplier's name, when the token belongs to one. */
  scopeName: string | null
  api: SellaheadClient
}

const storageKey = 'sellahead.token'

export const savedToken = (): string | null => sessionStorage.getItem(storageKey)

/** Asks the server who the token is; throws the API's refusal for an unknown or revoked token. */
export async function signIn(token: string): Promise<Session> {
  const api = clientFor(token)
  const me = await ok(api.GET('/v1/session'))
  sessionStorage.setItem(storageKey, token)
  return { token, kind: me.kind as RoleKind, role: me.role, scopeId: me.scopeId ?? null, scopeName: me.scopeName ?? null, api }
}

export function signOut(): void {
  sessionStorage.removeItem(storageKey)
}

export const SessionContext = createContext<Session | null>(null)

/** The signed-in session: pages behind sign-in only render with one. */
export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside a signed-in page')
  return session
}
