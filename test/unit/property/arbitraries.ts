// Random workbooks for property tests: a few sheets of sparse cells drawn
// from what monitoring workbooks really hold (headers Toetsblad recognises,
// Dutch numbers and dates as text, errors, huge and tiny numbers, injection
// text) mixed with arbitrary strings and numbers.

import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { sheetFromRows } from '../../../src/core/workbook/fromRows';

export interface CellSpec {
  r: number;
  c: number;
  /** The value, or for a formula cell its last computed result. */
  v: CellValue;
  fmt?: string;
  /** Formula text without '=' (the user's own formulas must survive untouched). */
  f?: string;
}

export interface SheetSpecR {
  name: string;
  cells: CellSpec[];
  hiddenRows: number[];
}

const VOCABULARY = [
  // headers of the features
  'Nr', 'Werksoort', 'Risico', 'Kans', 'Schade', 'Effect', 'Randvoorwaarde', 'Verantwoordelijk', 'Kans netto', 'Schade netto',
  'Dossiernr', 'Wijk', 'Datum aanmelding', 'Datum eerste gesprek', 'Datum afsluiting', 'Uitstroom naar', 'Terugkeer zelfde vraag binnen 1 jaar',
  'Aantal gesprekken', 'Cijfer start', 'Cijfer eind', 'Onderdeel', 'Fte', 'Begroot 2022', 'Realisatie t/m 30 juni', 'Prognose 2022', 'Toelichting',
  'Subtotaal', 'Totaal', 'Indicator', 'Norm', 'Realisatie', 'BSN', 'Naam', 'Naam cliënt', 'Geboortedatum', 'Adres', 'Postcode',
  // values
  'Jeugd (CJG)', 'Individueel sociaal werk', 'Jongerenwerk', 'Zelfstandig', 'Maatwerkvoorziening Wmo', 'Ja', 'Nee',
  '≥ 90%', 'minimaal 80%', 'max. 10%', '> 6,0', '87%', '12,5%', 'hoog', 'n.v.t.', '€ 1.2.3', '€ 1.609.966,35', '-', '(1.250,00)', '1e400',
  '31-02-2022', '29-02-2024', '2022-01-03', '44562', 'Risicoregister (schaal 1-5)', 'Kans en schade op schaal 1-3.',
  '=1+1', '+31 6 12345678', '-hoog', '@SUM(A1)', '=HYPERLINK("https://example.invalid","x")', '1234.56.782', '5341 AB',
  'TB Bevindingen', 'TB Instellingen', '', '   ', '\u00a0',
];

const ERRORS: CellValue[] = [{ error: '#REF!' }, { error: '#DIV/0!' }, { error: '#N/A' }, { error: '#VALUE!' }];

export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 4, arbitrary: fc.integer({ min: -2, max: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: 44_000, max: 45_000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(111222333, 123456782, 12345672, 314159266, 1e15, -1e15, 9.99e307, 1e-300, 0, 0.5, 2 ** 53) },
  { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS) },
);

const FORMULAS = ['1+1', 'SUM(A1:C3)', 'A1&" x"', '1/0', "'Risico''s'!D5*2", 'IF(A1>1,"hoog","laag")', 'D5*E5', 'TODAY()', 'VLOOKUP(A1,A:B,2,FALSE)'];

const FORMATS = ['General', 'dd-mm-yyyy', '0.0%', '#,##0.00', '@', '"€ "#,##0.00', '[Red]0;-0'];

const cell = (rows: number, cols: number) =>
  fc.record(
    {
      r: fc.nat({ max: rows - 1 }),
      c: fc.nat({ max: cols - 1 }),
      v: cellValue,
      fmt: fc.constantFrom(...FORMATS),
      f: fc.constantFrom(...FORMULAS),
    },
    { requiredKeys: ['r', 'c', 'v'] },
  );

const SHEET_NAMES = ["Risico's", 'Trajecten', 'Financiering', 'Indicatoren', 'Blad1', 'Риски', 'リスク', 'A1', 'Kosten & baten', 'TB Bevindingen', 'TB Risicokaart', 'Data "2022"'];

/** Names Excel accepts: 1–31 characters, none of []:*?/\, no quote at either end. */
const sheetName = fc.oneof(
  fc.constantFrom(...SHEET_NAMES),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _.&'()-]{0,30}$/).filter((s) => !s.endsWith("'") && s.toLowerCase() !== 'history'),
);

export const sheetSpec = (rows = 14, cols = 9): fc.Arbitrary<SheetSpecR> =>
  fc.record({
    name: sheetName,
    cells: fc.array(cell(rows, cols), { maxLength: 60 }),
    hiddenRows: fc.uniqueArray(fc.nat({ max: rows - 1 }), { maxLength: 3 }),
  });

/** One to three sheets with distinct names (Excel compares names case-insensitively). */
export const workbookSpec: fc.Arbitrary<SheetSpecR[]> = fc.uniqueArray(sheetSpec(), {
  minLength: 1,
  maxLength: 3,
  selector: (s) => s.name.toLowerCase(),
});

/** The last write to a cell wins, as when typing. */
function dedupe(cells: CellSpec[]): CellSpec[] {
  const m = new Map<string, CellSpec>();
  for (const c of cells) m.set(`${c.r}:${c.c}`, c);
  return [...m.values()];
}

/** The snapshot a host would produce for the spec (blank strings are kept: hosts give them too). */
export function toSnapshot(spec: SheetSpecR[]): WorkbookSnapshot {
  return {
    sheets: spec.map((s): SheetSnapshot => {
      const cells = dedupe(s.cells);
      const rowCount = cells.reduce((n, c) => Math.max(n, c.r + 1), 0);
      const colCount = cells.reduce((n, c) => Math.max(n, c.c + 1), 0);
      const values: CellValue[][] = Array.from({ length: rowCount }, () => []);
      const numberFormats: string[][] = [];
      const formulas: (string | null)[][] = [];
      for (const c of cells) {
        values[c.r][c.c] = c.v;
        if (c.f) (formulas[c.r] ??= [])[c.c] = c.f;
        if (c.fmt && c.fmt !== 'General') (numberFormats[c.r] ??= [])[c.c] = c.fmt;
      }
      for (const row of values) for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
      return sheetFromRows({
        name: s.name,
        visible: true,
        rowCount,
        colCount,
        values,
        formulas,
        numberFormats,
        merges: [],
        tables: [],
        hiddenRows: s.hiddenRows.filter((r) => r < rowCount).sort((a, b) => a - b),
        protected: false,
      });
    }),
  };
}

/** The same spec as an ExcelJS workbook. */
export function toExcel(spec: SheetSpecR[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of spec) {
    const ws = wb.addWorksheet(s.name);
    for (const c of dedupe(s.cells)) {
      const cell = ws.getCell(c.r + 1, c.c + 1);
      cell.value = c.f ? ({ formula: c.f, result: c.v ?? undefined } as ExcelJS.CellFormulaValue) : (c.v as ExcelJS.CellValue);
      if (c.fmt && c.fmt !== 'General') cell.numFmt = c.fmt;
    }
    for (const r of s.hiddenRows) ws.getRow(r + 1).hidden = true;
  }
  return wb;
}
