// The seed-004 shape: five institutions as sections of one annual budget, a
// text amount, subtotals, a totals row, footnotes and a registration table
// that is not a budget. Expectations are computed from the shape's own data.

import { buildReport } from '../../../src/core/report';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { detectBudgetTables } from '../../../src/core/features/budget/table';
import { slug } from '../../../src/core/features/budget/schema';
import { emptySettings } from '../../../src/core/settings/settings';
import type { InstitutionMonitorOptions } from '../../support/shapes/institutionMonitor';
import { BUDGET_SHEET, INSTITUTIONS, institutionMonitor, REGISTRATION_SHEET } from '../../support/shapes/institutionMonitor';

function run(opts: InstitutionMonitorOptions = {}) {
  const shape = institutionMonitor(opts);
  const snap = readWorkbook(shape.workbook);
  const result = buildReport(snap, { features: ['budget'] });
  const fig = (key: string) => result.figures.find((f) => f.key === key)?.value;
  const budget = result.findings.filter((f) => f.kind === 'budget');
  return { shape, snap, result, fig, budget, at: budget.map((f) => `${f.rule}@${f.cell}`).sort() };
}

describe('a five-institution monitor (seed 004)', () => {
  it('reads one budget with a section per institution; the registration table is no budget', () => {
    const { snap, shape } = run();
    const tables = detectBudgetTables(snap, emptySettings());
    expect(tables.map((t) => t.sheet)).toEqual([BUDGET_SHEET]);
    const [t] = tables;
    const lines = t.rows.filter((r) => r.kind === 'line');
    expect(lines).toHaveLength(shape.lines.length);
    expect([...new Set(lines.map((r) => r.section))]).toEqual([...INSTITUTIONS]);
    expect(t.rows.filter((r) => r.kind === 'subtotal')).toHaveLength(INSTITUTIONS.length);
    expect(t.rows.filter((r) => r.kind === 'total').map((r) => r.label)).toEqual(['Totaal']);
    expect(tables.some((x) => x.sheet === REGISTRATION_SHEET)).toBe(false);
  });

  it('clean: twelve months from "Realisatie 2020", per-institution totals right, no budget findings at all', () => {
    const r = run();
    const sheet = r.result.plan.sheets.find((s) => s.name === 'TB Begroting')!;
    expect(sheet.cells.find((c) => c.row === 4 && c.col === 1)!.v).toBe(12);
    for (const inst of INSTITUTIONS) {
      const own = r.shape.lines.filter((l) => l.institution === inst);
      expect(r.fig(`budget_${slug(inst)}_begroot`)).toBe(own.reduce((a, l) => a + l.begroot, 0));
      expect(r.fig(`budget_${slug(inst)}_realisatie`)).toBe(own.reduce((a, l) => a + l.realisatie, 0));
    }
    expect(r.fig('budget_ons_welzijn_begroot')).toBe(264000);
    expect(r.fig('budget_begroot_totaal')).toBe(r.shape.lines.reduce((a, l) => a + l.begroot, 0));
    expect(r.at).toEqual([]);
    // The one large deviation is explained.
    expect(r.fig('budget_toelichting_open')).toBe(0);
  });

  it('planted: a text amount, a wrong subtotal and an unexplained deviation, each at its cell and nothing else', () => {
    const r = run({ textAmount: true, wrongSubtotal: true, unexplained: true });
    const row = r.shape.budgetRow;
    expect(r.at).toEqual(
      [
        `budget.number-as-text@B${row('ONS Welzijn', 'Mantelzorg')}`,
        `budget.subtotal-mismatch@B${row('Lumens')}`,
        `budget.explanation-missing-realisation@D${row('Farent', 'Zorg en veiligheid')}`,
      ].sort(),
    );
    // The text amount counts as € 64.000: ONS Welzijn's total is € 264.000 and its stated subtotal agrees.
    expect(r.fig('budget_ons_welzijn_begroot')).toBe(264000);
    expect(r.fig('budget_ons_welzijn_begroot_som')).toBe(264000);
    const lumens = r.shape.lines.filter((l) => l.institution === 'Lumens').reduce((a, l) => a + l.begroot, 0);
    expect(r.budget.find((f) => f.rule === 'budget.subtotal-mismatch')).toMatchObject({ expected: lumens, actual: lumens + 10000 });
    expect(r.fig('budget_toelichting_open')).toBe(1);
  });
});
