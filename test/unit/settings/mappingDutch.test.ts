// The column mapping in TB Instellingen in Dutch: kinds and fields as the pane
// shows them, drop-downs, internal names still read, header texts as columns,
// and a warning with the closest names for every entry that cannot be used.

import type ExcelJS from 'exceljs';
import { buildReport } from '../../../src/core/report';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { applyPlan } from '../../../src/hosts/exceljs/applyPlan';
import { readSettings } from '../../../src/core/settings/settingsSheet';
import { closestNames, resolveField, resolveKind } from '../../../src/core/settings/mappingNames';
import { SHEET } from '../../../src/core/generatedSheets';
import { workbookFrom } from '../../support/workbooks';

const BUDGET: unknown[][] = [
  ['Begroting 2022'],
  ['Onderdeel', 'Begroot', 'Werkelijk t/m 30 juni', 'Verwachting', 'Uitleg'],
  ['Ouderenwerk', 100000, 49000, 101000, null],
  ['Jongerenwerk', 80000, 52000, 130000, 'Extra straatcoach'],
];

/** A workbook with its TB Instellingen sheet as Toetsblad wrote it, and mapping rows typed in by a user. */
function withMapping(rows: unknown[][]): ExcelJS.Workbook {
  const wb = workbookFrom({ Financiën: BUDGET });
  const first = buildReport(readWorkbook(wb));
  applyPlan(wb, first.plan);
  const ws = wb.getWorksheet(SHEET.settings)!;
  let header = 0;
  ws.eachRow((row, n) => {
    if (row.getCell(1).value === 'Kolomtoewijzing') header = n + 1;
  });
  rows.forEach((values, i) => values.forEach((v, c) => (ws.getCell(header + 1 + i, c + 1).value = v as ExcelJS.CellValue)));
  return wb;
}

describe('mapping names', () => {
  it('reads Dutch and internal names, whatever the case or accents', () => {
    expect(resolveKind('Begrotingstabel')).toBe('budget-table');
    expect(resolveKind('budget-table')).toBe('budget-table');
    expect(resolveKind('trajectgegevens')).toBe('trajectories');
    expect(resolveKind('Negeren')).toBe('ignore');
    expect(resolveKind('Begroting')).toBeNull();
    expect(resolveField('trajectories', 'Datum afsluiting')).toBe('afsluiting');
    expect(resolveField('trajectories', 'afsluiting')).toBe('afsluiting');
    expect(resolveField('budget-table', 'toelichting')).toBe('toelichting');
    expect(resolveField('budget-table', 'Verklaring')).toBeNull();
  });

  it('suggests the closest names', () => {
    expect(closestNames('Begroting', ['Risicoregister', 'Begrotingstabel', 'Trajectgegevens'])).toEqual(['Begrotingstabel']);
    expect(closestNames('Finacien', ['Financiën', 'Trajecten', 'Risico'])).toEqual(['Financiën']);
    expect(closestNames('xyz', ['Financiën', 'Trajecten'])).toEqual([]);
  });
});

