/**
 * What a console page declares: where it lives, who may open it, and its name in the navigation.
 * Each area of the console exports its pages from its own folder; pages/index.ts lists the areas.
 */
import type { ComponentType } from 'preact'
import type { Lang } from '../i18n.tsx'
import type { RoleKind } from '../session.tsx'

export interface ConsolePage {
  /** Under /console, with preact-iso parameters: `/orders/:id`. */
  path: string
  roles: readonly RoleKind[]
  /** Shown in the navigation when set (pages reached by a link only, like one order, have none). */
  nav?: Record<Lang, string>
  /** Who sees the navigation entry, when not every role that may open the page (staff open a supplier's page by link). */
  navRoles?: readonly RoleKind[]
  component: ComponentType<any>
}

export const staff: readonly RoleKind[] = ['admin', 'ops']

/** Whether a role's navigation lists the page. */
export const listedFor = (page: ConsolePage, kind: RoleKind): boolean => page.nav !== undefined && (page.navRoles ?? page.roles).includes(kind)
