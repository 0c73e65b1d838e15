// Data problems that change what formulas over a data table count, for any
// table with a header row (trajectories, registrations, the sheet an own norm
// names): numbers or dates stored as text (COUNTIFS, SUMIFS and ISNUMBER skip
// them), impossible dates, error values, formulas without a cached value, and
// dates in the wrong order. Each finding names the column, the cells and the
// effect ("3 cijfers als tekst niet meegeteld; als getal zou het
// kolomgemiddelde 7,30 zijn in plaats van 7,31").

import type { Finding } from '../../findings/finding';
import { formatDateNl, MAX_SERIAL, parseDateText } from '../../parse/date';
import { formatDutch, parseNumberText } from '../../parse/number';
import { a1, columnLetters } from '../../workbook/address';
import type { CellValue } from '../../workbook/snapshot';
import { cellFormat, cellFormula, cellText, cellValue, isCellError, isDateFormat, rowFormulas, rowValues } from '../../workbook/snapshot';
import type { DataTable, TrajectField } from './dataTable';
import { columnLabel, skippedRowSet } from './dataTable';

const DATE_FIELDS: TrajectField[] = ['aanmelding', 'eersteGesprek', 'afsluiting'];
const NUMBER_FIELDS: TrajectField[] = ['aantalGesprekken', 'cijferStart', 'cijferEind', 'tevredenheid'];
/** Per column and rule, findings for this many cells; the rest is summarised in one finding. */
const CAP = 10;
/** Cells named in one message. */
const NAMED = 6;

export const UNCACHED_MESSAGE = 'formule zonder berekende waarde: open en bewaar de werkmap eerst in Excel';

type ColumnType = 'date' | 'number' | 'text';

interface Problem {
  row: number;
  col: number;
  value: CellValue;
  /** The value the text stands for, when it can be read. */
  parsed?: number;
}

const recordCache = new WeakMap<DataTable, number[]>();

/** The records of a table: data rows that are not blank (computed once per table; every norm on it asks). */
export function recordRows(t: DataTable): number[] {
  let rows = recordCache.get(t);
  if (!rows) {
    rows = findRecordRows(t);
    recordCache.set(t, rows);
  }
  return rows;
}

function findRecordRows(t: DataTable): number[] {
  const skipped = skippedRowSet(t);
  const cols = Object.keys(t.labels).map(Number);
  const out: number[] = [];
  for (let r = t.firstRow; r <= t.lastRow; r++) {
    if (skipped.has(r)) continue;
    const row = rowValues(t.sheet, r);
    if (cols.some((c) => { const v = row[c]; return v !== null && v !== undefined && v !== ''; }) || (rowFormulas(t.sheet, r)).some((f) => f)) out.push(r);
  }
  return out;
}

/** What a column holds, by its recognised field or by most of its cells. */
function columnType(t: DataTable, col: number, rows: number[]): ColumnType {
  const field = (Object.entries(t.fields) as [TrajectField, number][]).find(([, c]) => c === col)?.[0];
  if (field && DATE_FIELDS.includes(field)) return 'date';
  if (field && NUMBER_FIELDS.includes(field)) return 'number';
  let dates = 0;
  let numbers = 0;
  let numericTexts = 0;
  let filled = 0;
  for (const r of rows) {
    const v = cellValue(t.sheet, r, col);
    if (v === null || v === '' || isCellError(v)) continue;
    filled++;
    if (typeof v === 'number') {
      if (isDateFormat(cellFormat(t.sheet, r, col))) dates++;
      else numbers++;
    } else if (typeof v === 'string' && v.length <= MAX_VALUE_TEXT && parseNumberText(v) !== null) numericTexts++;
  }
  if (filled === 0) return 'text';
  if (dates * 2 > filled) return 'date';
  // A column of real numbers with some typed as text; a column that is all codes as text ("2022001") is text.
  if (numbers + dates > 0 && numbers + dates >= numericTexts && (numbers + dates + numericTexts) * 2 > filled) return 'number';
  return 'text';
}

/** Numbers and dates are short: longer texts are not parsed. */
const MAX_VALUE_TEXT = 40;

/** A cell's text for a message, cut to a readable length. */
const quote = (v: CellValue) => {
  const t = cellText(v);
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
};

