// Trajectory data that is an Excel Table of the user's: the norm formulas use
// structured references, so rows added to the table count without a refresh.

import * as path from 'path';
import ExcelJS from 'exceljs';
import { recalculate } from '../support/libreoffice';
import { reportAndRecalculate } from '../support/pipeline';
import { computedValue, readRecalculated } from '../support/recalcCheck';
import { loadXlsx, tmpDir } from '../support/workbooks';

jest.setTimeout(240_000);

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
const COLUMNS = ['Dossiernr', 'Werksoort', 'Wijk', 'Datum aanmelding', 'Datum eerste gesprek', 'Datum afsluiting', 'Uitstroom naar', 'Terugkeer [zelfde] vraag', 'Aantal gesprekken', 'Cijfer start', 'Cijfer eind'];
const ROWS: ExcelJS.CellValue[][] = [
  ['A1', 'Individueel sociaal werk', 'Lith', d(2022, 1, 3), d(2022, 1, 20), d(2022, 7, 20), 'Zelfstandig', 'Nee', 4, 5, 7],
  ['A2', 'Individueel sociaal werk', 'Lith', d(2022, 1, 31), d(2022, 3, 28), d(2022, 8, 31), 'Maatwerkvoorziening Wmo', 'Ja', 6, 4, 6.5],
  ['A3', 'Jeugd (CJG)', 'Ruwaard', d(2022, 2, 1), d(2022, 2, 25), null, null, null, null, null, null],
  ['A4', 'Jeugd (CJG)', 'Ruwaard', d(2022, 2, 1), d(2022, 2, 10), null, null, null, null, null, null],
];

function tableWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Trajecten');
  ws.addTable({ name: 'tblTrajecten', ref: 'A1', headerRow: true, columns: COLUMNS.map((name) => ({ name })), rows: ROWS });
  // Something below the table that is not part of it.
  ws.getCell('A10').value = 'Bron: registratiesysteem';
  return wb;
}

describe('norms over an Excel Table', () => {
  it('use structured references that LibreOffice computes as the engine does, and follow rows added to the table', async () => {
    const { table } = await reportAndRecalculate({ table: tableWorkbook() }, { features: ['norms'] });
    expect(table.mismatches).toEqual([]);
    const fig = (key: string) => table.result.figures.find((f) => f.key === key)!;
    expect(fig('isw_eerste_gesprek_binnen_28d_pct').value).toBe(0.5);
    expect(fig('cjg_overschrijdingen_14d_aantal').value).toBe(1);
    const formulas = table.result.plan.sheets.find((s) => s.name === 'TB Normen')!.cells.flatMap((c) => (c.f ? [c.f] : []));
    expect(formulas.some((f) => f.includes('SUMPRODUCT(') && f.includes('tblTrajecten[Datum aanmelding]'))).toBe(true);
    expect(formulas.some((f) => f.includes("tblTrajecten[Terugkeer '[zelfde']"))).toBe(true);
    expect(formulas.filter((f) => f.includes('Trajecten!'))).toEqual([]);

    // Add two rows to the table, as Excel does when the user types below it.
    const wb = await loadXlsx(table.written);
    const ws = wb.getWorksheet('Trajecten')!;
    const added: ExcelJS.CellValue[][] = [
      ['A5', 'Individueel sociaal werk', 'Lith', d(2022, 3, 1), d(2022, 3, 8)],
      ['A6', 'Jeugd (CJG)', 'Lith', d(2022, 3, 1), d(2022, 3, 30)],
    ];
    added.forEach((values, i) => values.forEach((v, c) => (ws.getCell(6 + i, c + 1).value = v)));
    // A table read from a file cannot addRow in ExcelJS: grow its reference, as Excel does.
    const model = (ws.getTable('tblTrajecten') as unknown as { table: { tableRef: string; autoFilterRef?: string } }).table;
    expect(model.tableRef).toBe('A1:K5');
    model.tableRef = 'A1:K7';
    model.autoFilterRef = 'A1:K7';
    const dir = tmpDir('tb-norms-table-');
    const file = path.join(dir, 'grown.xlsx');
    await wb.xlsx.writeFile(file);
    const [out] = recalculate([file], path.join(dir, 'out'));
    const norms = (await readRecalculated(out)).getWorksheet('TB Normen')!;
    expect(computedValue(norms.getCell(fig('isw_eerste_gesprek_binnen_28d_pct').cell))).toBeCloseTo(2 / 3, 12);
    expect(computedValue(norms.getCell(fig('cjg_overschrijdingen_14d_aantal').cell))).toBe(2);
  });
});
