// Properties of the whole report on random workbooks: no exception escapes,
// no feature falls over, the user's sheets come back identical in value,
// formula and number format, and running again changes nothing.

import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { Finding } from '../../../src/core/findings/finding';
import { USER_EDITABLE } from '../../../src/core/generatedSheets';
import type { SheetSpec } from '../../../src/core/plan/plan';
import { buildReport } from '../../../src/core/report';
import { applyPlan } from '../../../src/hosts/exceljs/applyPlan';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { sheetFingerprint } from '../../support/workbooks';
import { failedFeatures, findingProblems } from '../../hostile/expectations';
import { toExcel, toSnapshot, workbookSpec } from './arbitraries';
import { NUM_RUNS } from './runs';
import { workbookToRows } from '../../../src/core/workbook/fromRows';

jest.setTimeout(600_000);

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await wb.xlsx.writeBuffer());
  return again;
}

/** Findings about a sheet the run itself creates can only name their cell from the next run on. */
const aboutSeeded = (f: Finding) => (USER_EDITABLE.has(f.sheet) ? { ...f, cell: '' } : f);

describe('buildReport on random snapshots', () => {
  it('never throws, no feature fails, findings name real cells, and the same input gives the same report', () => {
    fc.assert(
      fc.property(workbookSpec, (spec) => {
        const snapshot = toSnapshot(spec);
        const before = JSON.stringify(workbookToRows(snapshot));
        const first = buildReport(snapshot);
        const second = buildReport(toSnapshot(spec));
        expect(failedFeatures(first.findings)).toEqual([]);
        expect(findingProblems(first.findings, [...snapshot.sheets.map((s) => s.name), ...first.generatedSheets])).toEqual([]);
        expect(second).toEqual(first);
        // The core never writes into the snapshot it was given.
        expect(JSON.stringify(workbookToRows(snapshot))).toBe(before);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('report through the ExcelJS adapter on random workbooks', () => {
  it('leaves every user sheet identical and is idempotent', async () => {
    await fc.assert(
      fc.asyncProperty(workbookSpec, async (spec) => {
        // Two independent reads of the same file: one to report on, one to compare with.
        const file = await toExcel(spec).xlsx.writeBuffer();
        const original = new ExcelJS.Workbook();
        await original.xlsx.load(file);
        const input = new ExcelJS.Workbook();
        await input.xlsx.load(file);
        const first = buildReport(readWorkbook(input));
        applyPlan(input, first.plan);
        const out1 = await roundTrip(input);
        for (const ws of original.worksheets) expect(sheetFingerprint(out1.getWorksheet(ws.name)!)).toEqual(sheetFingerprint(ws));

        const second = buildReport(readWorkbook(out1));
        expect(second.findings.map(aboutSeeded)).toEqual(first.findings.map(aboutSeeded));
        const findingsSheet = first.generatedSheets[0];
        const notFindings = (s: SheetSpec) => s.name !== findingsSheet && second.generatedSheets.includes(s.name);
        expect(second.plan.sheets.filter(notFindings)).toEqual(first.plan.sheets.filter(notFindings));
        // From the second run on, the plan is exactly the same (checked in memory: the file round trip was checked above).
        applyPlan(out1, second.plan);
        for (const ws of original.worksheets) expect(sheetFingerprint(out1.getWorksheet(ws.name)!)).toEqual(sheetFingerprint(ws));
        expect(buildReport(readWorkbook(out1)).plan).toEqual(second.plan);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
