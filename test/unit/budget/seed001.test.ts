// The seed-001 shape: a regional table, six municipality tables and a
// baten/lasten budget on one sheet. The expected differences below were
// worked out by hand from the seed's figures.

import { buildReport } from '../../../src/core/report';
import type { Finding } from '../../../src/core/findings/finding';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { detectBudgetTables } from '../../../src/core/features/budget/table';
import { detectBalanceBudgets } from '../../../src/core/features/budget/balance';
import { emptySettings } from '../../../src/core/settings/settings';
import type { Seed001Options } from '../../support/seed001Workbook';
import { SEED001_SHEET, seed001Workbook } from '../../support/seed001Workbook';

const YEARS = ['C', 'D', 'E', 'F'];

function run(opts: Seed001Options = {}) {
  const { workbook, layout } = seed001Workbook(opts);
  const snap = readWorkbook(workbook);
  const result = buildReport(snap, { features: ['budget'] });
  const budget = result.findings.filter((f) => f.kind === 'budget');
  return { snap, layout, result, budget };
}

const at = (fs: Finding[]) => fs.map((f) => `${f.rule}@${f.cell}`).sort();

/** Every difference in the seed: regional vs municipalities, and the municipalities' own subtotals. */
function seedDifferences(layout: ReturnType<typeof seed001Workbook>['layout']): string[] {
  const reg = (label: string, cols: string[]) => cols.map((c) => `budget.regional-rounding@${c}${layout.rowOf('TOTAAL REGIO', label)}`);
  const sub = (table: string, label: string, cols: string[]) => cols.map((c) => `budget.subtotal-rounding@${c}${layout.rowOf(table, label)}`);
  return [
    ...reg('Jeugdhulp', ['B', ...YEARS]), // 60,99 vs 61,00 fte; 6.643.848 vs 6.643.849
    ...reg('Sociaal werk', ['B', ...YEARS]), // 80,27 vs 80,26; 8.204.500 vs 8.204.501
    ...reg('Vrijwilligersinzet', ['B']), // 8,79 vs 8,78
    ...sub('TOTAAL REGIO', 'Subtotaal incidenteel', ['B']), // 4,15 vs 2,08 + 2,08
    ...sub('BERNHEZE', 'Subtotaal structureel', ['B']), // 17,40 vs 17,39
    ...sub('BOEKEL', 'Subtotaal structureel', YEARS), // 457.123 vs 457.124
    ...sub('LANDERD', 'Subtotaal structureel', YEARS), // 750.721 vs 750.722
    ...sub('OSS', 'Subtotaal incidenteel', ['B']), // 3,37 vs 3,38
    ...sub('UDEN', 'Subtotaal structureel', YEARS), // 3.064.901 vs 3.064.902
    ...sub('VEGHEL', 'Subtotaal structureel', YEARS), // 2.623.348 vs 2.623.347
  ].sort();
}

