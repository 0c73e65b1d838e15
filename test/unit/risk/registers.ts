// Hand-made risk registers shared by the unit and LibreOffice tests.

import type ExcelJS from 'exceljs';
import type { CellValue } from '../../../src/core/workbook/snapshot';
import { workbookFrom } from '../../support/workbooks';

/** A 1–5 register with English-ish headers and no stated scale. */
export function englishFivePoint(): ExcelJS.Workbook {
  return workbookFrom({
    'Risk log': [
      ['Risk register provider'],
      [],
      ['Risk ID', 'Service line', 'Risk description', 'Likelihood', 'Impact', 'Risk score', 'Mitigation', 'Risk owner'],
      ['RK1', 'Youth', 'Waiting list grows', 5, 4, 20, 'Monitor monthly', 'Manager'],
      ['RK2', 'Youth', 'Staff turnover', 4, 5, 20, 'Retention plan', null],
      ['RK3', 'Adults', 'Budget overrun', 3, 3, 9, 'Quarterly review', 'Controller'],
      ['RK4', 'Adults', 'Data breach', 2, 5, 10, 'Training', 'FG'],
      ['RK5', 'Adults', 'Low reach', 1, 2, 2, 'Outreach', 'Team lead'],
      ['RK6', 'Youth', 'Location closes', 5, 5, 25, null, 'Manager'],
      ['RK7', 'Adults', 'IT outage', 2, 2, 5, 'Fallback', 'IT'],
    ],
  });
}

/** Two registers stacked on one sheet, each under its own title. */
export function twoStacked(): ExcelJS.Workbook {
  const header = ['Nr', 'Werksoort', 'Risico', 'Kans', 'Schade', 'Effect', 'Randvoorwaarde', 'Verantwoordelijk'];
  return workbookFrom({
    Registers: [
      ['Risico\'s Jeugd (schaal 1-3)'],
      header,
      ['J1', 'Jeugd', 'Wachtlijst CJG', 3, 3, 9, 'Monitoren', 'Aanbieder'],
      ['J2', 'Jeugd', 'CJG onbekend', 3, 2, 6, 'Campagne', 'Aanbieder'],
      ['J3', 'Jeugd', 'Te weinig deskundigheid', 1, 1, 1, 'Scholing', 'Aanbieder'],
      [],
      ['Risico\'s Jongerenwerk (schaal 1-3)'],
      header,
      ['W1', 'Jongerenwerk', 'Geen aansluiting doelgroep', 2, 3, 6, 'Team toetsen', 'Aanbieder'],
      ['W2', 'Jongerenwerk', 'Late tijden', 3, 3, 9, 'Werktijden aanpassen', 'Aanbieder'],
    ],
  });
}

/** Two registers side by side, sharing the header row. */
export function twoSideBySide(): ExcelJS.Workbook {
  const header = ['Nr', 'Risico', 'Kans', 'Schade', 'Effect'];
  return workbookFrom({
    Naast: [
      ['Register A (schaal 1-3)', null, null, null, null, null, 'Register B (schaal 1-3)'],
      [...header, null, ...header],
      ['A1', 'a', 3, 3, 9, null, 'B1', 'b', 1, 2, 2],
      ['A2', 'a2', 2, 2, 4, null, 'B2', 'b2', 1, 2, 2],
      [null, null, null, null, null, null, 'B3', 'b3', 2, 3, 6],
    ],
  });
}

/** Gross and net scores: kans and schade before and after the randvoorwaarde. */
export function grossNet(): ExcelJS.Workbook {
  return workbookFrom({
    'Bruto netto': [
      ['Risicoregister met bruto en netto risico (schaal 1-3)'],
      ['Nr', 'Risico', 'Kans bruto', 'Schade bruto', 'Effect bruto', 'Beheersmaatregel', 'Kans netto', 'Schade netto', 'Effect netto', 'Eigenaar'],
      ['N1', 'Wachtlijst', 3, 3, 9, 'Monitoren', 2, 2, 4, 'Aanbieder'], // zeer hoog -> midden: lowered
      ['N2', 'Bereikbaarheid', 3, 2, 6, 'Website', 3, 2, 6, 'Aanbieder'], // hoog -> hoog
      ['N3', 'Deskundigheid', 2, 3, 6, 'Scholing', 1, 3, 3, 'Aanbieder'], // hoog -> midden: lowered
      ['N4', 'Veilig Thuis', 1, 1, 1, 'Monitoren', 1, 1, 1, 'Aanbieder'], // laag -> laag
      ['N5', 'Overbrugging', 2, 2, 4, 'Signaleren', 3, 2, 6, 'Aanbieder'], // midden -> hoog: net above gross
    ],
  });
}

