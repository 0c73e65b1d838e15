import { buildReport } from '../../../src/core/report';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { EXAMPLE, loadXlsx } from '../../support/workbooks';

const ALLOWED = new Set(['IF', 'IFERROR', 'COUNTIFS', 'COUNTIF', 'SUMIFS', 'SUMPRODUCT', 'ISNUMBER', 'YEAR', 'MONTH', 'DAY', 'DATE', 'COUNTA', 'COUNT', 'ABS', 'SUM', 'OR']);

describe('norm formulas on the example', () => {
  let formulas: string[];
  beforeAll(async () => {
    const result = buildReport(readWorkbook(await loadXlsx(EXAMPLE)), { features: ['norms'] });
    formulas = result.plan.sheets.find((s) => s.name === 'TB Normen')!.cells.flatMap((c) => (c.f ? [c.f] : []));
  });

  it('use only non-volatile Excel 2016 functions', () => {
    const used = new Set(formulas.flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    expect([...used].filter((fn) => !ALLOWED.has(fn))).toEqual([]);
    expect(used.has('SUMPRODUCT')).toBe(true);
    expect(used.has('COUNTIFS')).toBe(true);
  });

  it('read COUNTIFS/SUMIFS columns to the end of the sheet and SUMPRODUCT only over a bounded range below the header', () => {
    for (const f of formulas) {
      const ranges = [...f.matchAll(/Trajecten!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)/g)];
      for (const [, c1, top, c2, bottom] of ranges) {
        expect(c1).toBe(c2);
        if (f.includes('SUMPRODUCT')) {
          expect([top, bottom]).toEqual(['2', '2201']);
        } else if (!f.startsWith('COUNTA')) {
          // The COUNTIFS population of a SUMPRODUCT norm reads the same bounded range as its numerator.
          expect([['2', '1048576'], ['2', '2201']]).toContainEqual([top, bottom]);
        }
      }
    }
  });

  it('count every population with COUNTIFS, never SUMPRODUCT (LibreOffice recalculates it far faster)', async () => {
    const result = buildReport(readWorkbook(await loadXlsx(EXAMPLE)), { features: ['norms'] });
    const sheet = result.plan.sheets.find((s) => s.name === 'TB Normen')!;
    const header = sheet.cells.find((c) => c.v === 'Populatie (n)')!;
    // The norm rows: from the header down to the first row without a formula in that column.
    const byRow = new Map(sheet.cells.filter((c) => c.col === header.col && c.f).map((c) => [c.row, c]));
    const populations = [];
    for (let r = header.row + 1; byRow.has(r); r++) populations.push(byRow.get(r)!);
    expect(populations.length).toBeGreaterThan(8);
    for (const c of populations) expect(c.f).toMatch(/^COUNTIFS\(/);
  });

  it('guard every division so no formula can give an error value', () => {
    for (const f of formulas.filter((x) => x.includes('/'))) expect(f).toMatch(/^IF\(/);
  });
});
