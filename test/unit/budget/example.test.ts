// The budget feature on the example workbook, against the independent oracle
// in oss-2022-halfjaar.expected.json.

import { buildReport } from '../../../src/core/report';
import { featureContext } from '../../../src/core/report';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { applyPlan } from '../../../src/hosts/exceljs/applyPlan';
import { detectBudgetTables } from '../../../src/core/features/budget/table';
import { fteRate } from '../../../src/core/features/budget/fteRate';
import { budgetConfig } from '../../../src/core/features/budget/settings';
import { individualShare } from '../../../src/core/features/budget';
import { analyseBudget } from '../../../src/core/features/budget';
import { emptySettings } from '../../../src/core/settings/settings';
import type { Settings } from '../../../src/core/settings/settings';
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { cellText, findSheet } from '../../../src/core/workbook/snapshot';
import { EXAMPLE, EXPECTED, loadXlsx, sheetFingerprint, workbookFrom } from '../../support/workbooks';

interface Regel {
  werksoort: string;
  onderdeel: string;
  fte: number | null;
  begroot: number;
  realisatie: number;
  prognose: number;
  toelichting: boolean;
}

let snap: WorkbookSnapshot;
beforeAll(async () => {
  snap = readWorkbook(await loadXlsx(EXAMPLE));
});

const budgetFindings = (settings?: Settings) => buildReport(snap, { features: ['budget'], settings }).findings.filter((f) => f.kind === 'budget');

/** 1-based row of the first "Subtotaal" under a werksoort heading on Financiering. */
function subtotalRow(werksoort: string): number {
  const fin = findSheet(snap, 'Financiering')!;
  let inSection = false;
  for (let r = 0; r < fin.rowCount; r++) {
    const label = cellText(fin.value(r, 0));
    if (label === werksoort) inSection = true;
    else if (inSection && label === 'Subtotaal') return r + 1;
  }
  throw new Error(`no Subtotaal under ${werksoort}`);
}

