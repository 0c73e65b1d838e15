// Helpers to build, run and inspect workbooks in tests.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/hosts/exceljs/readWorkbook';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';

export const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'oss-2022-halfjaar.xlsx');
export const EXPECTED = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'oss-2022-halfjaar.expected.json'), 'utf8'));

export function tmpDir(prefix = 'tb-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export async function snapshotOf(file: string): Promise<WorkbookSnapshot> {
  return readWorkbook(await loadXlsx(file));
}

/** Build a workbook from rows of values per sheet (null = empty cell). */
export function workbookFrom(sheets: Record<string, unknown[][]>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
  }
  return wb;
}

export async function saveXlsx(wb: ExcelJS.Workbook, file: string): Promise<string> {
  await wb.xlsx.writeFile(file);
  return file;
}

/** Value, formula and number format of every cell of a sheet: what "unchanged" means. */
export function sheetFingerprint(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const isFormula = cell.type === 6; // ExcelJS.ValueType.Formula
      const formula = isFormula ? cell.formula : '';
      const value = isFormula ? cell.result : cell.value;
      out.push(`${cell.address}\t${JSON.stringify(value)}\t${formula}\t${cell.numFmt ?? ''}`);
    }),
  );
  return out;
}
