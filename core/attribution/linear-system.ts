/**
 * Solves A·X = B by Gaussian elimination with partial pivoting: exact up to rounding, no iteration.
 * `a` is n×n and `b` is n×m, both row-major; both are overwritten, and `b` is returned holding X.
 * Zero multipliers and the pivot row's zeros are skipped, so the sparse systems of path graphs cost
 * far less than n³.
 */
export function solveLinearSystem(a: Float64Array, b: Float64Array, n: number, m: number): Float64Array {
  for (let k = 0; k < n; k++) {
    swapRows(a, b, n, m, k, pivotRow(a, n, k));
    const pivot = a[k * n + k]!;
    if (Math.abs(pivot) < 1e-300) throw new Error('the linear system is singular');
    const columns = nonZeroColumns(a, n, k, k + 1);
    const rhsColumns = nonZeroColumns(b, m, k, 0);
    for (let i = k + 1; i < n; i++) {
      const factor = a[i * n + k]! / pivot;
      if (factor === 0) continue;
      a[i * n + k] = 0;
      subtractRow(a, i * n, k * n, factor, columns);
      subtractRow(b, i * m, k * m, factor, rhsColumns);
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) {
      const factor = a[i * n + j]!;
      if (factor !== 0) subtractRange(b, i * m, j * m, factor, m);
    }
    const diagonal = a[i * n + i]!;
    for (let c = i * m; c < (i + 1) * m; c++) b[c]! /= diagonal;
  }
  return b;
}

/** row(target) −= factor × row(source), on the given columns only. */
function subtractRow(matrix: Float64Array, target: number, source: number, factor: number, columns: Int32Array): void {
  for (let c = 0; c < columns.length; c++) {
    const j = columns[c]!;
    matrix[target + j]! -= factor * matrix[source + j]!;
  }
}

/** row(target) −= factor × row(source), on the first `width` columns. */
function subtractRange(matrix: Float64Array, target: number, source: number, factor: number, width: number): void {
  for (let c = 0; c < width; c++) matrix[target + c]! -= factor * matrix[source + c]!;
}

/** The columns from `from` on where row k of a `width`-wide matrix is not zero: the only ones its multiples change. */
function nonZeroColumns(matrix: Float64Array, width: number, k: number, from: number): Int32Array {
  const columns = new Int32Array(Math.max(0, width - from));
  let count = 0;
  for (let j = from; j < width; j++) if (matrix[k * width + j] !== 0) columns[count++] = j;
  return columns.subarray(0, count);
}

/** The row at or below k with the largest entry in column k. */
function pivotRow(a: Float64Array, n: number, k: number): number {
  let best = k;
  for (let i = k + 1; i < n; i++) if (Math.abs(a[i * n + k]!) > Math.abs(a[best * n + k]!)) best = i;
  return best;
}

function swapRows(a: Float64Array, b: Float64Array, n: number, m: number, r: number, s: number): void {
  if (r === s) return;
  for (const [matrix, width] of [[a, n], [b, m]] as const) {
    const row = matrix.slice(r * width, (r + 1) * width);
    matrix.copyWithin(r * width, s * width, (s + 1) * width);
    matrix.set(row, s * width);
  }
}
