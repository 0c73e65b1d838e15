// Seed 000's financing tables as the memo prints them: one table per
// werksoort, all numbers Dutch text. The oracle is the example's expected JSON,
// which was computed from the same memo.

import { buildReport } from '../../../src/core/report';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { detectBudgetTables } from '../../../src/core/features/budget/table';
import { individualShare } from '../../../src/core/features/budget';
import { emptySettings } from '../../../src/core/settings/settings';
import { SEED000_SHEET, seed000Workbook } from '../../support/seed000Workbook';
import { EXPECTED } from '../../support/workbooks';

describe('seed 000 financing tables', () => {
  const { workbook, subtotalRow } = seed000Workbook();
  const snap = readWorkbook(workbook);
  const result = buildReport(snap, { features: ['budget'] });
  const budget = result.findings.filter((f) => f.kind === 'budget');

  it('finds one table per werksoort, named by the header cell', () => {
    const tables = detectBudgetTables(snap, emptySettings());
    expect(tables.map((t) => t.title)).toEqual(EXPECTED.financiering_subtotalen.map((s: { werksoort: string }) => s.werksoort));
    for (const t of tables) expect(new Set(t.rows.filter((r) => r.kind === 'line').map((r) => r.section))).toEqual(new Set([t.title]));
  });

  it('reads the text numbers and finds only the Jeugd cent, as rounding, at the stated subtotal', () => {
    const sums = budget.filter((f) => !['budget.number-as-text', 'budget.share-individual'].includes(f.rule));
    const expected = (EXPECTED.financiering_subtotalen as { werksoort: string; subtotaal_bedrag_vermeld: number; subtotaal_bedrag_som: number }[])
      .filter((s) => Math.round(s.subtotaal_bedrag_vermeld * 100) !== Math.round(s.subtotaal_bedrag_som * 100))
      .map((s) => ({ rule: 'budget.subtotal-rounding', cell: `C${subtotalRow[s.werksoort]}`, expected: s.subtotaal_bedrag_som, actual: s.subtotaal_bedrag_vermeld }));
    expect(sums.map(({ rule, cell, expected: e, actual }) => ({ rule, cell, expected: e, actual }))).toEqual(expected);
    // Every text number is a warning; the dash is not.
    expect(budget.filter((f) => f.rule === 'budget.number-as-text').every((f) => f.severity === 'warning' && f.sheet === SEED000_SHEET)).toBe(true);
    expect(budget.some((f) => f.rule === 'budget.number-as-text' && f.actual === '€ -')).toBe(false);
  });

  it('pools the fte lines of all tables and finds the normprijs', () => {
    expect(result.figures.find((f) => f.key === 'budget_fte_rate')?.value).toBe(EXPECTED.fte_normprijs);
    expect(budget.some((f) => f.rule.startsWith('budget.fte-rate'))).toBe(false);
  });

  it('computes the individual share across the werksoort tables', () => {
    const share = individualShare(snap, emptySettings())!;
    const regels = EXPECTED.financiering_regels as { werksoort: string; begroot: number }[];
    const sum = (w: string) => regels.filter((r) => r.werksoort === w).reduce((a, r) => a + r.begroot, 0);
    expect(share.share!).toBeCloseTo(sum('Individueel Sociaal Werk') / (sum('Individueel Sociaal Werk') + sum('Collectief Sociaal Werk')), 12);
    // In the sheet all these cells are text, which SUM skips; the formula adds them as the amounts they state.
    expect(share.shareSheet!).toBeCloseTo(share.share!, 12);
    expect(budget.find((f) => f.rule === 'budget.share-individual')).toMatchObject({ severity: 'warning', expected: 0.3, actual: Number(share.share!.toFixed(4)) });
  });
});
