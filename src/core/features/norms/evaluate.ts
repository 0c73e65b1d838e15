// The engine's own computation of every norm formula (formulas.ts), in one
// pass over the rows. It follows the spreadsheet's rules exactly: "=" matches
// text case-insensitively and a number only as a number (LibreOffice's
// COUNTIFS does not take "12" for 12); COUNTIFS "<>" counts a formula's empty
// text as filled and "=" only truly empty cells, where an array ="" takes
// both; ISNUMBER is false for dates stored as text; and a subtraction over
// text that is not a number fails the whole SUMPRODUCT.

import { serialToYmd, ymdToSerial, MAX_SERIAL } from '../../parse/date';
import type { CellValue } from '../../workbook/snapshot';
import { cellValue, isCellError } from '../../workbook/snapshot';
import type { CompiledNorm, EvalMode, ResolvedClause } from './compile';
import { arithmeticColumns, comparedColumns, lastEvaluatedRow } from './compile';
import { skippedRowSet } from './dataTable';

export interface MonthCount {
  /** "2021-07" */
  key: string;
  /** First day of the month and of the next one, as serials. */
  start: number;
  end: number;
  count: number | null;
}

export interface NormValues {
  population: number;
  /** Rows of the population meeting the measure's condition (shares and counts). */
  hits: number;
  /** The realisation; null where the formula gives "" (no population, or a failed calculation). */
  value: number | null;
  months: MonthCount[];
  /** First cell (row, col) whose text makes the array formulas fail, if any. */
  failedAt: { row: number; col: number } | null;
}

const cell = (n: CompiledNorm, row: number, col: number): CellValue => cellValue(n.table.sheet, row, col);
const isEmpty = (v: CellValue) => v === null || v === undefined || v === '';

function eqMatch(v: CellValue, lit: string | number): boolean {
  // A number matches numbers only, in COUNTIFS as in an array "=": LibreOffice's COUNTIFS does not take the text "12"
  // for 12 (Excel's may); such cells are data-quality findings anyway.
  if (typeof lit === 'number') return typeof v === 'number' && v === lit;
  // Length first: most cells differ, and lower-casing every row costs more than the rest of the loop.
  return typeof v === 'string' && v.length === lit.length && v.toLowerCase() === lit.toLowerCase();
}

export function clauseMatches(v: CellValue, c: ResolvedClause, mode: EvalMode): boolean {
  switch (c.kind) {
    case 'eq':
      return c.values.some((lit) => eqMatch(v, lit));
    case 'ne':
      return !eqMatch(v, c.values[0]);
    // COUNTIFS "<>" counts a cell holding "" (a formula's empty text) as filled and "=" only truly empty cells; an array's ="" takes both as empty.
    case 'filled':
      return mode === 'countifs' ? v !== null && v !== undefined : !isEmpty(v);
    case 'empty':
      return mode === 'countifs' ? v === null || v === undefined : isEmpty(v);
    // COUNTIFS ">6" and ISNUMBER(r)*(r>6) alike take only numbers: text "7" is not counted.
    case 'gt':
      return typeof v === 'number' && v > Number(c.values[0]);
    case 'ge':
      return typeof v === 'number' && v >= Number(c.values[0]);
    case 'lt':
      return typeof v === 'number' && v < Number(c.values[0]);
    case 'le':
      return typeof v === 'number' && v <= Number(c.values[0]);
    case 'between':
      return typeof v === 'number' && v >= Number(c.values[0]) && v <= Number(c.values[1]);
    case 'column':
      // Needs the other cell of the row: see rowClauseMatches.
      return false;
    default:
      return typeof v === 'number';
  }
}

/** A clause on one row; a two-column comparison reads both cells (ISNUMBER on both, then the comparison). */
export function rowClauseMatches(n: CompiledNorm, r: number, c: ResolvedClause, mode: EvalMode): boolean {
  if (c.kind !== 'column') return clauseMatches(cell(n, r, c.col), c, mode);
  const a = cell(n, r, c.col);
  const b = cell(n, r, c.other!);
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  const rhs = b + Number(c.values[0] ?? 0);
  switch (c.op) {
    case 'gt':
      return a > rhs;
    case 'ge':
      return a >= rhs;
    case 'lt':
      return a < rhs;
    case 'le':
      return a <= rhs;
    case 'ne':
      return a !== rhs;
    default:
      return a === rhs;
  }
}

/** Text the spreadsheet cannot subtract: anything but a plain number or an ISO date. */
export function breaksArithmetic(v: CellValue, calendar: boolean): boolean {
  if (isCellError(v)) return true;
  if (typeof v === 'number') return calendar && (v < 0 || v > MAX_SERIAL);
  if (typeof v !== 'string' || v === '') return false;
  const t = v.trim();
  return !(/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t) || /^\d{4}-\d{2}-\d{2}$/.test(t));
}

function rowMeetsCondition(n: CompiledNorm, r: number): boolean {
  const m = n.measure;
  if (m.kind === 'share' || m.kind === 'count') return m.condition.every((c) => rowClauseMatches(n, r, c, n.mode));
  if (m.kind !== 'withinDays' && m.kind !== 'withinMonths' && m.kind !== 'countOverDays') return true;
  const from = cell(n, r, m.from) as number;
  const to = cell(n, r, m.to) as number;
  if (m.kind === 'withinDays') return to - from <= m.limit;
  if (m.kind === 'countOverDays') return to - from > m.limit;
  const a = serialToYmd(from);
  const b = serialToYmd(to);
  const months = (b.year - a.year) * 12 + b.month - a.month;
  return months < m.limit || (months === m.limit && b.day <= a.day);
}

