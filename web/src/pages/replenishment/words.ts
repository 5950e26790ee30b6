/** Every label of the replenishment pages, in English and Chinese, and the shapes they read. */
import type { components } from '../../../../clients/typescript/index.ts'
import { defineText } from '../../i18n.tsx'

type Schemas = components['schemas']
export type Suggestion = Schemas['Suggestion']
export type SuggestionStatus = Suggestion['status']
export type Approval = Schemas['SuggestionApproval']
export type RunReport = Schemas['ReplenishmentRunReport']
export type Forecast = Schemas['Forecast']
export type PlannedEvent = Schemas['PlannedEvent']
export type PlannedEventKind = PlannedEvent['kind']
export type StoredPolicy = Schemas['ReplenishmentPolicy']
export type VendorLine = Schemas['VendorStockLine']

export const suggestionStatuses: readonly SuggestionStatus[] = ['open', 'approved', 'dismissed', 'withdrawn']
export const plannedEventKinds: readonly PlannedEventKind[] = ['promotion', 'closure', 'holiday', 'peak']
export const policyMethods = ['reorder_point', 'min_max', 'order_up_to'] as const
export type PolicyMethod = (typeof policyMethods)[number]
/** The terms of a need, in the order the server sums them (src/replenishment/suggest.ts). */
export const needTermNames = ['forecastOverProtection', 'safetyStock', 'maxUnits', 'onHand', 'reserved', 'openSupply', 'backorders', 'presaleUncovered'] as const
export type NeedTermName = (typeof needTermNames)[number]

export const statusText = defineText(
  { open: 'Open', approved: 'Approved', dismissed: 'Dismissed', withdrawn: 'Withdrawn' },
  { open: '待处理', approved: '已批准', dismissed: '已忽略', withdrawn: '已撤回' },
)

export const kindText = defineText(
  { promotion: 'Promotion', closure: 'Closure', holiday: 'Holiday', peak: 'Peak' },
  { promotion: '促销', closure: '停业', holiday: '节假日', peak: '高峰' },
)

export const methodText = defineText(
  { reorder_point: 'Reorder point', min_max: 'Min/max', order_up_to: 'Order up to' },
  { reorder_point: '再订货点', min_max: '最小/最大', order_up_to: '订货至目标' },
)

export const termText = defineText(
  {
    forecastOverProtection: 'Forecast over lead time and review', safetyStock: 'Safety stock', maxUnits: 'Max units', onHand: 'On hand', reserved: 'Reserved',
    openSupply: 'On order', backorders: 'Backorders', presaleUncovered: 'Presale not yet covered',
  },
  {
    forecastOverProtection: '交期与盘点周期内的预测需求', safetyStock: '安全库存', maxUnits: '最大库存', onHand: '现有库存', reserved: '已预留',
    openSupply: '在途采购', backorders: '缺货待发', presaleUncovered: '未覆盖的预售',
  },
)

