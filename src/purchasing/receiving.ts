/**
 * Receiving with quality control, pure: what a count and an inspection do to the PO lines, the
 * ASN and the stock. Passed units go on hand; failed units go on hand and unsellable with the
 * reason (DOMAIN.md §2: U is a bucket, not another SKU). Over- and short-receipts are recorded
 * and close lines by the PO's receiving policy.
 */
import { ok, type Result } from '../kernel/result.ts'
import { fail, type PurchasingErrorCode } from './errors.ts'
import { maxQuantity, type PositionOp } from '../inventory/index.ts'
import { act, type Context, type PoDecision } from './decide.ts'
import { openQuantity, type Asn, type PoLine, type PurchaseOrder, type Receipt, type ReceiptLine } from './model.ts'

export interface ReceiptLineInput {
  lineId: string
  quantityPassed: number
  quantityFailed: number
  failReason: string | null
  /** Close the line after this receipt, whatever is still open. */
  closeLine?: boolean
}

export interface ReceiptDecision extends PoDecision {
  receipt: Receipt
  asn: Asn | null
  stockOps: PositionOp[]
}

const refuse = (code: PurchasingErrorCode, detail: string, extra?: Record<string, unknown>) => fail(code, detail, extra)

export function receive(
  po: PurchaseOrder,
  asn: Asn | null,
  inputs: readonly ReceiptLineInput[],
  receiptId: string,
  c: Context,
): Result<ReceiptDecision> {
  if (asn && asn.status !== 'in_transit') return fail('asn_not_in_transit', `ASN ${asn.id} is ${asn.status}; it was already received or cancelled.`)
  let receiptLines: ReceiptLine[] = []
  const decided = act(po, 'receive', c, (next) => {
    const lines = decideReceiptLines(next, asn, inputs, c.nowMs)
    if (!lines.ok) return lines
    receiptLines = lines.value
    const units = (k: 'quantityPassed' | 'quantityFailed') => receiptLines.reduce((n, r) => n + r[k], 0)
    return [{
      lineId: null, kind: 'received',
      detail: { receiptId, asnId: asn?.id ?? null, passed: units('quantityPassed'), failed: units('quantityFailed'), lines: receiptLines.length },
    }]
  })
  if (!decided.ok) return decided
  const receipt: Receipt = {
    id: receiptId, poId: po.id, asnId: asn?.id ?? null, supplierId: po.supplierId, nodeId: po.destinationNodeId,
    actor: c.actor, receivedAtMs: c.nowMs, lines: receiptLines,
  }
  return ok({
    ...decided.value,
    receipt,
    asn: asn && receivedAsn(asn, receiptLines, c.nowMs),
    stockOps: stockOpsOf(receipt, c.actor),
  })
}

function decideReceiptLines(next: PurchaseOrder, asn: Asn | null, inputs: readonly ReceiptLineInput[], nowMs: number): Result<ReceiptLine[]> {
  if (inputs.length === 0 && !asn) return refuse('no_lines', 'A receipt needs at least one line.')
  const byLine = new Map<string, ReceiptLineInput>()
  for (const input of inputs) {
    const line = next.lines.find((l) => l.id === input.lineId || String(l.lineNo) === input.lineId)
    if (!line) return fail('line_not_found', `Purchase order ${next.id} has no line '${input.lineId}'.`, { lineId: input.lineId })
    if (byLine.has(line.id)) return refuse('duplicate_line', `Line ${line.lineNo} appears twice on the receipt.`, { lineId: line.id })
    if (asn && !asn.lines.some((a) => a.poLineId === line.id)) return refuse('line_not_on_asn', `Line ${line.lineNo} is not on ASN ${asn.id}.`, { lineId: line.id })
    const bad = checkInput(input, line)
    if (bad) return bad
    byLine.set(line.id, input)
  }
  // Receiving an ASN settles all of it: a line the count does not mention arrived with nothing.
  const lineIds = asn ? asn.lines.map((a) => a.poLineId) : [...byLine.keys()]
  const out: ReceiptLine[] = []
  for (const lineId of lineIds) {
    const line = next.lines.find((l) => l.id === lineId)!
    const input = byLine.get(lineId) ?? { lineId, quantityPassed: 0, quantityFailed: 0, failReason: null }
    const result = applyToLine(line, input, asn?.lines.find((a) => a.poLineId === lineId), next.receivingPolicy, nowMs)
    if (!result.ok) return result
    out.push(result.value)
  }
  return ok(out)
}

