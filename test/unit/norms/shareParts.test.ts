// A share figure carries its numerator and denominator, so shares from several
// workbooks can be pooled; other figures carry none.

import { buildReport } from '../../../src/core/report';
import { summarise } from '../../../src/files/summary';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { workbookFrom } from '../../support/workbooks';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

// 7 ISW trajectories, 5 closed: 2 to "Zelfstandig", 1 to "Sociaal netwerk", 1 to
// "Maatwerkvoorziening Wmo", 1 to "Anders"; first talk within 28 days for 5 of 7.
const rows: unknown[][] = [
  ['Dossiernr', 'Werksoort', 'Datum aanmelding', 'Datum eerste gesprek', 'Datum afsluiting', 'Uitstroom naar', 'Cijfer start', 'Cijfer eind'],
  ['D1', 'Individueel sociaal werk', d('2022-01-03'), d('2022-01-10'), d('2022-03-01'), 'Zelfstandig', 5, 7],
  ['D2', 'Individueel sociaal werk', d('2022-01-03'), d('2022-02-14'), d('2022-04-01'), 'Zelfstandig', 4, 6],
  ['D3', 'Individueel sociaal werk', d('2022-01-05'), d('2022-01-20'), d('2022-05-01'), 'Sociaal netwerk', 6, 6],
  ['D4', 'Individueel sociaal werk', d('2022-02-01'), d('2022-02-28'), d('2022-06-01'), 'Maatwerkvoorziening Wmo', 3, 5],
  ['D5', 'Individueel sociaal werk', d('2022-02-01'), d('2022-03-30'), d('2022-06-15'), 'Anders', 5, 8],
  ['D6', 'Individueel sociaal werk', d('2022-03-01'), d('2022-03-02'), null, null, 6, null],
  ['D7', 'Individueel sociaal werk', d('2022-03-01'), d('2022-03-29'), null, null, null, null],
];

describe('share figures carry numerator and denominator', () => {
  const result = buildReport(readWorkbook(workbookFrom({ Trajecten: rows })), { features: ['norms'] });
  const byKey = new Map(result.figures.map((f) => [f.key, f]));

  it('a within-days share: first talk within 28 days for 5 of 7 (D2: 42 days, D5: 57 days)', () => {
    expect(byKey.get('isw_eerste_gesprek_binnen_28d_pct')!.parts).toEqual({ numerator: 5, denominator: 7 });
    expect(byKey.get('isw_eerste_gesprek_binnen_28d_pct')!.value).toBeCloseTo(5 / 7, 10);
  });

  it('a share meeting a condition: 3 of the 5 closed went to Zelfstandig or Sociaal netwerk', () => {
    expect(byKey.get('isw_zelfstandig_of_netwerk_pct')!.parts).toEqual({ numerator: 3, denominator: 5 });
    expect(byKey.get('isw_doorverwijzing_maatwerk_wmo_pct')!.parts).toEqual({ numerator: 1, denominator: 5 });
  });

  it('a mean has no parts, and the JSON summary writes parts only where they exist', () => {
    expect(byKey.get('gem_cijfer_eind')!.parts).toBeUndefined();
    const summary = summarise(result);
    const share = summary.figures.find((f) => f.key === 'isw_zelfstandig_of_netwerk_pct')!;
    expect(share.parts).toEqual({ numerator: 3, denominator: 5 });
    expect('parts' in summary.figures.find((f) => f.key === 'gem_cijfer_eind')!).toBe(false);
  });
});