export const suggestionText = defineText(
  {
    title: 'Replenishment suggestions',
    hint: 'What to order, per supplier and destination, recomputed every night from the forecast and each SKU’s policy. Change a quantity, dismiss a line, or approve lines into purchase orders.',
    run: 'Recompute', nextRun: 'Next scheduled run', lastRun: 'Last run finished', runNow: 'Recompute now', running: 'Recomputing…',
    report: (asOf: string) => `Recomputed as of ${asOf}`, series: 'Series', made: 'New suggestions', refreshed: 'Refreshed', withdrawn: 'Withdrawn', alerts: 'Alerts raised', autoSent: 'Sent by themselves',
    tabs: 'Suggestions by status', loading: 'Loading suggestions…', none: 'No suggestions here.',
    group: (supplier: string, node: string) => `${supplier} → ${node}`, noSupplier: 'No supplier',
    select: (sku: string, node: string) => `Select ${sku} at ${node}`,
    quantity: 'Quantity', quantityOf: (sku: string) => `Quantity of ${sku}`, saveQuantity: 'Save', suggested: (n: string) => `suggested ${n}`, edited: 'changed by a buyer',
    sku: 'SKU', node: 'Node', supplier: 'Supplier', why: 'Why:', sentenceGap: ' ', details: 'Every figure', dismiss: 'Dismiss', forecast: 'Forecast chart',
    send: 'Send to the supplier at once (otherwise drafts)', approveSelected: (n: number) => `Approve selected (${n})`, approveAll: 'Approve all of this supplier',
    approved: 'Purchase orders made', refused: 'Not approved', po: (id: string) => `Purchase order ${id}`,
    decided: (at: string) => `Decided ${at}`, updated: (at: string) => `Updated ${at}`, poLink: 'Purchase order',
    needSum: 'The need, term by term', total: 'Need before rounding', needUnits: 'Need', position: 'Net position', target: 'Target level', trigger: (level: string) => `Orders when the net position is at or below ${level}`,
    safetyStock: 'Safety stock', ssNormal: (ss: string, z: string, days: string, sd: string, mean: string, ltSd: string) => `${ss} = z ${z} × √(${days} days × σ ${sd}² + mean ${mean}² × lead-time σ ${ltSd}² days²)`,
    ssEmpirical: (ss: string, q: string, expected: string, days: string) => `${ss} = demand quantile ${q} − expected ${expected} over ${days} days (intermittent demand)`,
    model: 'Forecast model', accuracy: (wape: string, mase: string, bias: string) => `WAPE ${wape}, MASE ${mase}, bias ${bias}`, runnerUp: 'Runner-up', noAccuracy: 'not scored yet',
    rounding: 'Rounding', roundingWords: (before: string, after: string, min: string, pack: string) => `${before} → ${after} (minimum order ${min}, packs of ${pack})`,
    supplierReason: 'Why this supplier', serverWords: 'As the server explains it', leadTime: 'Lead time', days: (n: string) => `${n} days`,
    shortWhy: (need: string, target: string, position: string) => `Need ${need}: target ${target} less net position ${position}.`,
    shortModel: (model: string, wape: string) => `Forecast by ${model} (WAPE ${wape}).`,
    shortRounded: (before: string, after: string) => `Rounded from ${before} to ${after}.`,
  },
  {
    title: '补货建议',
    hint: '按供应商和收货地汇总的采购建议，每晚根据预测和各 SKU 的策略重新计算。可修改数量、忽略某行，或将多行批准为采购订单。',
    run: '重新计算', nextRun: '下次计划运行', lastRun: '上次运行完成', runNow: '立即重新计算', running: '计算中…',
    report: (asOf: string) => `已按 ${asOf} 的数据重新计算`, series: '序列数', made: '新建议', refreshed: '已刷新', withdrawn: '已撤回', alerts: '触发预警', autoSent: '自动发送',
    tabs: '按状态查看建议', loading: '正在加载建议…', none: '暂无建议。',
    group: (supplier: string, node: string) => `${supplier} → ${node}`, noSupplier: '无供应商',
    select: (sku: string, node: string) => `选择 ${node} 的 ${sku}`,
    quantity: '数量', quantityOf: (sku: string) => `${sku} 的数量`, saveQuantity: '保存', suggested: (n: string) => `建议 ${n}`, edited: '已由采购员修改',
    sku: 'SKU', node: '节点', supplier: '供应商', why: '原因：', sentenceGap: '', details: '全部数据', dismiss: '忽略', forecast: '预测图',
    send: '立即发送给供应商（否则为草稿）', approveSelected: (n: number) => `批准所选（${n}）`, approveAll: '批准该供应商的全部建议',
    approved: '已生成的采购订单', refused: '未能批准', po: (id: string) => `采购订单 ${id}`,
    decided: (at: string) => `处理于 ${at}`, updated: (at: string) => `更新于 ${at}`, poLink: '采购订单',
    needSum: '需求的逐项计算', total: '取整前需求', needUnits: '需求', position: '净库存位置', target: '目标水平', trigger: (level: string) => `净库存位置不高于 ${level} 时下单`,
    safetyStock: '安全库存', ssNormal: (ss: string, z: string, days: string, sd: string, mean: string, ltSd: string) => `${ss} = z ${z} × √(${days} 天 × σ ${sd}² + 均值 ${mean}² × 交期 σ ${ltSd}² 天²)`,
    ssEmpirical: (ss: string, q: string, expected: string, days: string) => `${ss} = 需求分位数 ${q} − ${days} 天内期望需求 ${expected}（间歇性需求）`,
    model: '预测模型', accuracy: (wape: string, mase: string, bias: string) => `WAPE ${wape}，MASE ${mase}，偏差 ${bias}`, runnerUp: '次优模型', noAccuracy: '尚未评分',
    rounding: '取整', roundingWords: (before: string, after: string, min: string, pack: string) => `${before} → ${after}（最小起订量 ${min}，每包 ${pack}）`,
    supplierReason: '选择该供应商的原因', serverWords: '服务器给出的说明', leadTime: '交期', days: (n: string) => `${n} 天`,
    shortWhy: (need: string, target: string, position: string) => `需求 ${need}：目标 ${target} 减去净库存位置 ${position}。`,
    shortModel: (model: string, wape: string) => `预测模型 ${model}（WAPE ${wape}）。`,
    shortRounded: (before: string, after: string) => `由 ${before} 取整为 ${after}。`,
  },
)

