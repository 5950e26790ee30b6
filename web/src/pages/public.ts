/** Pages anyone with the link may open, without signing in (the customer's order status). */
import type { ComponentType } from 'preact'
import { StatusPage } from './status/status.tsx'

export interface PublicPage {
  path: string
  component: ComponentType<any>
}

export const publicPages: readonly PublicPage[] = [
  { path: '/status/:token', component: StatusPage },
]
