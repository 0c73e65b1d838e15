// The norm model: an indicator over a population of data rows (filters on
// columns), a measure, and a norm (operator + value, optional warning margin,
// optional second tier). Built-in norms and the user's own rows in
// 'TB Normdefinities' both end up as NormDef.

import type { NormOperator } from '../../parse/normText';
import type { FigureUnit } from '../../plan/figure';

/** A column as the definition names it: a header text ("Datum afsluiting") or a column letter ("F"). */
export type ColumnRef = string;

export type ClauseKind =
  /** Equals one of the values (case-insensitive, as Excel compares). */
  | 'eq'
  /** Differs from the value. */
  | 'ne'
  /** Not empty. */
  | 'filled'
  /** Empty. */
  | 'empty'
  /** A real number or date cell (not text). */
  | 'number'
  /** A number compared with a constant: values[0] ("Tevredenheid ≥ 85"). */
  | 'gt'
  | 'ge'
  | 'lt'
  | 'le'
  /** A number from values[0] to values[1], both included ("Cijfer tussen 6 en 8"). */
  | 'between'
  /** Compared with another column of the same row plus values[0] ("Cijfer eind ≥ Cijfer start + 1"): see `op` and `other`. */
  | 'column';

/** The comparison kinds that take a number. */
export const NUMERIC_CLAUSE_KINDS = ['gt', 'ge', 'lt', 'le', 'between'] as const;

export type CompareOp = 'gt' | 'ge' | 'lt' | 'le' | 'eq' | 'ne';

export interface Clause {
  column: ColumnRef;
  kind: ClauseKind;
  /** For eq: the alternatives ("Zelfstandig | Sociaal netwerk"); for ne: one value; for gt…le: the bound; between: both bounds; column: the offset. */
  values: (string | number)[];
  /** For kind 'column': the other column and the comparison. */
  other?: ColumnRef;
  op?: CompareOp;
}

export type Measure =
  /** Share of the population meeting a condition. */
  | { kind: 'share'; condition: Clause[] }
  /** Share where `to - from` is at most `limit` days / `to` is within `limit` calendar months of `from`. */
  | { kind: 'withinDays' | 'withinMonths'; from: ColumnRef; to: ColumnRef; limit: number }
  /** Number of rows (optionally meeting a condition). */
  | { kind: 'count'; condition: Clause[] }
  /** Number of rows where `to - from` exceeds `limit` days. */
  | { kind: 'countOverDays'; from: ColumnRef; to: ColumnRef; limit: number }
  | { kind: 'mean'; column: ColumnRef }
  /** Sum of a column over the population (a budget total, a savings task). */
  | { kind: 'sum'; column: ColumnRef }
  /** Mean of (a - b) over rows where both are numbers. */
  | { kind: 'meanDiff'; a: ColumnRef; b: ColumnRef }
  /** SUM(numerator) / SUM(denominator). */
  | { kind: 'ratio'; numerator: ColumnRef; denominator: ColumnRef };

export type MeasureKind = Measure['kind'];

export interface NormTarget {
  op: NormOperator;
  value: number;
}

export interface NormDef {
  /** Stable key: the figure key in the summary. */
  key: string;
  label: string;
  /** The kernbeding (contract condition) the norm belongs to. */
  kernbeding: string;
  source: 'builtin' | 'user';
  enabled: boolean;
  /** Data sheet name; empty means the detected trajectory sheet. */
  sheet: string;
  population: Clause[];
  measure: Measure;
  /** Date column for a monthly breakdown (count measures). */
  perMonth?: ColumnRef;
  /** "per <kolom>": one result row per value of this column, under the total. */
  groupBy?: ColumnRef;
  /** The provider's reported indicator line this norm recomputes: "Indicatoren!C7", "rij 7" or the indicator's text. */
  indicatorRef?: string;
  /** No target: the figure is reported only. */
  target: NormTarget | null;
  /** "Bijna behaald" within this distance of the norm (same unit as the value). */
  margin: number;
  /** Key of the norm this one is the second tier of. */
  tierOf?: string;
  /** Row (0-based) in the definitions sheet, for findings. */
  definitionRow?: number;
}

export function unitOf(m: Measure): FigureUnit {
  switch (m.kind) {
    case 'share':
    case 'withinDays':
    case 'withinMonths':
    case 'ratio':
      return 'fraction';
    case 'count':
    case 'countOverDays':
      return 'count';
    default:
      return 'number';
  }
}

/** Columns a measure reads as numbers; the population is restricted to rows where they are numbers. */
export function numericColumns(m: Measure): ColumnRef[] {
  switch (m.kind) {
    case 'withinDays':
    case 'withinMonths':
    case 'countOverDays':
      return [m.from, m.to];
    case 'mean':
    case 'sum':
      return [m.column];
    case 'meanDiff':
      return [m.a, m.b];
    default:
      return [];
  }
}

/** Measures that compare two columns per row: only SUMPRODUCT can express them. */
export function needsRowArithmetic(m: Measure): boolean {
  return m.kind === 'withinDays' || m.kind === 'withinMonths' || m.kind === 'countOverDays' || ((m.kind === 'share' || m.kind === 'count') && m.condition.some((c) => c.kind === 'column'));
}
