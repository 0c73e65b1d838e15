// The seed-001 shape as a half-year monitor: a regional table and six
// municipal sheets. Expectations are computed from the shape's own data.

import { buildReport } from '../../../src/core/report';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { slug } from '../../../src/core/features/budget/schema';
import type { RegionalMonitorOptions } from '../../support/shapes/regionalMonitor';
import { REGION_SHEET, regionalMonitor } from '../../support/shapes/regionalMonitor';

function run(opts: RegionalMonitorOptions = {}) {
  const shape = regionalMonitor(opts);
  const result = buildReport(readWorkbook(shape.workbook), { features: ['budget'] });
  const fig = (key: string) => result.figures.find((f) => f.key === key)?.value;
  const budget = result.findings.filter((f) => f.kind === 'budget');
  return { shape, result, fig, budget, at: budget.map((f) => `${f.rule}@${f.sheet}!${f.cell}`).sort() };
}

describe('a regional monitor with six municipal tables (seed 001)', () => {
  it('clean: six months from the header, per-municipality totals, no budget findings', () => {
    const r = run();
    expect(r.shape.municipalities).toHaveLength(6);
    const sheet = r.result.plan.sheets.find((s) => s.name === 'TB Begroting')!;
    expect(sheet.cells.find((c) => c.row === 4 && c.col === 1)!.v).toBe(6);
    for (const m of r.shape.municipalities) {
      const sum = (f: (l: (typeof m.lines)[number]) => number) => m.lines.reduce((a, l) => a + f(l), 0);
      expect(r.fig(`budget_${slug(m.title)}_begroot`)).toBe(sum((l) => l.begroot));
      expect(r.fig(`budget_${slug(m.title)}_realisatie`)).toBe(sum((l) => l.realisatie));
      expect(r.fig(`budget_${slug(m.title)}_prognose`)).toBe(sum((l) => l.prognose));
    }
    // Regional = sum of municipalities on every row and column: no differences; Uden's deviation is explained.
    expect(r.at).toEqual([]);
    const regional = r.result.plan.sheets.find((s) => s.name === 'TB Begroting')!.cells.filter((c) => c.v === 'Regio = som gemeenten');
    // Four rows (three werksoorten and Totaal) × four amount columns.
    expect(regional).toHaveLength(16);
  });

  it('planted: a text number, a regional figure off by € 5.000 and an unexplained prognose, at their cells', () => {
    const r = run({ textNumber: true, regionalOff: true, unexplained: true });
    const row = r.shape.rowOf;
    expect(r.at).toEqual(
      [
        `budget.number-as-text@Oss!C${row('Oss', 'Jeugdhulp')}`,
        `budget.regional-mismatch@${REGION_SHEET}!C${row(REGION_SHEET, 'Sociaal werk')}`,
        // The regional Totaal was added up from the regional lines (so the Regio's own total check
        // is right), and so it is off against the municipalities' totals too.
        `budget.regional-mismatch@${REGION_SHEET}!C${row(REGION_SHEET, 'Totaal')}`,
        `budget.explanation-missing@Oss!F${row('Oss', 'Sociaal werk')}`,
      ].sort(),
    );
    const sw = r.shape.municipalities.reduce((a, m) => a + m.lines.find((l) => l.werksoort === 'Sociaal werk')!.begroot, 0);
    expect(r.budget.find((f) => f.cell === `C${row(REGION_SHEET, 'Sociaal werk')}`)).toMatchObject({ expected: sw, actual: sw + 5000 });
    // The text number still counts: Oss' total is the seed's.
    const oss = r.shape.municipalities.find((m) => m.name === 'Oss')!;
    expect(r.fig('budget_gemeente_oss_begroot')).toBe(oss.lines.reduce((a, l) => a + l.begroot, 0));
  });
});
