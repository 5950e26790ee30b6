// Placeholder while the engine is written; replaced in the same change.
import type { Db } from '../store/db.ts'
export interface EngineOptions { sweepIntervalMs?: number }
export class Inventory {
  constructor(..._args: unknown[]) {}
  async stop(): Promise<void> {}
}
