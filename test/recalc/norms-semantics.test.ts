// The population is counted with COUNTIFS (cheap to recalculate), also for
// norms whose numerator is a SUMPRODUCT; the engine follows COUNTIFS where it
// differs from an array formula: "<>" counts a formula's empty text as filled
// and "=" does not count it as empty. A number criterion never takes the text
// "12" (not in LibreOffice's COUNTIFS, not in an array "="), and numeric
// comparisons never count text. Expected values are
// worked out by hand in the comments, and LibreOffice must agree.

import type ExcelJS from 'exceljs';
import { buildDefinitionsSheet } from '../../src/core/features/norms/definitionsSheet';
import type { DefinitionRow } from '../../src/core/features/norms/definitionText';
import { emptyPlan } from '../../src/core/plan/plan';
import { applyPlan } from '../../src/hosts/exceljs/applyPlan';
import { reportAndRecalculate } from '../support/pipeline';
import { computedValue } from '../support/recalcCheck';
import { workbookFrom } from '../support/workbooks';

jest.setTimeout(240_000);

const d = (m: number, day: number) => new Date(Date.UTC(2022, m - 1, day));

function workbook(): ExcelJS.Workbook {
  const wb = workbookFrom({
    Data: [
      ['Nr', 'Team', 'Code', 'Waarde', 'Start', 'Eind'],
      ['R1', 'Noord', 12, 2, d(1, 1), d(1, 5)],
      ['R2', 'Zuid', '12', '7', d(1, 1), d(1, 3)],
      ['R3', null, 12, 9, d(1, 1), d(1, 30)],
      ['R4', null, 13, 3, d(2, 1), d(2, 2)],
      ['R5', 'Noord', 12, 3.5, d(2, 1), d(2, 11)],
      ['R6', 'Zuid', 7, 6, d(2, 1), null],
    ],
  });
  // R4's team is a formula giving empty text: filled for COUNTIFS "<>", not empty for "=".
  wb.getWorksheet('Data')!.getCell('B5').value = { formula: 'IF(1=0,"x","")', result: '' } as ExcelJS.CellValue;
  return wb;
}

const NORMS: DefinitionRow[] = [
  // Truly empty team: R3 only (R4 holds "").
  { sleutel: 'team_leeg', meting: 'aantal', filter: 'Team leeg' },
  // Filled: R1, R2, R4 (""), R5, R6.
  { sleutel: 'team_gevuld', meting: 'aantal', filter: 'Team gevuld' },
  // Population Code = 12: R1, R3, R5 (R2's "12" is text) = 3; within 10 days are R1 (4) and R5 (10), R3 (29) is not -> 2/3.
  { sleutel: 'code12_binnen_10d', meting: 'aandeel binnen dagen', filter: 'Code = 12', kolommen: 'Start; Eind', grens: 10 },
  // Numbers above 5: R3 (9), R6 (6); "7" is text -> 2.
  { sleutel: 'waarde_boven_5', meting: 'aantal', voorwaarde: 'Waarde > 5' },
  // Of the 5 numbers (2, 9, 3, 3.5, 6), at most 3: 2 and 3 -> 2/5.
  { sleutel: 'waarde_max_3', meting: 'aandeel', filter: 'Waarde is getal', voorwaarde: 'Waarde ≤ 3' },
  // Below 4: 2, 3, 3.5 -> 3; from 3 to 6: 3, 3.5, 6 -> 3.
  { sleutel: 'waarde_onder_4', meting: 'aantal', voorwaarde: 'Waarde < 4' },
  { sleutel: 'waarde_3_tot_6', meting: 'aantal', voorwaarde: 'Waarde tussen 3 en 6' },
  // Two columns: Code ≥ Waarde + 5: R1 12 ≥ 7 yes, R3 12 ≥ 14 no, R4 13 ≥ 8 yes, R5 12 ≥ 8.5 yes, R6 7 ≥ 11 no; R2 has text -> 3 of 6 rows... but
  // "7" in Waarde is text that "+ 5" would convert: only real numbers take part, so the population (Nr filled) is 6 and hits 3.
  { sleutel: 'code_ge_waarde_plus_5', meting: 'aantal', voorwaarde: 'Code ≥ Waarde + 5' },
  // Sum of numbers only: 2 + 9 + 3 + 3.5 + 6 = 23.5.
  { sleutel: 'waarde_som', meting: 'som', kolommen: 'Waarde' },
];

const EXPECTED: Record<string, number> = {
  team_leeg: 1,
  team_gevuld: 5,
  code12_binnen_10d: 2 / 3,
  waarde_boven_5: 2,
  waarde_max_3: 2 / 5,
  waarde_onder_4: 3,
  waarde_3_tot_6: 3,
  code_ge_waarde_plus_5: 3,
  waarde_som: 23.5,
};

describe('COUNTIFS semantics for populations and numeric conditions', () => {
  let run: Awaited<ReturnType<typeof reportAndRecalculate>>['x'];
  beforeAll(async () => {
    const wb = workbook();
    const plan = emptyPlan();
    plan.sheets.push(buildDefinitionsSheet('TB Normdefinities', NORMS.map((n) => ({ ...n, blad: 'Data' }))));
    applyPlan(wb, plan);
    run = (await reportAndRecalculate({ x: wb }, { features: ['norms'] })).x;
  });

  it('engine and LibreOffice agree on every formula', () => {
    expect(run.mismatches).toEqual([]);
  });

  it.each(Object.entries(EXPECTED))('%s = %d in both', (key, want) => {
    const f = run.result.figures.find((x) => x.key === key)!;
    expect(f.value).toBeCloseTo(want, 10);
    expect(computedValue(run.workbook.getWorksheet('TB Normen')!.getCell(f.cell))).toBeCloseTo(want, 10);
  });
});
