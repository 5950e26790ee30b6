/** Small dense linear algebra for the regression. */

/** Solves A x = b for symmetric positive definite A (row-major p×p, overwritten); null when A is not. */
export function choleskySolve(a: Float64Array, b: Float64Array, p: number): Float64Array | null {
  for (let j = 0; j < p; j++) {
    let diagonal = a[j * p + j]
    for (let k = 0; k < j; k++) diagonal -= a[j * p + k] * a[j * p + k]
    if (!(diagonal > 0)) return null
    const root = Math.sqrt(diagonal)
    a[j * p + j] = root
    for (let i = j + 1; i < p; i++) {
      let sum = a[i * p + j]
      for (let k = 0; k < j; k++) sum -= a[i * p + k] * a[j * p + k]
      a[i * p + j] = sum / root
    }
  }
  const x = new Float64Array(p)
  for (let i = 0; i < p; i++) {
    let sum = b[i]
    for (let k = 0; k < i; k++) sum -= a[i * p + k] * x[k]
    x[i] = sum / a[i * p + i]
  }
  for (let i = p - 1; i >= 0; i--) {
    let sum = x[i]
    for (let k = i + 1; k < p; k++) sum -= a[k * p + i] * x[k]
    x[i] = sum / a[i * p + i]
  }
  return x
}
