// ExcelJS workbook -> WorkbookSnapshot. Dates become Excel serial numbers and
// rich text becomes plain text, so the core sees what Office.js would give it.

import type ExcelJS from 'exceljs';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/workbook/snapshot';
import { sheetFromRows } from '../../core/workbook/fromRows';

const MS_PER_DAY = 86_400_000;
/** 1899-12-30: Excel's day 0 in the 1900 date system (including its leap-year bug from March 1900 on). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + serial * MS_PER_DAY);
}

function normaliseValue(raw: ExcelJS.CellValue): { value: CellValue; formula: string | null } {
  if (raw === null || raw === undefined) return { value: null, formula: null };
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') return { value: raw, formula: null };
  if (raw instanceof Date) return { value: dateToSerial(raw), formula: null };
  const obj = raw as unknown as Record<string, unknown>;
  if ('error' in obj) return { value: { error: String(obj.error) }, formula: null };
  if ('richText' in obj && Array.isArray(obj.richText)) {
    return { value: (obj.richText as { text: string }[]).map((t) => t.text).join(''), formula: null };
  }
  if ('hyperlink' in obj) return { value: String(obj.text ?? ''), formula: null };
  if ('formula' in obj || 'sharedFormula' in obj) {
    const inner = normaliseValue((obj.result ?? null) as ExcelJS.CellValue).value;
    return { value: inner, formula: null };
  }
  return { value: String(raw), formula: null };
}

export function readSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  const hiddenRows: number[] = [];
  let rowCount = 0;
  let colCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const vals: CellValue[] = [];
    let fRow: (string | null)[] | undefined;
    let nRow: string[] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      // Merged slave cells repeat the master's value in ExcelJS; Excel reports them empty.
      if (cell.isMerged && cell.master !== cell) return;
      // cell.value drops falsy formula results (0, "", false); cell.result keeps them.
      const { value } = normaliseValue(cell.type === 6 ? ((cell.result ?? null) as ExcelJS.CellValue) : cell.value);
      const formula = cell.type === 6 /* Formula */ ? (cell.formula ?? null) : null;
      if (value === null && formula === null) return;
      vals[c] = value;
      if (formula !== null) {
        fRow ??= [];
        fRow[c] = formula;
      }
      const fmt = cell.numFmt;
      if (fmt && fmt !== 'General') {
        nRow ??= [];
        nRow[c] = fmt;
      }
      if (c + 1 > colCount) colCount = c + 1;
    });
    if (vals.length === 0) return;
    for (let i = 0; i < vals.length; i++) if (vals[i] === undefined) vals[i] = null;
    values[r] = vals;
    if (fRow) formulas[r] = fRow;
    if (nRow) numberFormats[r] = nRow;
    rowCount = r + 1;
  });
  for (let r = 0; r < rowCount; r++) values[r] ??= [];
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
  const tables = ws.getTables().map((t) => {
    const tt = t as unknown as { table?: { name: string; tableRef: string }; name: string; ref?: string };
    const model = tt.table ?? (tt as unknown as { name: string; tableRef: string });
    return { name: model.name, ref: model.tableRef };
  });
  return sheetFromRows({
    name: ws.name,
    visible: ws.state === 'visible' || ws.state === undefined,
    rowCount,
    colCount,
    values,
    formulas,
    numberFormats,
    merges,
    tables,
    hiddenRows,
    protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
  });
}

export function readWorkbook(wb: ExcelJS.Workbook): WorkbookSnapshot {
  return { sheets: wb.worksheets.map(readSheet) };
}
