// The Office.js adapter's presentation: the workbook opens on the overview,
// the three charts are added with series that point at the overview's cells,
// every generated sheet gets its print setup, and a second refresh does not
// pile up charts.

import { SHEET } from '../../../src/core/generatedSheets';
import { parseRange } from '../../../src/core/workbook/address';
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { FULL_SUPPORT } from '../../../src/hosts/office';
import { generate } from '../../../src/taskpane/actions';
import { excelHost } from '../../../src/taskpane/host';
import { FakeExcel } from '../../support/fakeExcel';
import { snapshotFromXlsx } from '../../support/fakeExcel/fromXlsx';
import { EXAMPLE } from '../../support/workbooks';

let example: WorkbookSnapshot;
beforeAll(async () => {
  example = await snapshotFromXlsx(EXAMPLE);
});

describe('Office.js: overview, charts and print setup', () => {
  it('opens on TB Overzicht with three charts over its own cells, and sets up printing on every sheet', async () => {
    const fake = FakeExcel.fromSnapshot(example);
    const host = excelHost((b) => fake.run(b), FULL_SUPPORT);
    const run = await generate(host, 'all', undefined);
    expect(fake.data.activeSheet).toBe(SHEET.overview);
    const overview = fake.sheet(SHEET.overview)!;
    expect(overview.charts.map((c) => c.type)).toEqual(['ColumnClustered', 'BarClustered', 'ColumnClustered']);
    const budget = overview.charts[0];
    expect(budget.series.map((s) => s.name)).toEqual(['Begroot', 'Realisatie', 'Prognose']);
    // Every series' cells hold numbers, and its categories are the werksoort names written on the sheet.
    const cellsOf = (range: string) => {
      const r = parseRange(range);
      const out = [];
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(overview.get(row, col));
      return out;
    };
    const werksoorten = cellsOf(budget.series[0].xValues!).map((c) => c?.value);
    expect(werksoorten).toEqual(['Sociaal Raadsliedenwerk', 'Individueel Sociaal Werk', 'Collectief Sociaal Werk', 'Jeugd', 'Jongerenwerk']);
    for (const s of budget.series) expect(cellsOf(s.values).every((c) => typeof c?.formula === 'string' && c.formula.startsWith("='TB Begroting'!"))).toBe(true);
    // The bands chart: four bands, counts from the risk map.
    expect(cellsOf(overview.charts[2].series[0].xValues!).map((c) => c?.value)).toEqual(['Laag', 'Midden', 'Hoog', 'Zeer hoog']);
    for (const name of run.written) {
      const s = fake.sheet(name)!;
      if (s.visibility !== 'Visible') continue;
      expect(s.pageLayout).toMatchObject({ paperSize: 'A4', orientation: 'Landscape' });
      expect(s.pageLayout['headersFooters.centerFooter']).toBe('pagina &P van &N');
    }
    expect(fake.sheet(SHEET.findings)!.pageLayout.printTitleRows).toBe('$10:$10');
    expect(fake.sheet(SHEET.overview)!.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });

    // A refresh clears the sheet in place: its charts stay (they point at the same cells) and are not added again.
    await generate(host, 'all', undefined);
    expect(fake.sheet(SHEET.overview)!.charts).toHaveLength(3);
  });

  it('leaves print setup out on hosts below ExcelApi 1.9 and still writes the report', async () => {
    const fake = FakeExcel.fromSnapshot(example, { apiVersion: 1.8 });
    const host = excelHost((b) => fake.run(b), { ...FULL_SUPPORT, hiddenRows: false, merges: false, printLayout: false });
    await generate(host, 'all', undefined);
    expect(fake.sheet(SHEET.overview)!.pageLayout).toEqual({});
    expect(fake.sheet(SHEET.overview)!.charts).toHaveLength(3);
  });
});