describe('budget on the example workbook', () => {
  it('finds one budget table on Financiering with all six columns', () => {
    const tables = detectBudgetTables(snap, emptySettings());
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ sheet: 'Financiering', headerRow: 3 });
    expect(tables[0].columns).toEqual({ label: 0, fte: 1, begroot: 2, realisatie: 3, prognose: 4, toelichting: 5 });
    const sections = [...new Set(tables[0].rows.filter((r) => r.kind === 'line').map((r) => r.section))];
    expect(sections).toEqual([...new Set((EXPECTED.financiering_regels as Regel[]).map((r) => r.werksoort))]);
  });

  it('reports exactly the subtotal differences of financiering_subtotalen, the Jeugd cent as info at its cell', () => {
    const subtotal = budgetFindings().filter((f) => f.rule.startsWith('budget.subtotal'));
    const expected = (EXPECTED.financiering_subtotalen as { werksoort: string; subtotaal_bedrag_vermeld: number; subtotaal_bedrag_som: number; subtotaal_fte_vermeld: number; subtotaal_fte_som: number }[]).flatMap((s) => {
      const out: object[] = [];
      const row = subtotalRow(s.werksoort);
      if (Math.round(s.subtotaal_bedrag_vermeld * 100) !== Math.round(s.subtotaal_bedrag_som * 100))
        out.push({ cell: `C${row}`, expected: s.subtotaal_bedrag_som, actual: s.subtotaal_bedrag_vermeld });
      if (Math.round(s.subtotaal_fte_vermeld * 100) !== Math.round(s.subtotaal_fte_som * 100))
        out.push({ cell: `B${row}`, expected: s.subtotaal_fte_som, actual: s.subtotaal_fte_vermeld });
      return out;
    });
    expect(expected).toEqual([{ cell: 'C40', expected: 3182890.82, actual: 3182890.81 }]);
    expect(subtotal.map(({ cell, expected: e, actual }) => ({ cell, expected: e, actual }))).toEqual(expected);
    expect(subtotal[0]).toMatchObject({ rule: 'budget.subtotal-rounding', severity: 'info', sheet: 'Financiering' });
  });

  it('finds the normative rate of €107.331,09 per fte and no line off it', () => {
    const [table] = detectBudgetTables(snap, emptySettings());
    const rate = fteRate([table], budgetConfig(emptySettings()))!;
    expect(rate.rate).toBe(EXPECTED.fte_normprijs);
    const withFte = (EXPECTED.financiering_regels as Regel[]).filter((r) => r.fte !== null && r.fte > 0);
    expect(rate.lines).toHaveLength(withFte.length);
    expect(rate.support).toBe(withFte.length);
    expect(budgetFindings().filter((f) => f.rule.startsWith('budget.fte-rate'))).toEqual([]);
  });

  it('flags exactly the lines whose prognose differs > 5% and > €15.000 from the budget without toelichting', () => {
    const regels = EXPECTED.financiering_regels as Regel[];
    const needs = regels.filter((r) => !r.toelichting && Math.abs(r.prognose - r.begroot) > 15000 && Math.abs(r.prognose - r.begroot) > 0.05 * Math.abs(r.begroot));
    const fin = findSheet(snap, 'Financiering')!;
    const got = budgetFindings()
      .filter((f) => f.rule === 'budget.explanation-missing')
      .map((f) => {
        expect(f.cell).toMatch(/^F\d+$/);
        const row = Number(f.cell.slice(1)) - 1;
        return `${cellText(fin.value(row, 0))}|${f.expected}|${f.actual}`;
      });
    expect(got).toEqual(needs.map((r) => `${r.onderdeel}|${r.begroot}|${r.prognose}`));
    expect(needs.length).toBe(9);
  });

  it('also asks for a toelichting when the realisation is off the pro-rata budget, unless switched off', () => {
    const regels = EXPECTED.financiering_regels as Regel[];
    const onlyRealisation = regels.filter((r) => {
      const d = r.prognose - r.begroot;
      const dr = r.realisatie - r.begroot / 2;
      const prog = Math.abs(d) > 15000 && Math.abs(d) > 0.05 * r.begroot;
      return !r.toelichting && !prog && Math.abs(dr) > 15000 && Math.abs(dr) > 0.05 * (r.begroot / 2);
    });
    expect(onlyRealisation.map((r) => r.onderdeel)).toEqual(['Voor elkaar']);
    const real = budgetFindings().filter((f) => f.rule === 'budget.explanation-missing-realisation');
    expect(real.map((f) => f.cell)).toEqual(['F14']);
    const off: Settings = { ...emptySettings(), values: { 'budget.explainRealisation': 'nee' } };
    expect(budgetFindings(off).filter((f) => f.rule === 'budget.explanation-missing-realisation')).toEqual([]);
  });

  it('follows the threshold settings', () => {
    const strict: Settings = { ...emptySettings(), values: { 'budget.explainEur': '100.000', 'budget.explainPct': '10%' } };
    const regels = EXPECTED.financiering_regels as Regel[];
    const needs = regels.filter((r) => !r.toelichting && Math.abs(r.prognose - r.begroot) > 100000 && Math.abs(r.prognose - r.begroot) > 0.1 * r.begroot);
    const got = budgetFindings(strict).filter((f) => f.rule === 'budget.explanation-missing');
    expect(got.map((f) => f.actual)).toEqual(needs.map((r) => r.prognose));
    // A period of 9 months moves the pro-rata budget in the sheet.
    const nine = buildReport(snap, { features: ['budget'], settings: { ...emptySettings(), values: { 'budget.periodMonths': 9 } } });
    const sheet = nine.plan.sheets.find((s) => s.name === 'TB Begroting')!;
    expect(sheet.cells.find((c) => c.row === 5 && c.col === 1)).toMatchObject({ f: '$B$5/12', v: 0.75 });
  });

  it('computes the share of individual social work for the norms sheet', () => {
    const share = individualShare(snap, emptySettings())!;
    const regels = EXPECTED.financiering_regels as Regel[];
    const sum = (w: string) => regels.filter((r) => r.werksoort === w).reduce((a, r) => a + r.begroot, 0);
    expect(share.share!).toBeCloseTo(sum('Individueel Sociaal Werk') / (sum('Individueel Sociaal Werk') + sum('Collectief Sociaal Werk')), 12);
    expect(share.meets).toBe(false);
    expect(share.individual.sections).toEqual(['Individueel Sociaal Werk']);
    expect(share.collective.sections).toEqual(['Collectief Sociaal Werk']);
  });

  it('is idempotent and leaves the user sheets alone', async () => {
    const a = buildReport(snap, { features: ['budget'] });
    const b = buildReport(snap, { features: ['budget'] });
    expect(JSON.stringify(b.plan)).toBe(JSON.stringify(a.plan));
    const wb = await loadXlsx(EXAMPLE);
    const before = sheetFingerprint(wb.getWorksheet('Financiering')!);
    applyPlan(wb, a.plan);
    expect(sheetFingerprint(wb.getWorksheet('Financiering')!)).toEqual(before);
    // The report read back in gives the same plan: our own sheet is not mistaken for input.
    const again = buildReport(readWorkbook(wb), { features: ['budget'] });
    expect(JSON.stringify(again.plan.sheets.find((s) => s.name === 'TB Begroting'))).toBe(JSON.stringify(a.plan.sheets.find((s) => s.name === 'TB Begroting')));
  });

  it('keeps user text out of formulas and names, BSN and dates out of the sheet', () => {
    const ctx = featureContext(snap);
    const { output } = analyseBudget(ctx);
    const sheet = output.sheets[0];
    for (const c of sheet.cells) if (c.f) expect(c.f).not.toMatch(/Sociaal|Jeugd|Blink|wachtlijst/i);
    expect(sheet.cells.some((c) => typeof c.v === 'string' && /T-\d{5}/.test(c.v))).toBe(false);
  });
});

