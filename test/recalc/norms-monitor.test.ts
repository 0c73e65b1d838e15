// The trajectory monitor of seeds 002/003 under LibreOffice, with the own norms
// a controller writes for it: every construct (som, numeric and two-column
// conditions, per <kolom>, a link to the provider's indicator line, a count
// over an empty population) agrees between engine and spreadsheet; totals,
// footnotes, a repeated header and blank rows stay out; the expected figures
// come from the generator's records, not from the engine; clean data gives no
// data warnings and every planted problem is found at its cell.

import { a1 } from '../../src/core/workbook/address';
import { NORM_COLUMNS } from '../../src/core/features/norms/normsSheet';
import type ExcelJS from 'exceljs';
import { buildDefinitionsSheet } from '../../src/core/features/norms/definitionsSheet';
import { emptyPlan } from '../../src/core/plan/plan';
import { applyPlan } from '../../src/hosts/exceljs/applyPlan';
import { MONITOR_NORMS } from '../support/shapes/monitorNorms';
import type { TrajectoryMonitor, TrajectRecord } from '../support/shapes/trajectoryMonitor';
import { INSTELLINGEN, trajectoryMonitor } from '../support/shapes/trajectoryMonitor';
import { reportAndRecalculate } from '../support/pipeline';
import { computedValue } from '../support/recalcCheck';

jest.setTimeout(300_000);

function withDefinitions(wb: ExcelJS.Workbook): ExcelJS.Workbook {
  const plan = emptyPlan();
  plan.sheets.push(buildDefinitionsSheet('TB Normdefinities', MONITOR_NORMS));
  applyPlan(wb, plan);
  return wb;
}

/** The records as the formulas may count them: a planted cell (text, error, impossible date) counts as no value. */
function effective(m: TrajectoryMonitor): TrajectRecord[] {
  const recs = m.records.map((r) => ({ ...r }));
  for (const p of m.planted) if (p.sheet === m.sheets.trajects) (recs[p.index] as unknown as Record<string, unknown>)[p.field] = null;
  return recs;
}

const share = <T>(pop: T[], meets: (x: T) => boolean) => (pop.length === 0 ? null : pop.filter(meets).length / pop.length);
const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);
const nums = (xs: (number | null)[]) => xs.filter((x): x is number => typeof x === 'number');

/** Every figure, computed from the records by the rules the guide states. */
function expectedFigures(m: TrajectoryMonitor): Record<string, number | null> {
  const recs = effective(m);
  const closed = recs.filter((r) => r.afsluiting !== null);
  const st = closed.filter((r) => r.team === 'Sociaal Team');
  const bjg = closed.filter((r) => r.team === 'BJG');
  const withEnd = recs.filter((r) => r.cijferEind !== null);
  const both = recs.filter((r) => r.cijferStart !== null && r.cijferEind !== null);
  const scored = nums(recs.map((r) => r.tevredenheid));
  const planted = new Set(m.planted.filter((p) => p.sheet === m.sheets.registration).map((p) => p.index));
  const contacten = m.registration.filter((_, i) => !planted.has(i)).map((g) => g.contacten);
  const out: Record<string, number | null> = {
    st_specialistisch: share(st, (r) => r.uitstroom === 'Specialistische zorg'),
    bjg_specialistisch: share(bjg, (r) => r.uitstroom === 'Specialistische zorg'),
    niet_terug_3mnd: share(closed, (r) => r.terugBinnen3Mnd === 'Nee'),
    st_zelfstandig: share(st, (r) => r.uitstroom === 'Zelfstandig' || r.uitstroom === 'Sociaal netwerk'),
    tevredenheid_gem: mean(scored),
    tevreden_85_aandeel: share(scored, (x) => x >= 85),
    cijfer_eind_gem: mean(nums(withEnd.map((r) => r.cijferEind))),
    cijfer_stijging_1_aandeel: share(both, (r) => r.cijferEind! >= r.cijferStart! + 1),
    cijfer_stijging_gem: mean(both.map((r) => r.cijferEind! - r.cijferStart!)),
    cijfer_eind_boven_6_per_team: share(withEnd, (r) => r.cijferEind! > 6),
    'cijfer_eind_boven_6_per_team.sociaal_team': share(withEnd.filter((r) => r.team === 'Sociaal Team'), (r) => r.cijferEind! > 6),
    'cijfer_eind_boven_6_per_team.bjg': share(withEnd.filter((r) => r.team === 'BJG'), (r) => r.cijferEind! > 6),
    trajecten_per_instelling: recs.length,
    cijfer_eind_6_tot_8: withEnd.filter((r) => r.cijferEind! >= 6 && r.cijferEind! <= 8).length,
    wijkteam_aantal: null,
    contacten_halfjaar: contacten.reduce((s, x) => s + x, 0),
    contacten_gem: mean(contacten),
    besparing_voorveld: m.savings.reduce((s, x) => s + x.besparing, 0),
  };
  for (const inst of INSTELLINGEN) out[`trajecten_per_instelling.${inst.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`] = recs.filter((r) => r.instelling === inst).length;
  return out;
}

