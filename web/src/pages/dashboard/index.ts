import type { ConsolePage } from '../registry.ts'
import { Dashboard } from './dashboard.tsx'

export const dashboardPages: ConsolePage[] = [
  { path: '/dashboard', roles: ['admin', 'ops', 'channel'], nav: { en: 'Dashboard', 'zh-CN': '经营概览' }, component: Dashboard },
]
