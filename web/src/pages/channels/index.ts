import type { ConsolePage } from '../registry.ts'
import { ChannelList } from './channel-list.tsx'
import { ChannelPage } from './channel.tsx'

/** Staff see every channel; a channel token sees its own (the list takes it straight there). */
const channelRoles = ['admin', 'ops', 'channel'] as const

export const channelPages: ConsolePage[] = [
  { path: '/channels', roles: channelRoles, nav: { en: 'Channels', 'zh-CN': '渠道' }, component: ChannelList },
  { path: '/channels/:channel', roles: channelRoles, component: ChannelPage },
]
