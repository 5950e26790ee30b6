/** One way to walk a lifecycle table: every action × status (× party, when the table names parties). */

export interface Cell<A extends string, S extends string, P extends string> {
  action: A
  status: S
  /** Undefined for a table without parties. */
  party: P | undefined
  /** What the cell must answer, by the expected table: allowed, or the refusal's code. */
  outcome: 'ok' | 'forbidden' | 'illegal_transition'
}

/** What each action allows, written out by hand in the test so the code's table can be wrong. */
export type Expected<A extends string, S extends string, P extends string> = Record<A, { from: readonly S[]; by?: readonly P[] }>

/** Every cell of a table with the outcome the expected table gives it (the party is checked before the status). */
export function everyCell<A extends string, S extends string, P extends string = never>(
  expected: Expected<A, S, P>, statuses: readonly S[], parties: readonly P[] = [],
): Cell<A, S, P>[] {
  const cells: Cell<A, S, P>[] = []
  const partyList: Array<P | undefined> = parties.length ? [...parties] : [undefined]
  for (const action of Object.keys(expected) as A[]) {
    const { from, by } = expected[action]
    for (const status of statuses) {
      for (const party of partyList) {
        const outcome = party !== undefined && by && !by.includes(party) ? 'forbidden' : from.includes(status) ? 'ok' : 'illegal_transition'
        cells.push({ action, status, party, outcome })
      }
    }
  }
  return cells
}

/** The table's own from/by, to compare with the hand-written expectation in one assertion. */
export function fromAndBy<A extends string, S extends string, P extends string>(table: Expected<A, S, P>): Expected<A, S, P> {
  const out = {} as Expected<A, S, P>
  for (const action of Object.keys(table) as A[]) {
    const { from, by } = table[action]
    out[action] = by ? { from: [...from], by: [...by] } : { from: [...from] }
  }
  return out
}
