// Native formulas for a compiled norm (Excel 2016 functions only, English
// names). evaluate.ts computes the same numbers in TypeScript.
//
// Range choice, so formulas stay right when the user appends rows:
// - COUNTIFS/SUMIFS read from the first data row down to row 1048576 (the
//   whole column below the header). Excel and LibreOffice only scan the used
//   part, so this is cheap, and appended rows count at once. Starting below
//   the header keeps the header text out of every criterion.
// - When the data is an Excel Table of the user's, every range is a
//   structured reference (Table[Column]) instead: it grows with the table.
// - SUMPRODUCT (needed to compare two date columns per row) reads a bounded
//   range: the data plus 10% (at least 1000 rows) of room to grow. Over whole
//   columns it would evaluate a million rows per formula. The norms sheet
//   shows a check cell that counts rows beyond that range, and a refresh
//   extends it. ISNUMBER factors keep blank rows out; text in a date column
//   would make the subtraction fail, so those formulas are wrapped in IFERROR
//   (result empty: "Geen gegevens") and the engine reports the cells.

import { columnLetters, quoteSheet } from '../../workbook/address';
import { serialToYmd } from '../../parse/date';
import type { CompiledNorm, ResolvedClause } from './compile';
import { arrayClauses, arrayEnd, segments } from './compile';
import type { CompareOp } from './model';

const LAST_ROW = 1_048_576;

/** Rows [top, bottom] (0-based) one range of a formula reads. */
type Segment = { top: number; bottom: number };

