import type { Param } from './db.ts'

/** A WHERE clause built from optional filters: a condition joins only when its value is given. */
export class Where {
  readonly #terms: string[] = []
  readonly params: Param[] = []

  /** A condition with its `?` values, always added. */
  add(sql: string, ...values: Param[]): this {
    this.#terms.push(sql)
    this.params.push(...values)
    return this
  }

  /** `column = ?`, when the value is given. */
  eq(column: string, value: Param | undefined): this {
    return value === undefined ? this : this.add(`${column} = ?`, value)
  }

  /** `column IN (…)`, when the list is given; an empty list matches nothing. */
  among(column: string, values: readonly Param[] | undefined): this {
    if (values === undefined) return this
    return values.length === 0 ? this.add('1 = 0') : this.add(`${column} IN (${values.map(() => '?').join(', ')})`, ...values)
  }

  /** The conditions joined by AND (`1 = 1` when there are none), to embed in a larger query. */
  get conditions(): string {
    return this.#terms.length > 0 ? this.#terms.join(' AND ') : '1 = 1'
  }

  /** `WHERE …`, or nothing when there are no conditions. */
  get sql(): string {
    return this.#terms.length > 0 ? `WHERE ${this.#terms.join(' AND ')}` : ''
  }
}
