import { buildReport } from '../../../src/core/report';
import { detectIndicatorTables } from '../../../src/core/features/norms/indicators';
import { emptySettings } from '../../../src/core/settings/settings';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { EXAMPLE, EXPECTED, loadXlsx, workbookFrom } from '../../support/workbooks';

describe('the provider\'s Indicatoren sheet in the example', () => {
  it('parses every norm text, and reports the one empty realisation', async () => {
    const snap = readWorkbook(await loadXlsx(EXAMPLE));
    const [table] = detectIndicatorTables(snap, emptySettings());
    expect(table.sheet).toBe('Indicatoren');
    expect(table.headerRow + 1).toBe(3);
    expect(table.rows.map((r) => [r.normText, r.norm && [r.norm.op, r.norm.value, r.norm.percent], r.realisation])).toEqual([
      ['≥ 90%', ['>=', 0.9, true], 0.87],
      ['100%', ['>=', 1, true], 0.97],
      ['minimaal 80%', ['>=', 0.8, true], 0.82],
      ['max. 10%', ['<=', 0.1, true], 0.125],
      ['maximaal 30%', ['<=', 0.3, true], 0.41],
      ['100%', ['>=', 1, true], 0.93],
      ['max 50%', ['<=', 0.5, true], 0.47],
      ['minimaal 85', ['>=', 85, false], 88],
      ['> 6,0', ['>', 6, false], 6.4],
      ['minimaal 75', ['>=', 75, false], 71],
      ['85%', ['>=', 0.85, true], 0.88],
      ['60%', ['>=', 0.6, true], null],
    ]);
    expect(table.findings.map((f) => [f.rule, f.cell])).toEqual([['indicator.realisation-missing', 'D15']]);
  });

  it('puts reported and recomputed side by side and flags differences over 0,5 percentage point', async () => {
    const result = buildReport(readWorkbook(await loadXlsx(EXAMPLE)), { features: ['norms'] });
    const differs = result.findings.filter((f) => f.rule === 'indicator.differs-from-data');
    const byCell = Object.fromEntries(differs.map((f) => [f.cell, f]));
    // 87% reported, 88,87% in the data: flagged. 97% vs 97,47%: within 0,5 point.
    expect(Object.keys(byCell).sort()).toEqual(['D12', 'D4', 'D6', 'D7', 'D9', 'D10'].sort());
    expect(byCell.D4.expected).toBeCloseTo(EXPECTED.trajecten.isw_eerste_gesprek_binnen_28d_pct / 100, 6);
    expect(byCell.D4.actual).toBe(0.87);
    expect(byCell.D12.expected).toBeCloseTo(EXPECTED.trajecten.gem_cijfer_eind, 4);
    const sheet = result.plan.sheets.find((s) => s.name === 'TB Normen')!;
    const cellText = (row: number, col: number) => sheet.cells.find((c) => c.row === row && c.col === col);
    const budgetRow = sheet.cells.find((c) => c.v === 'Inzet budget individueel sociaal werk (t.o.v. collectief en informeel)')!.row;
    expect(cellText(budgetRow, 7)!.v).toBe('Niet herberekenbaar op dit blad (begroting)');
    const sixWeeks = sheet.cells.find((c) => c.v === 'Eerste vraagverhelderingsgesprek binnen 6 weken na aanmelding')!.row;
    expect(cellText(sixWeeks, 9)!.v).toBe('Klopt');
    expect(cellText(sixWeeks, 6)!.v).toBe('Niet behaald');
  });
});

describe('hand-made Indicatoren sheets', () => {
  it('reports unreadable norms and realisations at their cells and never throws', () => {
    const wb = workbookFrom({
      Indicatoren: [
        ['Indicator', 'Norm', 'Realisatie'],
        ['Bereik', 'hoog', '80%'],
        ['Wachttijd', 'ten hoogste 14', 'veertien'],
        ['Tevredenheid', 'ten minste 7,5', '8,1'],
        ['Leeg', '', '5'],
      ],
    });
    const result = buildReport(readWorkbook(wb), { features: ['norms'] });
    const got = result.findings.filter((f) => f.kind === 'indicator').map((f) => `${f.rule}@${f.cell}`).sort();
    expect(got).toEqual(['indicator.norm-unreadable@B2', 'indicator.norm-unreadable@B5', 'indicator.realisation-unreadable@C3'].sort());
    const sheet = result.plan.sheets.find((s) => s.name === 'TB Normen')!;
    const row = sheet.cells.find((c) => c.v === 'Tevredenheid')!.row;
    const status = sheet.cells.find((c) => c.row === row && c.col === 6)!;
    expect(status.f).toBe('IF(F' + (row + 1) + '="","Geen gegevens",IF(F' + (row + 1) + '>=E' + (row + 1) + ',"Behaald",IF(F' + (row + 1) + '>=E' + (row + 1) + '-0,"Bijna","Niet behaald")))');
    expect(status.v).toBe('Behaald');
  });

  it('writes provider text as literal values, never inside a formula', () => {
    const wb = workbookFrom({ Indicatoren: [['Indicator', 'Norm', 'Realisatie'], ['=HYPERLINK("http://x")', 'minimaal 5', '6']] });
    const sheet = buildReport(readWorkbook(wb), { features: ['norms'] }).plan.sheets.find((s) => s.name === 'TB Normen')!;
    expect(sheet.cells.filter((c) => c.f?.includes('HYPERLINK'))).toEqual([]);
    expect(sheet.cells.some((c) => c.v === '=HYPERLINK("http://x")' && c.f === undefined)).toBe(true);
  });
});

describe('indicator cells as numbers and "not available" texts', () => {
  it('reads a percentage-formatted number as a percentage and n.v.t. as a missing realisation', () => {
    const wb = workbookFrom({
      Indicatoren: [
        ['Indicator', 'Norm', 'Realisatie'],
        ['Eerste gesprek binnen 4 weken', 0.9, 0.87],
        ['Bereik jongeren', 'minimaal 100', 'n.v.t.'],
        ['Wachtlijst', 'max. 10', '-'],
      ],
    });
    const ws = wb.getWorksheet('Indicatoren')!;
    ws.getCell('B2').numFmt = '0%';
    ws.getCell('C2').numFmt = '0%';
    const [table] = detectIndicatorTables(readWorkbook(wb), emptySettings());
    expect(table.rows.map((r) => [r.norm, r.realisation, r.percent])).toEqual([
      [{ op: '>=', value: 0.9, percent: true }, 0.87, true],
      [{ op: '>=', value: 100, percent: false }, null, false],
      [{ op: '<=', value: 10, percent: false }, null, false],
    ]);
    expect(table.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(['indicator.realisation-missing@C3', 'indicator.realisation-missing@C4']);
  });
});
