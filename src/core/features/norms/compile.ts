// Resolves a norm definition against its data table: column references become
// column indexes, and the evaluation mode is chosen. Formulas (formulas.ts)
// and the engine (evaluate.ts) both work from this one resolved form, so they
// cannot disagree about which columns or rows a norm reads.

import type { DataTable } from './dataTable';
import { interiorSkipped, resolveColumn } from './dataTable';
import { dataSegments } from '../../detect/dataRows';
import type { Clause, ClauseKind, ColumnRef, CompareOp, NormDef } from './model';
import { needsRowArithmetic, numericColumns } from './model';

export interface ResolvedClause {
  col: number;
  kind: ClauseKind;
  values: (string | number)[];
  /** For kind 'column': the other column and the comparison. */
  other?: number;
  op?: CompareOp;
}

export type ResolvedMeasure =
  | { kind: 'share' | 'count'; condition: ResolvedClause[] }
  | { kind: 'withinDays' | 'withinMonths' | 'countOverDays'; from: number; to: number; limit: number }
  | { kind: 'mean' | 'sum'; column: number }
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
  /**
   * How the population cell counts: COUNTIFS whenever the filters allow it
   * (cheap in LibreOffice); SUMPRODUCT only when a filter compares two columns.
   */
  populationMode: EvalMode;
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
  const clauses = (cs: Clause[]): ResolvedClause[] =>
    cs.map((c) => ({ col: col(c.column), kind: c.kind, values: c.values, ...(c.kind === 'column' ? { other: col(c.other ?? ''), op: c.op } : {}) }));
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
    case 'sum':
      measure = { kind: m.kind, column: col(m.column) };
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
  const populationMode: EvalMode = population.some((c) => c.kind === 'column') ? 'array' : 'countifs';
  const mode: EvalMode = populationMode === 'array' || needsRowArithmetic(m) ? 'array' : 'countifs';
  // COUNTIFS over whole columns with only "<>" criteria would count the empty
  // rows down to the sheet's end: anchor the population to filled rows.
  if (!population.some((p) => p.kind !== 'ne' && p.kind !== 'empty')) {
    population.push({ col: anchorColumn(table), kind: 'filled', values: [] });
  }
  const used = [...population.flatMap(clauseColumns), ...measureColumns(measure), ...(perMonth === undefined ? [] : [perMonth])];
  const structured = table.excel !== undefined && used.every((c) => table.excel!.columns.has(c));
  return { ok: true, norm: { def, table, mode, populationMode, population, measure, perMonth, structured } };
}

function clauseColumns(c: ResolvedClause): number[] {
  return c.other === undefined ? [c.col] : [c.col, c.other];
}

/** Every clause an array formula of this norm multiplies: the filters and the measure's condition. */
export function arrayClauses(n: CompiledNorm): ResolvedClause[] {
  const m = n.measure;
  return [...n.population, ...(m.kind === 'share' || m.kind === 'count' ? m.condition : [])];
}

/** Columns whose cells the array formulas subtract, add to or pass to YEAR/MONTH/DAY. */
export function arithmeticColumns(n: CompiledNorm): number[] {
  const m = n.measure;
  const cols = m.kind === 'withinDays' || m.kind === 'withinMonths' || m.kind === 'countOverDays' ? [m.from, m.to] : [];
  for (const c of arrayClauses(n)) if (c.kind === 'column' && Number(c.values[0] ?? 0) !== 0) cols.push(c.other!);
  return [...new Set(cols)];
}

/** Columns an array formula compares with "=" or "<" (an error value there fails the whole SUMPRODUCT; ISNUMBER does not). */
export function comparedColumns(n: CompiledNorm): number[] {
  return [...new Set(arrayClauses(n).filter((c) => c.kind !== 'number').flatMap(clauseColumns))];
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
      return m.condition.flatMap(clauseColumns);
    case 'withinDays':
    case 'withinMonths':
    case 'countOverDays':
      return [m.from, m.to];
    case 'mean':
    case 'sum':
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
