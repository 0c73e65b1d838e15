// What the report looks like, checked on the plan: every TB sheet prints
// A4 landscape one page wide with a footer, the overview comes first and is
// the sheet the workbook opens on, findings show values in their units with
// a text bound in its own column, rule ids and keys sit in a last grey
// column, settings read Ja/Nee and percentages, and columns fit their text.

import { buildReport } from '../../../src/core/report';
import { SHEET } from '../../../src/core/generatedSheets';
import { fitLayout, textWidth } from '../../../src/core/plan/layout';
import type { SheetSpec } from '../../../src/core/plan/plan';
import { readSettings } from '../../../src/core/settings/settingsSheet';
import { applyPlan } from '../../../src/hosts/exceljs/applyPlan';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { EXAMPLE, loadXlsx, snapshotOf } from '../../support/workbooks';

let example: WorkbookSnapshot;
beforeAll(async () => {
  example = await snapshotOf(EXAMPLE);
});

const at = (s: SheetSpec, row: number, col: number) => s.cells.find((c) => c.row === row && c.col === col);

describe('report presentation', () => {
  it('puts the overview first, opens on it, and gives every sheet A4 landscape, one page wide, with the run date in the footer', () => {
    const r = buildReport(example, { runDate: new Date(Date.UTC(2026, 5, 30)) });
    expect(r.plan.sheets[0].name).toBe(SHEET.overview);
    expect(r.plan.activeSheet).toBe(SHEET.overview);
    for (const s of r.plan.sheets) {
      expect(s.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
      expect(s.pageSetup!.footer).toContain('30 juni 2026');
      expect(s.pageSetup!.footer).toContain('pagina &P van &N');
      expect(s.pageSetup!.printArea).toMatch(/^A1:[A-Z]+\d+$/);
    }
    expect(r.plan.sheets[0].pageSetup).toMatchObject({ fitToHeight: 1 });
    expect(r.plan.sheets[0].charts).toHaveLength(3);
  });

  it('shows expected and actual values as numbers in their unit, the text bound beside them, the rule last and grey', () => {
    const r = buildReport(example);
    const sheet = r.plan.sheets.find((s) => s.name === SHEET.findings)!;
    const header = sheet.cells.filter((c) => c.row === 9).map((c) => c.v);
    expect(header).toEqual(['Ernst', 'Onderdeel', 'Blad', 'Cel', 'Melding', 'Grens', 'Verwacht', 'Werkelijk', 'Geaccepteerd', 'Reden', 'Regel']);
    const rowOf = (rule: string) => sheet.cells.find((c) => c.col === 10 && c.v === rule)!.row;
    // A norm not met: "≥ 90,0%" as the bound, the realisation as a fraction with a percent format.
    const norm = rowOf('norm.not-met');
    expect(String(at(sheet, norm, 5)?.v)).toMatch(/^[≥≤<>=]/);
    expect(typeof at(sheet, norm, 7)?.v).toBe('number');
    expect(at(sheet, norm, 7)?.fmt).toBe('0.0%');
    expect(at(sheet, norm, 10)?.style).toBe('muted');
    // A budget explanation: money in euros.
    const budget = rowOf('budget.explanation-missing');
    expect(typeof at(sheet, budget, 6)?.v).toBe('number');
    expect(at(sheet, budget, 6)?.fmt).toContain('€');
  });

  it('lists settings by their Dutch description, with Ja/Nee and percentages, and reads them back unchanged', async () => {
    const wb = await loadXlsx(EXAMPLE);
    const r = buildReport(readWorkbook(wb));
    const settings = r.plan.sheets.find((s) => s.name === SHEET.settings)!;
    const row = (key: string) => settings.cells.find((c) => c.col === 2 && c.v === key)!.row;
    expect(at(settings, row('budget.explainPct'), 1)).toMatchObject({ v: 0.05, fmt: '0.0%' });
    const bool = settings.cells.find((c) => c.col === 1 && (c.v === 'Ja' || c.v === 'Nee'));
    expect(bool).toBeDefined();
    expect(String(at(settings, row('budget.explainPct'), 0)?.v).length).toBeGreaterThan(20);
    applyPlan(wb, r.plan);
    const back = readSettings(readWorkbook(wb));
    expect(back.values['budget.explainPct']).toBe(0.05);
    const boolKey = String(at(settings, bool!.row, 2)!.v);
    expect(back.values[boolKey]).toBe(bool!.v);
    // The workbook opens on the overview after the ExcelJS host wrote it too.
    expect(wb.worksheets[(wb.views[0] as { activeTab: number }).activeTab].name).toBe(SHEET.overview);
  });

  it('widens a column for text that would be cut off, wraps text beyond the cap and gives its row a height', () => {
    const long = 'Een toelichting die veel langer is dan de breedste kolom die Toetsblad maakt, dus die moet afbreken.';
    const spec = fitLayout({
      name: 'x',
      cells: [
        { row: 0, col: 0, v: 'Individueel Sociaal Werk' },
        { row: 0, col: 1, v: 2520969.18, fmt: '"€" #,##0.00' },
        { row: 1, col: 0, v: long },
        { row: 1, col: 1, v: 1 },
        { row: 2, col: 0, v: 'Titel die mag doorlopen' },
      ],
      columnWidths: [{ col: 1, width: 5 }],
      merges: [],
      conditionalFormats: [],
      dataValidations: [],
    });
    const width = (c: number) => spec.columnWidths.find((w) => w.col === c)!.width;
    expect(width(0)).toBeGreaterThanOrEqual(textWidth('Individueel Sociaal Werk'));
    expect(width(0)).toBeLessThanOrEqual(48);
    // "€ 2.520.969,18": nine digits, the euro sign and separators; a 5-wide column would show #####.
    expect(width(1)).toBeGreaterThanOrEqual(12);
    expect(spec.cells.find((c) => c.row === 1 && c.col === 0)?.wrap).toBe(true);
    expect(spec.rowHeights!.find((h) => h.row === 1)!.height).toBeGreaterThanOrEqual(30);
    expect(spec.cells.find((c) => c.row === 2)?.wrap).toBeUndefined();
  });
});