function monthStart(serial: number): number {
  const { year, month } = serialToYmd(serial);
  return ymdToSerial(year, month, 1);
}

function nextMonth(start: number): number {
  const { year, month } = serialToYmd(start);
  return month === 12 ? ymdToSerial(year + 1, 1, 1) : ymdToSerial(year, month + 1, 1);
}

/** Numerator and denominator of a share norm's value, for pooling; undefined for other measures or when there is no value. */
export function shareParts(n: CompiledNorm, v: NormValues): { numerator: number; denominator: number } | undefined {
  const k = n.measure.kind;
  if ((k !== 'share' && k !== 'withinDays' && k !== 'withinMonths') || v.value === null) return undefined;
  return { numerator: v.hits, denominator: v.population };
}

export function evaluateNorm(n: CompiledNorm): NormValues {
  const t = n.table;
  const m = n.measure;
  // COUNTIFS ranges run to the sheet's end; array ranges end inside blank rows, so the data rows suffice; a Table ends where it ends.
  const last = lastEvaluatedRow(n);
  // Totals, notes and repeated headers lie outside every formula range.
  const skipped = skippedRowSet(t);
  let failedAt: NormValues['failedAt'] = null;
  if (n.mode === 'array') {
    const calendar = m.kind === 'withinMonths';
    const arithmetic = arithmeticColumns(n);
    const compared = comparedColumns(n);
    outer: for (let r = t.firstRow; r <= last; r++) {
      if (skipped.has(r)) continue;
      for (const c of arithmetic) {
        if (breaksArithmetic(cell(n, r, c), calendar)) {
          failedAt = { row: r, col: c };
          break outer;
        }
      }
      // An error value compared with "=" or ">" is an error, and one error fails the whole SUMPRODUCT.
      for (const c of compared) {
        if (isCellError(cell(n, r, c))) {
          failedAt = { row: r, col: c };
          break outer;
        }
      }
    }
  }
  let population = 0;
  let hits = 0;
  let sumA = 0;
  let sumB = 0;
  const perMonth = new Map<number, number>();
  for (let r = t.firstRow; r <= last; r++) {
    if (skipped.has(r)) continue;
    // The population cell is a COUNTIFS (unless a filter compares two columns); an array numerator repeats the filters as array factors, with array semantics.
    if (!n.population.every((c) => rowClauseMatches(n, r, c, n.populationMode))) continue;
    population++;
    const inArrayPopulation = n.mode !== 'array' || n.populationMode === 'array' || n.population.every((c) => rowClauseMatches(n, r, c, 'array'));
    if (!inArrayPopulation) continue;
    const meets = failedAt ? false : rowMeetsCondition(n, r);
    if (meets) hits++;
    if (m.kind === 'mean' || m.kind === 'sum') sumA += cell(n, r, m.column) as number;
    if (m.kind === 'meanDiff') {
      sumA += cell(n, r, m.a) as number;
      sumB += cell(n, r, m.b) as number;
    }
    if (m.kind === 'ratio') {
      const a = cell(n, r, m.numerator);
      const b = cell(n, r, m.denominator);
      if (typeof a === 'number') sumA += a;
      if (typeof b === 'number') sumB += b;
    }
    if (n.perMonth !== undefined) {
      const d = cell(n, r, n.perMonth);
      if (typeof d === 'number' && d > 0 && d <= MAX_SERIAL) {
        const key = monthStart(d);
        perMonth.set(key, (perMonth.get(key) ?? 0) + (meets ? 1 : 0));
      }
    }
  }
  let value: number | null;
  switch (m.kind) {
    case 'share':
    case 'withinDays':
    case 'withinMonths':
      value = population === 0 || failedAt ? null : hits / population;
      break;
    // A count over no rows at all is no evidence of anything: "Geen gegevens", as the formula's IF(pop=0,"",…) says.
    case 'count':
      value = population === 0 || failedAt ? null : hits;
      break;
    case 'countOverDays':
      value = population === 0 || failedAt ? null : hits;
      break;
    case 'mean':
      value = population === 0 || failedAt ? null : sumA / population;
      break;
    case 'sum':
      value = population === 0 || failedAt ? null : sumA;
      break;
    case 'meanDiff':
      value = population === 0 || failedAt ? null : (sumA - sumB) / population;
      break;
    case 'ratio':
      value = sumB === 0 || failedAt ? null : sumA / sumB;
      break;
  }
  return { population, hits, value, months: monthList(perMonth, failedAt !== null), failedAt };
}

/** Every month from the first to the last one seen, gaps included (a month with no rows counts 0). */
function monthList(seen: Map<number, number>, failed: boolean): MonthCount[] {
  if (seen.size === 0) return [];
  const starts = [...seen.keys()].sort((a, b) => a - b);
  const out: MonthCount[] = [];
  for (let s = starts[0]; s <= starts[starts.length - 1]; s = nextMonth(s)) {
    const { year, month } = serialToYmd(s);
    out.push({ key: `${year}-${String(month).padStart(2, '0')}`, start: s, end: nextMonth(s), count: failed ? null : (seen.get(s) ?? 0) });
  }
  return out;
}
