// Finds budget tables on any sheet: a header row with Fte/Formatie,
// begroot/realisatie/prognose/toelichting or year columns, then sections,
// lines, subtotals, totals and footnotes. Several tables may be stacked on
// one sheet; each ends where the next header (or a baten/lasten block) starts.

import { matchHeaderRow, normaliseHeader } from '../../detect/headers';
import { applyColumnOverrides, isIgnored, overriddenKind } from '../../detect/mapping';
import type { Settings } from '../../settings/settings';
import { rangeA1 } from '../../workbook/address';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import { cellText, cellValue, isBlank, rowValues } from '../../workbook/snapshot';
import type { Amount } from './amounts';
import { readAmount } from './amounts';
import type { BudgetField } from './schema';
import { balanceSide, BUDGET_SCHEMA, isFootnoteLabel, isSubtotalLabel, isTotalLabel, savingsKind, yearOf } from './schema';

export const BUDGET_KIND = 'budget-table';
export const BUDGET_FIELDS = ['label', 'fte', 'begroot', 'realisatie', 'prognose', 'toelichting', 'besparing'] as const;

export type AmountField = 'fte' | 'begroot' | 'realisatie' | 'prognose' | 'besparing' | 'year';

export interface AmountColumn {
  col: number;
  field: AmountField;
  /** The header as written, e.g. "Begroot 2022" or "2016". */
  header: string;
  unit: 'eur' | 'fte';
}

/** 'saving': a savings task row ("Taakstelling", "Nog te realiseren"), not a budget line. */
export type RowKind = 'line' | 'heading' | 'subtotal' | 'total' | 'note' | 'blank' | 'saving';

export interface BudgetRow {
  /** 0-based sheet row. */
  row: number;
  kind: RowKind;
  label: string;
  /** The heading this row falls under ("" before the first heading). */
  section: string;
  /** One per amount column, same order as BudgetTable.amountColumns. */
  amounts: Amount[];
  toelichting: CellValue;
}

export interface BudgetTable {
  sheet: string;
  headerRow: number;
  lastRow: number;
  /** Text in the label column's header cell ("TOTAAL REGIO") or the title above the table. */
  title: string;
  labelCol: number;
  columns: Partial<Record<BudgetField, number>>;
  amountColumns: AmountColumn[];
  rows: BudgetRow[];
  confidence: number;
  /** The header text of the realisatie column, for the period ("t/m 30 juni"). */
  realisatieHeader: string;
}

interface HeaderCandidate {
  row: number;
  columns: Partial<Record<BudgetField, number>>;
  years: { col: number; header: string }[];
  labelText: string;
  confidence: number;
}

const AMOUNT_FIELDS = ['fte', 'begroot', 'realisatie', 'prognose', 'besparing'] as const;

/**
 * Year columns of a header: 2016 | 2017 | 2018. A data row can hold numbers that
 * look like years (€ 2.000, € 2.050), so years only count in a row without other
 * numbers, and several years must run on one by one.
 */
function yearColumns(cells: CellValue[], taken: number[]): { col: number; header: string }[] {
  const years: { col: number; header: string; year: number }[] = [];
  for (let col = 0; col < cells.length; col++) {
    if (taken.includes(col)) continue;
    const v = cells[col];
    const year = yearOf(v);
    if (year !== null) years.push({ col, header: cellText(v), year });
    else if (typeof v === 'number') return [];
  }
  for (let i = 1; i < years.length; i++) if (years[i].year !== years[i - 1].year + 1) return [];
  return years.map(({ col, header }) => ({ col, header }));
}

function headerCandidate(sheet: SheetSnapshot, row: number, settings: Settings): HeaderCandidate | null {
  const cells = rowValues(sheet, row);
  const m = matchHeaderRow(sheet, row, BUDGET_SCHEMA);
  const years = yearColumns(cells, Object.values(m?.columns ?? {}) as number[]);
  const columns = applyColumnOverrides(m?.columns ?? {}, settings, sheet.name, row + 1, BUDGET_KIND, BUDGET_FIELDS);
  const named = (['fte', 'begroot', 'realisatie', 'prognose', 'toelichting', 'besparing'] as const).filter((f) => columns[f] !== undefined).length;
  const declared = overriddenKind(settings, sheet.name, row + 1) === BUDGET_KIND;
  const amountLike = columns.begroot !== undefined || columns.fte !== undefined || columns.besparing !== undefined || years.length > 0;
  const labelled = m?.columns.label !== undefined ? 1 : 0;
  if (!declared && !(amountLike && named + years.length + labelled >= 2)) return null;
  // Years alone make a header only where a table can start: after a blank or a text-only row.
  if (!declared && named === 0 && row > 0 && (rowValues(sheet, row - 1)).some((v) => typeof v === 'number')) return null;
  // The first text cell left of the amounts is the label column; unless it is a known label
  // header ("Onderdeel"), its text is the table's title ("TOTAAL REGIO", "Jeugd").
  const firstAmount = Math.min(...[...AMOUNT_FIELDS.map((f) => columns[f] ?? Infinity), ...years.map((y) => y.col)]);
  let labelText = '';
  if (columns.label === undefined) {
    for (let c = 0; c < Math.min(firstAmount, cells.length); c++) {
      if (typeof cells[c] === 'string' && cellText(cells[c]) !== '') {
        columns.label = c;
        labelText = cellText(cells[c]);
        break;
      }
    }
    columns.label ??= 0;
  }
  const fields = Object.keys(BUDGET_SCHEMA).length;
  return { row, columns, years, labelText, confidence: Math.min(1, (named + Math.min(years.length, 2) + (labelText ? 0 : 1)) / fields) };
}

