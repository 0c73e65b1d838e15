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
          expect([top, bottom]).toEqual(['2', '1048576']);
        }
      }
    }
  });

  it('guard every division so no formula can give an error value', () => {
    for (const f of formulas.filter((x) => x.includes('/'))) expect(f).toMatch(/^IF\(/);
  });
});
