// Awkward trajectory data under LibreOffice: a title above the header, blank
// rows, mixed case, text where dates belong, quotes and wildcards in filter
// values, and user norms of every measure kind. Whatever the engine says must
// be what the spreadsheet computes, and bad cells must be findings.

import { NORM_COLUMNS } from '../../src/core/features/norms/normsSheet';
import { columnLetters } from '../../src/core/workbook/address';
import type ExcelJS from 'exceljs';
import { BUILT_IN_NORMS } from '../../src/core/features/norms/catalogue';
import { buildDefinitionsSheet } from '../../src/core/features/norms/definitionsSheet';
import type { DefinitionRow } from '../../src/core/features/norms/definitionText';
import { emptyPlan } from '../../src/core/plan/plan';
import { applyPlan } from '../../src/hosts/exceljs/applyPlan';
import { reportAndRecalculate } from '../support/pipeline';
import { computedValue } from '../support/recalcCheck';
import { workbookFrom } from '../support/workbooks';

jest.setTimeout(240_000);

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
const HEADER = ['Dossiernr', 'Werksoort', 'Wijk', 'Datum aanmelding', 'Datum eerste gesprek', 'Datum afsluiting', 'Uitstroom naar', 'Terugkeer zelfde vraag binnen 1 jaar', 'Aantal gesprekken', 'Cijfer start', 'Cijfer eind', 'Uren', 'Budget'];

function trajecten(textDate: boolean): unknown[][] {
  return [
    ['Trajecten 2022 (export)'],
    [],
    HEADER,
    ['A1', 'Individueel sociaal werk', 'Lith', d(2022, 1, 3), d(2022, 1, 20), d(2022, 7, 20), 'Zelfstandig', 'Nee', 4, 5, 7, 10, 100],
    ['A2', 'individueel SOCIAAL werk', 'Lith', d(2022, 1, 31), d(2022, 2, 28), d(2022, 8, 31), 'Maatwerkvoorziening Wmo', 'Ja', 6, 4, 6.5, 5, 50],
    ['A3', 'Individueel sociaal werk', 'Ruwaard', d(2022, 2, 1), d(2022, 3, 31), d(2022, 9, 30), 'Sociaal netwerk', 'nee', 2, 6, 6, 3, 0],
    [],
    ['A4', 'Individueel sociaal werk', 'Ruwaard', textDate ? '31-01-2022' : d(2022, 1, 31), d(2022, 2, 2), null, null, null, null, '7,5', null, 2, 25],
    ['A5', 'Jeugd (CJG)', 'Oss "Noord"', d(2022, 3, 1), d(2022, 3, 20), d(2022, 5, 1), 'Specialistische jeugdhulp', 'Nee', 3, 5.5, 7.25, 8, 80],
    ['A6', 'Jeugd (CJG)', 'Oss*', d(2022, 3, 15), d(2022, 3, 29), null, null, null, null, null, null, 1, 10],
    ['A7', 'Jeugd (CJG)', 'Oss-Noord', d(2022, 5, 30), d(2022, 6, 20), null, null, null, null, null, null, null, null],
    ['A8', 'Jeugd (CJG)', 'Lith', d(2022, 4, 2), null, null, null, null, null, null, null, null, null],
  ];
}

/** A sheet of the user's own, with a name that needs quoting in formulas. */
const WACHTLIJST = [
  ['Team', 'Aangemeld', 'Gestart', 'Uren', 'Budget'],
  ['Noord', d(2022, 1, 1), d(2022, 1, 8), 4, 10],
  ['noord', d(2022, 1, 1), d(2022, 1, 20), 6, 10],
  ['Zuid', d(2022, 1, 1), d(2022, 1, 2), 5, 20],
  ['Noord', d(2022, 1, 1), null, 1, null],
];

/** The provider's lines: one worded as the opposite of our return share, one about another team. */
const INDICATOREN = [
  ['Werksoort', 'Indicator', 'Norm', 'Realisatie'],
  ['Individueel sociaal werk', '90% komt na afronding niet terug met dezelfde vraag', '≥ 90%', '75%'],
  ['BJG', 'Niet terug met dezelfde vraag', '≥ 90%', '95%'],
];

