// The risk heatmap in LibreOffice: every generated formula computes what the
// engine says, and the grid follows an edited score.

import * as path from 'path';
import type ExcelJS from 'exceljs';
import { recalculate } from '../support/libreoffice';
import type { Recalculated } from '../support/pipeline';
import { reportAndRecalculate } from '../support/pipeline';
import { computedValue, readRecalculated } from '../support/recalcCheck';
import { EXAMPLE, EXPECTED, loadXlsx, sheetFingerprint, tmpDir } from '../support/workbooks';
import { badScores, englishFivePoint, grossNet, junk, twoHalfYears, twoSideBySide, twoStacked } from '../unit/risk/registers';

jest.setTimeout(300_000);

const userSheetsOf = (wb: ExcelJS.Workbook) => wb.worksheets.filter((ws) => !ws.name.startsWith('TB '));
const fingerprints = (wb: ExcelJS.Workbook) => Object.fromEntries(userSheetsOf(wb).map((ws) => [ws.name, sheetFingerprint(ws)]));

describe('risk heatmap recalculated in LibreOffice', () => {
  let runs: Record<string, Recalculated>;
  const before: Record<string, Record<string, string[]>> = {};

  beforeAll(async () => {
    const books: Record<string, ExcelJS.Workbook> = {
      example: await loadXlsx(EXAMPLE),
      english: englishFivePoint(),
      stacked: twoStacked(),
      sideBySide: twoSideBySide(),
      grossNet: grossNet(),
      bad: badScores(),
      trend: twoHalfYears(),
      junk1: junk(1),
      junk2: junk(2),
    };
    for (const [name, wb] of Object.entries(books)) before[name] = fingerprints(wb);
    runs = await reportAndRecalculate(books, { features: ['risk'] });
  });

  it('agrees with the engine on every generated formula of every workbook', () => {
    for (const [name, run] of Object.entries(runs)) expect([name, run.mismatches]).toEqual([name, []]);
  });

  it('gives the expected counts per cell on the example, computed by LibreOffice', () => {
    const { result, workbook } = runs.example;
    const expected: Record<string, number> = EXPECTED.risico_aantal_per_cel;
    const ws = workbook.getWorksheet('TB Risicokaart')!;
    for (let k = 1; k <= 3; k++) {
      for (let s = 1; s <= 3; s++) {
        const f = result.figures.find((x) => x.key === `risk_count_K${k}S${s}`)!;
        expect([f.key, computedValue(ws.getCell(f.cell))]).toEqual([f.key, expected[`K${k}S${s}`] ?? 0]);
      }
    }
  });

  it('leaves the user sheets unchanged, bad scores included', async () => {
    for (const [name, run] of Object.entries(runs)) {
      const written = await loadXlsx(run.written);
      expect([name, fingerprints(written)]).toEqual([name, before[name]]);
    }
  });

  it('moves a risk in the grid when its score is edited and LibreOffice recalculates', async () => {
    const { result, written } = runs.example;
    const cellOf = (key: string) => result.figures.find((f) => f.key === key)!.cell;
    const wb = await loadXlsx(written);
    // R01 (row 5) goes from kans 3 to kans 1: out of K3S3, into K1S3.
    wb.getWorksheet("Risico's")!.getCell('D5').value = 1;
    const dir = tmpDir('tb-risk-edit-');
    const file = path.join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(file);
    const [out] = recalculate([file], path.join(dir, 'out'));
    const ws = (await readRecalculated(out)).getWorksheet('TB Risicokaart')!;
    const expected: Record<string, number> = EXPECTED.risico_aantal_per_cel;
    expect(computedValue(ws.getCell(cellOf('risk_count_K3S3')))).toBe(expected.K3S3 - 1);
    expect(computedValue(ws.getCell(cellOf('risk_count_K1S3')))).toBe(expected.K1S3 + 1);
    expect(computedValue(ws.getCell(cellOf('risk_band_zeer_hoog_count')))).toBe(expected.K3S3 - 1);
    expect(computedValue(ws.getCell(cellOf('risk_count_total')))).toBe(28);
  });

  it('computes the net grid, the lowered count and the trend in LibreOffice too', () => {
    const value = (run: Recalculated, key: string) => {
      const f = run.result.figures.find((x) => x.key === key)!;
      return computedValue(run.workbook.getWorksheet(f.sheet)!.getCell(f.cell));
    };
    expect(value(runs.grossNet, 'risk_band_lowered_count')).toBe(2);
    expect(value(runs.grossNet, 'risk_net_count_K3S2')).toBe(2);
    expect(value(runs.trend, 'risk_trend_up_count')).toBe(1);
    expect(value(runs.trend, 'risk_trend_gone_count')).toBe(1);
    expect(value(runs.stacked, 'risk_all_count_K3S3')).toBe(2);
    expect(value(runs.english, 'risk_count_K5S5')).toBe(1);
    expect(value(runs.bad, 'risk_count_total')).toBe(3);
  });
});
