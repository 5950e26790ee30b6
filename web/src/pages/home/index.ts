import type { ConsolePage } from '../registry.ts'
import { Home } from './home.tsx'

export const homePages: ConsolePage[] = [
  { path: '/', roles: ['admin', 'ops', 'channel', 'store', 'warehouse', 'supplier', 'payments'], component: Home },
]
