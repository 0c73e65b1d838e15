// The fast reader must give the core exactly what the ExcelJS reader gives.

import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { openXlsx } from '../../../src/hosts/xlsx';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { EXAMPLE, loadXlsx, tmpDir } from '../../support/workbooks';
import { sheetToRows, workbookToRows } from '../../../src/core/workbook/fromRows';

function normalised(wb: WorkbookSnapshot): WorkbookSnapshot {
  return { sheets: wb.sheets.map((s) => ({ ...s, merges: [...s.merges].sort() })) };
}

async function both(file: string): Promise<[WorkbookSnapshot, WorkbookSnapshot]> {
  const fast = openXlsx(fs.readFileSync(file)).snapshot;
  const slow = readWorkbook(await loadXlsx(file));
  return [normalised(fast), normalised(slow)];
}

/** A workbook with every kind of cell the reader must handle, written by ExcelJS with shared strings. */
async function tricky(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data & 'meer' <x>");
  ws.getCell('A1').value = 'Kop <met> & tekens';
  ws.getCell('B1').value = { richText: [{ text: 'vet', font: { bold: true } }, { text: ' en gewoon' }] };
  ws.getCell('C1').value = true;
  ws.getCell('D1').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  ws.getCell('A2').value = 1.5;
  ws.getCell('B2').value = { formula: 'A2*2', result: 3 };
  ws.getCell('C2').value = { formula: 'A2>1', result: true };
  ws.getCell('D2').value = { formula: 'IF(A2>1,"ja","")', result: 'ja' };
  ws.getCell('E2').value = { formula: 'A2-1.5', result: 0 };
  ws.getCell('A3').value = new Date(Date.UTC(2022, 5, 30, 12, 0, 0));
  ws.getCell('A3').numFmt = 'dd-mm-yyyy hh:mm';
  ws.getCell('B3').value = 1234.5;
  ws.getCell('B3').numFmt = '#,##0.00';
  ws.getCell('C3').value = 0.25;
  ws.getCell('C3').numFmt = '0%';
  ws.getCell('A4').value = 'samengevoegd';
  ws.mergeCells('A4:C5');
  ws.getRow(6).getCell(1).value = 'verborgen';
  ws.getRow(6).hidden = true;
  ws.getCell('F10').value = '=geen formule';
  for (let r = 12; r <= 15; r++) {
    ws.getCell(r, 1).value = r;
    ws.getCell(r, 2).value = { formula: `A${r}*10`, result: r * 10 } as ExcelJS.CellFormulaValue;
  }
  ws.addTable({ name: 'tblProef', ref: 'H20', columns: [{ name: 'X' }, { name: 'Y' }], rows: [[1, 'a'], [2, 'b']] });
  const hidden = wb.addWorksheet('Verborgen', { state: 'hidden' });
  hidden.getCell('A1').value = 'x';
  hidden.protect('', {});
  wb.addWorksheet('Leeg');
  await wb.xlsx.writeFile(file);
}

describe('fast xlsx reader', () => {
  it('reads the example exactly as the ExcelJS reader does', async () => {
    const [fast, slow] = await both(EXAMPLE);
    expect(fast.sheets.map((s) => s.name)).toEqual(["Risico's", 'Financiering', 'Indicatoren', 'Trajecten']);
    expect(workbookToRows(fast)).toEqual(workbookToRows(slow));
    // Dates arrive as serial numbers: 22-04-2022 is day 44673.
    expect(fast.sheets[3].value(1, 3)).toBe(44673);
  });

  it('handles shared strings, rich text, booleans, errors, formulas, dates, merges, hidden rows, tables and sheet states', async () => {
    const file = path.join(tmpDir(), 'tricky.xlsx');
    await tricky(file);
    const [fast, slow] = await both(file);
    expect(workbookToRows(fast)).toEqual(workbookToRows(slow));
    const s = fast.sheets[0];
    expect(sheetToRows(s).values[0]).toEqual(['Kop <met> & tekens', 'vet en gewoon', true, { error: '#DIV/0!' }]);
    expect(sheetToRows(s).values[1]).toEqual([1.5, 3, true, 'ja', 0]);
    expect(sheetToRows(s).formulas[1]).toEqual([undefined, 'A2*2', 'A2>1', 'IF(A2>1,"ja","")', 'A2-1.5']);
    expect(s.value(9, 5)).toBe('=geen formule');
    expect(sheetToRows(s).formulas[9]).toBeUndefined();
    expect(s.hiddenRows).toEqual([5]);
    expect(s.merges).toEqual(['A4:C5']);
    expect(s.tables).toEqual([{ name: 'tblProef', ref: 'H20:I22' }]);
    expect(fast.sheets[1]).toMatchObject({ name: 'Verborgen', visible: false, protected: true });
    expect(fast.sheets[2]).toMatchObject({ name: 'Leeg', rowCount: 0, colCount: 0 });
  });

  it('translates shared formulas like ExcelJS', async () => {
    const file = path.join(tmpDir(), 'shared.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('B1').value = { formula: 'A1*$A$1', result: 1 };
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 2 } as ExcelJS.CellSharedFormulaValue;
    await wb.xlsx.writeFile(file);
    const [fast, slow] = await both(file);
    expect(workbookToRows(fast)).toEqual(workbookToRows(slow));
    expect(fast.sheets[0].formula(1, 1)).toBe('A2*$A$1');
  });
});
