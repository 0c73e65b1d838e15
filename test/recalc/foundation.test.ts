// The recalculation stage proves itself: it really runs LibreOffice, and it
// fails when a generated formula does not compute what the engine says.

import { emptyPlan } from '../../src/core/plan/plan';
import { SheetBuilder } from '../../src/core/plan/sheetBuilder';
import { applyPlan } from '../../src/hosts/exceljs/applyPlan';
import { recalculate } from '../support/libreoffice';
import { compareRecalculated, computedValue, readRecalculated } from '../support/recalcCheck';
import { reportAndRecalculate } from '../support/pipeline';
import { EXAMPLE, loadXlsx, tmpDir, workbookFrom } from '../support/workbooks';
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';

/** The shared fixtures beside the repository, when present (CI has them). */
function fixtureFiles(): string[] {
  const dir = path.join(__dirname, '..', '..', '..', 'shared', 'fixtures');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(dir, f)) : [];
}

jest.setTimeout(180_000);

describe('LibreOffice recalculation stage', () => {
  it('agrees with the engine on every generated formula of every fixture report', async () => {
    const books: Record<string, ExcelJS.Workbook> = { example: await loadXlsx(EXAMPLE) };
    for (const f of fixtureFiles()) books[path.basename(f, '.xlsx')] = await loadXlsx(f);
    const done = await reportAndRecalculate(books);
    for (const [name, r] of Object.entries(done)) {
      expect({ name, mismatches: r.mismatches }).toEqual({ name, mismatches: [] });
      expect(r.result.figures.length).toBeGreaterThan(0);
    }
  });

  it('computes the values itself and catches a wrong formula', async () => {
    // Cached results are deliberately wrong: only a real recalculation gives 3 and 12.
    const b = new SheetBuilder('Proef');
    b.header('Proef');
    b.formula(3, 0, '1+2', 3);
    b.formula(4, 0, 'SUM(B5:C5)', 999); // engine claims 999; the sheet computes 12
    b.value(4, 1, 5).value(4, 2, 7);
    b.formula(5, 0, '1/0', 1); // an error value is always a failure
    const plan = emptyPlan();
    plan.sheets.push(b.build());
    const wb = workbookFrom({ Data: [[1]] });
    applyPlan(wb, plan);
    // Poison the cached results so a run that does not recalculate would "pass" differently.
    const ws = wb.getWorksheet('Proef')!;
    ws.getCell('A4').value = { formula: '1+2', result: 42 };
    const dir = tmpDir();
    const file = path.join(dir, 'proef.xlsx');
    await wb.xlsx.writeFile(file);
    const [recalculated] = recalculate([file]);
    const after = await readRecalculated(recalculated);
    expect(computedValue(after.getWorksheet('Proef')!.getCell('A4'))).toBe(3);
    const mismatches = await compareRecalculated(recalculated, plan);
    expect(mismatches.map((m) => [m.cell, m.why])).toEqual([
      ['A5', 'differs'],
      ['A6', 'error value'],
    ]);
    expect(mismatches[0].spreadsheet).toBe(12);
  });
});