/** A header row's texts, normalised, to recognise the same header repeated. */
function headerKey(sheet: SheetSnapshot, row: number): string {
  return (rowValues(sheet, row)).map((v) => (typeof v === 'string' ? normaliseHeader(v) : v === null ? '' : String(v))).join('|');
}

/** True for the header row of a baten/lasten budget: BATEN ... LASTEN on one row. */
export function isBalanceHeader(sheet: SheetSnapshot, row: number): boolean {
  const sides = new Set<string>();
  for (const v of rowValues(sheet, row)) if (typeof v === 'string') sides.add(balanceSide(v) ?? '');
  return sides.has('baten') && sides.has('lasten');
}

function amountColumns(c: HeaderCandidate, sheet: SheetSnapshot): AmountColumn[] {
  const header = (col: number) => cellText(cellValue(sheet, c.row, col));
  const out: AmountColumn[] = [];
  for (const f of AMOUNT_FIELDS) {
    const col = c.columns[f];
    if (col !== undefined) out.push({ col, field: f, header: header(col), unit: f === 'fte' ? 'fte' : 'eur' });
  }
  for (const y of c.years) out.push({ col: y.col, field: 'year', header: y.header, unit: 'eur' });
  return out.sort((a, b) => a.col - b.col);
}

function titleAbove(sheet: SheetSnapshot, headerRow: number, floor: number): string {
  for (let r = Math.max(floor, headerRow - 3); r < headerRow; r++) {
    for (const v of rowValues(sheet, r)) if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return '';
}

function rowIsBlank(sheet: SheetSnapshot, row: number): boolean {
  return (rowValues(sheet, row)).every((v) => isBlank(v));
}

/**
 * A label written as a heading: in capitals ("LUMENS", "ONS WELZIJN") or
 * ending in a colon ("Resultaatgebied 2:"). Such a row opens a section even
 * right under a line, where a plain label-only row is a line without amounts.
 */
export function looksLikeHeading(label: string): boolean {
  const t = label.trim();
  if (t.endsWith(':')) return true;
  // Latin letters with accents, spelled out: the pane's bundle targets a language level without \p{L}.
  const letters = t.replace(/[^A-Za-zÀ-ÖØ-öø-ÿ]/g, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Classify the rows between a header and the end of its table. */
function classifyRows(sheet: SheetSnapshot, c: HeaderCandidate, cols: AmountColumn[], end: number, repeated: Set<number> = new Set()): BudgetRow[] {
  const raw: BudgetRow[] = [];
  for (let r = c.row + 1; r <= end; r++) {
    const cells = rowValues(sheet, r);
    const label = cellText(cells[c.columns.label!] ?? null);
    const amounts = cols.map((a) => readAmount(cells[a.col] ?? null));
    const toelichting = c.columns.toelichting === undefined ? null : (cells[c.columns.toelichting] ?? null);
    const hasNumber = amounts.some((a) => a.value !== null);
    let kind: RowKind;
    if (rowIsBlank(sheet, r)) kind = 'blank';
    else if (repeated.has(r)) kind = 'note';
    else if (label && hasNumber && savingsKind(label)) kind = 'saving';
    else if (label && isSubtotalLabel(label)) kind = 'subtotal';
    else if (label && isTotalLabel(label)) kind = 'total';
    else if (!hasNumber && (!label || isFootnoteLabel(label))) kind = 'note';
    else if (!hasNumber) kind = 'heading'; // refined below
    else kind = 'line';
    raw.push({ row: r, kind, label, section: '', amounts, toelichting });
  }
  // A label-only row is a section heading when it opens a block (after the header, a blank
  // row or a (sub)total) and something follows; otherwise it is a line without amounts
  // ("Kwartiermakers*" under "Incidenteel"). After the last figure it is a note.
  const lastFigure = raw.reduce((last, x, i) => (x.kind === 'line' || x.kind === 'subtotal' || x.kind === 'total' ? i : last), -1);
  raw.forEach((x, i) => {
    if (x.kind !== 'heading') return;
    if (i > lastFigure) {
      x.kind = 'note';
      return;
    }
    const prev = i === 0 ? 'header' : raw[i - 1].kind;
    const next = raw[i + 1]?.kind ?? 'blank';
    const opens = prev === 'header' || prev === 'blank' || prev === 'subtotal' || prev === 'total' || prev === 'note' || looksLikeHeading(x.label);
    x.kind = opens && next !== 'blank' ? 'heading' : 'line';
  });
  // An unlabelled row of numbers right after lines and before a break is a stated subtotal.
  raw.forEach((x, i) => {
    if (x.kind !== 'line' || x.label) return;
    const prev = raw[i - 1]?.kind;
    const next = raw[i + 1]?.kind ?? 'blank';
    if (prev === 'line' && next !== 'line') x.kind = 'subtotal';
  });
  // A title in the label column's header ("Jeugd | Fte | Bedrag") names the section until a heading does.
  let section = c.labelText;
  for (const x of raw) {
    if (x.kind === 'heading') section = x.label;
    x.section = section;
  }
  return raw;
}

export function detectBudgetTables(wb: WorkbookSnapshot, settings: Settings): BudgetTable[] {
  const out: BudgetTable[] = [];
  for (const sheet of wb.sheets) {
    const candidates: HeaderCandidate[] = [];
    const repeated = new Set<number>();
    const stops: number[] = [];
    const declaredRows = new Set(settings.mappings.filter((m) => m.sheet === sheet.name && m.kind === BUDGET_KIND).map((m) => m.headerRow - 1));
    for (let r = 0; r < sheet.rowCount; r++) {
      if (!rowValues(sheet, r).some((v) => typeof v === 'string' || typeof v === 'number')) continue;
      if (isBalanceHeader(sheet, r)) {
        stops.push(r);
        continue;
      }
      // Budget tables are short; a long data sheet (trajectories) is only scanned near its top.
      if (r > 5000 && !declaredRows.has(r)) break;
      const c = headerCandidate(sheet, r, settings);
      if (!c) continue;
      if (isIgnored(settings, sheet.name, r + 1)) {
        stops.push(r);
        continue;
      }
      const kind = overriddenKind(settings, sheet.name, r + 1);
      if (kind && kind !== BUDGET_KIND) {
        stops.push(r);
        continue;
      }
      // The header repeated after a page break, right under a row of figures, continues the table above.
      const prev = candidates[candidates.length - 1];
      if (prev && headerKey(sheet, prev.row) === headerKey(sheet, r) && (rowValues(sheet, r - 1)).some((v) => typeof v === 'number')) {
        repeated.add(r);
        continue;
      }
      candidates.push(c);
      stops.push(r);
    }
    let prevEnd = -1;
    for (const c of candidates) {
      const nextStop = stops.filter((s) => s > c.row).reduce((a, b) => Math.min(a, b), sheet.rowCount);
      let end = nextStop - 1;
      while (end > c.row && rowIsBlank(sheet, end)) end--;
      const cols = amountColumns(c, sheet);
      const rows = classifyRows(sheet, c, cols, end, repeated);
      if (!rows.some((x) => x.kind === 'line')) continue;
      const title = c.labelText || titleAbove(sheet, c.row, prevEnd + 1);
      out.push({
        sheet: sheet.name,
        headerRow: c.row,
        lastRow: end,
        title,
        labelCol: c.columns.label!,
        columns: c.columns,
        amountColumns: cols,
        rows,
        confidence: c.confidence,
        realisatieHeader: c.columns.realisatie === undefined ? '' : cellText(cellValue(sheet, c.row, c.columns.realisatie)),
      });
      prevEnd = end;
    }
  }
  return out;
}

export function tableRange(t: BudgetTable): string {
  const cols = [t.labelCol, ...t.amountColumns.map((a) => a.col), ...(t.columns.toelichting === undefined ? [] : [t.columns.toelichting])];
  return rangeA1({ top: t.headerRow, left: Math.min(...cols), bottom: t.lastRow, right: Math.max(...cols) });
}

/** The table's name for messages: its title, else "tabel op rij N". */
export function tableName(t: BudgetTable): string {
  return t.title ? t.title : `tabel op rij ${t.headerRow + 1}`;
}

export function normalisedHeader(col: AmountColumn): string {
  return col.field === 'year' ? col.header.replace(/\*+$/, '') : col.field === 'begroot' ? 'begroot' : normaliseHeader(col.field);
}
