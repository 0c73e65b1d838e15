// Seed 004: one municipality, five welfare institutions, each sending its own
// monitoring workbook in its own layout. The regional figures are worked out
// here from the generated rows (plain counting), never from the engine.

import { REGIO_SHEET } from '../../../src/core/regio';
import { figure, grid, regioOf } from '../../support/regioRun';
import type { Provider, Traject } from '../../support/regioWorkbooks';
import { CJG, ISW, writeSeed004Files } from '../../support/regioWorkbooks';
import { tmpDir } from '../../support/workbooks';

interface Share {
  num: number;
  den: number;
}

const share = (rows: Traject[], pop: (t: Traject) => boolean, hit: (t: Traject) => boolean): Share => {
  const p = rows.filter(pop);
  return { num: p.filter(hit).length, den: p.length };
};

const SHARES: Record<string, (t: Traject[]) => Share> = {
  isw_eerste_gesprek_binnen_28d_pct: (t) => share(t, (x) => x.werksoort === ISW && x.gesprek !== null, (x) => x.gesprek! - x.aanmelding <= 28),
  isw_eerste_gesprek_binnen_42d_pct: (t) => share(t, (x) => x.werksoort === ISW && x.gesprek !== null, (x) => x.gesprek! - x.aanmelding <= 42),
  cjg_in_behandeling_binnen_14d_pct: (t) => share(t, (x) => x.werksoort === CJG && x.gesprek !== null, (x) => x.gesprek! - x.aanmelding <= 14),
  isw_doorverwijzing_maatwerk_wmo_pct: (t) => share(t, (x) => x.werksoort === ISW && x.afsluiting !== null, (x) => x.uitstroom === 'Maatwerkvoorziening Wmo'),
  isw_terugkeer_pct: (t) => share(t, (x) => x.werksoort === ISW && x.afsluiting !== null, (x) => x.terugkeer === 'Ja'),
};

const SLUG = ['ons_welzijn', 'welzijn_de_meierij', 'mee', 'farent', 'lumens'];

