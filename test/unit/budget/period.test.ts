// The reporting period from the workbook's own words, in several shapes: the
// realisatie header, title rows, notes under the table, or nothing at all.

import { buildReport } from '../../../src/core/report';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { isAnnualText, monthsFromText } from '../../../src/core/features/budget/period';
import { emptySettings } from '../../../src/core/settings/settings';
import { workbookFrom } from '../../support/workbooks';

type Row = (string | number | null)[];

/** Lines whose realisation is the whole-year budget ± 2%: right for a year, far off a half year. */
const LINES: Row[] = [
  ['Ouderenwerk', 240000, 244800, null],
  ['Jongerenwerk', 180000, 176400, null],
  ['Mantelzorg', 95000, 96900, null],
];

function budget(titleRows: Row[], realisatieHeader: string, notes: Row[] = []) {
  return workbookFrom({ Begroting: [...titleRows, ['Onderdeel', 'Begroot', realisatieHeader, 'Toelichting'], ...LINES, ['Totaal', 515000, 518100, null], ...notes] });
}

function run(wb: ReturnType<typeof budget>, settings = emptySettings()) {
  const r = buildReport(readWorkbook(wb), { features: ['budget'], settings });
  const sheet = r.plan.sheets.find((s) => s.name === 'TB Begroting')!;
  const months = sheet.cells.find((c) => c.row === 4 && c.col === 1)!.v;
  return { months, findings: r.findings.filter((f) => f.kind === 'budget'), note: sheet.cells.find((c) => c.row === 4 && c.col === 2)!.v };
}

/** Independent count: lines off the pro-rata budget by more than 5% and more than € 15.000. */
function expectedMissing(months: number): number {
  return LINES.filter(([, b, r]) => {
    const d = Math.abs((r as number) - ((b as number) * months) / 12);
    return d > 15000 && d > 0.05 * (((b as number) * months) / 12);
  }).length;
}

describe('the reporting period from the workbook', () => {
  it('reads month, half-year and quarter words', () => {
    expect(monthsFromText('Realisatie t/m 31 december 2022')).toBe(12);
    expect(monthsFromText('Stand t/m 30 september')).toBe(9);
    expect(monthsFromText('Monitor derde kwartaal 2021')).toBe(9);
    expect(monthsFromText('Kwartaal 2')).toBe(6);
    expect(monthsFromText('Halfjaarrapportage 2022')).toBe(6);
    expect(monthsFromText('Realisatie 2020')).toBeNull();
    expect(isAnnualText('Realisatie 2020', true)).toBe(true);
    expect(isAnnualText('Cijfers volgens jaarrekening', false)).toBe(true);
    expect(isAnnualText('Begroting 2023', false)).toBe(false);
  });

  it('takes a year header as twelve months, with no false explanation warnings', () => {
    const r = run(budget([['Monitor welzijn'], []], 'Realisatie 2020'));
    expect(r.months).toBe(12);
    expect(expectedMissing(12)).toBe(0);
    expect(expectedMissing(6)).toBe(3);
    expect(r.findings.filter((f) => f.rule.startsWith('budget.explanation'))).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'budget.period-assumed')).toEqual([]);
    expect(r.note).toContain('Realisatie 2020');
    expect(r.note).toContain('Begroting!C3');
  });

  it('reads the period from the title rows: jaarrekening, t/m 31 december, 1e halfjaar', () => {
    expect(run(budget([['Realisatie 2020 volgens jaarrekening'], []], 'Realisatie')).months).toBe(12);
    expect(run(budget([['Welzijnsmonitor'], ['Realisatie t/m 31 december 2022']], 'Werkelijk')).months).toBe(12);
    const half = run(budget([['Rapportage 1e halfjaar 2022']], 'Realisatie 2022'));
    // Explicit words win over the bare year in the header.
    expect(half.months).toBe(6);
    expect(half.findings.filter((f) => f.rule === 'budget.explanation-missing-realisation').length).toBe(expectedMissing(6));
  });

  it('reads a footnote under the table', () => {
    expect(run(budget([], 'Realisatie', [[], ['* Realisatie t/m 30 september']])).months).toBe(9);
  });

  it('assumes a half year when nothing says it, and says so at the realisatie header', () => {
    const r = run(budget([['Monitor welzijn']], 'Realisatie'));
    expect(r.months).toBe(6);
    const info = r.findings.filter((f) => f.rule === 'budget.period-assumed');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: 'info', sheet: 'Begroting', cell: 'C2' });
    expect(info[0].message).toContain('budget.periodMonths');
  });

  it('lets the setting win over the words', () => {
    const settings = emptySettings();
    settings.values['budget.periodMonths'] = 9;
    const r = run(budget([], 'Realisatie 2020'), settings);
    expect(r.months).toBe(9);
    expect(r.findings.filter((f) => f.rule === 'budget.period-assumed')).toEqual([]);
  });
});