describe('sections without a Subtotaal row', () => {
  it('checks the other subtotals against their own section and still reports the section sums', async () => {
    const wb = await loadXlsx(EXAMPLE);
    const fin = wb.getWorksheet('Financiering')!;
    for (const c of ['A', 'B', 'C']) {
      fin.getCell(`${c}40`).value = null; // Jeugd loses its Subtotaal
      fin.getCell(`${c}46`).value = null; // and so does Jongerenwerk, the last section
    }
    const result = buildReport(readWorkbook(wb), { features: ['budget'] });
    expect(result.findings.filter((f) => f.rule.startsWith('budget.subtotal') || f.rule.startsWith('budget.total'))).toEqual([]);
    const subtotals = EXPECTED.financiering_subtotalen as { werksoort: string; subtotaal_bedrag_som: number; subtotaal_fte_som: number }[];
    for (const [werksoort, slug] of [
      ['Jeugd', 'jeugd'],
      ['Jongerenwerk', 'jongerenwerk'],
      ['Collectief Sociaal Werk', 'collectief_sociaal_werk'],
    ]) {
      const s = subtotals.find((x) => x.werksoort === werksoort)!;
      expect(result.figures.find((f) => f.key === `budget_${slug}_begroot_som`)?.value).toBeCloseTo(s.subtotaal_bedrag_som, 6);
      expect(result.figures.find((f) => f.key === `budget_${slug}_fte_som`)?.value).toBeCloseTo(s.subtotaal_fte_som, 9);
    }
  });

  it('lets one Subtotaal cover several headed sections when only that adds up', () => {
    const wb = workbookFrom({
      B: [
        ['Onderdeel', 'Begroot'],
        ['Personeel'],
        ['Salarissen', 1000],
        ['Sociale lasten', 250],
        [],
        ['Materieel'],
        ['Huur', 500],
        ['Subtotaal', 1750],
        [],
        ['Projecten'],
        ['Project A', 300],
        ['Project B', 200],
        ['Subtotaal projecten', 500],
        ['Totaal', 2250],
      ],
    });
    const result = buildReport(readWorkbook(wb), { features: ['budget'] });
    expect(result.findings.filter((f) => f.kind === 'budget')).toEqual([]);
    expect(result.figures.find((f) => f.key === 'budget_personeel_begroot_som')?.value).toBe(1750);
    expect(result.figures.find((f) => f.key === 'budget_projecten_begroot_som')?.value).toBe(500);
    const broken = workbookFrom({ B: [['Onderdeel', 'Begroot'], ['Personeel'], ['Salarissen', 1000], [], ['Materieel'], ['Huur', 500], ['Subtotaal', 1600]] });
    const f = buildReport(readWorkbook(broken), { features: ['budget'] }).findings.filter((x) => x.kind === 'budget');
    // Neither scope adds up: the subtotal is checked against its own section.
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.actual])).toEqual([['budget.subtotal-mismatch', 'B7', 500, 1600]]);
  });
});

