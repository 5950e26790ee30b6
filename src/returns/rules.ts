/**
 * Disposition rules as data (issue 15): the check that runs whenever a merchant sets them, the
 * default set, and the one fate of an inspected unit — the first rule that matches decides. Pure.
 */
import { ok, type Failure, type Result } from '../kernel/result.ts'
import { fail, type ReturnsErrorCode } from './errors.ts'
import { dispositionKinds, grades, returnReasons, type DispositionKind, type DispositionRule, type Grade, type ReturnReason } from './model.ts'

const maxRules = 100
const maxTextLength = 100

/** Resellable as new or open box goes back on the shelf; damaged is repaired; defective goes back to its supplier when that is the reason, else to scrap. */
export const defaultDispositionRules: DispositionRule[] = [
  { id: 'a-restock', when: { grades: ['A'] }, then: { kind: 'restock' } },
  { id: 'b-restock', when: { grades: ['B'] }, then: { kind: 'restock' } },
  { id: 'c-refurbish', when: { grades: ['C'] }, then: { kind: 'refurbish' } },
  { id: 'd-defective-to-vendor', when: { grades: ['D'], reasons: ['defective'] }, then: { kind: 'return_to_vendor' } },
  { id: 'd-scrap', when: { grades: ['D'] }, then: { kind: 'scrap' } },
]

const refuse = (field: string, rule: string): Failure<ReturnsErrorCode> => fail('invalid_disposition_rules', `${field} ${rule}`, { field })

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() === v && v.length > 0 && v.length <= maxTextLength
const isAmount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0
const strayKey = (input: Record<string, unknown>, allowed: readonly string[]): string | undefined => Object.keys(input).find((k) => !allowed.includes(k))

/** A non-empty list of distinct values `valid` accepts (an empty list would match nothing: leave the condition out to match any). */
function checkList<T>(v: unknown, field: string, valid: (x: unknown) => x is T, allowed: string): Result<T[]> {
  if (!Array.isArray(v) || v.length === 0) return refuse(field, `must be a non-empty list of ${allowed} (leave it out to match any).`)
  const bad = v.findIndex((x) => !valid(x))
  if (bad >= 0) return refuse(`${field}[${bad}]`, `must be ${allowed}.`)
  const repeated = v.findIndex((x, i) => v.indexOf(x) !== i)
  if (repeated >= 0) return refuse(`${field}[${repeated}]`, `repeats '${String(v[repeated])}': name each once.`)
  return ok([...v])
}

const oneOf = <T extends string>(allowed: readonly T[]) => (x: unknown): x is T => allowed.includes(x as T)
const whenFields = ['grades', 'reasons', 'categories', 'minUnitValue', 'maxUnitValue'] as const

function checkWhen(v: unknown, field: string): Result<DispositionRule['when']> {
  if (!isRecord(v)) return refuse(field, `must be an object of conditions (${whenFields.join(', ')}; {} matches every unit).`)
  const stray = strayKey(v, whenFields)
  if (stray !== undefined) return refuse(`${field}.${stray}`, `is not a condition: the conditions are ${whenFields.join(', ')}.`)
  const when: DispositionRule['when'] = {}
  if (v.grades !== undefined) {
    const checked = checkList(v.grades, `${field}.grades`, oneOf(grades), `grades (${grades.join(', ')})`)
    if (!checked.ok) return checked
    when.grades = checked.value
  }
  if (v.reasons !== undefined) {
    const checked = checkList(v.reasons, `${field}.reasons`, oneOf(returnReasons), `reasons (${returnReasons.join(', ')})`)
    if (!checked.ok) return checked
    when.reasons = checked.value
  }
  if (v.categories !== undefined) {
    const checked = checkList(v.categories, `${field}.categories`, isText, `SKU categories (texts of 1–${maxTextLength} characters)`)
    if (!checked.ok) return checked
    when.categories = checked.value
  }
  for (const bound of ['minUnitValue', 'maxUnitValue'] as const) {
    if (v[bound] === undefined) continue
    if (!isAmount(v[bound])) return refuse(`${field}.${bound}`, 'must be a whole amount ≥ 0 in minor units.')
    when[bound] = v[bound]
  }
  // The value range is [min, max): equal bounds would match no unit at all.
  if (when.minUnitValue !== undefined && when.maxUnitValue !== undefined && when.minUnitValue >= when.maxUnitValue) {
    return refuse(`${field}.minUnitValue`, `must be below maxUnitValue (${when.maxUnitValue}): a unit matches when min ≤ its value < max.`)
  }
  return ok(when)
}