const USER_NORMS: DefinitionRow[] = [
  { sleutel: 'u_aandeel_quote', filter: 'Wijk = Oss "Noord" | Oss*', meting: 'aandeel', voorwaarde: 'Datum afsluiting is datum', norm: '≥ 50%' },
  { sleutel: 'u_aantal_ne', filter: 'Wijk <> Lith', meting: 'aantal', norm: 'max 10' },
  { sleutel: 'u_aantal_maand', filter: 'Werksoort = Jeugd (CJG)', meting: 'aantal', perMaand: 'Datum aanmelding', norm: '≥ 1' },
  { sleutel: 'u_verhouding', filter: 'Werksoort = Individueel sociaal werk', meting: 'verhouding', kolommen: 'Uren; Budget', norm: '≤ 10%', marge: '1%' },
  { sleutel: 'u_maanden_1', meting: 'aandeel binnen maanden', kolommen: 'Datum eerste gesprek; Datum afsluiting', grens: 6, norm: '100%' },
  { sleutel: 'u_verschil', filter: 'Werksoort = Jeugd (CJG)', meting: 'gemiddeld verschil', kolommen: 'Cijfer eind; Cijfer start', operator: '=', norm: '1,75', marge: '0,1' },
  { sleutel: 'u_leeg', filter: 'Werksoort = Bestaat niet', meting: 'gemiddelde', kolommen: 'Cijfer eind', norm: '> 6' },
  { sleutel: 'u_eigen_blad', blad: "Wacht lijst's", filter: 'Team = Noord', meting: 'aandeel binnen dagen', kolommen: 'Aangemeld; Gestart', grens: 10, norm: '≥ 50%' },
  { sleutel: 'u_eigen_blad_kolomletters', blad: "Wacht lijst's", meting: 'verhouding', kolommen: 'kolom D; E', norm: '≤ 1' },
  { sleutel: 'u_boven_dagen', meting: 'aantal boven dagen', kolommen: 'Datum aanmelding; Datum eerste gesprek', grens: 14, perMaand: 'Datum aanmelding', norm: '< 3' },
];

function withDefinitions(wb: ExcelJS.Workbook, rows: DefinitionRow[]): ExcelJS.Workbook {
  const plan = emptyPlan();
  plan.sheets.push(buildDefinitionsSheet('TB Normdefinities', rows));
  applyPlan(wb, plan);
  return wb;
}