describe('budget tables in the shape of seed 001', () => {
  it('finds the seven stacked tables with their titles, and the baten/lasten budget', () => {
    const { snap } = run();
    const tables = detectBudgetTables(snap, emptySettings());
    expect(tables.map((t) => t.title)).toEqual(['TOTAAL REGIO', 'BERNHEZE', 'BOEKEL', 'LANDERD', 'OSS', 'UDEN', 'VEGHEL']);
    const reg = tables[0];
    expect(reg.amountColumns.map((c) => [c.field, c.header])).toEqual([
      ['fte', 'Formatie'],
      ['year', '2016'],
      ['year', '2017'],
      ['year', '2018'],
      ['year', '2019'],
    ]);
    const kinds = reg.rows.filter((r) => r.kind !== 'blank').map((r) => `${r.kind}:${r.label}`);
    expect(kinds).toEqual([
      'heading:Structureel',
      'line:Jeugdhulp',
      'line:Sociaal werk',
      'line:Vrijwilligersinzet',
      'subtotal:Subtotaal structureel',
      'heading:Incidenteel',
      'line:Kwartiermakers*',
      'line:Procesversnellers**',
      'subtotal:Subtotaal incidenteel',
      'total:TOTAAL',
      'note:* Voor opzetten TalentCentraal',
      'note:** Voor ontwikkeling Sociale teams',
    ]);
    // An empty incidental line under a heading is a line, not a new section.
    const boekel = tables[2];
    expect(boekel.rows.find((r) => r.label === 'Kwartiermakers*')?.kind).toBe('line');
    expect(boekel.rows.find((r) => r.label.startsWith('***'))?.kind).toBe('note');
    const balances = detectBalanceBudgets(snap);
    expect(balances).toHaveLength(1);
    expect(balances[0].title).toBe('SUBSIDIEBEGROTING 2016');
  });

  it('reports every regional and subtotal difference at its cell, as rounding, and nothing on rows that add up', () => {
    const { budget, layout } = run();
    expect(at(budget)).toEqual(seedDifferences(layout));
    expect(budget.every((f) => f.severity === 'info' && f.sheet === SEED001_SHEET)).toBe(true);
    const jeugd = budget.find((f) => f.cell === `C${layout.rowOf('TOTAAL REGIO', 'Jeugdhulp')}`)!;
    expect(jeugd).toMatchObject({ expected: 6643849, actual: 6643848 });
    const bernheze = budget.find((f) => f.cell === `B${layout.rowOf('BERNHEZE', 'Subtotaal structureel')}`)!;
    expect(bernheze).toMatchObject({ expected: 17.39, actual: 17.4 });
    const veghel = budget.find((f) => f.cell === `C${layout.rowOf('VEGHEL', 'Subtotaal structureel')}`)!;
    expect(veghel).toMatchObject({ expected: 2623347, actual: 2623348 });
  });

  it('reads Dutch text numbers and dashes to the same differences, with a warning per text cell', () => {
    const { budget, layout } = run({ asText: true });
    const arithmetic = budget.filter((f) => f.rule !== 'budget.number-as-text');
    expect(at(arithmetic)).toEqual(seedDifferences(layout));
    const text = budget.filter((f) => f.rule === 'budget.number-as-text');
    expect(text.every((f) => f.severity === 'warning')).toBe(true);
    // Dashes are the Dutch nil, not a number stored as text.
    const dashCell = `B${layout.rowOf('BOEKEL', 'Kwartiermakers*')}`;
    expect(text.some((f) => f.cell === dashCell)).toBe(false);
    expect(text.find((f) => f.cell === `B${layout.rowOf('BERNHEZE', 'Jeugdhulp')}`)).toMatchObject({ actual: '6,99', expected: 6.99 });
  });

  it('turns a real difference into an error at the regional cell and at the municipal subtotal', () => {
    const { layout: plain } = seed001Workbook();
    const oss = plain.rowOf('OSS', 'Jeugdhulp');
    const { budget, layout } = run({ edits: { [`C${oss}`]: 2889667 } });
    const errors = budget.filter((f) => f.severity === 'error');
    expect(at(errors)).toEqual(
      [`budget.regional-mismatch@C${layout.rowOf('TOTAAL REGIO', 'Jeugdhulp')}`, `budget.subtotal-mismatch@C${layout.rowOf('OSS', 'Subtotaal structureel')}`].sort(),
    );
    expect(errors.find((f) => f.rule === 'budget.regional-mismatch')).toMatchObject({ expected: 6644849, actual: 6643848 });
  });

  it('checks baten against lasten and each side against its lines', () => {
    const { layout: plain } = seed001Workbook();
    const totalRow = plain.balanceRow('lasten|TOTAAL LASTEN');
    const grave = plain.balanceRow('baten|Grave');
    const { budget } = run({ edits: { [`D${totalRow}`]: 19369000, [`B${grave}`]: 122900 } });
    const errors = budget.filter((f) => f.severity === 'error');
    expect(at(errors)).toEqual(
      [
        `budget.subtotal-mismatch@B${grave + 2}`, // the unlabelled 284.540 under Grave and Sint-Oedenrode
        `budget.total-mismatch@D${totalRow}`,
        `budget.balance-mismatch@D${totalRow}`,
      ].sort(),
    );
    expect(errors.find((f) => f.rule === 'budget.balance-mismatch')).toMatchObject({ expected: 19369255, actual: 19369000 });
  });
});