describe('seed 004: five institutions, five layouts', () => {
  let result: Awaited<ReturnType<typeof regioOf>>;
  let providers: Provider[];
  beforeAll(async () => {
    const written = await writeSeed004Files(tmpDir('tb-regio-004-'));
    providers = written.providers;
    result = await regioOf(written.files);
  }, 180_000);

  test('names come from a labelled cell, a title or the file name; all five count', () => {
    expect(result.sources.map((s) => s.name)).toEqual(['ONS Welzijn', 'Welzijn De Meierij', 'MEE', 'Farent', 'Lumens']);
    expect(result.sources.every((s) => s.counts)).toBe(true);
    expect(result.period?.label).toBe('1e halfjaar 2022');
  });

  test.each(Object.keys(SHARES))('%s: per source, lowest, highest, and pooled over numerators and denominators', (key) => {
    const per = providers.map((p) => SHARES[key](p.trajecten));
    per.forEach((s, i) => expect(figure(result, `${SLUG[i]}.${key}`)).toBeCloseTo(s.num / s.den, 9));
    const pooled = per.reduce((a, s) => a + s.num, 0) / per.reduce((a, s) => a + s.den, 0);
    expect(figure(result, `regio_${key}`)).toBeCloseTo(pooled, 9);
    const sheet = grid(result.plan, REGIO_SHEET.norms);
    const r = sheet.rowWith(key);
    const fractions = per.map((s) => s.num / s.den);
    expect(sheet.rows[r][4]).toBeCloseTo(Math.min(...fractions), 9);
    expect(sheet.rows[r][5]).toBeCloseTo(Math.max(...fractions), 9);
  });

  test('the pooled share is not the average of the percentages (the institutions differ in size)', () => {
    const per = providers.map((p) => SHARES.isw_eerste_gesprek_binnen_28d_pct(p.trajecten));
    const average = per.reduce((a, s) => a + s.num / s.den, 0) / per.length;
    expect(Math.abs(figure(result, 'regio_isw_eerste_gesprek_binnen_28d_pct')! - average)).toBeGreaterThan(1e-4);
  });

  test('CJG cases over 14 days add up as counts', () => {
    const over = providers.map((p) => p.trajecten.filter((x) => x.werksoort === CJG && x.gesprek !== null && x.gesprek - x.aanmelding > 14).length);
    expect(figure(result, 'regio_cjg_overschrijdingen_14d_aantal')).toBe(over.reduce((a, b) => a + b, 0));
  });

  test('budget per werksoort and in total, summed over the institutions that have it', () => {
    // MEE (shape 2) sends its amounts as text: its own report counts them as the amounts they state, and so does the region.
    const all = providers.flatMap((p) => p.budget);
    for (const w of [...new Set(all.map((l) => l.werksoort))]) {
      const slug = w.toLowerCase().replace(/\s+/g, '_');
      for (const field of ['begroot', 'realisatie', 'prognose'] as const) {
        const expected = all.filter((l) => l.werksoort === w).reduce((s, l) => s + l[field], 0) / 100;
        expect(figure(result, `regio_budget_${slug}_${field}`)).toBeCloseTo(expected, 2);
      }
    }
    expect(figure(result, 'regio_budget_begroot_totaal')).toBeCloseTo(all.reduce((s, l) => s + l.begroot, 0) / 100, 2);
    expect(figure(result, 'regio_budget_realisatie_totaal')).toBeCloseTo(all.reduce((s, l) => s + l.realisatie, 0) / 100, 2);
    // A source without a werksoort has an empty cell, not a zero.
    const missing = providers.findIndex((p) => !p.budget.some((l) => l.werksoort === 'Jongerenwerk'));
    expect(missing).toBeGreaterThanOrEqual(0);
    expect(figure(result, `${SLUG[missing]}.budget_jongerenwerk_begroot`)).toBeNull();
  });

  test('every werksoort whose prognosis runs over its budget is a finding at its cell, the largest overrun first', () => {
    const over: { name: string; werksoort: string; by: number }[] = [];
    for (const p of providers) {
      for (const w of [...new Set(p.budget.map((l) => l.werksoort))]) {
        const lines = p.budget.filter((l) => l.werksoort === w);
        const by = lines.reduce((s, l) => s + l.prognose - l.begroot, 0);
        if (by > 0) over.push({ name: p.name, werksoort: w, by });
      }
    }
    expect(over.length).toBeGreaterThan(0);
    over.sort((a, b) => b.by - a.by);
    const found = result.findings.filter((f) => f.rule === 'regio.budget-overrun');
    expect(found.map((f) => f.message.split(':')[0])).toEqual(over.map((o) => `${o.name}, ${o.werksoort}`));
    expect(found.every((f) => f.sheet === REGIO_SHEET.budget && /^[A-Z]+\d+$/.test(f.cell))).toBe(true);
  });

  test('risks per kans × schade cell and per band, all institutions together', () => {
    const risks = providers.flatMap((p) => p.risks);
    for (let k = 1; k <= 3; k++) {
      for (let s = 1; s <= 3; s++) expect(figure(result, `regio_risk_count_K${k}S${s}`)).toBe(risks.filter((r) => r.kans === k && r.schade === s).length);
    }
    expect(figure(result, 'regio_risk_count_total')).toBe(risks.length);
    // The default bands of a 1-3 scale: 1-2 low, 3-4 medium, 6 high, 9 very high.
    const band = (e: number) => (e >= 9 ? 'zeer_hoog' : e >= 6 ? 'hoog' : e >= 3 ? 'midden' : 'laag');
    for (const b of ['laag', 'midden', 'hoog', 'zeer_hoog']) {
      expect(figure(result, `regio_risk_band_${b}_count`)).toBe(risks.filter((r) => band(r.kans * r.schade) === b).length);
    }
  });

  test('every institution\'s own findings are listed with file, sheet and cell', () => {
    const sheet = grid(result.plan, REGIO_SHEET.findings);
    const mee = sheet.rows.filter((r) => r?.[2] === 'mee-h1-2022.xlsx');
    // MEE sends its amounts as text: each is a warning at its own cell on Financiering.
    expect(mee.length).toBeGreaterThan(10);
    // On the institution's own sheets, or on the sheets its own report adds.
    expect(mee.every((r) => ['Financiering', "Risico's", 'Trajecten'].includes(String(r[4])) || String(r[4]).startsWith('TB '))).toBe(true);
    expect(mee.some((r) => r[7] === 'budget.number-as-text' && /^[C-E]\d+$/.test(String(r[5])))).toBe(true);
  });
});