describe('norms on awkward data', () => {
  let runs: Awaited<ReturnType<typeof reportAndRecalculate>>;
  beforeAll(async () => {
    runs = await reportAndRecalculate(
      {
        clean: withDefinitions(workbookFrom({ Trajecten: trajecten(false), "Wacht lijst's": WACHTLIJST, Indicatoren: INDICATOREN }), [...BUILT_IN_NORMS, ...USER_NORMS]),
        textDate: withDefinitions(workbookFrom({ Trajecten: trajecten(true) }), [...BUILT_IN_NORMS, ...USER_NORMS]),
      },
      { features: ['norms'] },
    );
  });

  const fig = (run: 'clean' | 'textDate', key: string) => runs[run].result.figures.find((f) => f.key === key);
  const sheetValue = (run: 'clean' | 'textDate', key: string) => computedValue(runs[run].workbook.getWorksheet('TB Normen')!.getCell(fig(run, key)!.cell));

  it('LibreOffice agrees with the engine on every formula cell, in both workbooks', () => {
    expect(runs.clean.mismatches).toEqual([]);
    expect(runs.textDate.mismatches).toEqual([]);
  });

  it('computes the hand-checked values', () => {
    // Quotes and '*' are literal text: rows A5 and A6; only A5 is closed.
    expect(fig('clean', 'u_aandeel_quote')!.value).toBe(0.5);
    // Wijk <> Lith: A3, A4, A5, A6, A7 (the blank row is not a trajectory).
    expect(fig('clean', 'u_aantal_ne')!.value).toBe(5);
    // CJG per month of aanmelding: March 2, April 1, May 1.
    expect(['2022-03', '2022-04', '2022-05'].map((m) => fig('clean', `u_aantal_maand_${m}`)!.value)).toEqual([2, 1, 1]);
    // ISW (any case): hours 10+5+3+2 over budget 100+50+0+25.
    expect(fig('clean', 'u_verhouding')!.value).toBeCloseTo(20 / 175, 12);
    // EDATE semantics: 20-01 -> 20-07 in; 28-02 -> 31-08 out (past the 28th); 31-03 -> 30-09 in (September has 30 days); 20-03 -> 01-05 in.
    expect(fig('clean', 'u_maanden_1')!.value).toBeCloseTo(3 / 4, 12);
    expect(fig('clean', 'u_verschil')!.value).toBeCloseTo(1.75, 12);
    expect(fig('clean', 'u_leeg')!.value).toBeNull();
    // Waits over 14 days: A1 17, A2 28, A3 58, A5 19, A7 21; A4 (2) and A6 (14) not.
    expect(fig('clean', 'u_boven_dagen')!.value).toBe(5);
    expect(fig('clean', 'isw_eerste_gesprek_binnen_28d_pct')!.value).toBeCloseTo(3 / 4, 12);
    // Own sheet: Noord rows with both dates wait 7 and 19 days.
    expect(fig('clean', 'u_eigen_blad')!.value).toBe(0.5);
    expect(fig('clean', 'u_eigen_blad_kolomletters')!.value).toBe(16 / 40);
    const formulas = runs.clean.result.plan.sheets.find((s) => s.name === 'TB Normen')!.cells.map((c) => c.f ?? '');
    expect(formulas.some((f) => f.includes("'Wacht lijst''s'!$B$2:$B$"))).toBe(true);
    expect(fig('clean', 'cjg_overschrijdingen_14d_aantal')!.value).toBe(2);
  });

  it('with a date stored as text: the row drops out of COUNTIFS, date arithmetic gives "Geen gegevens", and the cell is a finding', () => {
    expect(fig('textDate', 'isw_eerste_gesprek_binnen_28d_pct')!.value).toBeNull();
    expect(['', null, undefined]).toContain(sheetValue('textDate', 'isw_eerste_gesprek_binnen_28d_pct'));
    const findings = runs.textDate.result.findings;
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'norm.date-as-text', sheet: 'Trajecten', cell: 'D8' }),
        expect.objectContaining({ rule: 'norm.date-not-computable', sheet: 'Trajecten', cell: 'D8' }),
        expect.objectContaining({ rule: 'norm.number-as-text', sheet: 'Trajecten', cell: 'J8' }),
      ]),
    );
    // The subtraction runs over the whole column, so every date-arithmetic norm on it is empty until the cell is fixed...
    expect(fig('textDate', 'cjg_overschrijdingen_14d_aantal')!.value).toBeNull();
    // ...while COUNTIFS norms skip the text cell and still count.
    expect(fig('textDate', 'u_aantal_maand_2022-03')!.value).toBe(2);
    expect(fig('textDate', 'isw_doorverwijzing_maatwerk_wmo_pct')!.value).toBeCloseTo(1 / 3, 12);
  });

  it('compares a "niet terug" line with 100% minus the return share, and a BJG line with nothing computed for ISW', () => {
    // ISW closed: A1 (Nee), A2 (Ja), A3 (nee): return share 1/3, so "niet terug" is 2/3 against the reported 75%.
    expect(fig('clean', 'isw_terugkeer_pct')!.value).toBeCloseTo(1 / 3, 12);
    const sheet = runs.clean.workbook.getWorksheet('TB Normen')!;
    const lines: unknown[][] = [];
    sheet.eachRow((row) => {
      if (String(computedValue(row.getCell(1)) ?? '').match(/^(Individueel sociaal werk|BJG)$/)) lines.push([computedValue(row.getCell(1)), computedValue(row.getCell(8))]);
    });
    expect(lines).toEqual([
      ['Individueel sociaal werk', expect.closeTo(2 / 3, 12)],
      ['BJG', expect.stringMatching(/^Niet vergelijkbaar/)],
    ]);
    const differs = runs.clean.result.findings.filter((f) => f.rule === 'indicator.differs-from-data');
    expect(differs.map((f) => [f.sheet, f.cell, f.expected])).toEqual([['Indicatoren', 'D2', expect.closeTo(2 / 3, 12)]]);
  });

  it('writes the status as a formula with native colours', () => {
    const sheet = runs.clean.result.plan.sheets.find((s) => s.name === 'TB Normen')!;
    const valueCell = fig('clean', 'u_verhouding')!.cell;
    const row = Number(valueCell.slice(1)) - 1;
    const status = sheet.cells.find((c) => c.row === row && c.col === NORM_COLUMNS.status)!;
    const [value, norm] = [columnLetters(NORM_COLUMNS.value), columnLetters(NORM_COLUMNS.norm)];
    expect(status.f).toMatch(new RegExp(`^IF\\(${value}\\d+="","Geen gegevens",IF\\(${value}\\d+<=${norm}\\d+,"Behaald"`));
    expect(status.v).toBe('Niet behaald');
    expect(sheet.conditionalFormats.some((cf) => cf.rules.some((r) => r.type === 'cellIs' && r.formula1 === '"Behaald"'))).toBe(true);
  });
});
