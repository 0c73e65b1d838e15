// Seed 001 split over files: the regional agreement (TOTAAL REGIO) in one
// workbook, each of the six municipalities in its own. The regional overview
// pairs them across files and applies the in-workbook rounding rule. Expected
// sums are added up here from the seed's own table, not taken from the engine.

import { REGIO_SHEET } from '../../../src/core/regio';
import { SEED001_TABLES } from '../../support/seed001Workbook';
import { figure, grid, regioOf } from '../../support/regioRun';
import { SEED001_MUNICIPALITIES, writeSeed001Files } from '../../support/regioWorkbooks';
import { tmpDir } from '../../support/workbooks';

type Line = { label: string; values: (number | null)[] };

/** A seed-001 table as label -> [Formatie, 2016, 2017, 2018, 2019], with the stated subtotals and total. */
function tableLines(name: string): Line[] {
  const t = SEED001_TABLES.find((x) => x.name === name)!;
  const years = (a: number | null, later: number | null) => [a, later, later, later];
  const out: Line[] = [];
  for (const [label, f, a] of t.structureel) out.push({ label, values: [f as number, ...years(a as number, a as number)] });
  out.push({ label: 'Subtotaal structureel', values: [t.subStructureel[0], ...years(t.subStructureel[1], t.subStructureel[1])] });
  for (const [label, f, a] of t.incidenteel) out.push({ label, values: [f as number | null, a as number | null, null, null, null] });
  out.push({ label: 'Subtotaal incidenteel', values: [t.subIncidenteel[0] as number | null, t.subIncidenteel[1] as number | null, null, null, null] });
  out.push({ label: 'TOTAAL', values: [t.totaal[0], ...years(t.totaal[1], t.totaal[2])] });
  return out;
}

const COLUMNS = ['Formatie', '2016', '2017', '2018', '2019'];
const cents = (x: number) => Math.round(x * 100);
/** Footnote marks are not part of a label ("Vrijwilligersinzet***" in Boekel's table). */
const bare = (label: string) => label.replace(/\*+$/, '');

describe('seed 001 as seven files', () => {
  let result: Awaited<ReturnType<typeof regioOf>>;
  beforeAll(async () => {
    result = await regioOf(await writeSeed001Files(tmpDir('tb-regio-001-')));
  }, 120_000);

  test('each file is read, named from its own title, and counts', () => {
    expect(result.sources.map((s) => s.name)).toEqual(['Welzijn op Waarde', ...SEED001_MUNICIPALITIES.map((m) => m[0] + m.slice(1).toLowerCase())]);
    expect(result.sources.every((s) => s.status === 'checked' && s.counts)).toBe(true);
    expect(result.period?.label).toBe('2016');
  });

  test('every regional amount against the sum of the six municipal files, with the seed\'s own rounding differences', () => {
    const sheet = grid(result.plan, REGIO_SHEET.budget);
    const head = sheet.rowWith('Regel', 'Kolom', 'Regio');
    expect(head).toBeGreaterThan(0);
    const header = sheet.rows[head];
    const sumCol = header.indexOf('Som gemeenten');
    expect(sumCol).toBe(3 + 6);
    const regional = tableLines('TOTAAL REGIO');
    const municipal = SEED001_MUNICIPALITIES.map(tableLines);
    let differences = 0;
    let checked = 0;
    for (const line of regional) {
      line.values.forEach((stated, c) => {
        if (stated === null) return;
        const parts = municipal.map((m) => m.find((l) => bare(l.label) === bare(line.label))!.values[c] ?? 0);
        const sum = parts.reduce((s, v) => s + v, 0);
        const diff = (cents(stated) - cents(sum)) / 100;
        const r = sheet.rows.findIndex((row, i) => i > head && row?.[0] === line.label && row?.[1] === COLUMNS[c]);
        expect({ line: line.label, col: COLUMNS[c], found: r > head }).toEqual({ line: line.label, col: COLUMNS[c], found: true });
        const row = sheet.rows[r];
        expect(row[2]).toBeCloseTo(stated, 6);
        expect(row[sumCol]).toBeCloseTo(sum, 6);
        expect(row[sumCol + 1]).toBeCloseTo(diff, 6);
        // The seed's differences are one euro or one hundredth of an fte: rounding, never an error.
        expect(Math.abs(diff)).toBeLessThanOrEqual(c === 0 ? 0.01 : 1);
        expect(row[sumCol + 3]).toBe(diff === 0 ? 'Gelijk' : 'Afronding');
        if (diff !== 0) differences++;
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(20);
    expect(differences).toBeGreaterThan(0);
    expect(figure(result, 'regio_regionaal_afrondingen')).toBe(differences);
    expect(figure(result, 'regio_regionaal_verschillen')).toBe(0);
    expect(result.findings.filter((f) => f.rule === 'regio.regional-rounding')).toHaveLength(differences);
  });

  test('the regional cells on the source-data sheet carry their origin in the source file', () => {
    const data = grid(result.plan, REGIO_SHEET.data);
    const r = data.rows.findIndex((row) => row?.[3] === 'TOTAAL REGIO: Jeugdhulp (2016)');
    expect(r).toBeGreaterThan(0);
    expect(data.rows[r].slice(9, 12)).toEqual(['wow-regio-2016.xlsx', 'Subsidieaanvraag 2016', 'C6']);
    expect(data.rows[r][4]).toBe(6643848);
  });
});

test('an amount changed in one municipal file becomes a regional error at its line', async () => {
  const files = await writeSeed001Files(tmpDir('tb-regio-001b-'), { bump: { table: 'OSS', label: 'Jeugdhulp', col: 1, by: 5000 } });
  const result = await regioOf(files);
  const errors = result.findings.filter((f) => f.rule === 'regio.regional-mismatch');
  // The seed repeats a structural amount in all four years, so all four years of Jeugdhulp differ.
  expect(errors.map((f) => f.message.split(':')[0])).toEqual(['Jeugdhulp (kolom 2016) in TOTAAL REGIO (wow-regio-2016.xlsx)', 'Jeugdhulp (kolom 2017) in TOTAAL REGIO (wow-regio-2016.xlsx)', 'Jeugdhulp (kolom 2018) in TOTAAL REGIO (wow-regio-2016.xlsx)', 'Jeugdhulp (kolom 2019) in TOTAAL REGIO (wow-regio-2016.xlsx)']);
  const expectedSum = 741428 + 261682 + 407763 + 2888667 + 5000 + 1286454 + 1057855;
  expect(errors[0].expected).toBe(expectedSum);
  expect(errors[0].actual).toBe(6643848);
  expect(errors.every((f) => f.severity === 'error' && f.sheet === REGIO_SHEET.budget)).toBe(true);
  expect(figure(result, 'regio_regionaal_verschillen')).toBe(4);
}, 120_000);
