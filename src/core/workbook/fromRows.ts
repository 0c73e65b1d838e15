// A SheetSnapshot built from plain row arrays: what tests and small hosts
// hand over. The large-input hosts fill the compact store instead.

import type { CellValue, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from './snapshot';

export interface SheetRows {
  name: string;
  visible?: boolean;
  /** values[row][col], 0-based from A1. */
  values: CellValue[][];
  /** Formula text without '=' per cell; missing rows or cells mean none. */
  formulas?: (string | null)[][];
  /** Number format per cell; missing rows or cells mean "General". */
  numberFormats?: string[][];
  merges?: string[];
  tables?: TableSnapshot[];
  hiddenRows?: number[];
  protected?: boolean;
  /** Used extent; defaults to the extent of `values`. */
  rowCount?: number;
  colCount?: number;
}

export function sheetFromRows(init: SheetRows): SheetSnapshot {
  const values = init.values;
  const formulas = init.formulas ?? [];
  const numberFormats = init.numberFormats ?? [];
  const rowCount = init.rowCount ?? values.length;
  const colCount = init.colCount ?? values.reduce((m, r) => Math.max(m, r?.length ?? 0), 0);
  return {
    name: init.name,
    visible: init.visible ?? true,
    rowCount,
    colCount,
    merges: init.merges ?? [],
    tables: init.tables ?? [],
    hiddenRows: init.hiddenRows ?? [],
    protected: init.protected ?? false,
    value: (row, col) => values[row]?.[col] ?? null,
    formula: (row, col) => formulas[row]?.[col] ?? null,
    numberFormat: (row, col) => numberFormats[row]?.[col] ?? 'General',
    rowEnd: (row) => Math.max(values[row]?.length ?? 0, formulas[row]?.length ?? 0),
  };
}

/**
 * The sheet back as plain row arrays, each row cut after its last non-empty
 * value (an empty row is []); formula and format rows are left out (undefined)
 * where a row has none. For tests, fixtures and the fake Excel host.
 */
export function sheetToRows(sheet: SheetSnapshot): Required<SheetRows> {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    const end = sheet.rowEnd(r);
    let last = -1;
    for (let c = 0; c < end; c++) if (sheet.value(r, c) !== null) last = c;
    const row: CellValue[] = [];
    for (let c = 0; c <= last; c++) row.push(sheet.value(r, c));
    values.push(row);
    for (let c = 0; c < end; c++) {
      const f = sheet.formula(r, c);
      if (f !== null) (formulas[r] ??= [])[c] = f;
      const fmt = sheet.numberFormat(r, c);
      if (fmt !== 'General') (numberFormats[r] ??= [])[c] = fmt;
    }
  }
  return {
    name: sheet.name,
    visible: sheet.visible,
    values,
    formulas,
    numberFormats,
    merges: sheet.merges,
    tables: sheet.tables,
    hiddenRows: sheet.hiddenRows,
    protected: sheet.protected,
    rowCount: sheet.rowCount,
    colCount: sheet.colCount,
  };
}

/** A workbook as plain data (JSON-safe): to hand a snapshot to a browser page or another thread. */
export interface WorkbookRows {
  sheets: Required<SheetRows>[];
}

export function workbookToRows(wb: WorkbookSnapshot): WorkbookRows {
  return { sheets: wb.sheets.map(sheetToRows) };
}

export function workbookFromRows(rows: WorkbookRows): WorkbookSnapshot {
  return { sheets: rows.sheets.map(sheetFromRows) };
}
