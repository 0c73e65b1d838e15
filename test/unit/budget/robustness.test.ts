// Bad input gives findings, never an exception or a false error.

import { buildReport } from '../../../src/core/report';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { detectBudgetTables } from '../../../src/core/features/budget/table';
import { monthsFromText } from '../../../src/core/features/budget/reconciliation';
import { roundExcel, readAmount } from '../../../src/core/features/budget/amounts';
import { classify, linesRoundingAllowance } from '../../../src/core/features/budget/sums';
import { emptySettings } from '../../../src/core/settings/settings';
import { MESSY_SHEET, messyBudgetWorkbook } from '../../support/messyBudgetWorkbook';
import { workbookFrom } from '../../support/workbooks';
import { STATUS_COLOURS } from '../../../src/core/plan/styles';

describe('a messy budget workbook', () => {
  const snap = () => readWorkbook(messyBudgetWorkbook());

  it('classifies sections, lines, subtotals, the total and the footnote', () => {
    const [t] = detectBudgetTables(snap(), emptySettings());
    expect(t.title).toBe('Begroting 2023 — realisatie derde kwartaal');
    expect(t.rows.filter((r) => r.kind !== 'blank').map((r) => r.kind).join(',')).toBe(
      'heading,line,line,line,subtotal,heading,line,line,line,subtotal,heading,line,subtotal,total,note',
    );
    expect(t.rows.find((r) => r.label === 'Vrijwilligers')!.amounts.map((a) => a.source)).toEqual(['dash', 'dash', 'dash', 'dash']);
  });

  it('reports text numbers, the error value and missing explanations, and no false sum errors', () => {
    const result = buildReport(snap(), { features: ['budget'] });
    const budget = result.findings.filter((f) => f.kind === 'budget');
    const got = budget.map((f) => `${f.rule}@${f.cell}`).sort();
    expect(got).toEqual(
      [
        'budget.number-as-text@B5',
        'budget.number-as-text@C5',
        'budget.number-as-text@D5',
        'budget.number-as-text@E5',
        'budget.cell-error@D6',
        // 375.658,82 → 420.000: +11,8% and +€ 44.341
        'budget.explanation-missing@F5',
        // the revenue line: 30.000 instead of 50.000
        'budget.explanation-missing@F17',
      ].sort(),
    );
    expect(result.findings.some((f) => f.rule === 'internal.feature-failed')).toBe(false);
    expect(budget.every((f) => f.sheet === MESSY_SHEET)).toBe(true);
    expect(budget.find((f) => f.cell === 'C5')).toMatchObject({ severity: 'warning', actual: '€ 375.658,82', expected: 375658.82 });
  });

  it('reads the period from the header, writes user text as values and marks revenue shortfalls unfavourable', () => {
    const result = buildReport(snap(), { features: ['budget'] });
    const sheet = result.plan.sheets.find((s) => s.name === 'TB Begroting')!;
    expect(sheet.cells.find((c) => c.row === 4 && c.col === 1)?.v).toBe(9);
    const injected = sheet.cells.filter((c) => typeof c.v === 'string' && c.v.startsWith('=HYPERLINK'));
    expect(injected.length).toBeGreaterThan(0);
    for (const c of injected) expect(c.f).toBeUndefined();
    for (const c of sheet.cells) if (c.f) expect(c.f).not.toContain('HYPERLINK');
    const row = (label: string) => sheet.cells.find((c) => c.col === 1 && c.v === label)!.row;
    // The direction is the colour of the prognose difference (column F): the first conditional rule that holds.
    const tone = (label: string) => {
      const r = row(label);
      const v = sheet.cells.find((c) => c.row === r && c.col === 5)?.v as number;
      const cf = sheet.conditionalFormats.find((x) => {
        const m = /^F(\d+):G(\d+)$/.exec(x.range);
        return m !== null && Number(m[1]) <= r + 1 && r + 1 <= Number(m[2]);
      })!;
      const hit = cf.rules.find((rule) => rule.type === 'cellIs' && (rule.operator === 'greaterThan' ? v > 0 : rule.operator === 'lessThan' ? v < 0 : false));
      return hit?.fill;
    };
    expect(tone('Bijdragen deelnemers')).toBe(STATUS_COLOURS.warn.fill);
    expect(tone('Huisvesting')).toBe(STATUS_COLOURS.warn.fill);
    // The text-number line counts as the amount it states while the cell holds text, and follows the cell once it is a number.
    expect(sheet.cells.find((c) => c.row === row('Sociaal werkers') && c.col === 2)).toMatchObject({
      f: "IF(ISNUMBER('Begroting 2023'!C5),'Begroting 2023'!C5,375658.82)",
      v: 375658.82,
    });
    // No formula reads the error cell, so the sheet shows no error value.
    for (const c of sheet.cells) if (c.f) expect(c.f).not.toMatch(/!D6\b|!\$?D\$?[1-9]:\$?D\$?\d+/);
  });
});