describe('the mapping in TB Instellingen', () => {
  it('applies Dutch kinds, fields and a header text as column, exactly as the internal names do', () => {
    const dutch = withMapping([['Financiën', 2, 'Begrotingstabel', 'Toelichting', 'Uitleg']]);
    const internal = withMapping([['Financiën', 2, 'budget-table', 'toelichting', 'E']]);
    const none = withMapping([]);
    const s = readSettings(readWorkbook(dutch));
    expect(s.mappings).toEqual([expect.objectContaining({ sheet: 'Financiën', headerRow: 2, kind: 'budget-table', field: 'toelichting', column: 'E' })]);
    const explained = (wb: ExcelJS.Workbook) =>
      buildReport(readWorkbook(wb)).findings.filter((f) => f.rule.startsWith('budget.explanation')).map((f) => f.cell);
    // "Uitleg" is no known header for the toelichting: without the mapping, the explained line counts as unexplained.
    expect(explained(none)).toContain('D4');
    expect(explained(dutch)).toEqual(explained(internal));
    expect(explained(dutch)).not.toContain('E4');
    expect(buildReport(readWorkbook(dutch)).findings.filter((f) => f.kind === 'mapping')).toEqual([]);
  });

  it('writes the mapping back in Dutch, with drop-downs for kinds and fields and Ja/Nee for yes/no', () => {
    const wb = withMapping([['Financiën', 2, 'budget-table', 'toelichting', 'E']]);
    const snap = readWorkbook(wb);
    const result = buildReport(snap, { settings: readSettings(snap), writeSettings: true });
    const sheet = result.plan.sheets.find((x) => x.name === SHEET.settings)!;
    const row = sheet.cells.find((c) => c.col === 0 && c.v === 'Financiën')!.row;
    expect(sheet.cells.filter((c) => c.row === row).map((c) => c.v)).toEqual(['Financiën', 2, 'Begrotingstabel', 'Toelichting', 'E']);
    expect(sheet.dataValidations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ range: `D${row + 1}`, list: expect.arrayContaining(['Begroot', 'Toelichting', 'Besparing']) }),
        expect.objectContaining({ range: `C${row + 1}:C${row + 11}`, list: expect.arrayContaining(['Begrotingstabel', 'Trajectgegevens', 'Negeren']) }),
      ]),
    );
    const both = sheet.cells.find((c) => c.v === 'budget.explainBoth')!.row;
    expect(sheet.cells.find((c) => c.row === both && c.col === 1)!.v).toBe('Ja');
    expect(sheet.dataValidations).toContainEqual(expect.objectContaining({ range: `B${both + 1}`, list: ['Ja', 'Nee'] }));
    const pct = sheet.cells.find((c) => c.v === 'budget.explainPct')!.row;
    expect(sheet.cells.find((c) => c.row === pct && c.col === 1)).toMatchObject({ v: 0.05, fmt: '0.0%' });
    // Read back, Ja still means yes.
    applyPlan(wb, result.plan);
    expect(readSettings(readWorkbook(wb)).values['budget.explainBoth']).toBe('Ja');
  });

  it('warns about every entry it cannot use, at its cell, with the closest names', () => {
    const wb = withMapping([
      ['Financiën', 2, 'Begroting', 'toelichting', 'E'], // unknown kind
      ['Financiën', 2, 'Begrotingstabel', 'Verklaring', 'E'], // unknown field
      ['Finacien', 2, 'Begrotingstabel', 'Toelichting', 'E'], // sheet not found
      ['Financiën', 2, 'Begrotingstabel', 'Toelichting', 'Uitlег'], // column text not on the header row (Cyrillic "е")
      ['Financiën', 2, 'Begrotingstabel', 'Toelichting', 'H'], // an empty column
      ['Financiën', 7, 'Begrotingstabel', '', ''], // no table there... declared, so the budget reads it
      ['Financiën', 9, 'Risicoregister', '', ''], // no table on row 9
    ]);
    const result = buildReport(readWorkbook(wb));
    const mapping = result.findings.filter((f) => f.kind === 'mapping');
    const at = mapping.map((f) => `${f.rule}@${f.cell}`);
    const base = (() => {
      const snap = readWorkbook(wb);
      return readSettings(snap).mappings[0].source!.row + 1;
    })();
    expect(at).toEqual(
      expect.arrayContaining([
        `mapping.unknown-kind@C${base}`,
        `mapping.unknown-field@D${base + 1}`,
        `mapping.sheet-not-found@A${base + 2}`,
        `mapping.column-not-found@E${base + 3}`,
        `mapping.column-empty@E${base + 4}`,
        `mapping.no-table@B${base + 6}`,
      ]),
    );
    const msg = (rule: string) => mapping.find((f) => f.rule === rule)!.message;
    expect(msg('mapping.unknown-kind')).toContain('Bedoelt u "Begrotingstabel"?');
    expect(msg('mapping.sheet-not-found')).toContain('Bedoelt u "Financiën"?');
    expect(msg('mapping.column-not-found')).toContain('"E (Uitleg)"');
    expect(msg('mapping.column-empty')).toContain('E (Uitleg)');
    expect(mapping.every((f) => f.severity === 'warning' && f.sheet === SHEET.settings)).toBe(true);
  });
});
