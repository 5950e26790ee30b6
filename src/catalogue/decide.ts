/**
 * Pure catalogue rules: validate and complete a draft. No I/O: the service loads what these need
 * (the entity being changed, whether a code is taken, which nodes exist) and writes the result.
 * The HTTP schemas catch most of these first; the same rules guard CSV imports and direct calls.
 */
import { ok, type Failure, type Result } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { decideFulfilmentProfile, defaultFulfilmentProfile } from './fulfilment.ts'
import {
  channelKinds, nodeKinds,
  type ChannelDraft, type ChannelInput, type ChannelPatch, type NodeDraft, type NodeInput, type NodePatch,
  type SkuDraft, type SkuInput, type SkuPatch,
} from './model.ts'

export const codePattern = /^[A-Za-z0-9._-]{1,64}$/
/** Same alphabet as the scoped part of a `supplier:<id>` role, so a supplier token can match it. */
export const supplierIdPattern = /^[A-Za-z0-9_.-]{1,80}$/
export const maxAttributes = 50
export const maxCapabilities = 50
export const maxHandlingTimeHours = 720
/** A tonne a unit, a cubic metre a unit: beyond is a typo, and products stay within safe sums. */
export const maxWeightGrams = 1_000_000_000
export const maxVolumeCm3 = 1_000_000_000


const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max
const isInteger = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max
const isCoordinate = (v: unknown, limit: number): boolean => v === null || (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= limit)

/** The first failure among checks run in a fixed order, or undefined. */
function firstFailure(checks: Array<[passed: boolean, failure: () => Failure]>): Failure | undefined {
  for (const [passed, failure] of checks) if (!passed) return failure()
  return undefined
}

const codeCheck = (code: unknown): [boolean, () => Failure] =>
  [typeof code === 'string' && codePattern.test(code), () => fail('invalid_code', `code must be 1–64 characters of A–Z, a–z, 0–9, '.', '_' or '-' (got '${String(code)}').`)]
const nameCheck = (name: unknown): [boolean, () => Failure] =>
  [isText(name, 200), () => fail('invalid_name', 'name must be 1–200 characters and not blank.')]
const activeCheck = (active: unknown): [boolean, () => Failure] =>
  [typeof active === 'boolean', () => fail('invalid_active', 'active must be true or false.')]

function attributesValid(attributes: unknown): boolean {
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) return false
  const entries = Object.entries(attributes)
  return entries.length <= maxAttributes && entries.every(([k, v]) => isText(k, 64) && typeof v === 'string' && v.length <= 500)
}

export function decideSku(input: SkuInput): Result<SkuDraft> {
  const draft: SkuDraft = {
    code: input.code,
    name: input.name,
    unit: input.unit ?? 'each',
    barcode: input.barcode ?? null,
    attributes: input.attributes ?? {},
    active: input.active ?? true,
    weightGrams: input.weightGrams ?? null,
    volumeCm3: input.volumeCm3 ?? null,
  }
  const failure = firstFailure([
    codeCheck(draft.code),
    nameCheck(draft.name),
    [isText(draft.unit, 32), () => fail('invalid_unit', 'unit must be 1–32 characters.')],
    [draft.barcode === null || isText(draft.barcode, 64), () => fail('invalid_barcode', 'barcode must be 1–64 characters or null.')],
    [attributesValid(draft.attributes), () => fail('invalid_attributes', `attributes must map at most ${maxAttributes} names (1–64 characters) to text (up to 500).`)],
    activeCheck(draft.active),
    [draft.weightGrams === null || isInteger(draft.weightGrams, 1, maxWeightGrams), () => fail('invalid_weight', `weightGrams must be a whole number of grams from 1 to ${maxWeightGrams}, or null.`)],
    [draft.volumeCm3 === null || isInteger(draft.volumeCm3, 1, maxVolumeCm3), () => fail('invalid_volume', `volumeCm3 must be a whole number of cm³ from 1 to ${maxVolumeCm3}, or null.`)],
  ])
  return failure ?? ok(draft)
}

