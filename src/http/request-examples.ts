/**
 * A request body for every creating call, by operationId, shown in `/openapi.json`. They tell one
 * story (a tea SKU, a warehouse, a web channel, a supplier and its purchase order, reservations,
 * an order and its payment, a presale campaign); the Redocly lint checks each against its schema.
 */
export const requestExamples: Record<string, unknown> = {
  createToken: { name: 'web shop', role: 'channel:WEB' },
  enterCreditNote: { number: 'CN-2030-0042', amountMinor: 125000, currency: 'CNY', reason: 'Price correction on PO-2030-17: the tea was invoiced at last season’s price' },
  addLandedCost: { kind: 'freight', basis: 'weight', amountMinor: 128_000, currency: 'CNY', note: 'Sea freight Ningbo → Shanghai, B/L 7781' },
  planEvent: { sku: '*', node: 'WH-EAST', date: '2030-11-11', kind: 'peak', upliftPct: 400, note: 'Double 11' },
  openReturn: {
    order: 'ord_01a24905-cb26-702e-b949-c921e294318b',
    lines: [{ orderLineNo: 1, quantity: 1, reason: 'damaged_in_transit', note: 'The tin was dented', evidence: ['https://photos.example/tin-dent.jpg'] }],
    node: 'WH-EAST',
  },
  createSku: { code: 'TEA-250', name: 'Longjing green tea, 250 g', unit: 'each', barcode: '6901234567892', attributes: { grade: 'AAA' }, weightGrams: 280, volumeCm3: 900 },
  createNode: {
    code: 'WH-EAST', name: 'Hangzhou warehouse', kind: 'warehouse', region: 'east', latitude: 30.27, longitude: 120.16, capabilities: ['ship', 'returns'], handlingTimeHours: 24,
    fulfilment: {
      timeZone: 'Asia/Shanghai', cutoffs: { ship: '16:00' }, closedWeekdays: [0], closedDates: ['2030-02-03'],
      capacity: { ship: { lines: 5000, units: null } }, pickPackCost: { perShipment: 300, perUnit: 50 },
    },
  },
  createChannel: { code: 'WEB', name: 'Web shop', kind: 'web', nodeIds: ['WH-EAST'], safetyBuffer: 2 },
  lockStock: { sku: 'TEA-250', node: 'WH-EAST', quantity: 5, reason: 'Quality hold', releaseAt: '2030-01-01T00:00:00Z' },
  reserveStock: { sku: 'TEA-250', node: 'WH-EAST', quantity: 2, holdSeconds: 900, channel: 'WEB', reference: 'cart-8812' },
  reserveStockBulk: {
    lines: [{ sku: 'TEA-250', node: 'WH-EAST', quantity: 1 }, { sku: 'TEA-250', node: 'WH-EAST', quantity: 3 }],
    atomic: true, holdSeconds: 900, channel: 'WEB', reference: 'cart-8813',
  },
  requestTransfer: { sku: 'TEA-250', from: 'WH-EAST', to: 'WH-EAST-2', quantity: 10, eta: '2030-01-05T09:00:00Z' },
  createSupplier: {
    code: 'LONGJING-COOP', name: 'Longjing tea cooperative', currency: 'CNY', defaultLeadTimeDays: 14,
    paymentTerms: { kind: 'net', days: 30 }, contacts: [{ name: 'Wang Fang', email: 'orders@longjing.example', role: 'orders' }],
  },
  createPurchaseOrder: {
    supplier: 'LONGJING-COOP', destination: 'WH-EAST', reference: 'PO-2030-001', requestedDate: '2030-02-01',
    lines: [{ sku: 'TEA-250', quantity: 200, unitCost: 4500 }],
  },
  createAsn: { reference: 'ASN-77', carrier: 'SF Express', tracking: 'SF1234567890', eta: '2030-01-28', lines: [{ line: '1', quantity: 100 }] },
  receivePurchaseOrder: { lines: [{ line: '1', quantityPassed: 98, quantityFailed: 2, failReason: 'Torn packaging' }] },
  placeOrder: {
    channel: 'WEB', customerId: 'cust-1001', currency: 'CNY', reference: 'web-1001',
    lines: [{ sku: 'TEA-250', quantity: 2, unitPrice: 9900 }],
    fulfilment: { method: 'ship', region: 'east' },
    shipTo: {
      name: 'Chen Jing', phone: '+86 138 0000 0000', email: 'chen.jing@example.com',
      address: { line1: '1 Example Road', city: 'Shanghai', postalCode: '200000', country: 'CN' },
    },
  },
  recordPayment: { kind: 'payment', amount: 19800, currency: 'CNY', providerRef: 'alipay-2030-0001' },
  createCampaign: {
    code: 'TEA-SPRING', name: 'First spring harvest', sku: 'TEA-250', node: 'WH-EAST', currency: 'CNY',
    startsAt: '2030-03-01T00:00:00Z', endsAt: '2030-03-10T00:00:00Z', quota: 500, perCustomerLimit: 4,
    pricing: { kind: 'fixed', unitPrice: 12800 },
    deposit: { perUnit: 2000, rule: { kind: 'whole_amount_max_percent', maxPercent: 20 } },
    shipDate: { mode: 'fixed', day: '2030-04-01' },
  },
  createWebhookEndpoint: { url: 'https://shop.example.com/hooks/sellahead', description: 'Stock and orders to the shop', topics: ['order.', 'availability.changed'] },
  enterSupplierInvoice: {
    supplierId: 'LONGJING-COOP', number: 'LJ-2030-0042', invoiceDate: '2030-01-29', currency: 'CNY', taxMinor: 57_330,
    lines: [{ po: 'PO-2030-001', lineNo: 1, quantity: 98, unitPriceMinor: 4500 }], charges: [{ kind: 'freight', amountMinor: 12_000, description: 'SF Express, Hangzhou' }],
  },
  sendInvoice: { number: 'LJ-2030-0043', invoiceDate: '2030-02-02', currency: 'CNY', lines: [{ po: 'PO-2030-001', lineNo: 1, quantity: 2, unitPriceMinor: 4500 }] },
  proposePaymentRun: { payBy: '2030-03-01', minDiscountMinor: 100 },
  recordSupplierPayment: { supplierId: 'LONGJING-COOP', currency: 'CNY', bankReference: 'ICBC-20300301-0007' },
  placePresaleOrder: { channel: 'WEB', customerId: 'cust-1001', quantity: 2, reference: 'web-presale-1001' },
}