function checkThen(v: unknown, field: string, knownNodeIds: ReadonlySet<string> | undefined): Result<DispositionRule['then']> {
  if (!isRecord(v)) return refuse(field, `must be { kind: ${dispositionKinds.join(' | ')}, outletNodeId (outlet only) }.`)
  const stray = strayKey(v, ['kind', 'outletNodeId'])
  if (stray !== undefined) return refuse(`${field}.${stray}`, 'is not part of a disposition: only kind and outletNodeId (outlet only).')
  if (!oneOf(dispositionKinds)(v.kind)) return refuse(`${field}.kind`, `must be one of ${dispositionKinds.join(', ')}.`)
  if (v.kind !== 'outlet') {
    return v.outletNodeId === undefined ? ok({ kind: v.kind }) : refuse(`${field}.outletNodeId`, `is only for kind outlet, not ${v.kind}.`)
  }
  if (!isText(v.outletNodeId)) return refuse(`${field}.outletNodeId`, 'is required for kind outlet: the id of the outlet node the units go to.')
  if (knownNodeIds !== undefined && !knownNodeIds.has(v.outletNodeId)) {
    return refuse(`${field}.outletNodeId`, `must be a known node: '${v.outletNodeId}' is not one.`)
  }
  return ok({ kind: 'outlet', outletNodeId: v.outletNodeId })
}

/**
 * Validates a merchant's disposition rules; refuses with `invalid_disposition_rules`, a detail
 * naming the field (`rules[i]…`) and `extra.field`. At least one rule, ids unique. A last rule that
 * matches everything is not required: a unit no rule matches gets the fallback of `dispositionFor`.
 * With `knownNodeIds`, an outlet's node must be one of them.
 */
export function checkDispositionRules(input: unknown, knownNodeIds?: ReadonlySet<string>): Result<DispositionRule[]> {
  if (!Array.isArray(input) || input.length === 0 || input.length > maxRules) {
    return refuse('rules', `must be a list of 1–${maxRules} rules, each { id, when, then }; the first that matches decides.`)
  }
  const rules: DispositionRule[] = []
  const seen = new Set<string>()
  for (const [i, rule] of input.entries()) {
    const field = `rules[${i}]`
    if (!isRecord(rule)) return refuse(field, 'must be { id, when, then }.')
    const stray = strayKey(rule, ['id', 'when', 'then'])
    if (stray !== undefined) return refuse(`${field}.${stray}`, 'is not part of a rule: only id, when and then.')
    if (!isText(rule.id)) return refuse(`${field}.id`, `must be a text of 1–${maxTextLength} characters with no surrounding spaces.`)
    if (seen.has(rule.id)) return refuse(`${field}.id`, `repeats '${rule.id}': each rule has its own id.`)
    seen.add(rule.id)
    const when = checkWhen(rule.when, `${field}.when`)
    if (!when.ok) return when
    const then = checkThen(rule.then, `${field}.then`, knownNodeIds)
    if (!then.ok) return then
    rules.push({ id: rule.id, when: when.value, then: then.value })
  }
  return ok(rules)
}

export interface DispositionUnit {
  grade: Grade
  reason: ReturnReason
  category: string | null
  /** Its order line's unit price, minor units. */
  unitValue: number
}

export interface Disposition {
  kind: DispositionKind
  outletNodeId?: string
  /** The rule that decided; null when none matched (the fallback). */
  ruleId: string | null
}

/** Every condition the rule gives holds; a unit without a category never matches a rule that names categories. */
export function ruleMatches(rule: DispositionRule, unit: DispositionUnit): boolean {
  const { grades: g, reasons, categories, minUnitValue, maxUnitValue } = rule.when
  return (g === undefined || g.includes(unit.grade)) &&
    (reasons === undefined || reasons.includes(unit.reason)) &&
    (categories === undefined || (unit.category !== null && categories.includes(unit.category))) &&
    (minUnitValue === undefined || unit.unitValue >= minUnitValue) &&
    (maxUnitValue === undefined || unit.unitValue < maxUnitValue)
}

/**
 * The one fate of an inspected unit: the first rule that matches decides, and is named. When no
 * rule matches, the unit is refurbished: a unit nobody decided on must not become sellable by
 * default, and refurbish keeps it unsellable (U, reason `refurbish`) until a person records a
 * repair (then sellable) or scraps it — nothing is lost or written off unseen.
 */
export function dispositionFor(rules: readonly DispositionRule[], unit: DispositionUnit): Disposition {
  const rule = rules.find((r) => ruleMatches(r, unit))
  if (rule === undefined) return { kind: 'refurbish', ruleId: null }
  return rule.then.kind === 'outlet'
    ? { kind: 'outlet', outletNodeId: rule.then.outletNodeId, ruleId: rule.id }
    : { kind: rule.then.kind, ruleId: rule.id }
}