export function decideNode(input: NodeInput): Result<NodeDraft> {
  const draft: NodeDraft = {
    code: input.code,
    name: input.name,
    kind: input.kind,
    region: input.region,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    capabilities: input.capabilities ?? [],
    handlingTimeHours: input.handlingTimeHours ?? 24,
    supplierId: input.supplierId ?? null,
    fulfilment: defaultFulfilmentProfile,
    active: input.active ?? true,
  }
  const profile = decideFulfilmentProfile(input.fulfilment ?? {})
  if (!profile.ok) return profile
  draft.fulfilment = profile.value
  const caps = draft.capabilities
  const failure = firstFailure([
    codeCheck(draft.code),
    nameCheck(draft.name),
    [nodeKinds.includes(draft.kind), () => fail('invalid_kind', `kind must be one of ${nodeKinds.join(', ')} (got '${String(draft.kind)}').`)],
    [isText(draft.region, 64), () => fail('invalid_region', 'region must be 1–64 characters.')],
    [isCoordinate(draft.latitude, 90), () => fail('invalid_latitude', 'latitude must be between -90 and 90.')],
    [isCoordinate(draft.longitude, 180), () => fail('invalid_longitude', 'longitude must be between -180 and 180.')],
    [(draft.latitude === null) === (draft.longitude === null), () => fail('invalid_coordinates', 'Give both latitude and longitude, or neither.')],
    [Array.isArray(caps) && caps.length <= maxCapabilities && caps.every((c) => typeof c === 'string' && codePattern.test(c)) && new Set(caps).size === caps.length,
      () => fail('invalid_capabilities', `capabilities must be at most ${maxCapabilities} distinct names of A–Z, a–z, 0–9, '.', '_' or '-'.`)],
    [isInteger(draft.handlingTimeHours, 0, maxHandlingTimeHours), () => fail('invalid_handling_time', `handlingTimeHours must be a whole number from 0 to ${maxHandlingTimeHours}.`)],
    [draft.supplierId === null || (typeof draft.supplierId === 'string' && supplierIdPattern.test(draft.supplierId)),
      () => fail('invalid_supplier_id', "supplierId must be 1–80 characters of A–Z, a–z, 0–9, '.', '_' or '-'.")],
    activeCheck(draft.active),
  ])
  return failure ?? ok(draft)
}

/**
 * No channel holds back more units than a position can hold (the engine's most units, 10^9); it
 * also keeps the stored column a 32-bit integer, which PostgreSQL refused with a 500 above 2^31 - 1.
 */
export const maxSafetyBuffer = 1_000_000_000
/** "Only 5 left": the point where shops commonly start to show scarcity. */
export const defaultLowStockThreshold = 5

/**
 * `nodeIdOf` maps each node reference the input names (id or code) to a node id, for the nodes
 * that exist. Duplicates collapse to one, keeping the first position.
 */
export function decideChannel(input: ChannelInput, nodeIdOf: ReadonlyMap<string, string>): Result<ChannelDraft> {
  const refs = input.nodeIds ?? []
  const unknown = refs.filter((ref) => !nodeIdOf.has(ref))
  const draft: ChannelDraft = {
    code: input.code,
    name: input.name,
    kind: input.kind,
    nodeIds: [...new Set(refs.map((ref) => nodeIdOf.get(ref) ?? ref))],
    safetyBuffer: input.safetyBuffer ?? 0,
    lowStockThreshold: input.lowStockThreshold ?? defaultLowStockThreshold,
    active: input.active ?? true,
  }
  const failure = firstFailure([
    codeCheck(draft.code),
    nameCheck(draft.name),
    [channelKinds.includes(draft.kind), () => fail('invalid_kind', `kind must be one of ${channelKinds.join(', ')} (got '${String(draft.kind)}').`)],
    [Array.isArray(refs) && refs.length <= 500, () => fail('invalid_node_ids', 'nodeIds must be a list of at most 500 nodes.')],
    [unknown.length === 0, () => fail('unknown_node', `No node with id or code ${unknown.map((u) => `'${u}'`).join(', ')}.`, { nodes: unknown })],
    [isInteger(draft.safetyBuffer, 0, maxSafetyBuffer), () => fail('invalid_safety_buffer', `safetyBuffer must be a whole number from 0 to ${maxSafetyBuffer}.`)],
    [isInteger(draft.lowStockThreshold, 0, maxSafetyBuffer), () => fail('invalid_safety_buffer', `lowStockThreshold must be a whole number from 0 to ${maxSafetyBuffer}.`)],
    activeCheck(draft.active),
  ])
  return failure ?? ok(draft)
}

/**
 * A change is the current draft with the patch laid over it, decided again as a whole.
 * `undefined` in a patch means "keep"; explicit `null` clears a nullable field.
 */
export function patched<D extends object>(current: D, patch: Partial<D>): D {
  const merged = { ...current }
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) (merged as Record<string, unknown>)[key] = value
  return merged
}

export const decideSkuPatch = (current: SkuDraft, patch: SkuPatch) => decideSku(patched(current, patch))
export const decideNodePatch = (current: NodeDraft, patch: NodePatch) =>
  decideNode(patched<NodeInput>(current, { ...patch, fulfilment: patch.fulfilment && { ...current.fulfilment, ...patch.fulfilment } }))
export const decideChannelPatch = (current: ChannelDraft, patch: ChannelPatch, nodeIdOf: ReadonlyMap<string, string>) =>
  decideChannel(patched(current, patch), nodeIdOf)

export const duplicateCode = (what: string, code: string): Failure =>
  fail('duplicate_code', `A ${what} with code '${code}' already exists.`, { codeTaken: code })
