// TB Overzicht through the command line's fast path and LibreOffice:
// - every number on the overview is a figure in the JSON summary, and
//   LibreOffice computes the same value for each;
// - on the example, the budget per werksoort and the risk bands equal the
//   independently computed fixture figures;
// - on other shapes (a 1–5 risk register with English headers, a regional
//   budget with several tables, a messy budget) it is built and agrees too;
// - the charts' series point at the overview's cells, and after a source
//   cell in the user's sheet changes, LibreOffice's recalculation gives the
//   chart the new value.

import * as fs from 'fs';
import * as path from 'path';
import { SHEET } from '../../src/core/generatedSheets';
import { parseRange } from '../../src/core/workbook/address';
import { reportFile } from '../../src/files/reportFile';
import { entryText, readZip } from '../../src/hosts/xlsx/zip';
import type { OutEntry } from '../../src/hosts/xlsx/zipWrite';
import { writeZip } from '../../src/hosts/xlsx/zipWrite';
import { recalculate } from '../support/libreoffice';
import { messyBudgetWorkbook } from '../support/messyBudgetWorkbook';
import { compareRecalculated, computedValue, readRecalculated } from '../support/recalcCheck';
import { seed001Workbook } from '../support/seed001Workbook';
import { EXAMPLE, EXPECTED, tmpDir } from '../support/workbooks';
import { englishFivePoint } from '../unit/risk/registers';

jest.setTimeout(300_000);

interface ChartPart {
  part: string;
  title: string;
  series: { name: string; ref: string; values: (number | null)[] }[];
}

/** Series of every chart in a package: name, the c:f of the values and the cached numbers. */
function chartsOf(file: string): ChartPart[] {
  const zip = readZip(fs.readFileSync(file));
  return zip.entries
    .map((e) => e.name)
    .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
    .map((part) => {
      const xml = entryText(zip, part);
      const title = [...(/<c:title>([\s\S]*?)<\/c:title>/.exec(xml)?.[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
      const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => {
        const ser = m[1];
        const name = /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser)?.[1] ?? '';
        const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(ser)![1];
        const ref = /<c:f>([^<]*)<\/c:f>/.exec(val)![1].replace(/&apos;/g, "'");
        const count = Number(/<c:ptCount val="(\d+)"/.exec(val)?.[1] ?? 0);
        const values: (number | null)[] = Array.from({ length: count }, () => null);
        for (const p of val.matchAll(/<c:pt idx="(\d+)"[^>]*>\s*<c:v>([^<]*)<\/c:v>/g)) values[Number(p[1])] = Number(p[2]);
        return { name, ref, values };
      });
      return { part, title, series };
    });
}

/** Cells of a sheet-qualified single-column reference, e.g. 'TB Overzicht'!$B$14:$B$18. */
function refCells(ref: string): { sheet: string; cells: { row: number; col: number }[] } {
  const m = /^'?(.*?)'?!(.+)$/.exec(ref)!;
  const r = parseRange(m[2].replace(/\$/g, ''));
  const cells = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) cells.push({ row, col });
  return { sheet: m[1].replace(/''/g, "'"), cells };
}

/** The report with one number of a user sheet replaced in the sheet XML (the rest byte for byte). */
function withChangedCell(file: string, out: string, sheetPart: string, cell: string, value: number): void {
  const zip = readZip(fs.readFileSync(file));
  const xml = entryText(zip, sheetPart);
  const changed = xml.replace(new RegExp(`(<c r="${cell}"[^>]*>)<v>[^<]*</v>`), `$1<v>${value}</v>`);
  expect(changed).not.toBe(xml);
  const entries: OutEntry[] = zip.entries.map((e) => (e.name === sheetPart ? { name: e.name, data: changed } : { copy: e, from: zip }));
  fs.writeFileSync(out, writeZip(entries));
}

