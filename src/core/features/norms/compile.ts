// Resolves a norm definition against its data table: column references become
// column indexes, and the evaluation mode is chosen. Formulas (formulas.ts)
// and the engine (evaluate.ts) both work from this one resolved form, so they
// cannot disagree about which columns or rows a norm reads.

import type { DataTable } from './dataTable';
import { interiorSkipped, resolveColumn } from './dataTable';
import { dataSegments } from '../../detect/dataRows';
import type { Clause, ClauseKind, ColumnRef, NormDef } from './model';
import { needsRowArithmetic, numericColumns } from './model';

export interface ResolvedClause {
  col: number;
  kind: ClauseKind;
  values: (string | number)[];
}

export type ResolvedMeasure =
  | { kind: 'share' | 'count'; condition: ResolvedClause[] }
  | { kind: 'withinDays' | 'withinMonths' | 'countOverDays'; from: number; to: number; limit: number }
  | { kind: 'mean'; column: number }
  | { kind: 'meanDiff'; a: number; b: number }
  | { kind: 'ratio'; numerator: number; denominator: number };

/**
 * 'countifs': COUNTIFS/SUMIFS over columns from the first data row to the
 * sheet's last row; they cost only the used range and include appended rows.
 * 'array': SUMPRODUCT over a bounded range (data plus slack), because a
 * per-row comparison of two columns has no COUNTIFS form and SUMPRODUCT over
 * a million rows would be slow.
 */
export type EvalMode = 'countifs' | 'array';

export interface CompiledNorm {
  def: NormDef;
  table: DataTable;
  mode: EvalMode;
  /** Filters plus "is a number" for every column the measure computes with. */
  population: ResolvedClause[];
  measure: ResolvedMeasure;
  perMonth?: number;
  /**
   * Every column lies in the user's Excel Table: formulas use structured
   * references (Table[Column]), which grow with the table, so neither a
   * whole column nor a slack range is needed.
   */
  structured: boolean;
}

export type CompileResult = { ok: true; norm: CompiledNorm } | { ok: false; missing: string[] };

export function compileNorm(def: NormDef, table: DataTable): CompileResult {
  const missing: string[] = [];
  const col = (ref: ColumnRef): number => {
    const c = resolveColumn(table, ref);
    if (c === null) missing.push(ref);
    return c ?? -1;
  };
  const clauses = (cs: Clause[]): ResolvedClause[] => cs.map((c) => ({ col: col(c.column), kind: c.kind, values: c.values }));
  const population = clauses(def.population);
  const m = def.measure;
  let measure: ResolvedMeasure;
  switch (m.kind) {
    case 'share':
    case 'count':
      measure = { kind: m.kind, condition: clauses(m.condition) };
      break;
    case 'withinDays':
    case 'withinMonths':
    case 'countOverDays':
      measure = { kind: m.kind, from: col(m.from), to: col(m.to), limit: m.limit };
      break;
    case 'mean':
      measure = { kind: 'mean', column: col(m.column) };
      break;
    case 'meanDiff':
      measure = { kind: 'meanDiff', a: col(m.a), b: col(m.b) };
      break;
    case 'ratio':
      measure = { kind: 'ratio', numerator: col(m.numerator), denominator: col(m.denominator) };
      break;
  }
  const perMonth = def.perMonth ? col(def.perMonth) : undefined;
  for (const ref of numericColumns(m)) {
    const c = resolveColumn(table, ref);
    if (c !== null && !population.some((p) => p.col === c && p.kind === 'number')) population.push({ col: c, kind: 'number', values: [] });
  }
  if (missing.length > 0) return { ok: false, missing: [...new Set(missing)] };
  const mode: EvalMode = needsRowArithmetic(m) ? 'array' : 'countifs';
  // COUNTIFS over whole columns with only "<>" criteria would count the empty
  // rows down to the sheet's end: anchor the population to filled rows.
  if (mode === 'countifs' && !population.some((p) => p.kind === 'eq' || p.kind === 'filled' || p.kind === 'number')) {
    population.push({ col: anchorColumn(table), kind: 'filled', values: [] });
  }
  const used = [...population.map((c) => c.col), ...measureColumns(measure), ...(perMonth === undefined ? [] : [perMonth])];
  const structured = table.excel !== undefined && used.every((c) => table.excel!.columns.has(c));
  return { ok: true, norm: { def, table, mode, population, measure, perMonth, structured } };
}

/** Columns whose cells the array formulas subtract or pass to YEAR/MONTH/DAY. */
export function arithmeticColumns(n: CompiledNorm): number[] {
  const m = n.measure;
  return m.kind === 'withinDays' || m.kind === 'withinMonths' || m.kind === 'countOverDays' ? [m.from, m.to] : [];
}

/** Last row (0-based, inclusive) the array formulas cover: the data plus room to grow (none when a total or note sits below). */
export function arrayEnd(t: DataTable): number {
  if (t.closed) return t.lastRow;
  const rows = Math.max(0, t.lastRow - t.firstRow + 1);
  return Math.min(1_048_575, Math.max(t.lastRow, t.firstRow) + Math.max(1000, Math.ceil(rows * 0.1)));
}

/** The column that says "this row exists": the dossier number, else the leftmost header. */
export function anchorColumn(t: DataTable): number {
  return t.fields.dossiernr ?? Math.min(...Object.keys(t.labels).map(Number));
}

function measureColumns(m: ResolvedMeasure): number[] {
  switch (m.kind) {
    case 'share':
    case 'count':
      return m.condition.map((c) => c.col);
    case 'withinDays':
    case 'withinMonths':
    case 'countOverDays':
      return [m.from, m.to];
    case 'mean':
      return [m.column];
    case 'meanDiff':
      return [m.a, m.b];
    case 'ratio':
      return [m.numerator, m.denominator];
  }
}

/** Last row (0-based) the formulas of this norm read. */
export function rangeEnd(n: CompiledNorm): number {
  if (n.structured) return n.table.excel!.bottom;
  if (n.table.closed) return n.table.lastRow;
  return n.mode === 'countifs' ? LAST_SHEET_ROW : arrayEnd(n.table);
}

/** Last 0-based row of a sheet. */
export const LAST_SHEET_ROW = 1_048_575;

/**
 * The row ranges the formulas read: from the first row under the header to
 * rangeEnd, split around totals, notes and repeated headers inside the data.
 * Empty when the table has no records.
 */
export function segments(n: CompiledNorm): { top: number; bottom: number }[] {
  const end = rangeEnd(n);
  if (n.structured) return [{ top: n.table.firstRow, bottom: end }];
  return dataSegments(n.table.firstRow, end, interiorSkipped(n.table));
}

/** Last data row (0-based) the engine needs to look at for this norm. */
export function lastEvaluatedRow(n: CompiledNorm): number {
  if (n.structured) return n.table.excel!.bottom;
  return n.mode === 'countifs' && !n.table.closed ? n.table.sheet.rowCount - 1 : n.table.lastRow;
}