describe('detection for the scan view and the mapping editor', () => {
  it('reports the table with its columns and honours an ignore or a column override', () => {
    const out = buildReport(snap, { features: ['budget'] });
    expect(out.detections.filter((d) => d.feature === 'budget')).toEqual([
      expect.objectContaining({ kind: 'budget-table', sheet: 'Financiering', range: 'A4:F46', headerRow: 4, columns: { label: 'A', fte: 'B', begroot: 'C', realisatie: 'D', prognose: 'E', toelichting: 'F' } }),
    ]);
    const ignore: Settings = { ...emptySettings(), mappings: [{ sheet: 'Financiering', headerRow: 4, kind: 'ignore', field: '', column: '' }] };
    const ignored = buildReport(snap, { features: ['budget'], settings: ignore });
    expect(ignored.detections.filter((d) => d.feature === 'budget')).toEqual([]);
    expect(ignored.findings.filter((f) => f.kind === 'budget')).toEqual([]);
    // Unmapping the Toelichting column ("-"): every line over the thresholds now lacks one.
    const override: Settings = { ...emptySettings(), mappings: [{ sheet: 'Financiering', headerRow: 4, kind: 'budget-table', field: 'toelichting', column: '-' }] };
    const noExplanations = buildReport(snap, { features: ['budget'], settings: override }).findings.filter((f) => f.rule.startsWith('budget.explanation-missing'));
    // The two lines that were explained are now reported too, at their prognose cells.
    expect(noExplanations.map((f) => f.cell)).toEqual(expect.arrayContaining(['E19', 'E43']));
  });
});

describe('settings stored in the workbook', () => {
  it('lists the budget settings in TB Instellingen and reads an edited period back', async () => {
    const wb = await loadXlsx(EXAMPLE);
    applyPlan(wb, buildReport(readWorkbook(wb), { features: ['budget'] }).plan);
    const ws = wb.getWorksheet('TB Instellingen')!;
    let periodRow = 0;
    ws.eachRow((row, n) => {
      // The Dutch description comes first, the key is the reference in the third column.
      if (row.getCell(3).value === 'budget.periodMonths') periodRow = n;
    });
    expect(periodRow).toBeGreaterThan(0);
    expect(ws.getCell(periodRow, 2).value).toBe('auto');
    ws.getCell(periodRow, 2).value = 9;
    const again = buildReport(readWorkbook(wb), { features: ['budget'] });
    const sheet = again.plan.sheets.find((s) => s.name === 'TB Begroting')!;
    expect(sheet.cells.find((c) => c.row === 4 && c.col === 1)?.v).toBe(9);
    expect(sheet.cells.find((c) => c.row === 5 && c.col === 1)?.v).toBe(0.75);
  });
});
