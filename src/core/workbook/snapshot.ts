// The read-only view of a workbook that every check works on. Both hosts
// (Office.js and ExcelJS) produce exactly this shape, so the core never
// needs to know where the workbook came from.

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

export interface SheetSnapshot {
  name: string;
  visible: boolean;
  /** Number of rows and columns from A1 to the bottom-right of the used range. */
  rowCount: number;
  colCount: number;
  /** values[row][col], 0-based from A1. Formula cells hold their last computed value. */
  values: CellValue[][];
  /** Formula text without the leading '=' (English function names), or null. Missing rows mean no formulas. */
  formulas: (string | null)[][];
  /** Number format per cell; missing rows or cells mean "General". */
  numberFormats: string[][];
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
  const r = sheet.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function cellFormula(sheet: SheetSnapshot, row: number, col: number): string | null {
  return sheet.formulas[row]?.[col] ?? null;
}

export function cellFormat(sheet: SheetSnapshot, row: number, col: number): string {
  return sheet.numberFormats[row]?.[col] ?? 'General';
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
  return {
    name,
    visible: true,
    rowCount: 0,
    colCount: 0,
    values: [],
    formulas: [],
    numberFormats: [],
    merges: [],
    tables: [],
    hiddenRows: [],
    protected: false,
  };
}
