// A figure is a number Toetsblad writes as a live formula and also computes
// itself. The summary JSON lists them so anyone can check the two agree.

export type FigureUnit = 'fraction' | 'count' | 'eur' | 'fte' | 'number' | 'days';

export interface Figure {
  key: string;
  label: string;
  /** The engine's own value. Percentages are fractions (0.8887). */
  value: number | null;
  unit: FigureUnit;
  sheet: string;
  cell: string;
  /**
   * For a share (unit 'fraction' computed as a count over a population): its
   * numerator and denominator, so shares from several workbooks can be pooled
   * (a regional share is the sum of numerators over the sum of denominators,
   * never an average of percentages).
   */
  parts?: { numerator: number; denominator: number };
}
