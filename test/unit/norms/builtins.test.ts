import { buildReport } from '../../../src/core/report';
import { applyPlan } from '../../../src/hosts/exceljs/applyPlan';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { normStatuses } from '../../../src/core/features/norms/summary';
import { EXAMPLE, EXPECTED, loadXlsx, workbookFrom } from '../../support/workbooks';
import { BUILT_IN_KEYS, PCT_KEYS } from '../../support/normKeys';


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

describe('norm statuses for the task pane', () => {
  it('lists every computed norm with its status, norm and population, as on the sheet', async () => {
    const result = buildReport(readWorkbook(await loadXlsx(EXAMPLE)), { features: ['norms'] });
    const lines = normStatuses(result.plan, result.figures, 'TB Normen');
    expect(lines.map((l) => l.key)).toEqual(BUILT_IN_KEYS);
    const byKey = Object.fromEntries(lines.map((l) => [l.key, l]));
    // 88,87% against ≥ 90% with a 5-point margin: almost; 91,37% against ≥ 80%: met; 6,21 > 6,0: met.
    expect(byKey.isw_eerste_gesprek_binnen_28d_pct).toMatchObject({ status: 'Bijna', norm: { op: '≥', value: 0.9 }, population: 593 });
    expect(byKey.isw_afgesloten_binnen_6mnd_pct.status).toBe('Behaald');
    expect(byKey.isw_afgesloten_binnen_6mnd_pct.population).toBe(EXPECTED.trajecten.aantal_isw_afgesloten);
    expect(byKey.cjg_in_behandeling_binnen_14d_pct.status).toBe('Niet behaald');
    expect(byKey.gem_cijfer_eind).toMatchObject({ status: 'Behaald', norm: { op: '>', value: 6 } });
  });

  it('writes no norm sheets into a workbook without trajectories, indicators or definitions', () => {
    const result = buildReport(readWorkbook(workbookFrom({ Blad1: [['Naam', 'Bedrag'], ['x', 1]] })), { features: ['norms'] });
    expect(result.generatedSheets.filter((s) => s.startsWith('TB Norm'))).toEqual([]);
    expect(result.findings.map((f) => f.rule)).toContain('norm.no-trajectories');
  });
});

describe('refresh', () => {
  it('gives the same norms sheet and findings on a second run, reading the definitions sheet the first run wrote', async () => {
    const wb = await loadXlsx(EXAMPLE);
    const first = buildReport(readWorkbook(wb), { features: ['norms'] });
    expect(first.generatedSheets).toEqual(expect.arrayContaining(['TB Normen', 'TB Normdefinities']));
    applyPlan(wb, first.plan);
    const second = buildReport(readWorkbook(wb), { features: ['norms'] });
    expect(second.generatedSheets).not.toContain('TB Normdefinities');
    const norms = (r: typeof first) => r.plan.sheets.find((s) => s.name === 'TB Normen');
    expect(norms(second)).toEqual(norms(first));
    expect(second.findings).toEqual(first.findings);
    expect(second.figures).toEqual(first.figures);
  });
});