function checkInput(input: ReceiptLineInput, line: PoLine) {
  for (const q of [input.quantityPassed, input.quantityFailed]) {
    if (!Number.isSafeInteger(q) || q < 0 || q > maxQuantity) {
      return fail('invalid_quantity', `Line ${line.lineNo}: counts must be whole numbers ≥ 0.`, { lineId: line.id })
    }
  }
  if (input.quantityFailed > 0 && !input.failReason) {
    return refuse('fail_reason_required', `Line ${line.lineNo}: say why ${input.quantityFailed} failed inspection.`, { lineId: line.id })
  }
  return undefined
}

/**
 * Counts toward what is open first; beyond it is over-receipt, accepted within the policy's
 * tolerance. Keeps ordered = received + open + cancelled on the line.
 */
function applyToLine(
  line: PoLine,
  input: ReceiptLineInput,
  asnLine: Asn['lines'][number] | undefined,
  policy: PurchaseOrder['receivingPolicy'],
  nowMs: number,
): Result<ReceiptLine> {
  const counted = input.quantityPassed + input.quantityFailed
  const open = openQuantity(line)
  const notShipped = open - line.quantityInTransit
  const asnRemaining = asnLine ? asnLine.quantity - asnLine.quantityReceived : 0
  if (!asnLine && line.quantityInTransit > 0 && counted > notShipped) {
    return fail('receive_against_asn', `Line ${line.lineNo}: ${line.quantityInTransit} units are on an ASN; receive them against it.`, { lineId: line.id, inTransit: line.quantityInTransit })
  }
  // Units on other ASNs stay owed by those ASNs: this count may not eat into them.
  const toward = Math.min(counted, asnRemaining + notShipped)
  const over = counted - toward
  const overAllowed = Math.floor((line.quantityOrdered * policy.overReceiptTolerancePercent) / 100) - line.quantityOver
  if (over > overAllowed) {
    return refuse('over_receipt_above_tolerance', `Line ${line.lineNo}: ${over} units over what is open; the policy accepts ${Math.max(0, overAllowed)} more.`, {
      lineId: line.id, open, counted, overAllowed: Math.max(0, overAllowed),
    })
  }
  const short = Math.max(0, (asnLine ? asnRemaining : open) - counted)
  line.quantityInTransit -= asnRemaining
  line.quantityReceived += toward
  line.quantityOver += over
  line.quantityPassed += input.quantityPassed
  line.quantityFailed += input.quantityFailed
  if (counted > 0) {
    line.firstReceiptAt ??= nowMs
    line.lastReceiptAt = nowMs
  }
  const openAfter = openQuantity(line)
  const closeByPolicy = (short > 0 && policy.shortReceipt === 'close_line') || openAfter * 100 <= line.quantityOrdered * policy.closeWithinPercent
  if (input.closeLine && line.quantityInTransit > 0) {
    return fail('asn_in_transit', `Line ${line.lineNo}: ${line.quantityInTransit} units are on another ASN; receive or cancel it before closing the line.`, { lineId: line.id })
  }
  const close = openAfter > 0 && line.quantityInTransit === 0 && (input.closeLine === true || closeByPolicy)
  if (close) {
    line.quantityCancelled += openAfter
    line.quantityCancelledBySupplier += openAfter
  }
  return ok({
    poLineId: line.id, skuId: line.skuId, quantityPassed: input.quantityPassed, quantityFailed: input.quantityFailed,
    failReason: input.quantityFailed > 0 ? input.failReason : null, quantityOver: over, quantityShort: short, lineClosed: close,
  })
}

function receivedAsn(asn: Asn, lines: ReceiptLine[], nowMs: number): Asn {
  return {
    ...asn,
    status: 'received',
    receivedAtMs: nowMs,
    lines: asn.lines.map((a) => {
      const r = lines.find((l) => l.poLineId === a.poLineId)
      return { ...a, quantityReceived: a.quantityReceived + (r ? r.quantityPassed + r.quantityFailed : 0) }
    }),
  }
}

/** Everything counted goes on hand; what failed inspection is also marked unsellable, with its reason. */
function stockOpsOf(receipt: Receipt, actor: string): PositionOp[] {
  const ops: PositionOp[] = []
  const common = { nodeId: receipt.nodeId, reference: receipt.id, actor }
  for (const l of receipt.lines) {
    const counted = l.quantityPassed + l.quantityFailed
    if (counted > 0) ops.push({ ...common, kind: 'receive', skuId: l.skuId, quantity: counted, reason: `purchase order ${receipt.poId}` })
    if (l.quantityFailed > 0) ops.push({ ...common, kind: 'mark_unsellable', skuId: l.skuId, quantity: l.quantityFailed, reason: `qc_failed: ${l.failReason}` })
  }
  return ops
}