/** Norms (key -> op, value) whose expected figure misses its target: the only warnings clean data may give. */
const TARGETS: Record<string, [string, number]> = {
  st_specialistisch: ['<=', 0.2],
  bjg_specialistisch: ['<=', 0.5],
  st_zelfstandig: ['>=', 0.5],
  tevredenheid_gem: ['>=', 85],
  tevreden_85_aandeel: ['>=', 0.25],
  cijfer_stijging_1_aandeel: ['>=', 0.5],
  'cijfer_eind_boven_6_per_team': ['>=', 0.6],
  'cijfer_eind_boven_6_per_team.sociaal_team': ['>=', 0.6],
  'cijfer_eind_boven_6_per_team.bjg': ['>=', 0.6],
  contacten_halfjaar: ['>=', 3000],
  besparing_voorveld: ['>=', 525_000],
};

describe('trajectory monitor (seeds 002/003) with own norms', () => {
  const clean = trajectoryMonitor({ planted: false });
  const planted = trajectoryMonitor({ planted: true });
  let runs: Awaited<ReturnType<typeof reportAndRecalculate>>;
  beforeAll(async () => {
    runs = await reportAndRecalculate({ clean: withDefinitions(clean.workbook), planted: withDefinitions(planted.workbook) }, { features: ['norms'] });
  });

  it.each(['clean', 'planted'] as const)('%s: every generated formula agrees between engine and LibreOffice', (run) => {
    expect(runs[run].mismatches).toEqual([]);
  });

  it.each([
    ['clean', clean],
    ['planted', planted],
  ] as const)('%s: every figure equals the value computed from the records', (run, monitor) => {
    const figures = new Map(runs[run].result.figures.map((f) => [f.key, f]));
    const sheet = runs[run].workbook.getWorksheet('TB Normen')!;
    for (const [key, want] of Object.entries(expectedFigures(monitor))) {
      const f = figures.get(key);
      expect([key, f === undefined]).toEqual([key, false]);
      if (want === null) {
        expect([key, f!.value]).toEqual([key, null]);
        expect([key, computedValue(sheet.getCell(f!.cell)) ?? '']).toEqual([key, '']);
      } else {
        expect([key, f!.value]).toEqual([key, expect.closeTo(want, 9)]);
        expect([key, computedValue(sheet.getCell(f!.cell))]).toEqual([key, expect.closeTo(want, 9)]);
      }
    }
  });

  it('counts records only: 60 trajectories, 18 registration lines, 7 savings measures', () => {
    const notes = runs.clean.result.plan.sheets.find((s) => s.name === 'TB Normen')!.cells.filter((c) => typeof c.v === 'string' && c.v.startsWith('Gegevens:')).map((c) => c.v as string);
    expect(notes).toEqual([
      expect.stringMatching(/^Gegevens: blad "Monitor trajecten", 60 rijen .*herhaalde kopregel \(rij 36\), totaalregel \(rij 67\), voetnoot of tussenkop \(rijen 69, 70\)/),
      expect.stringMatching(/^Gegevens: blad "Registratie", 18 rijen .*totaalregel \(rijen 12, 22, 23\)/),
      expect.stringMatching(/^Gegevens: blad "Taakstelling", 7 rijen .*regel onder het eindtotaal \(rijen 13, 14, 15\)/),
    ]);
  });

  it('a count over an empty population is "Geen gegevens", never "Behaald"', () => {
    const sheet = runs.clean.workbook.getWorksheet('TB Normen')!;
    const f = runs.clean.result.figures.find((x) => x.key === 'wijkteam_aantal')!;
    const row = sheet.getCell(f.cell).row;
    expect(computedValue(sheet.getCell(`I${row}`))).toBe('Geen gegevens');
  });

  it('clean data: no data-quality or indicator warnings; the only warnings are norms the records really miss', () => {
    const expected = expectedFigures(clean);
    const missed = Object.entries(TARGETS)
      .filter(([key, [op, target]]) => {
        const v = expected[key];
        return v !== null && !(op === '>=' ? v >= target : v <= target);
      })
      .map(([key]) => key)
      .sort();
    const serious = runs.clean.result.findings.filter((f) => f.severity !== 'info');
    expect(serious.filter((f) => f.rule !== 'norm.not-met')).toEqual([]);
    const sheet = runs.clean.result.plan.sheets.find((s) => s.name === 'TB Normen')!;
    const keyAt = (cell: string) => sheet.cells.find((c) => c.col === NORM_COLUMNS.key && a1(c.row, NORM_COLUMNS.value) === cell)?.v;
    expect(serious.map((f) => keyAt(f.cell)).sort()).toEqual(missed);
  });

  it('planted data: every planted problem is a finding at its cell, with the column and the effect', () => {
    const findings = runs.planted.result.findings;
    for (const p of planted.planted) {
      const hit = findings.find((f) => f.sheet === p.sheet && f.cell === p.cell && f.rule === p.rule);
      expect([p.sheet, p.cell, p.rule, hit === undefined]).toEqual([p.sheet, p.cell, p.rule, false]);
    }
    const asText = findings.filter((f) => f.rule === 'norm.number-as-text' && f.sheet === planted.sheets.trajects);
    // The effect: the column mean with the three text ratings read as numbers, computed from the records.
    const ends = nums(planted.records.map((r) => r.cijferEind));
    const ifNumbers = (ends.reduce((s, x) => s + x, 0) / ends.length).toFixed(2).replace('.', ',');
    expect(asText[0].message).toContain(`3 getallen als tekst niet meegeteld`);
    expect(asText[0].message).toContain(`kolomgemiddelde ${ifNumbers}`);
    expect(asText[0].message).toContain('Rapportcijfer eind');
  });

  it('links own norms to the provider\'s indicator lines: recomputed next to reported, a planted difference found at its cell', () => {
    const sheet = runs.planted.workbook.getWorksheet('TB Normen')!;
    const exp = expectedFigures(planted);
    const rows: { indicator: unknown; recomputed: unknown; check: unknown }[] = [];
    let inSection = false;
    sheet.eachRow((row) => {
      const a = computedValue(row.getCell(1));
      if (typeof a === 'string' && a.startsWith('Indicatoren van de aanbieder')) inSection = true;
      else if (inSection && a && a !== 'Werksoort') rows.push({ indicator: computedValue(row.getCell(2)), recomputed: computedValue(row.getCell(8)), check: computedValue(row.getCell(10)) });
    });
    expect(rows).toEqual([
      { indicator: 'Cliënten komen niet binnen 3 maanden terug met dezelfde vraag', recomputed: expect.closeTo(exp.niet_terug_3mnd!, 9), check: 'Klopt' },
      { indicator: 'Uitstroom BJG naar specialistische zorg', recomputed: expect.closeTo(exp.bjg_specialistisch!, 9), check: 'Wijkt af' },
    ]);
    expect(runs.planted.result.findings.filter((f) => f.rule === 'indicator.differs-from-data').map((f) => `${f.sheet}!${f.cell}`)).toEqual(['Indicatoren!D5']);
  });
});