describe('TB Overzicht through the splice writer and LibreOffice', () => {
  const dir = tmpDir('tb-overview-');
  const inputs: Record<string, string> = { example: EXAMPLE };

  beforeAll(async () => {
    const shapes = { regional: seed001Workbook().workbook, messy: messyBudgetWorkbook(), fivePoint: englishFivePoint() };
    for (const [name, wb] of Object.entries(shapes)) {
      inputs[name] = path.join(dir, `${name}.xlsx`);
      await wb.xlsx.writeFile(inputs[name]);
    }
  });

  it('puts every overview number in the summary, agrees with LibreOffice, and matches the independent figures of the example', async () => {
    const reports = [];
    for (const [name, input] of Object.entries(inputs)) {
      const out = path.join(dir, `rapport-${name}.xlsx`);
      const { result, summary } = await reportFile(input, out, path.join(dir, `${name}.json`));
      expect(result.generatedSheets[0]).toBe(SHEET.overview);
      const overview = result.plan.sheets.find((s) => s.name === SHEET.overview)!;
      // Every number on the overview is a figure with its cell in the JSON summary.
      const figureCells = new Set(summary.figures.filter((f) => f.sheet === SHEET.overview).map((f) => f.cell));
      const numeric = overview.cells.filter((c) => c.f !== undefined && typeof c.v === 'number');
      expect(numeric.length).toBeGreaterThan(0);
      for (const c of numeric) expect(figureCells).toContain(`${String.fromCharCode(65 + c.col)}${c.row + 1}`);
      reports.push({ name, out, result, summary });
    }
    const recalculated = recalculate(reports.map((r) => r.out), path.join(dir, 'recalculated'));
    for (let i = 0; i < reports.length; i++) {
      expect({ name: reports[i].name, mismatches: await compareRecalculated(recalculated[i], reports[i].result.plan, reports[i].result.figures) }).toEqual({ name: reports[i].name, mismatches: [] });
    }

    // The example against the fixture, computed without the engine.
    const example = reports[0].summary.figures.filter((f) => f.sheet === SHEET.overview);
    const byLabel = new Map(example.map((f) => [f.label, f.value]));
    const lines = EXPECTED.financiering_regels as { werksoort: string; begroot: number; realisatie: number; prognose: number }[];
    const werksoorten = [...new Set(lines.map((l) => l.werksoort))];
    for (const w of werksoorten) {
      const sum = (k: 'begroot' | 'realisatie' | 'prognose') => lines.filter((l) => l.werksoort === w).reduce((a, l) => a + (l[k] ?? 0), 0);
      expect(byLabel.get(`Begroot ${w}`)).toBeCloseTo(sum('begroot'), 2);
      expect(byLabel.get(`Realisatie ${w}`)).toBeCloseTo(sum('realisatie'), 2);
      expect(byLabel.get(`Prognose ${w}`)).toBeCloseTo(sum('prognose'), 2);
      expect(byLabel.get(`Prognose − begroot ${w}`)).toBeCloseTo(sum('prognose') - sum('begroot'), 2);
    }
    // Bands on a 1–3 scale: effect 1–2 laag, 3–4 midden, 6 hoog, 9 zeer hoog.
    const cells = EXPECTED.risico_aantal_per_cel as Record<string, number>;
    const band = (effects: number[]) => Object.entries(cells).filter(([k]) => effects.includes(Number(k[1]) * Number(k[3]))).reduce((a, [, n]) => a + n, 0);
    expect(byLabel.get("Risico's in band laag")).toBe(band([1, 2]));
    expect(byLabel.get("Risico's in band midden")).toBe(band([3, 4]));
    expect(byLabel.get("Risico's in band hoog")).toBe(band([6]));
    expect(byLabel.get("Risico's in band zeer hoog")).toBe(band([9]));
    for (const [k, n] of Object.entries(cells)) expect(byLabel.get(`Risico's met kans ${k[1]} en schade ${k[3]}`)).toBe(n);

    // The 1–5 register: a 5×5 map on the overview with the counts of the register rows.
    const five = reports.find((r) => r.name === 'fivePoint')!.summary.figures.filter((f) => f.sheet === SHEET.overview);
    const scores = [[5, 4], [4, 5], [3, 3], [2, 5], [1, 2], [5, 5], [2, 2]];
    for (let k = 1; k <= 5; k++) {
      for (let s = 1; s <= 5; s++) {
        expect(five.find((f) => f.label === `Risico's met kans ${k} en schade ${s}`)?.value).toBe(scores.filter(([a, b]) => a === k && b === s).length);
      }
    }
  });

  it('writes three charts whose series point at the overview, and LibreOffice gives them the new value after a source cell changes', async () => {
    const out = path.join(dir, 'charts.xlsx');
    await reportFile(EXAMPLE, out);
    const charts = chartsOf(out);
    expect(charts.map((c) => c.title).sort()).toEqual(['Begroot, realisatie en prognose per werksoort', 'Normen: realisatie tegenover norm', "Risico's per band"]);
    const written = await readRecalculated(recalculate([out], path.join(dir, 'charts-recalc'))[0]);
    for (const chart of charts) {
      for (const s of chart.series) {
        const { sheet, cells } = refCells(s.ref);
        expect(sheet).toBe(SHEET.overview);
        // The cached values are the values LibreOffice computes in those cells.
        const ws = written.getWorksheet(sheet)!;
        cells.forEach((c, i) => expect(s.values[i]).toBeCloseTo(Number(computedValue(ws.getCell(c.row + 1, c.col + 1))), 6));
      }
    }

    // Change the first budget line's Begroot in the user's sheet (Financiering!C6) and recalculate.
    const zip = readZip(fs.readFileSync(out));
    const wbXml = entryText(zip, 'xl/workbook.xml');
    expect(wbXml).toMatch(/name="Financiering" sheetId="2"/);
    const changed = path.join(dir, 'charts-changed.xlsx');
    withChangedCell(out, changed, 'xl/worksheets/sheet2.xml', 'C6', 309295.63);
    const [after] = recalculate([changed], path.join(dir, 'charts-changed-recalc'));
    const budgetChart = chartsOf(after).find((c) => c.title.startsWith('Begroot'))!;
    const begroot = budgetChart.series.find((s) => s.name === 'Begroot')!;
    // LibreOffice keeps the series on the overview's cells and writes the recalculated value into the cache.
    expect(refCells(begroot.ref).sheet).toBe(SHEET.overview);
    const first = (EXPECTED.financiering_regels as { werksoort: string; begroot: number }[]).filter((l) => l.werksoort === 'Sociaal Raadsliedenwerk').reduce((a, l) => a + l.begroot, 0);
    expect(begroot.values[0]).toBeCloseTo(first + 100_000, 2);
  });
});
