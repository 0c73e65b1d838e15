// The read-only view of a workbook that every check works on. All hosts
// (the .xlsx reader, Office.js, ExcelJS in tests) produce exactly this shape,
// so the core never needs to know where the workbook came from.
//
// Cells are reached only through methods (value/formula/numberFormat), never
// through arrays: the store behind them is free to be compact (columnar,
// typed arrays, interned strings) without any feature knowing.

import { sheetFromRows } from './fromRows';

/** A cell that holds an Excel error value such as #REF! or #DIV/0!. */
export interface CellError {
  error: string;
}

/** Dates are Excel serial numbers (1900 system); the number format tells them apart. */
export type CellValue = number | string | boolean | null | CellError;

export interface TableSnapshot {
  /** Excel Table name, e.g. "tblRisico". */
  name: string;
  /** A1 range of the table including its header row. */
  ref: string;
}

/** Read access to the cells of one sheet, 0-based from A1. */
export interface CellGrid {
  /** The cell's value; formula cells hold their last computed value; null when empty. */
  value(row: number, col: number): CellValue;
  /** Formula text without the leading '=' (English function names), or null. */
  formula(row: number, col: number): string | null;
  /** Number format of the cell; "General" when none. */
  numberFormat(row: number, col: number): string;
  /**
   * One past the last column of the row that holds a value or formula (0 for an
   * empty row). Loops over a row stop here: a sheet with one cell in XFD costs
   * nothing on its other rows.
   */
  rowEnd(row: number): number;
}

export interface SheetSnapshot extends CellGrid {
  name: string;
  visible: boolean;
  /** Number of rows and columns from A1 to the bottom-right of the used range. */
  rowCount: number;
  colCount: number;
  /** Merged areas as A1 ranges. */
  merges: string[];
  tables: TableSnapshot[];
  /** 0-based indexes of hidden rows (hidden by the user or by a filter). */
  hiddenRows: number[];
  protected: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

export function cellValue(sheet: SheetSnapshot, row: number, col: number): CellValue {
  return sheet.value(row, col);
}

export function cellFormula(sheet: SheetSnapshot, row: number, col: number): string | null {
  return sheet.formula(row, col);
}

export function cellFormat(sheet: SheetSnapshot, row: number, col: number): string {
  return sheet.numberFormat(row, col);
}

/**
 * The values of one row from column `from` to `to` (inclusive; default the
 * used width), as a fresh array. For code that scans a header or a short row;
 * a loop over many rows should ask for single cells instead.
 */
export function rowValues(sheet: SheetSnapshot, row: number, from = 0, to = sheet.rowEnd(row) - 1): CellValue[] {
  const out: CellValue[] = [];
  for (let c = from; c <= to; c++) out.push(sheet.value(row, c));
  return out;
}

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** Text of a cell as a person reads it (trimmed); numbers in plain JS form. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  return String(v).trim();
}

export function findSheet(wb: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return wb.sheets.find((s) => s.name === name);
}

/** A number format that shows a date (and not, say, a currency with a "d" in a literal). */
export function isDateFormat(fmt: string): boolean {
  if (!fmt || fmt === 'General' || fmt === '@') return false;
  const stripped = fmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dmy]/i.test(stripped) && !/[#0?]/.test(stripped.replace(/[dmyhs]+/gi, ''));
}

export function emptySheet(name: string): SheetSnapshot {
  return sheetFromRows({ name, values: [] });
}

/** The formulas of one row from `from` to `to` (null where none), as a fresh array. */
export function rowFormulas(sheet: SheetSnapshot, row: number, from = 0, to = sheet.rowEnd(row) - 1): (string | null)[] {
  const out: (string | null)[] = [];
  for (let c = from; c <= to; c++) out.push(sheet.formula(row, c));
  return out;
}