const cellList = (ps: Problem[]) => `${ps.slice(0, NAMED).map((p) => a1(p.row, p.col)).join(', ')}${ps.length > NAMED ? ` en ${ps.length - NAMED} meer` : ''}`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function dataQualityFindings(t: DataTable): Finding[] {
  const out: Finding[] = [];
  const sheet = t.sheet.name;
  const rows = recordRows(t);
  const groups: { rule: string; severity: Finding['severity']; col: number; problems: Problem[]; message: (ps: Problem[]) => string }[] = [];
  const columns = Object.keys(t.labels).map(Number).sort((a, b) => a - b);
  for (const col of columns) {
    const label = columnLabel(t, col);
    const type = columnType(t, col, rows);
    const errors: Problem[] = [];
    const uncached: Problem[] = [];
    const asText: Problem[] = [];
    const unreadable: Problem[] = [];
    const impossible: Problem[] = [];
    let sum = 0;
    let count = 0;
    for (const r of rows) {
      const v = cellValue(t.sheet, r, col);
      const formula = cellFormula(t.sheet, r, col);
      if (formula !== null && (v === null || v === undefined)) {
        uncached.push({ row: r, col, value: null });
        continue;
      }
      if (isCellError(v)) {
        errors.push({ row: r, col, value: v });
        continue;
      }
      if (type === 'text') continue;
      if (typeof v === 'number') {
        if (type === 'date' && (v <= 0 || v > MAX_SERIAL)) impossible.push({ row: r, col, value: v });
        sum += v;
        count++;
        continue;
      }
      if (typeof v !== 'string' || v.trim() === '') continue;
      if (v.length > MAX_VALUE_TEXT) {
        // A long text is no number or date; it is not parsed (a megabyte string must stay cheap).
        (type === 'date' ? impossible : unreadable).push({ row: r, col, value: v });
        continue;
      }
      if (type === 'date') {
        const serial = parseDateText(v);
        if (serial !== null) asText.push({ row: r, col, value: v, parsed: serial });
        else impossible.push({ row: r, col, value: v });
      } else {
        const p = parseNumberText(v);
        if (p && p.source !== 'dash') asText.push({ row: r, col, value: v, parsed: p.percent ? p.value : p.value });
        else unreadable.push({ row: r, col, value: v });
      }
    }
    const where = `kolom "${label}" (${columnLetters(col)})`;
    if (uncached.length) {
      groups.push({ rule: 'data.formula-uncached', severity: 'error', col, problems: uncached, message: (ps) => `In ${where}: ${UNCACHED_MESSAGE}. ${plural(ps.length, 'cel', 'cellen')} (${cellList(ps)}) ${ps.length === 1 ? 'telt' : 'tellen'} niet mee, ook niet als 0.` });
    }
    if (errors.length) {
      groups.push({ rule: 'data.error-value', severity: 'error', col, problems: errors, message: (ps) => `In ${where} ${ps.length === 1 ? 'staat een foutwaarde' : 'staan foutwaarden'} (${ps.slice(0, NAMED).map((p) => `${a1(p.row, p.col)}: ${cellText(p.value)}`).join(', ')}${ps.length > NAMED ? ' …' : ''}); de normen tellen deze ${ps.length === 1 ? 'cel' : 'cellen'} niet mee. Herstel de formule of de invoer.` });
    }
    if (type === 'number' && asText.length) {
      const now = count ? sum / count : null;
      const ifNumbers = (sum + asText.reduce((s, p) => s + p.parsed!, 0)) / (count + asText.length);
      const effect = `als getal zou het kolomgemiddelde ${formatDutch(ifNumbers)} zijn${now === null ? '' : ` in plaats van ${formatDutch(now)}`}`;
      groups.push({ rule: 'norm.number-as-text', severity: 'warning', col, problems: asText, message: (ps) => `In ${where}: ${plural(ps.length, 'getal', 'getallen')} als tekst niet meegeteld (${cellList(ps)}); ${effect}. Maak er echte getallen van.` });
    }
    if (type === 'number' && unreadable.length) {
      groups.push({ rule: 'norm.not-a-number', severity: 'error', col, problems: unreadable, message: (ps) => `In ${where} ${ps.length === 1 ? 'staat tekst' : 'staan teksten'} die geen getal ${ps.length === 1 ? 'is' : 'zijn'} (${ps.slice(0, NAMED).map((p) => `${a1(p.row, p.col)}: "${quote(p.value)}"`).join(', ')}); niet meegeteld.` });
    }
    if (type === 'date' && asText.length) {
      groups.push({ rule: 'norm.date-as-text', severity: 'warning', col, problems: asText, message: (ps) => `In ${where}: ${plural(ps.length, 'datum', 'datums')} als tekst (${ps.slice(0, NAMED).map((p) => `${a1(p.row, p.col)}: "${quote(p.value)}" = ${formatDateNl(p.parsed!)}`).join(', ')}); deze ${ps.length === 1 ? 'rij telt' : 'rijen tellen'} niet mee in de normen op deze kolom. Maak er echte datums van.` });
    }
    if (type === 'date' && impossible.length) {
      groups.push({ rule: 'norm.date-invalid', severity: 'error', col, problems: impossible, message: (ps) => `In ${where} ${ps.length === 1 ? 'staat een onmogelijke datum' : 'staan onmogelijke datums'} (${ps.slice(0, NAMED).map((p) => `${a1(p.row, p.col)}: "${quote(p.value)}"`).join(', ')}); ${ps.length === 1 ? 'deze rij telt' : 'deze rijen tellen'} niet mee.` });
    }
  }
  const order: [TrajectField, TrajectField][] = [
    ['aanmelding', 'eersteGesprek'],
    ['eersteGesprek', 'afsluiting'],
  ];
  for (const [a, b] of order) {
    const ca = t.fields[a];
    const cb = t.fields[b];
    if (ca === undefined || cb === undefined) continue;
    const problems: Problem[] = [];
    const before = new Map<number, number>();
    for (const r of rows) {
      const va = cellValue(t.sheet, r, ca);
      const vb = cellValue(t.sheet, r, cb);
      if (typeof va === 'number' && typeof vb === 'number' && vb < va) {
        problems.push({ row: r, col: cb, value: vb });
        before.set(r, va);
      }
    }
    if (problems.length) {
      groups.push({
        rule: 'norm.date-order',
        severity: 'warning',
        col: cb,
        problems,
        message: (ps) => `${columnLabel(t, cb)} ligt vóór ${columnLabel(t, ca)} in ${plural(ps.length, 'rij', 'rijen')} (${ps.slice(0, NAMED).map((p) => `${a1(p.row, p.col)}: ${formatDateNl(p.value as number)} < ${formatDateNl(before.get(p.row)!)}`).join(', ')}).`,
      });
    }
  }
  for (const g of groups) {
    const message = g.message(g.problems);
    for (const p of g.problems.slice(0, CAP)) out.push({ rule: g.rule, severity: g.severity, kind: 'norm', sheet, cell: a1(p.row, p.col), ...(p.value !== null && !isCellError(p.value) ? { actual: quote(p.value) } : {}), message });
    if (g.problems.length > CAP) {
      out.push({ rule: 'norm.more-cells', severity: 'info', kind: 'norm', sheet, cell: a1(t.headerRow, g.col), message: `In kolom "${columnLabel(t, g.col)}" zijn nog ${g.problems.length - CAP} cellen met hetzelfde probleem (alleen de eerste ${CAP} staan als aparte bevinding).` });
    }
  }
  return out;
}

/** Two columns under the same header: which one the norms read, said out loud. */
export function duplicateHeaderFindings(t: DataTable): Finding[] {
  const byText = new Map<string, number[]>();
  for (const [c, label] of Object.entries(t.labels)) {
    const k = label.trim().toLowerCase().replace(/\s+/g, ' ');
    byText.set(k, [...(byText.get(k) ?? []), Number(c)]);
  }
  const out: Finding[] = [];
  for (const cols of byText.values()) {
    if (cols.length < 2) continue;
    cols.sort((a, b) => a - b);
    const label = t.labels[cols[0]];
    out.push({
      rule: 'data.duplicate-header',
      severity: 'warning',
      kind: 'norm',
      sheet: t.sheet.name,
      cell: a1(t.headerRow, cols[1]),
      message: `Kolomkop "${label}" staat boven ${cols.length} kolommen (${cols.map(columnLetters).join(' en ')}); Toetsblad gebruikt kolom ${columnLetters(cols[0])}. Geef de kolommen verschillende namen of verwijs in de normdefinitie met een kolomletter (bijv. "kolom ${columnLetters(cols[1])}").`,
    });
  }
  return out;
}
