/** Pages anyone with the link may open, without signing in (the customer's order status). */
import type { ComponentType } from 'preact'

export interface PublicPage {
  path: string
  component: ComponentType<any>
}

export const publicPages: readonly PublicPage[] = []
