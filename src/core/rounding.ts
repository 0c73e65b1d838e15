// The rounding rule every sum check uses, inside one workbook (budget) and
// across workbooks (regio): compare in whole cents (or hundredths of an fte),
// and call a difference rounding when it stays within the tolerance or within
// what rounding each term to its written decimals can add up to.

export type Verdict = 'exact' | 'rounding' | 'error';

/** Whole cents (or hundredths of an fte): the unit every comparison is made in. */
export function cents(x: number): number {
  return Math.round(Number((x * 100).toPrecision(15)));
}

/** Decimals a value is written with, 0..2 (more counts as 2). */
export function decimalsOf(x: number): number {
  for (let d = 0; d < 2; d++) {
    const s = x * 10 ** d;
    if (Math.abs(s - Math.round(s)) < 1e-6) return d;
  }
  return 2;
}

/** Rounding the n terms of a sum to d decimals moves the sum by up to n × half a unit. */
export function linesRoundingAllowance(parts: number[], stated: number): number {
  const terms = parts.filter((v) => v !== 0);
  if (terms.length === 0) return 0;
  const d = terms.reduce((m, v) => Math.max(m, decimalsOf(v)), decimalsOf(stated));
  return Number((terms.length * 0.5 * 10 ** -d).toPrecision(12));
}

/** The largest difference still explained by rounding: the tolerance, or rounding the terms. */
export function roundingAllowance(parts: number[], stated: number, tolerance: number): number {
  return Math.max(tolerance, linesRoundingAllowance(parts, stated));
}

export function classify(diff: number, allowance: number): Verdict {
  const c = Math.abs(cents(diff));
  if (c === 0) return 'exact';
  return c <= cents(allowance) ? 'rounding' : 'error';
}
