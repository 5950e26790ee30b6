/** Words the channel pages share: availability statuses, scopes, webhook delivery states and the labels of each page. */
import { defineText } from '../../i18n.tsx'

export const availabilityStatusText = defineText(
  { in_stock: 'In stock', low_stock: 'Low stock', backorder: 'Backorder', presale: 'Presale', out_of_stock: 'Out of stock', onlyLeft: (n: number) => `only ${n} left` },
  { in_stock: '有货', low_stock: '库存紧张', backorder: '缺货可订', presale: '预售', out_of_stock: '无货', onlyLeft: (n: number) => `仅剩 ${n} 件` },
)

export const deliveryStatusText = defineText(
  { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' },
  { pending: '待发送', delivered: '已送达', failed: '失败' },
)

export const scopeText = defineText(
  { channel: 'Whole channel', region: (r: string) => `Region ${r}`, store: (s: string) => `Pickup at ${s}` },
  { channel: '整个渠道', region: (r: string) => `${r} 区域`, store: (s: string) => `${s} 门店自提` },
)

export const listText = defineText(
  {
    title: 'Channels', caption: 'Channels and their feeds', channel: 'Channel', code: 'Code', values: 'Values shown', inStock: 'In stock', lowStock: 'Low stock',
    outOfStock: 'Out of stock', feedPosition: 'Feed position', deltas: (days: number) => `Deltas (${days} days)`, successRate: 'Webhook success',
    pending: 'Deliveries pending', lag: (seconds: string) => `Availability projector lag: ${seconds} s`,
  },
  {
    title: '渠道', caption: '渠道及其数据流', channel: '渠道', code: '代码', values: '展示条目', inStock: '有货', lowStock: '库存紧张',
    outOfStock: '无货', feedPosition: '数据流位置', deltas: (days: number) => `变更数（${days} 天）`, successRate: 'Webhook 成功率',
    pending: '待发送投递', lag: (seconds: string) => `可售投影延迟：${seconds} 秒`,
  },
)

export const channelText = defineText(
  {
    title: (name: string) => `Channel ${name}`, measures: 'Feed and deliveries', feedPosition: 'Feed position', lag: 'Projector lag (s)',
    deltas: (days: number) => `Deltas in ${days} days`, delivered: 'Delivered', failed: 'Failed', successRate: 'Delivery success',
    oldestPending: 'Oldest undelivered (s)', pendingNow: (n: string) => `${n} pending now`, byStatus: 'Values shown by status',
    sample: 'Availability', sampleCaption: 'Availability per SKU and scope', sku: 'SKU', scope: 'Scope', allScopes: 'All scopes', status: 'Status', quantity: 'Quantity',
    shipBy: 'Ships by', deliverBy: 'Delivered by', search: 'Search', clear: 'Clear', live: (seq: string) => `Live · feed position ${seq}`, paused: 'Live updates paused',
    exports: 'Exports', google: 'Google local inventory (JSON)', shopify: 'Shopify inventory (JSON)', exportHint: 'What the channel\'s integrations read: a JSON file of the current values.',
    allChannels: 'All channels', back: 'All channels',
  },
  {
    title: (name: string) => `渠道 ${name}`, measures: '数据流与投递', feedPosition: '数据流位置', lag: '投影延迟（秒）',
    deltas: (days: number) => `${days} 天内变更数`, delivered: '已送达', failed: '失败', successRate: '投递成功率',
    oldestPending: '最久未送达（秒）', pendingNow: (n: string) => `当前待发送 ${n} 条`, byStatus: '各状态条目数',
    sample: '可售情况', sampleCaption: '按 SKU 和范围的可售情况', sku: 'SKU', scope: '范围', allScopes: '全部范围', status: '状态', quantity: '数量',
    shipBy: '最晚发货', deliverBy: '最晚送达', search: '搜索', clear: '清除', live: (seq: string) => `实时 · 数据流位置 ${seq}`, paused: '实时更新已暂停',
    exports: '导出', google: 'Google 本地库存（JSON）', shopify: 'Shopify 库存（JSON）', exportHint: '渠道集成读取的内容：当前数值的 JSON 文件。',
    allChannels: '全部渠道', back: '全部渠道',
  },
)

export const webhookText = defineText(
  {
    title: 'Webhook endpoints', caption: 'Webhook endpoints', url: 'URL', description: 'Description', topics: 'Topics', topicsHint: 'Comma separated: exact topics (order.changed) or prefixes ending in a dot (order.); empty: every topic',
    create: 'Add endpoint', created: 'Endpoint added.', secretTitle: 'Signing secret', secretWarning: 'Copy it now: it is shown only this once. Sellahead keeps it encrypted and cannot show it again.',
    copy: 'Copy secret', copied: 'Copied.', copyFailed: 'Could not copy: select the secret and copy it by hand.', dismiss: 'I have stored it',
    filter: 'Show endpoints of', all: 'Every owner', staff: 'Staff (every channel)', owner: 'Owner', state: 'State', enabled: 'Enabled', disabled: 'Disabled',
    actions: 'Actions', enable: 'Enable', disable: 'Disable', rotate: 'Rotate secret', remove: 'Delete', confirmRemove: (url: string) => `Delete the endpoint ${url} and its delivery log?`,
    log: 'Delivery log', hideLog: 'Hide log', logOf: (url: string) => `Delivery log of ${url}`, event: 'Event', topic: 'Topic', subject: 'Subject', status: 'Status',
    attempts: 'Attempts', nextAttempt: 'Next attempt', replay: 'Replay', replayFailed: 'Replay all failed', replayed: (n: number) => `${n} failed deliveries queued again.`,
    noAttempts: 'Not attempted yet', attempt: (status: string, ms: number) => `${status} · ${ms} ms`, noAnswer: 'no answer', every: 'every topic', none: 'No endpoints yet.',
  },
  {
    title: 'Webhook 端点', caption: 'Webhook 端点', url: 'URL', description: '说明', topics: '主题', topicsHint: '用逗号分隔：完整主题（order.changed）或以点结尾的前缀（order.）；留空表示全部主题',
    create: '添加端点', created: '端点已添加。', secretTitle: '签名密钥', secretWarning: '请立即复制：密钥只显示这一次。Sellahead 加密保存，无法再次显示。',
    copy: '复制密钥', copied: '已复制。', copyFailed: '无法复制：请选中密钥手动复制。', dismiss: '我已保存',
    filter: '显示哪些端点', all: '全部', staff: '员工（全部渠道）', owner: '所属', state: '状态', enabled: '已启用', disabled: '已停用',
    actions: '操作', enable: '启用', disable: '停用', rotate: '轮换密钥', remove: '删除', confirmRemove: (url: string) => `删除端点 ${url} 及其投递日志？`,
    log: '投递日志', hideLog: '收起日志', logOf: (url: string) => `${url} 的投递日志`, event: '事件', topic: '主题', subject: '对象', status: '状态',
    attempts: '尝试', nextAttempt: '下次尝试', replay: '重新投递', replayFailed: '重投全部失败', replayed: (n: number) => `已将 ${n} 条失败投递重新排队。`,
    noAttempts: '尚未尝试', attempt: (status: string, ms: number) => `${status} · ${ms} 毫秒`, noAnswer: '无响应', every: '全部主题', none: '暂无端点。',
  },
)