export const forecastText = defineText(
  {
    title: (sku: string, node: string) => `Forecast of ${sku} at ${node}`, pickTitle: 'Forecast of a SKU at a node', pick: 'Show the forecast', choose: 'Choose…',
    chart: (sku: string, node: string) => `Daily demand of ${sku} at ${node}: actual, forecast median and the 10–90% band, planned events marked`,
    demandCard: 'Demand and forecast', actual: 'Actual demand', p50: 'Forecast (median)', band: '10–90% band', none: 'No forecast yet: it is made at the next recompute once the SKU has demand history here.',
    model: 'Model', accuracy: 'Accuracy', runnerUp: 'Runner-up', asOf: 'History up to', intermittent: 'Intermittent demand', computed: 'Computed', nextDays: (n: number) => `Next ${n} days`,
    events: 'Planned events', noEvents: 'No planned events.', sku: 'SKU', node: 'Node', date: 'Date', kind: 'Kind', uplift: 'Uplift', back: 'Suggestions',
  },
  {
    title: (sku: string, node: string) => `${node} 的 ${sku} 需求预测`, pickTitle: '查看某 SKU 在某节点的预测', pick: '查看预测', choose: '请选择…',
    chart: (sku: string, node: string) => `${node} 的 ${sku} 每日需求：实际、预测中位数与 10–90% 区间，并标出计划事件`,
    demandCard: '需求与预测', actual: '实际需求', p50: '预测（中位数）', band: '10–90% 区间', none: '尚无预测：该 SKU 在此有需求历史后，下次重新计算时生成。',
    model: '模型', accuracy: '准确度', runnerUp: '次优模型', asOf: '历史截至', intermittent: '间歇性需求', computed: '计算时间', nextDays: (n: number) => `未来 ${n} 天`,
    events: '计划事件', noEvents: '暂无计划事件。', sku: 'SKU', node: '节点', date: '日期', kind: '类型', uplift: '提升', back: '补货建议',
  },
)

export const policyText = defineText(
  {
    title: 'Replenishment policies and calendar', policies: 'Policies as set', hint: 'A row with * applies to every SKU or every node that has no policy of its own.',
    sku: 'SKU', node: 'Node', every: '* (every one)', serviceLevel: 'Service level', method: 'Method', review: 'Review period (days)', minMax: 'Min / max', supplier: 'Supplier',
    autoSend: 'Send by itself', version: 'Version', updated: 'Updated', edit: 'Edit', yes: 'Yes', no: 'No', none: 'None',
    editor: 'Set a policy', serviceHint: 'Between 0.5 and 0.9999: the chance a cycle does not run out.', minUnits: 'Min units', maxUnits: 'Max units',
    anySupplier: 'The best by grade, cost and lead time', autoSendLabel: 'Approve and send its suggestions by themselves', save: 'Save policy', saved: (v: number) => `Saved as version ${v}.`,
    calendar: 'Planned events', calendarHint: 'Promotions and peaks raise the forecast (by their effect in history, else the uplift); a closure makes demand zero.',
    date: 'Date', kind: 'Kind', uplift: 'Uplift %', note: 'Note', add: 'Add event', added: 'Event added.', remove: 'Delete', removeEvent: (kind: string, date: string) => `Delete ${kind} on ${date}`,
    policiesCaption: 'Stored policies', eventsCaption: 'Planned events, by day',
  },
  {
    title: '补货策略与日历', policies: '已设置的策略', hint: '带 * 的行适用于没有单独策略的所有 SKU 或所有节点。',
    sku: 'SKU', node: '节点', every: '*（全部）', serviceLevel: '服务水平', method: '方法', review: '盘点周期（天）', minMax: '最小 / 最大', supplier: '供应商',
    autoSend: '自动发送', version: '版本', updated: '更新时间', edit: '编辑', yes: '是', no: '否', none: '无',
    editor: '设置策略', serviceHint: '0.5 到 0.9999 之间：一个周期内不缺货的概率。', minUnits: '最小数量', maxUnits: '最大数量',
    anySupplier: '按等级、成本和交期选最优', autoSendLabel: '自动批准并发送其建议', save: '保存策略', saved: (v: number) => `已保存为第 ${v} 版。`,
    calendar: '计划事件', calendarHint: '促销和高峰会提高预测（按历史中的效果，否则按提升比例）；停业使需求为零。',
    date: '日期', kind: '类型', uplift: '提升 %', note: '备注', add: '添加事件', added: '已添加事件。', remove: '删除', removeEvent: (kind: string, date: string) => `删除 ${date} 的${kind}`,
    policiesCaption: '已保存的策略', eventsCaption: '按日期排列的计划事件',
  },
)

export const portalText = defineText(
  {
    title: 'Your SKUs at our nodes', hint: 'Stock, reorder point and forecast of each of your SKUs where we keep it: ship before it falls below the reorder point.',
    supplier: 'Supplier', choose: 'Choose…', none: 'No SKUs of yours are stocked here yet.', available: 'Available', reorderPoint: 'Reorder point', below: 'Below reorder point',
    perDay: 'Forecast per day', asOf: 'Forecast as of', next14: (values: string) => `Forecast median for the next 14 days: ${values}`, node: 'Node', of: (sku: string, node: string) => `${sku} at ${node}`,
    noForecast: 'No forecast yet', sparkCaption: (n: number) => `Forecast median, next ${n} days`,
  },
  {
    title: '您的 SKU 在我方各节点', hint: '您的每个 SKU 在我方各存放节点的库存、再订货点与预测：请在低于再订货点之前发货。',
    supplier: '供应商', choose: '请选择…', none: '暂无您的 SKU 在此存放。', available: '可用', reorderPoint: '再订货点', below: '低于再订货点',
    perDay: '日均预测', asOf: '预测基准日', next14: (values: string) => `未来 14 天预测中位数：${values}`, node: '节点', of: (sku: string, node: string) => `${node} 的 ${sku}`,
    noForecast: '尚无预测', sparkCaption: (n: number) => `未来 ${n} 天预测中位数`,
  },
)
