// Every hostile workbook through the core and the ExcelJS adapter, step by
// step: read -> snapshot -> report -> apply -> write -> read back. Nothing may
// throw, the user's sheets must come back identical, findings must name real
// cells in Dutch, and a second run must give the same generated sheets.

import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Finding } from '../../src/core/findings/finding';
import { USER_EDITABLE } from '../../src/core/generatedSheets';
import type { SheetSpec } from '../../src/core/plan/plan';
import { buildReport } from '../../src/core/report';
import { applyPlan } from '../../src/hosts/exceljs/applyPlan';
import { readWorkbook } from '../../src/hosts/exceljs/readWorkbook';
import { loadWorkbook } from '../../src/hosts/exceljs/loadWorkbook';
import { ReportError } from '../../src/files/reportError';
import { sheetFingerprint, tmpDir } from '../support/workbooks';
import type { CorpusFile } from './corpus';
import { HOSTILE_CASES, writeCorpus } from './corpus';
import { failedFeatures, findingProblems, generatedFingerprint, missingFindings, oversizedCells } from './expectations';

jest.setTimeout(120_000);

let corpus: Map<string, CorpusFile>;

beforeAll(async () => {
  // HOSTILE_CORPUS_DIR keeps the files for a look in Excel; by default they go to a temporary folder.
  const files = await writeCorpus(process.env.HOSTILE_CORPUS_DIR ?? path.join(tmpDir('tb-hostile-'), 'corpus'));
  corpus = new Map(files.map((f) => [f.case.id, f]));
});

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await wb.xlsx.writeBuffer());
  return again;
}

describe('hostile corpus', () => {
  it('has at least 25 cases with unique ids, both outcomes covered', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(HOSTILE_CASES.map((c) => c.id)).size).toBe(HOSTILE_CASES.length);
    expect(HOSTILE_CASES.filter((c) => c.outcome === 'report').length).toBeGreaterThanOrEqual(25);
    expect(HOSTILE_CASES.filter((c) => c.outcome === 'unreadable').length).toBeGreaterThanOrEqual(5);
  });
});

describe.each(HOSTILE_CASES.filter((c) => c.outcome === 'report').map((c) => [c.id, c] as const))('adapter path: %s', (_id, hostile) => {
  it('reports without throwing, leaves the user sheets alone, names cells in Dutch and is idempotent', async () => {
    const { file } = corpus.get(hostile.id)!;
    const input = await loadWorkbook(file);
    const original = await loadWorkbook(file);
    const userNames = original.worksheets.map((w) => w.name);

    const snapshot = readWorkbook(input);
    const first = buildReport(snapshot);
    expect(failedFeatures(first.findings)).toEqual([]);
    expect(findingProblems(first.findings, [...snapshot.sheets.map((s) => s.name), ...first.generatedSheets])).toEqual([]);
    expect(missingFindings(first.findings, hostile.expectFindings)).toEqual([]);

    applyPlan(input, first.plan);
    const output = await reload(input);
    // The user's sheets: same names, same order, same values, formulas and number formats.
    expect(output.worksheets.map((w) => w.name).slice(0, userNames.length)).toEqual(userNames);
    for (const ws of original.worksheets) expect(sheetFingerprint(output.getWorksheet(ws.name)!)).toEqual(sheetFingerprint(ws));
    expect(oversizedCells(output, first.generatedSheets)).toEqual([]);
    hostile.check?.(original, output);

    // Second run on the report: the same findings and generated sheets. A finding about a sheet
    // that the first run itself creates (norm definitions, settings) can only name its cell from
    // the second run on, so there the cell is compared from the second run.
    const second = buildReport(readWorkbook(output));
    const aboutSeeded = (f: Finding) => (USER_EDITABLE.has(f.sheet) ? { ...f, cell: '' } : f);
    expect(second.findings.map(aboutSeeded)).toEqual(first.findings.map(aboutSeeded));
    const findingsSheet = first.generatedSheets[0];
    const notFindings = (s: SheetSpec) => s.name !== findingsSheet && second.generatedSheets.includes(s.name);
    expect(second.plan.sheets.filter(notFindings)).toEqual(first.plan.sheets.filter(notFindings));
    applyPlan(output, second.plan);
    const output2 = await reload(output);
    for (const ws of original.worksheets) expect(sheetFingerprint(output2.getWorksheet(ws.name)!)).toEqual(sheetFingerprint(ws));

    // Third run: from the second run on, everything is identical, the findings sheet included.
    const third = buildReport(readWorkbook(output2));
    expect(third.plan).toEqual(second.plan);
    applyPlan(output2, third.plan);
    const output3 = await reload(output2);
    for (const name of first.generatedSheets) expect(generatedFingerprint(output3.getWorksheet(name)!)).toEqual(generatedFingerprint(output2.getWorksheet(name)!));
  });
});

describe.each(HOSTILE_CASES.filter((c) => c.outcome === 'unreadable').map((c) => [c.id, c] as const))('adapter path: %s', (_id, hostile) => {
  it('is refused with exit code 1 and one Dutch line', async () => {
    const { file } = corpus.get(hostile.id)!;
    const err = await loadWorkbook(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ReportError);
    const e = err as ReportError;
    expect(e.exitCode).toBe(1);
    expect(e.message.split('\n')).toHaveLength(1);
    expect(e.message).toMatch(new RegExp(`^Kan ${hostile.id}\\.xlsx niet lezen`));
  });
});
