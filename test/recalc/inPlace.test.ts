// Issue 13 item 4, the command line's part: a second run over its own output
// regenerates the TB sheets in place (same part, relationship, sheet id and
// tab position), so a user's own formula ='TB Normen'!E6 on a user sheet
// keeps its reference and, recalculated by LibreOffice, its value.

import * as fs from 'fs';
import * as path from 'path';
import { reportFile } from '../../src/files/reportFile';
import { openXlsx } from '../../src/hosts/xlsx';
import { parseA1 } from '../../src/core/workbook/address';
import { entryText, rawData, readZip } from '../../src/hosts/xlsx/zip';
import { writeZip } from '../../src/hosts/xlsx/zipWrite';
import { recalculate } from '../support/libreoffice';
import { EXAMPLE, loadXlsx, tmpDir } from '../support/workbooks';

jest.setTimeout(240_000);

/** The user adds a formula that points into TB Normen, below the data of their first sheet, and saves. */
function addUserFormula(report: string, edited: string, target: string): { part: string; cell: string } {
  const { pkg } = openXlsx(fs.readFileSync(report));
  const user = pkg.sheets[0];
  const zip = pkg.zip;
  const xml = entryText(zip, user.part!);
  const lastRow = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
  const row = lastRow + 5;
  const edit = xml.replace('</sheetData>', `<row r="${row}"><c r="A${row}"><f>'TB Normen'!${target}</f></c></row></sheetData>`);
  fs.writeFileSync(edited, writeZip(zip.entries.map((e) => (e.name === user.part ? { name: e.name, data: edit } : { copy: e, from: zip }))));
  return { part: user.part!, cell: `A${row}` };
}

describe('a second run regenerates the TB sheets in place', () => {
  it("keeps a user's formula ='TB Normen'!E6 pointing at the same sheet, with the same value after recalculation", async () => {
    const dir = tmpDir('tb-inplace-');
    const first = path.join(dir, 'eerste.xlsx');
    const edited = path.join(dir, 'bewerkt.xlsx');
    const second = path.join(dir, 'tweede.xlsx');
    // A norm's realisation on TB Normen (E6 in the words; the column moves with the sheet's layout).
    const firstRun = await reportFile(EXAMPLE, first);
    const target = firstRun.result.figures.find((f) => f.sheet === 'TB Normen' && typeof f.value === 'number')!.cell;
    const { part, cell } = addUserFormula(first, edited, target);
    const { result } = await reportFile(edited, second);

    // The user's sheet, formula included, leaves the second run byte for byte.
    const [zin, zout] = [readZip(fs.readFileSync(edited)), readZip(fs.readFileSync(second))];
    expect(Buffer.from(rawData(zout, zout.find(part)!)).equals(Buffer.from(rawData(zin, zin.find(part)!)))).toBe(true);
    // TB Normen keeps its part, relationship id, sheet id and tab position.
    const where = (file: string) =>
      openXlsx(fs.readFileSync(file)).pkg.sheets.map((s, i) => ({ name: s.name, part: s.part, rId: s.rId, sheetId: s.sheetId, tab: i }));
    const before = where(edited).find((s) => s.name === 'TB Normen');
    expect(before).toBeDefined();
    expect(where(second).find((s) => s.name === 'TB Normen')).toEqual(before);
    expect(where(second).map((s) => s.name)).toEqual(where(edited).map((s) => s.name));

    // The engine's value of that cell in this run, as the plan wrote it.
    const normen = result.plan.sheets.find((s) => s.name === 'TB Normen')!;
    const at = parseA1(target);
    const e6 = normen.cells.filter((c) => c.row === at.row && c.col === at.col).pop();
    expect(typeof e6?.v).toBe('number');

    const [recalculated] = recalculate([second], path.join(dir, 'lo'));
    const wb = await loadXlsx(recalculated);
    const userValue = wb.worksheets[0].getCell(cell);
    expect(userValue.formula).toBe(`'TB Normen'!${target}`);
    const targetCell = wb.getWorksheet('TB Normen')!.getCell(target);
    expect(userValue.result).toBe(targetCell.result);
    expect(userValue.result as number).toBeCloseTo(e6!.v as number, 9);
  });
});
