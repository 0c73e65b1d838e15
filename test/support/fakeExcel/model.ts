// The fake host's in-memory workbook: plain data the fake Office.js proxies
// read and write at sync time, and that tests inspect afterwards.

import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { isCellError } from '../../../src/core/workbook/snapshot';
import { parseRange } from '../../../src/core/workbook/address';

export type FakeValue = number | string | boolean;

export interface FakeFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  underline?: string;
  fill?: string;
  wrapText?: boolean;
  verticalAlignment?: string;
}

export interface FakeCell {
  /** Value as Excel reports it; formulas are not calculated by the fake (value stays as written before, or ''). */
  value: FakeValue;
  /** Formula text with the leading '='. */
  formula?: string;
  numberFormat?: string;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
  format?: FakeFormat;
  /** Set when the value was written with a leading apostrophe (Excel's "text" prefix). */
  quotePrefix?: boolean;
  /** The value is an error (#N/A, #DIV/0! …), not text that looks like one: valueTypes says "Error". */
  error?: boolean;
}

export interface FakeConditionalFormat {
  range: string;
  type: string;
  formula?: string;
  rule?: { formula1?: string; formula2?: string; operator?: string };
  fill?: string;
  fontColor?: string;
  stopIfTrue?: boolean;
}

export interface FakeDataValidation {
  range: string;
  rule: unknown;
  prompt?: unknown;
}

let nextSheetId = 1;

export class FakeSheet {
  /** Excel's stable worksheet id (a GUID in Excel); the library refers to sheets by it. */
  readonly id = `{00000000-0000-0000-0000-${String(nextSheetId++).padStart(12, '0')}}`;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  tabColor = '';
  freeze: { rows: number; cols: number } | null = null;
  readonly cells = new Map<number, Map<number, FakeCell>>();
  merges: string[] = [];
  tables: { name: string; ref: string }[] = [];
  hiddenRows = new Set<number>();
  conditionalFormats: FakeConditionalFormat[] = [];
  dataValidations: FakeDataValidation[] = [];
  columnWidths = new Map<number, number>();
  /** Print setup as set through worksheet.pageLayout (property name -> value). */
  pageLayout: Record<string, unknown> = {};
  /** Cells horizontal page breaks were added at. */
  pageBreaks: string[] = [];
  charts: FakeChart[] = [];
  constructor(public name: string) {}

  get(row: number, col: number): FakeCell | undefined {
    return this.cells.get(row)?.get(col);
  }

  ensure(row: number, col: number): FakeCell {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    let c = r.get(col);
    if (!c) r.set(col, (c = { value: '' }));
    return c;
  }

  /** Cell by A1 address, for assertions. */
  at(address: string): FakeCell | undefined {
    const r = parseRange(address);
    return this.get(r.top, r.left);
  }

  /** Bounding box of cells holding a value or formula (Excel's "values only" used range), or null. */
  usedBounds(): { top: number; left: number; bottom: number; right: number } | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [r, row] of this.cells) {
      for (const [c, cell] of row) {
        if (cell.value === '' && !cell.formula) continue;
        if (r < top) top = r;
        if (r > bottom) bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** Remove the cells inside a rectangle. */
  clear(rect: { top: number; left: number; bottom: number; right: number }): void {
    for (const [r, row] of this.cells) {
      if (r < rect.top || r > rect.bottom) continue;
      for (const c of [...row.keys()]) if (c >= rect.left && c <= rect.right) row.delete(c);
    }
  }
}

export interface FakeChartSeries {
  name: string;
  /** Sheet-local A1 ranges. */
  values: string;
  xValues?: string;
  colour?: string;
}

export interface FakeChart {
  name: string;
  type: string;
  title: string;
  legend?: string;
  position?: [string, string];
  series: FakeChartSeries[];
  valueFormat?: string;
}

export class FakeWorkbookData {
  sheets: FakeSheet[] = [];
  activeSheet = '';
  selection: { sheet: string; address: string } | null = null;

  find(name: string): FakeSheet | undefined {
    // Excel sheet names are case-insensitive.
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
}

/** Build the fake's workbook from a core snapshot (values, formulas, formats, merges, tables, hidden rows). */
export function dataFromSnapshot(snap: WorkbookSnapshot): FakeWorkbookData {
  const wb = new FakeWorkbookData();
  for (const s of snap.sheets) {
    const sheet = new FakeSheet(s.name);
    sheet.visibility = s.visible ? 'Visible' : 'Hidden';
    sheet.protected = s.protected;
    for (let r = 0; r < s.rowCount; r++)
      for (let c = 0, end = s.rowEnd(r); c < end; c++) {
        const v = s.value(r, c);
        const f = s.formula(r, c);
        if (v === null && f === null) continue;
        const cell = sheet.ensure(r, c);
        cell.value = v === null || v === undefined ? '' : isCellError(v) ? v.error : v;
        if (isCellError(v)) cell.error = true;
        if (f !== null) cell.formula = `=${f}`;
        const fmt = s.numberFormat(r, c);
        if (fmt !== 'General') cell.numberFormat = fmt;
      }
    sheet.merges = [...s.merges];
    sheet.tables = s.tables.map((t) => ({ ...t }));
    sheet.hiddenRows = new Set(s.hiddenRows);
    wb.sheets.push(sheet);
  }
  wb.activeSheet = wb.sheets[0]?.name ?? '';
  return wb;
}