describe('no budget, odd budgets', () => {
  it('makes no sheet and no finding for a workbook without a budget table', () => {
    const wb = workbookFrom({ Blad1: [['Naam', 'Adres'], ['a', 'b']], Leeg: [] });
    const result = buildReport(readWorkbook(wb), { features: ['budget'] });
    expect(result.findings.filter((f) => f.kind === 'budget')).toEqual([]);
    expect(result.generatedSheets).not.toContain('TB Begroting');
  });

  it('ignores a header without lines and survives junk under a header', () => {
    const wb = workbookFrom({
      A: [['Onderdeel', 'Fte', 'Begroot']],
      B: [['Onderdeel', 'Fte', 'Begroot', 'Realisatie'], ['x', 'veel', 'ja', { error: '#DIV/0!' }], ['Subtotaal', 'n.v.t.', '?', null], [null, null, 5, null]],
    });
    expect(() => buildReport(readWorkbook(wb), { features: ['budget'] })).not.toThrow();
    const result = buildReport(readWorkbook(wb), { features: ['budget'] });
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['budget.cell-error']);
  });

  it('does not take a line of year-like amounts for a header, and reads text year headers', () => {
    const wb = workbookFrom({
      J: [
        ['Onderdeel', 'Begroot', 'Realisatie'],
        ['Huur', 2000, 2050],
        ['Schoonmaak', 2016, 2017],
        ['Subtotaal', 4016, 4067],
        [],
        ['Gemeente', 'Formatie', '2016', '2017'],
        ['Jeugdhulp', 1, 100, 100],
        ['Totaal', 1, 100, 101],
      ],
    });
    const tables = detectBudgetTables(readWorkbook(wb), emptySettings());
    expect(tables.map((t) => t.headerRow + 1)).toEqual([1, 6]);
    expect(tables[0].rows.filter((r) => r.kind === 'line').map((r) => r.label)).toEqual(['Huur', 'Schoonmaak']);
    expect(tables[1].amountColumns.map((c) => c.header)).toEqual(['Formatie', '2016', '2017']);
    const result = buildReport(readWorkbook(wb), { features: ['budget'] });
    expect(result.findings.filter((f) => f.rule.startsWith('budget.total') || f.rule.startsWith('budget.subtotal')).map((f) => `${f.rule}@${f.cell}`)).toEqual(['budget.total-rounding@D8']);
  });

  it('puts the missing explanation at the realisation cell when there is no toelichting or prognose column', () => {
    const wb = workbookFrom({ R: [['Onderdeel', 'Begroot', 'Realisatie 1e halfjaar'], ['Huur', 100000, 80000], ['Subtotaal', 100000, 80000]] });
    const result = buildReport(readWorkbook(wb), { features: ['budget'] });
    expect(result.findings.filter((f) => f.kind === 'budget').map((f) => `${f.rule}@${f.cell}`)).toEqual(['budget.explanation-missing-realisation@C2']);
  });

  it('flags an fte line priced off the dominant rate', () => {
    const wb = workbookFrom({
      F: [
        ['Onderdeel', 'Fte', 'Begroot'],
        ['a', 2, 200000],
        ['b', 1.5, 150000],
        ['c', 1, 100000.4],
        ['d', 3, 320000],
        ['e', 0.5, 50000],
      ],
    });
    const result = buildReport(readWorkbook(wb), { features: ['budget'] });
    const f = result.findings.filter((x) => x.rule.startsWith('budget.fte-rate'));
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(['budget.fte-rate-rounding@C4', 'budget.fte-rate-mismatch@C5']);
    expect(f[1]).toMatchObject({ expected: 300000, actual: 320000, severity: 'error' });
    expect(result.figures.find((x) => x.key === 'budget_fte_rate')?.value).toBe(100000);
  });
});

describe('small pieces', () => {
  it('reads the period from the actuals header', () => {
    expect(monthsFromText('Realisatie t/m 30 juni')).toBe(6);
    expect(monthsFromText('Realisatie tot en met september')).toBe(9);
    expect(monthsFromText('Realisatie 1e halfjaar')).toBe(6);
    expect(monthsFromText('Realisatie Q3')).toBe(9);
    expect(monthsFromText('Realisatie')).toBeNull();
  });

  it('rounds like Excel, half away from zero and without binary noise', () => {
    expect(roundExcel(0.5 * 107331.09, 2)).toBe(53665.55);
    expect(roundExcel(-2.5, 0)).toBe(-3);
    expect(roundExcel(1.005, 2)).toBe(1.01);
    expect(roundExcel(17.4 - 17.389999999999997, 2)).toBe(0.01);
  });

  it('classifies differences: exact, rounding within the tolerance or the lines, error beyond', () => {
    expect(classify(0.004, 1)).toBe('exact');
    expect(classify(-0.01, 1)).toBe('rounding');
    expect(classify(1, 1)).toBe('rounding');
    expect(classify(1.01, 1)).toBe('error');
    // Six whole-euro lines may drift by up to €3 through rounding.
    expect(linesRoundingAllowance([1, 2, 3, 4, 5, 6], 21)).toBe(3);
    expect(linesRoundingAllowance([1.25, 2.5], 3.75)).toBe(0.01);
  });

  it('reads amounts as meant and as SUM sees them', () => {
    expect(readAmount('€ 1.609.966,35')).toMatchObject({ value: 1609966.35, sheetValue: 0, source: 'text' });
    expect(readAmount('-')).toMatchObject({ value: 0, source: 'dash' });
    expect(readAmount('87%')).toMatchObject({ value: null, source: 'other' });
    expect(readAmount(null)).toMatchObject({ value: null, source: 'blank' });
    expect(readAmount(12.5)).toMatchObject({ value: 12.5, sheetValue: 12.5, source: 'number' });
    expect(readAmount('220.000*')).toMatchObject({ value: 220000, sheetValue: 0, source: 'text' });
    expect(readAmount('16.322.407¹')).toMatchObject({ value: 16322407, source: 'text' });
    expect(readAmount('Vanaf 2017 niet meer opgenomen')).toMatchObject({ value: null, source: 'other' });
    expect(readAmount(true)).toMatchObject({ value: null, sheetValue: 0, nValue: 1 });
  });
});