/** Table[Column], with the characters structured references reserve escaped. */
function structuredRef(n: CompiledNorm, col: number): string {
  const name = n.table.excel!.columns.get(col)!.replace(/['#[\]]/g, "'$&");
  return `${n.table.excel!.name}[${name}]`;
}

/** One column over one segment of rows. */
export function columnRange(n: CompiledNorm, col: number, seg: Segment): string {
  if (n.structured) return structuredRef(n, col);
  const c = columnLetters(col);
  return `${quoteSheet(n.table.sheet.name)}!$${c}$${seg.top + 1}:$${c}$${seg.bottom + 1}`;
}

/** A sum of one term per segment; "0" when the table has no records. */
function overSegments(n: CompiledNorm, term: (seg: Segment) => string): string {
  const terms = segments(n).map(term);
  if (terms.length === 0) return '0';
  return terms.length === 1 ? terms[0] : `(${terms.join('+')})`;
}

/** A text literal in a formula: quotes doubled, so no user text can end the string. */
export function textLiteral(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A number as formula text. */
export function num(n: number): string {
  return String(n);
}

/** COUNTIFS criterion for "equals": wildcards escaped, numbers as numbers. */
function eqCriterion(v: string | number): string {
  return typeof v === 'number' ? num(v) : textLiteral(`=${v.replace(/[~*?]/g, '~$&')}`);
}

function neCriterion(v: string | number): string {
  return typeof v === 'number' ? `"<>"&${num(v)}` : textLiteral(`<>${v.replace(/[~*?]/g, '~$&')}`);
}

const CRITERION_OP: Record<CompareOp, string> = { gt: '>', ge: '>=', lt: '<', le: '<=', eq: '=', ne: '<>' };

/** Criteria sets: one per combination of "=" alternatives; the COUNTIFS of all sets add up. */
function criteriaSets(n: CompiledNorm, clauses: ResolvedClause[], seg: Segment): string[][] {
  let sets: string[][] = [[]];
  for (const c of clauses) {
    const range = columnRange(n, c.col, seg);
    let options: string[];
    switch (c.kind) {
      case 'eq':
        options = c.values.map((v) => `${range},${eqCriterion(v)}`);
        break;
      case 'ne':
        options = [`${range},${neCriterion(c.values[0])}`];
        break;
      case 'filled':
        options = [`${range},"<>"`];
        break;
      case 'empty':
        options = [`${range},"="`];
        break;
      case 'gt':
      case 'ge':
      case 'lt':
      case 'le':
        options = [`${range},"${CRITERION_OP[c.kind]}${num(Number(c.values[0]))}"`];
        break;
      case 'between':
        options = [`${range},">=${num(Number(c.values[0]))}",${range},"<=${num(Number(c.values[1]))}"`];
        break;
      case 'column':
        // Compiled as an array norm (compile.ts); never reaches COUNTIFS.
        throw new Error('A two-column comparison has no COUNTIFS form');
      default:
        options = [`${range},">-1E+300"`];
    }
    sets = sets.flatMap((s) => options.map((o) => [...s, o]));
  }
  return sets;
}

function countifsIn(n: CompiledNorm, clauses: ResolvedClause[], seg: Segment, extra: string[] = []): string {
  return criteriaSets(n, clauses, seg)
    .map((s) => `COUNTIFS(${[...s, ...extra].join(',')})`)
    .join('+');
}

function countifs(n: CompiledNorm, clauses: ResolvedClause[]): string {
  return overSegments(n, (seg) => countifsIn(n, clauses, seg));
}

function sumifs(n: CompiledNorm, sumCol: number, clauses: ResolvedClause[]): string {
  return overSegments(n, (seg) => {
    const terms = criteriaSets(n, clauses, seg).map((s) => `SUMIFS(${columnRange(n, sumCol, seg)},${s.join(',')})`);
    return terms.length === 1 ? terms[0] : `(${terms.join('+')})`;
  });
}

function arrayFactor(n: CompiledNorm, c: ResolvedClause, seg: Segment): string {
  const r = columnRange(n, c.col, seg);
  const lit = (v: string | number) => (typeof v === 'number' ? num(v) : textLiteral(v));
  switch (c.kind) {
    case 'eq':
      return c.values.length === 1 ? `(${r}=${lit(c.values[0])})` : `(${c.values.map((v) => `(${r}=${lit(v)})`).join('+')})`;
    case 'ne':
      return `(${r}<>${lit(c.values[0])})`;
    case 'filled':
      return `(${r}<>"")`;
    case 'empty':
      return `(${r}="")`;
    // ISNUMBER first: an array comparison takes any text as larger than every number.
    case 'gt':
    case 'ge':
    case 'lt':
    case 'le':
      return `ISNUMBER(${r})*(${r}${CRITERION_OP[c.kind]}${num(Number(c.values[0]))})`;
    case 'between':
      return `ISNUMBER(${r})*(${r}>=${num(Number(c.values[0]))})*(${r}<=${num(Number(c.values[1]))})`;
    case 'column': {
      const o = columnRange(n, c.other!, seg);
      const offset = Number(c.values[0] ?? 0);
      const rhs = offset === 0 ? o : `(${o}${offset > 0 ? '+' : '-'}${num(Math.abs(offset))})`;
      return `ISNUMBER(${r})*ISNUMBER(${o})*(${r}${CRITERION_OP[c.op ?? 'eq']}${rhs})`;
    }
    default:
      return `ISNUMBER(${r})`;
  }
}

/** The per-row condition of a date-comparing measure. */
function rowCondition(n: CompiledNorm, seg: Segment): string {
  const m = n.measure;
  if (m.kind !== 'withinDays' && m.kind !== 'withinMonths' && m.kind !== 'countOverDays') return '';
  const from = columnRange(n, m.from, seg);
  const to = columnRange(n, m.to, seg);
  if (m.kind === 'withinDays') return `((${to}-${from})<=${num(m.limit)})`;
  if (m.kind === 'countOverDays') return `((${to}-${from})>${num(m.limit)})`;
  // to <= EDATE(from, k) without EDATE (it takes no arrays in Excel): fewer
  // than k calendar months apart, or exactly k and not past the day of month.
  const months = `((YEAR(${to})-YEAR(${from}))*12+MONTH(${to})-MONTH(${from}))`;
  return `((${months}<${num(m.limit)})+(${months}=${num(m.limit)})*(DAY(${to})<=DAY(${from})))`;
}

function sumproduct(factors: string[]): string {
  return `SUMPRODUCT(${factors.length === 1 ? `1*${factors[0]}` : factors.join('*')})`;
}

/** Rows of the population meeting the per-row condition: SUMPRODUCT per segment, added up. */
function arrayHits(n: CompiledNorm, extra: (seg: Segment) => string[] = () => []): string {
  return overSegments(n, (seg) => sumproduct([...arrayClauses(n).map((c) => arrayFactor(n, c, seg)), rowCondition(n, seg), ...extra(seg)].filter(Boolean)));
}

/** Sum of a column over the population rows, as SUMPRODUCT(factors, column): text in the column counts as 0, never an error. */
function arraySum(n: CompiledNorm, col: number): string {
  return overSegments(n, (seg) => {
    const factors = n.population.map((c) => arrayFactor(n, c, seg));
    return `SUMPRODUCT(${factors.length === 1 ? `1*${factors[0]}` : factors.join('*')},${columnRange(n, col, seg)})`;
  });
}

function monthFactor(n: CompiledNorm, start: number, end: number, seg: Segment): string {
  const r = columnRange(n, n.perMonth!, seg);
  return `(${r}>=${dateCall(start)})*(${r}<${dateCall(end)})`;
}

function dateCall(serial: number): string {
  const { year, month, day } = serialToYmd(serial);
  return `DATE(${year},${month},${day})`;
}

/**
 * Population size: the rows the realisation is computed over. Always COUNTIFS
 * (cheap in LibreOffice and Excel, even for norms whose numerator needs
 * SUMPRODUCT); the engine evaluates it with COUNTIFS semantics.
 */
export function populationFormula(n: CompiledNorm): string {
  if (n.populationMode === 'array') return overSegments(n, (seg) => sumproduct(n.population.map((c) => arrayFactor(n, c, seg))));
  return countifs(n, n.population);
}

/** The realisation, given the address of the population cell on the norms sheet. */
export function realisationFormula(n: CompiledNorm, pop: string): string {
  const m = n.measure;
  if (n.mode === 'array') return arrayRealisation(n, pop);
  switch (m.kind) {
    case 'share':
      return `IF(${pop}=0,"",(${countifs(n, [...n.population, ...m.condition])})/${pop})`;
    case 'count':
      return `IF(${pop}=0,"",${m.condition.length === 0 ? pop : countifs(n, [...n.population, ...m.condition])})`;
    case 'mean':
      return `IF(${pop}=0,"",${sumifs(n, m.column, n.population)}/${pop})`;
    case 'sum':
      return `IF(${pop}=0,"",${sumifs(n, m.column, n.population)})`;
    case 'meanDiff':
      return `IF(${pop}=0,"",(${sumifs(n, m.a, n.population)}-${sumifs(n, m.b, n.population)})/${pop})`;
    case 'ratio': {
      const den = sumifs(n, m.denominator, n.population);
      return `IF(${den}=0,"",${sumifs(n, m.numerator, n.population)}/${den})`;
    }
    default:
      return arrayRealisation(n, pop);
  }
}

/** The realisation of a norm that compares columns per row: SUMPRODUCT, wrapped in IFERROR (text in a column it adds to fails it). */
function arrayRealisation(n: CompiledNorm, pop: string): string {
  const m = n.measure;
  const guarded = (x: string) => `IF(${pop}=0,"",IFERROR(${x},""))`;
  switch (m.kind) {
    case 'share':
    case 'withinDays':
    case 'withinMonths':
      return guarded(`${arrayHits(n)}/${pop}`);
    case 'count':
    case 'countOverDays':
      return guarded(arrayHits(n));
    case 'mean':
      return guarded(`${arraySum(n, m.column)}/${pop}`);
    case 'sum':
      return guarded(arraySum(n, m.column));
    case 'meanDiff':
      return guarded(`(${arraySum(n, m.a)}-${arraySum(n, m.b)})/${pop}`);
    case 'ratio':
      return `IFERROR(IF(${arraySum(n, m.denominator)}=0,"",${arraySum(n, m.numerator)}/${arraySum(n, m.denominator)}),"")`;
  }
}

/** Count for one month [start, end) of the per-month column. */
export function monthFormula(n: CompiledNorm, start: number, end: number): string {
  const m = n.measure;
  if (n.mode === 'array') return `IFERROR(${arrayHits(n, (seg) => [monthFactor(n, start, end, seg)])},"")`;
  const clauses = m.kind === 'count' ? [...n.population, ...m.condition] : n.population;
  return overSegments(n, (seg) => {
    const r = columnRange(n, n.perMonth!, seg);
    return countifsIn(n, clauses, seg, [`${r},">="&${dateCall(start)}`, `${r},"<"&${dateCall(end)}`]);
  });
}

/** Cells with content below the bounded range: appended rows the array formulas do not see yet. */
export function beyondRangeFormula(n: CompiledNorm, col: number): string {
  const c = columnLetters(col);
  return `COUNTA(${quoteSheet(n.table.sheet.name)}!$${c}$${arrayEnd(n.table) + 2}:$${c}$${LAST_ROW})`;
}
