// Savings tasks in two shapes: the seed-003 list of measures under a
// "Maatregel | Bedrag" header with the task rows below it, and a subsidy table
// with a "Besparing t.o.v. 2021" column. Expected figures are worked out here.

import { buildReport } from '../../../src/core/report';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { savingsKind } from '../../../src/core/features/budget/schema';
import { workbookFrom } from '../../support/workbooks';

type Row = (string | number | null)[];

/** Seed 003, section 6: the €525.000 task after the council's motion, and how it is filled in. */
const MEASURES: [string, number][] = [
  ['De Klos', 45000],
  ['Mantelzorgwaardering', 17000],
  ['Mannencentrum en Vrouwencentrum', 7000],
  ['Wereldwinkel', 6000],
  ['Huisvesting', 100000],
  ['Vermindering overhead', 350000],
];
const TASK = 600000 - 75000;

function run(rows: Row[]) {
  const result = buildReport(readWorkbook(workbookFrom({ Taakstelling: rows })), { features: ['budget'] });
  const fig = (key: string) => result.figures.find((f) => f.key === key)?.value;
  const budget = result.findings.filter((f) => f.kind === 'budget');
  return { result, fig, budget, at: budget.map((f) => `${f.rule}@${f.cell}`).sort() };
}

describe('savings tasks', () => {
  it('recognises the task rows by their words', () => {
    expect(savingsKind('Taakstelling')).toBe('task');
    expect(savingsKind('Financiële taakstelling 2022')).toBe('task');
    expect(savingsKind('Bezuinigingsopdracht')).toBe('task');
    expect(savingsKind('Gerealiseerde besparing')).toBe('realised');
    expect(savingsKind('Totaal gerealiseerde bezuinigingen')).toBe('realised');
    expect(savingsKind('Nog te realiseren')).toBe('remaining');
    expect(savingsKind('Resterende taakstelling')).toBe('remaining');
    expect(savingsKind('Huisvesting')).toBeNull();
    expect(savingsKind('Totaal')).toBeNull();
  });

  it('checks the seed-003 measures against the €525.000 task: filled in completely, nothing open', () => {
    const sum = MEASURES.reduce((a, [, v]) => a + v, 0);
    expect(sum).toBe(TASK);
    const r = run([
      ['Invulling taakstelling hervorming voorveld'],
      [],
      ['Maatregel', 'Bedrag'],
      ...MEASURES.map(([l, v]) => [l, l === 'Huisvesting' ? '€ 100.000,-' : v] as Row),
      [],
      ['Taakstelling', TASK],
      ['Gerealiseerde besparing', sum],
      ['Nog te realiseren', 0],
    ]);
    expect(r.fig('budget_taakstelling')).toBe(TASK);
    // The text amount counts as what it says, and gets its own finding.
    expect(r.fig('budget_besparing_regels_som')).toBe(sum);
    expect(r.fig('budget_taakstelling_rest')).toBe(0);
    expect(r.fig('budget_taakstelling_pct')).toBe(1);
    expect(r.at).toEqual(['budget.number-as-text@B8']);
  });

  it('finds lines that do not add up to the stated saving, and reports what is still open', () => {
    const lines: [string, number, number][] = [
      ['Carrefour', 1070000, 70000],
      ['Stichting Welzijn', 800000, 40000],
      ['Huisvesting', 300000, 100000],
    ];
    const linesSum = lines.reduce((a, [, , s]) => a + s, 0); // 210.000
    const statedRealised = 220000;
    const remaining = TASK - statedRealised; // 305.000
    const r = run([
      ['Subsidie welzijn 2022'],
      ['Instelling', 'Subsidie 2021', 'Besparing t.o.v. 2021'],
      ...lines.map(([l, b, s]) => [l, b, s] as Row),
      ['Totaal', lines.reduce((a, [, b]) => a + b, 0), linesSum],
      [],
      ['Taakstelling', TASK],
      ['Gerealiseerde besparing', statedRealised],
      ['Nog te realiseren', remaining],
    ]);
    expect(r.fig('budget_besparing_regels_som')).toBe(linesSum);
    expect(r.fig('budget_besparing_gerealiseerd')).toBe(statedRealised);
    expect(r.fig('budget_taakstelling_rest')).toBe(remaining);
    expect(r.fig('budget_taakstelling_pct')).toBeCloseTo(statedRealised / TASK, 12);
    expect(r.at).toEqual(['budget.savings-open@B10', 'budget.savings-sum-mismatch@B9']);
    const mismatch = r.budget.find((f) => f.rule === 'budget.savings-sum-mismatch')!;
    expect(mismatch).toMatchObject({ severity: 'error', expected: linesSum, actual: statedRealised });
  });

  it('reports a stated remainder that is not task minus realised', () => {
    const r = run([
      ['Maatregel', 'Besparing'],
      ['Overhead', 300000],
      ['Huisvesting', 100000],
      [],
      ['Taakstelling', TASK],
      ['Nog te realiseren', 100000],
    ]);
    // No stated realised saving: the lines' sum is what has been realised.
    expect(r.fig('budget_taakstelling_rest')).toBe(TASK - 400000);
    expect(r.at).toEqual(['budget.savings-open@B6', 'budget.savings-remaining-mismatch@B6']);
    expect(r.budget.find((f) => f.rule === 'budget.savings-remaining-mismatch')).toMatchObject({ expected: TASK - 400000, actual: 100000 });
  });
});
