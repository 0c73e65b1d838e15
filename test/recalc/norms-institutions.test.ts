// Per-institution own norms over the five-institution monitor of seed 004
// (test/support/shapes/institutionMonitor.ts, built by the budget side): sums
// per institution from the registration table, sums and two-column conditions
// over the budget lines with their section headings, subtotals, total and
// footnote left out. Expected figures come from the shape's own data.

import type ExcelJS from 'exceljs';
import { buildDefinitionsSheet } from '../../src/core/features/norms/definitionsSheet';
import type { DefinitionRow } from '../../src/core/features/norms/definitionText';
import { emptyPlan } from '../../src/core/plan/plan';
import { applyPlan } from '../../src/hosts/exceljs/applyPlan';
import { BUDGET_LINES, BUDGET_SHEET, INSTITUTIONS, institutionMonitor, REGISTRATIONS } from '../support/shapes/institutionMonitor';
import { reportAndRecalculate } from '../support/pipeline';
import { computedValue } from '../support/recalcCheck';

jest.setTimeout(240_000);

const NORMS: DefinitionRow[] = [
  { sleutel: 'contacten_per_instelling', indicator: 'Contacten 2020', blad: 'Registratie', meting: 'som', kolommen: 'Aantal contacten', per: 'Instelling' },
  { sleutel: 'clienten_gem', indicator: 'Cliënten per deelopdracht (gemiddeld)', blad: 'Registratie', meting: 'gemiddelde', kolommen: 'Aantal cliënten', norm: '≥ 50' },
  { sleutel: 'begroot_totaal', indicator: 'Begroot 2020, alle deelopdrachten', blad: BUDGET_SHEET, meting: 'som', kolommen: 'Begroot 2020' },
  { sleutel: 'overschrijdingen', indicator: 'Deelopdrachten met realisatie boven begroting', blad: BUDGET_SHEET, meting: 'aantal', voorwaarde: 'Realisatie 2020 > Begroot 2020' },
  { sleutel: 'binnen_15000', indicator: 'Realisatie hooguit € 15.000 boven begroting', blad: BUDGET_SHEET, filter: 'Begroot 2020 is getal', meting: 'aandeel', voorwaarde: 'Realisatie 2020 ≤ Begroot 2020 + 15000', norm: '≥ 90%' },
  { sleutel: 'kleine_posten', indicator: 'Deelopdrachten onder € 100.000 begroot', blad: BUDGET_SHEET, meting: 'aantal', voorwaarde: 'Begroot 2020 < 100000' },
];

function withNorms(wb: ExcelJS.Workbook): ExcelJS.Workbook {
  const plan = emptyPlan();
  plan.sheets.push(buildDefinitionsSheet('TB Normdefinities', NORMS));
  applyPlan(wb, plan);
  return wb;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

describe('per-institution norms on the seed-004 monitor', () => {
  const text = institutionMonitor({ textAmount: true });
  let runs: Awaited<ReturnType<typeof reportAndRecalculate>>;
  beforeAll(async () => {
    runs = await reportAndRecalculate({ clean: withNorms(institutionMonitor().workbook), text: withNorms(text.workbook) }, { features: ['norms'] });
  });

  const expected = (textAmount: boolean): Record<string, number | null> => {
    const lines = BUDGET_LINES.filter((l) => !(textAmount && l.institution === 'ONS Welzijn' && l.deelopdracht === 'Mantelzorg'));
    const out: Record<string, number | null> = {
      contacten_per_instelling: REGISTRATIONS.reduce((s, r) => s + r.contacts, 0),
      clienten_gem: REGISTRATIONS.reduce((s, r) => s + r.clients, 0) / REGISTRATIONS.length,
      begroot_totaal: lines.reduce((s, l) => s + l.begroot, 0),
      overschrijdingen: lines.filter((l) => l.realisatie > l.begroot).length,
      kleine_posten: lines.filter((l) => l.begroot < 100_000).length,
      // With a text amount, "+ 15000" cannot be computed on that row: the norm is empty ("Geen gegevens") and the cell a finding.
      binnen_15000: textAmount ? null : lines.filter((l) => l.realisatie <= l.begroot + 15_000).length / lines.length,
    };
    for (const inst of INSTITUTIONS) out[`contacten_per_instelling.${slug(inst)}`] = REGISTRATIONS.filter((r) => r.institution === inst).reduce((s, r) => s + r.contacts, 0);
    return out;
  };

  it.each(['clean', 'text'] as const)('%s: engine and LibreOffice agree on every formula', (run) => {
    expect(runs[run].mismatches).toEqual([]);
  });

  it.each(['clean', 'text'] as const)('%s: every figure equals the value computed from the shape\'s data', (run) => {
    const figures = new Map(runs[run].result.figures.map((f) => [f.key, f]));
    const sheet = runs[run].workbook.getWorksheet('TB Normen')!;
    for (const [key, want] of Object.entries(expected(run === 'text'))) {
      const f = figures.get(key);
      expect([key, f === undefined]).toEqual([key, false]);
      const spreadsheet = computedValue(sheet.getCell(f!.cell));
      if (want === null) expect([key, f!.value, spreadsheet ?? '']).toEqual([key, null, '']);
      else expect([key, f!.value, spreadsheet]).toEqual([key, expect.closeTo(want, 9), expect.closeTo(want, 9)]);
    }
  });

  it('counts the 13 budget lines, not the section headings, subtotals, total or footnote', () => {
    const notes = runs.clean.result.plan.sheets.find((s) => s.name === 'TB Normen')!.cells.filter((c) => typeof c.v === 'string' && c.v.startsWith(`Gegevens: blad "${BUDGET_SHEET}"`));
    expect(notes.map((c) => c.v)).toEqual([expect.stringMatching(new RegExp(`, ${BUDGET_LINES.length} rijen `))]);
  });

  it('clean: no data findings; text amount: found at its cell, and the norm that cannot compute says where', () => {
    const data = (run: 'clean' | 'text') => runs[run].result.findings.filter((f) => f.sheet === BUDGET_SHEET || f.sheet === 'Registratie').map((f) => `${f.rule}@${f.cell}`);
    expect(data('clean')).toEqual([]);
    const cell = `B${text.budgetRow('ONS Welzijn', 'Mantelzorg')}`;
    expect(data('text').sort()).toEqual([`norm.date-not-computable@${cell}`, `norm.number-as-text@${cell}`].sort());
  });
});