/** The bad scores of the issue: "hoog", 7, empty and "2,5", and a score stored as text, among good rows. */
export function badScores(): ExcelJS.Workbook {
  return workbookFrom({
    "Risico's": [
      ['Risico\'s 2022 (schaal 1-3)'],
      ['Nr', 'Werksoort', 'Risico', 'Kans', 'Schade', 'Effect', 'Randvoorwaarde', 'Verantwoordelijk'],
      ['R1', 'Jeugd', 'a', 'hoog', 2, 4, 'x', 'y'],
      ['R2', 'Jeugd', 'b', 7, 2, 14, 'x', 'y'],
      ['R3', 'Jeugd', 'c', null, 2, null, 'x', 'y'],
      ['R4', 'Jeugd', 'd', '2,5', 2, 5, 'x', 'y'],
      ['R5', 'Jeugd*', 'e', 3, 2, 6, 'x', 'y'],
      ['R6', 'jeugd', 'f', 3, 2, 6, 'x', 'y'],
      ['R7', 'Jongerenwerk', 'g', 2, 3, 6, 'x', 'y'],
      ['R8', 'Jongerenwerk', 'h', '3', 3, 9, 'x', 'y'], // text: COUNTIFS leaves it out
    ],
  });
}

const trendHeader = ['Nr', 'Werksoort', 'Risico', 'Kans', 'Schade', 'Effect', 'Randvoorwaarde', 'Verantwoordelijk'];

/** The previous half year on its own sheet, before the current one. */
export function twoHalfYears(): ExcelJS.Workbook {
  return workbookFrom({
    "Risico's 2e halfjaar 2021": [
      ["Risico's 2e halfjaar 2021 (schaal 1-3)"],
      trendHeader,
      ['R01', 'Jeugd', 'Wachtlijst', 2, 2, 4, 'x', 'y'],
      ['R02', 'Jeugd', 'Bereikbaarheid', 3, 2, 6, 'x', 'y'],
      ['R03', 'Jeugd', 'Deskundigheid', 3, 3, 9, 'x', 'y'],
      ['R05', 'Jeugd', 'Vervallen risico', 1, 1, 1, 'x', 'y'],
    ],
    "Risico's 1e halfjaar 2022": [
      ["Risico's 1e halfjaar 2022 (schaal 1-3)"],
      trendHeader,
      ['R01', 'Jeugd', 'Wachtlijst', 3, 2, 6, 'x', 'y'], // up
      ['R02', 'Jeugd', 'Bereikbaarheid', 2, 3, 6, 'x', 'y'], // same effect
      ['R03', 'Jeugd', 'Deskundigheid', 1, 3, 3, 'x', 'y'], // down
      ['R04', 'Jeugd', 'Nieuw risico', 2, 2, 4, 'x', 'y'], // new
    ],
  });
}

/** A small deterministic PRNG, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const JUNK: CellValue[] = [null, '', ' ', 'hoog', '2,5', '3', 7, 0, -1, 2.5, 1, 2, 3, 4, 5, true, false, { error: '#REF!' }, '=1+1', 'Jeugd*', '~?', "Risico's", 'Kans'];

export const junkSheetName = (seed: number) => (seed % 2 ? "Risico's 1e halfjaar 2022" : 'Risico 2e halfjaar 2021');

/** A register with gross and net columns full of every kind of bad value. */
export function junkRows(seed: number): CellValue[][] {
  const next = rng(seed);
  const pick = () => JUNK[Math.floor(next() * JUNK.length)];
  const rows: CellValue[][] = [
    ['Register (schaal 1-3)'],
    ['Nr', 'Werksoort', 'Risico', 'Kans', 'Schade', 'Effect', 'Randvoorwaarde', 'Verantwoordelijk', 'Kans netto', 'Schade netto'],
  ];
  for (let r = 0; r < 30; r++) rows.push([`R${Math.floor(next() * 20)}`, pick(), pick(), pick(), pick(), pick(), pick(), pick(), pick(), pick()]);
  return rows;
}

/** Two junk registers, a half year apart: every section of the map, fed with bad values. */
export function junk(seed: number): ExcelJS.Workbook {
  return workbookFrom({ [junkSheetName(seed)]: junkRows(seed), [junkSheetName(seed + 1)]: junkRows(seed + 100) });
}
