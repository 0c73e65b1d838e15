// The whole report on budget workbooks of other shapes than the example — the
// seed-004 institution monitor, the seed-001 regional monitor, seed-003
// savings tasks and an annual budget — recalculated in LibreOffice: every
// generated formula agrees with the engine, and the key figures are the ones
// computed here from the shapes' own data.

import { SHEET } from '../../src/core/generatedSheets';
import { reportAndRecalculate } from '../support/pipeline';
import type { Recalculated } from '../support/pipeline';
import { computedValue } from '../support/recalcCheck';
import { slug } from '../../src/core/features/budget/schema';
import { INSTITUTIONS, institutionMonitor } from '../support/shapes/institutionMonitor';
import { regionalMonitor } from '../support/shapes/regionalMonitor';
import { workbookFrom } from '../support/workbooks';

jest.setTimeout(300_000);

function spreadsheet(r: Recalculated, key: string): unknown {
  const f = r.result.figures.find((x) => x.key === key);
  if (!f) throw new Error(`no figure ${key}`);
  return computedValue(r.workbook.getWorksheet(f.sheet)!.getCell(f.cell));
}

const TASK = 525000;
const MEASURES = [45000, 17000, 7000, 6000, 100000, 350000];

describe('budget shapes recalculated by LibreOffice', () => {
  let runs: Record<string, Recalculated>;
  beforeAll(async () => {
    runs = await reportAndRecalculate({
      institutions: institutionMonitor().workbook,
      institutionsPlanted: institutionMonitor({ textAmount: true, wrongSubtotal: true, unexplained: true }).workbook,
      region: regionalMonitor().workbook,
      regionPlanted: regionalMonitor({ textNumber: true, regionalOff: true, unexplained: true }).workbook,
      savings: workbookFrom({
        Taakstelling: [
          ['Maatregel', 'Besparing'],
          ...MEASURES.map((v, i) => [`Maatregel ${i + 1}`, i === 4 ? '€ 100.000,-' : v]),
          [],
          ['Taakstelling', TASK],
          ['Gerealiseerde besparing', 400000],
          ['Nog te realiseren', 100000],
        ],
      }),
    });
  });

  it('agrees with the engine on every generated formula, in every feature', () => {
    for (const [name, r] of Object.entries(runs)) {
      expect({ name, mismatches: r.mismatches }).toEqual({ name, mismatches: [] });
      expect(r.result.generatedSheets).toContain(SHEET.budget);
      expect(r.result.findings.filter((f) => f.rule === 'internal.feature-failed')).toEqual([]);
    }
  });

  it('gives no warnings or errors on the clean shapes', () => {
    for (const name of ['institutions', 'region']) {
      const serious = runs[name].result.findings.filter((f) => f.severity !== 'info' && (f.kind === 'budget' || f.kind === 'input' || f.kind === 'mapping' || f.kind === 'privacy'));
      expect({ name, serious }).toEqual({ name, serious: [] });
    }
  });

  it('shows the per-institution totals of seed 004 in LibreOffice, the text amount included', () => {
    for (const name of ['institutions', 'institutionsPlanted']) {
      const shape = institutionMonitor();
      for (const inst of INSTITUTIONS) {
        const own = shape.lines.filter((l) => l.institution === inst);
        expect(spreadsheet(runs[name], `budget_${slug(inst)}_begroot`)).toBe(own.reduce((a, l) => a + l.begroot, 0));
      }
    }
    expect(spreadsheet(runs.institutionsPlanted, 'budget_ons_welzijn_begroot_som')).toBe(264000);
    expect(spreadsheet(runs.institutionsPlanted, 'budget_optellingen_fout')).toBe(1);
    expect(spreadsheet(runs.institutionsPlanted, 'budget_toelichting_open')).toBe(1);
    expect(spreadsheet(runs.institutions, 'budget_toelichting_open')).toBe(0);
  });

  it('shows the regional check and the municipal totals of seed 001 in LibreOffice', () => {
    const shape = regionalMonitor();
    for (const m of shape.municipalities) {
      expect(spreadsheet(runs.region, `budget_${slug(m.title)}_begroot`)).toBe(m.lines.reduce((a, l) => a + l.begroot, 0));
      expect(spreadsheet(runs.regionPlanted, `budget_${slug(m.title)}_begroot`)).toBe(m.lines.reduce((a, l) => a + l.begroot, 0));
    }
    expect(spreadsheet(runs.region, 'budget_optellingen_fout')).toBe(0);
    // Sociaal werk and Totaal in the Begroting column.
    expect(spreadsheet(runs.regionPlanted, 'budget_optellingen_fout')).toBe(2);
  });

  it('shows the savings task in LibreOffice: lines, stated saving, remainder and share', () => {
    const r = runs.savings;
    const sum = MEASURES.reduce((a, v) => a + v, 0);
    expect(spreadsheet(r, 'budget_taakstelling')).toBe(TASK);
    expect(spreadsheet(r, 'budget_besparing_regels_som')).toBe(sum);
    expect(spreadsheet(r, 'budget_besparing_gerealiseerd')).toBe(400000);
    expect(spreadsheet(r, 'budget_taakstelling_rest')).toBe(TASK - 400000);
    expect(spreadsheet(r, 'budget_taakstelling_pct') as number).toBeCloseTo(400000 / TASK, 12);
    const rules = r.result.findings.filter((f) => f.kind === 'budget').map((f) => `${f.rule}@${f.cell}`).sort();
    expect(rules).toEqual(['budget.number-as-text@B6', 'budget.savings-open@B11', 'budget.savings-remaining-mismatch@B11', 'budget.savings-sum-mismatch@B10']);
  });
});
