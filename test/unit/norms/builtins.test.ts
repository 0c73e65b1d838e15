import { buildReport } from '../../../src/core/report';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { EXAMPLE, EXPECTED, loadXlsx } from '../../support/workbooks';

const PCT_KEYS = [
  'isw_eerste_gesprek_binnen_28d_pct',
  'isw_eerste_gesprek_binnen_42d_pct',
  'isw_afgesloten_binnen_6mnd_pct',
  'isw_doorverwijzing_maatwerk_wmo_pct',
  'isw_terugkeer_pct',
  'isw_zelfstandig_of_netwerk_pct',
  'cjg_in_behandeling_binnen_14d_pct',
  'cjg_uitstroom_specialistisch_pct',
];

describe('built-in norms on the example workbook (engine)', () => {
  let figures: Map<string, number | null>;
  beforeAll(async () => {
    const result = buildReport(readWorkbook(await loadXlsx(EXAMPLE)), { features: ['norms'] });
    figures = new Map(result.figures.map((f) => [f.key, f.value]));
  });

  it.each(PCT_KEYS)('%s equals the expected percentage as a fraction', (key) => {
    expect(figures.get(key)).toBeCloseTo(EXPECTED.trajecten[key] / 100, 4);
  });

  it.each(['cjg_overschrijdingen_14d_aantal', 'gem_cijfer_eind', 'gem_cijfer_stijging'])('%s equals the expected value', (key) => {
    expect(figures.get(key)).toBeCloseTo(EXPECTED.trajecten[key], 4);
  });

  it('has the monthly CJG counts', () => {
    for (const [month, count] of Object.entries(EXPECTED.trajecten.cjg_overschrijdingen_per_maand_aanmelding)) {
      expect([month, figures.get(`cjg_overschrijdingen_14d_aantal_${month}`)]).toEqual([month, count]);
    }
  });
});
