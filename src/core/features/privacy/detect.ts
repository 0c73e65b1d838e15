// Decides which columns hold personal data, from their headers and values.

import { a1, columnLetters, rangeA1 } from '../../workbook/address';
import type { SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import { cellText, rowValues } from '../../workbook/snapshot';
import type { RowClassification } from '../../detect/dataRows';
import { classifyRows } from '../../detect/dataRows';
import { normaliseHeader } from '../../detect/headers';
import type { PersonalCategory } from './headers';
import type { ColumnScan } from './scan';
import { scanSheet } from './scan';

/** At least this many BSN-valid numbers, and this share of the nine-digit numbers, before values alone convict a column. */
export const BSN_MIN_VALID = 3;
export const BSN_MIN_SHARE = 0.9;
/** Birth dates by values: enough dates, mostly dates, spread over at least ten years (p10–p90). */
export const BIRTH_MIN_DATES = 5;
export const BIRTH_MIN_SPREAD_DAYS = 3652;

export interface PersonalColumn {
  sheet: string;
  col: number;
  category: PersonalCategory;
  /** Where the finding points: the header cell, or the first matching value when there is no header. */
  row: number;
  header: string;
  /** What convicted the column. */
  basis: 'header' | 'values' | 'header+values';
  /** Number of values that match (BSNs passing the elfproef, dates), for the message. */
  count: number;
  /** Rows under the header that are records (not totals, notes or repeated headers); undefined: every row. */
  records?: Set<number>;
  /** Birth dates only: spread of the dates in whole years. */
  spreadYears?: number;
  lastRow: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(p * (sorted.length - 1))))];
}

function bsnColumn(sheet: string, c: ColumnScan): PersonalColumn | null {
  const header = c.headers.find((h) => h.category === 'bsn');
  const byValues = c.bsnValid >= BSN_MIN_VALID && c.bsnValid >= BSN_MIN_SHARE * c.bsnCandidates && c.bsnCandidates >= 0.5 * c.values;
  if (header && c.lastRow > header.row) {
    return { sheet, col: c.col, category: 'bsn', row: header.row, header: header.text, basis: byValues ? 'header+values' : 'header', count: c.bsnValid, lastRow: c.lastRow };
  }
  if (!byValues) return null;
  const above = c.headerAboveBsn;
  return { sheet, col: c.col, category: 'bsn', row: above?.row ?? c.firstBsnRow, header: above?.text ?? '', basis: 'values', count: c.bsnValid, lastRow: c.lastRow };
}

function birthColumn(sheet: string, c: ColumnScan): PersonalColumn | null {
  const header = c.headers.find((h) => h.category === 'birthDate');
  let spreadYears: number | undefined;
  if (c.dates.length >= BIRTH_MIN_DATES && c.dates.length >= 0.8 * c.values) {
    const sorted = [...c.dates].sort((a, b) => a - b);
    const spread = percentile(sorted, 0.9) - percentile(sorted, 0.1);
    if (spread >= BIRTH_MIN_SPREAD_DAYS) spreadYears = Math.floor(spread / 365.25);
  }
  if (header && c.lastRow > header.row) {
    return { sheet, col: c.col, category: 'birthDate', row: header.row, header: header.text, basis: spreadYears !== undefined ? 'header+values' : 'header', count: c.dates.length, spreadYears, lastRow: c.lastRow };
  }
  if (spreadYears === undefined) return null;
  const above = c.headerAboveDate;
  return { sheet, col: c.col, category: 'birthDate', row: above?.row ?? c.firstDateRow, header: above?.text ?? '', basis: 'values', count: c.dates.length, spreadYears, lastRow: c.lastRow };
}

/** Names, addresses and contact details are only recognised by their header, with values under it. */
function headerOnlyColumns(sheet: string, c: ColumnScan): PersonalColumn[] {
  const out: PersonalColumn[] = [];
  for (const h of c.headers) {
    if (h.category === 'bsn' || h.category === 'birthDate') continue;
    if (c.lastRow <= h.row || c.values === 0) continue;
    if (h.category === 'name' && c.textValues === 0) continue;
    // A four-digit postcode (PC4) is an area, not an address; only full postcodes count.
    if (h.category === 'address' && normaliseHeader(h.text) === 'postcode' && c.postcodes === 0) continue;
    out.push({ sheet, col: c.col, category: h.category, row: h.row, header: h.text, basis: 'header', count: c.values, lastRow: c.lastRow });
  }
  return out;
}

export function personalColumnsOfSheet(sheet: SheetSnapshot): PersonalColumn[] {
  const out: PersonalColumn[] = [];
  for (const c of scanSheet(sheet)) {
    const bsn = bsnColumn(sheet.name, c);
    if (bsn) out.push(bsn);
    const birth = birthColumn(sheet.name, c);
    if (birth) out.push(birth);
    out.push(...headerOnlyColumns(sheet.name, c));
  }
  const byHeader = new Map<number, RowClassification>();
  return out.map((p) => withDataRows(sheet, p, byHeader)).sort((a, b) => a.col - b.col || a.row - b.row);
}

/**
 * Under a header, only records are personal data: a "Totaal" row, a footnote
 * or a repeated header in the same column is not, so it is neither masked nor
 * part of the column's range.
 */
function withDataRows(sheet: SheetSnapshot, p: PersonalColumn, byHeader: Map<number, RowClassification>): PersonalColumn {
  if (!p.header) return p;
  let rows = byHeader.get(p.row);
  if (!rows) {
    // One classification per header row: every personal column under it shares it.
    const headerCells = rowValues(sheet, p.row);
    const cols = headerCells.map((v, c) => (v === null || v === undefined || cellText(v) === '' ? -1 : c)).filter((c) => c >= 0);
    rows = classifyRows(sheet, p.row, cols);
    byHeader.set(p.row, rows);
  }
  const records = new Set(rows.dataRows);
  const last = Math.max(p.row, rows.lastDataRow);
  return { ...p, lastRow: Math.min(p.lastRow, last), records };
}

// The feature and the redaction step both need the columns of the same snapshot; scan it once.
const cache = new WeakMap<WorkbookSnapshot, PersonalColumn[]>();

export function personalColumns(wb: WorkbookSnapshot): PersonalColumn[] {
  let found = cache.get(wb);
  if (!found) {
    found = wb.sheets.flatMap(personalColumnsOfSheet);
    cache.set(wb, found);
  }
  return found;
}

export const columnCell = (p: PersonalColumn) => a1(p.row, p.col);
export const columnRange = (p: PersonalColumn) => rangeA1({ top: p.row, left: p.col, bottom: Math.max(p.row, p.lastRow), right: p.col });
export const columnName = (p: PersonalColumn) => columnLetters(p.col);
