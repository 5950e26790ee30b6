/** Words of the costs page: charge kinds, cost bases, cost movement kinds. */
import { defineText } from '../../i18n.tsx'

export const chargeKinds = ['freight', 'duty', 'insurance', 'other'] as const
export const costBases = ['quantity', 'value', 'weight', 'volume'] as const

export const costText = defineText(
  {
    title: 'Costs', valuation: 'Inventory valuation', node: 'Node', everyNode: 'Every node', sku: 'SKU', units: 'Units on hand', unitCost: 'Unit cost', value: 'Value',
    valuationCaption: 'Stock on hand at moving-average cost', totals: 'Totals', currency: 'Currency', noStock: 'No costed stock on hand.',
    skuCost: "A SKU's cost", pickSku: 'Choose a SKU.', average: 'Average unit cost', costedUnits: 'Units costed', range: 'Unit costs received', notCosted: 'Not costed yet: no purchase receipt has brought it in.',
    movements: 'Cost movements', kind: 'Kind', reference: 'Reference', quantity: 'Units', at: 'When',
    landed: 'Landed cost on a receipt', receipt: 'Receipt id', chargeKind: 'Charge', basis: 'Split by', amount: 'Amount', note: 'Note', add: 'Add landed cost',
    added: 'Added: split over the receipt lines.', allocations: 'How the charges were split', line: 'PO line', part: 'Part', expensed: 'expensed',
    freight: 'Freight', duty: 'Duty', insurance: 'Insurance', other: 'Other', quantityBasis: 'Quantity', valueBasis: 'Value', weight: 'Weight', volume: 'Volume',
    receiptMove: 'Receipt', uncosted: 'Receipt in another currency (not costed)', landedMove: 'Landed cost', shipment: 'Shipped (cost of goods)', revenue: 'Revenue of shipped units',
  },
  {
    title: '成本', valuation: '库存估值', node: '节点', everyNode: '全部节点', sku: 'SKU', units: '在库件数', unitCost: '单位成本', value: '价值',
    valuationCaption: '按移动平均成本计的在库库存', totals: '合计', currency: '币种', noStock: '暂无已计成本的在库库存。',
    skuCost: 'SKU 成本', pickSku: '请选择 SKU。', average: '平均单位成本', costedUnits: '已计成本件数', range: '收货单位成本范围', notCosted: '尚未计成本：还没有采购收货。',
    movements: '成本流水', kind: '类型', reference: '单据', quantity: '件数', at: '时间',
    landed: '收货单的到岸成本', receipt: '收货单号', chargeKind: '费用', basis: '分摊依据', amount: '金额', note: '备注', add: '添加到岸成本',
    added: '已添加：已分摊到收货行。', allocations: '费用分摊明细', line: '采购行', part: '分摊额', expensed: '计入费用',
    freight: '运费', duty: '关税', insurance: '保险', other: '其他', quantityBasis: '数量', valueBasis: '金额', weight: '重量', volume: '体积',
    receiptMove: '收货', uncosted: '其他币种收货（未计成本）', landedMove: '到岸成本', shipment: '发货（销货成本）', revenue: '已发货商品的收入',
  },
)
