/** The merchant's compensation policy, kept in `settings`: what a delay earns the customer. */
import type { Queryable } from '../store/db.ts'
import { loadSetting, saveSetting, type SettingRule } from '../store/settings.ts'
import type { Result } from '../kernel/result.ts'
import { decideCompensationPolicy, defaultCompensationPolicy, type CompensationPolicy } from '../promising/index.ts'

export const compensationSettingName = 'compensation'

const compensationSetting: SettingRule<unknown, CompensationPolicy> = {
  name: compensationSettingName, fallback: defaultCompensationPolicy, check: decideCompensationPolicy,
}

/** The merchant's compensation policy, or the default until one is set. */
export const loadCompensationPolicy = (q: Queryable): Promise<CompensationPolicy> => loadSetting(q, compensationSetting)

export const saveCompensationPolicy = (q: Queryable, input: unknown, nowMs: number): Promise<Result<CompensationPolicy>> =>
  saveSetting(q, compensationSetting, input, nowMs)
