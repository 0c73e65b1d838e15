// Data quality on any data table: findings at their cells, naming the column
// and the effect; formulas without a cached value and error values are never
// read as 0; two columns under one header are said out loud.

import type ExcelJS from 'exceljs';
import { buildDefinitionsSheet } from '../../../src/core/features/norms/definitionsSheet';
import type { DefinitionRow } from '../../../src/core/features/norms/definitionText';
import { buildReport } from '../../../src/core/report';
import { emptyPlan } from '../../../src/core/plan/plan';
import { applyPlan } from '../../../src/hosts/exceljs/applyPlan';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { workbookFrom } from '../../support/workbooks';

function report(wb: ExcelJS.Workbook, norms: DefinitionRow[]) {
  const plan = emptyPlan();
  plan.sheets.push(buildDefinitionsSheet('TB Normdefinities', norms));
  applyPlan(wb, plan);
  return buildReport(readWorkbook(wb), { features: ['norms'] });
}

describe('data quality on an own norm\'s sheet', () => {
  const rows = [
    ['Activiteit', 'Deelnemers', 'Cijfer', 'Cijfer'],
    ['Soos', 10, 7, 1],
    ['Koor', '12', 8, 2],
    ['Kookclub', 14, 6, 3],
    ['Wandelen', 'veel', 7, 4],
  ];

  it('a number as text: its cell, the column and the column mean it would give; text that is no number: an error', () => {
    const result = report(workbookFrom({ Groepen: rows }), [{ sleutel: 'deelnemers', blad: 'Groepen', meting: 'gemiddelde', kolommen: 'Deelnemers' }]);
    const asText = result.findings.filter((f) => f.rule === 'norm.number-as-text');
    expect(asText.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['Groepen!B3']);
    // Now (10 + 14) / 2 = 12,00; with "12" as a number (10 + 12 + 14) / 3 = 12,00 as well; the message says both.
    expect(asText[0].message).toMatch(/kolom "Deelnemers" \(B\): 1 getal als tekst niet meegeteld \(B3\); als getal zou het kolomgemiddelde 12,00 zijn in plaats van 12,00/);
    expect(result.findings.filter((f) => f.rule === 'norm.not-a-number').map((f) => f.cell)).toEqual(['B5']);
    expect(result.figures.find((f) => f.key === 'deelnemers')!.value).toBe(12);
  });

  it('two columns under one header: a warning naming both, and which one is used', () => {
    const result = report(workbookFrom({ Groepen: rows }), [{ sleutel: 'cijfer', blad: 'Groepen', meting: 'gemiddelde', kolommen: 'Cijfer' }]);
    const dup = result.findings.filter((f) => f.rule === 'data.duplicate-header');
    expect(dup.map((f) => [f.cell, f.severity])).toEqual([['D1', 'warning']]);
    expect(dup[0].message).toMatch(/"Cijfer" staat boven 2 kolommen \(C en D\); Toetsblad gebruikt kolom C/);
    expect(result.figures.find((f) => f.key === 'cijfer')!.value).toBe(7);
  });
});

describe('formulas without a cached value and error values', () => {
  function workbook(): ExcelJS.Workbook {
    const wb = workbookFrom({
      Lijst: [
        ['Nr', 'Team', 'Bedrag'],
        ['A', 'Noord', 100],
        ['B', 'Noord', 200],
        ['C', 'Zuid', 300],
        ['D', 'Zuid', 50],
      ],
    });
    const ws = wb.getWorksheet('Lijst')!;
    // Written by a script: a formula with no result, and a cached #DIV/0!.
    ws.getCell('C3').value = { formula: 'NA()' } as ExcelJS.CellValue;
    ws.getCell('C5').value = { error: '#DIV/0!' } as ExcelJS.CellValue;
    return wb;
  }

  it('are findings at their cells; a norm reading the uncached cell is "Geen gegevens", never computed with 0', () => {
    const result = report(workbook(), [
      { sleutel: 'som_bedrag', blad: 'Lijst', meting: 'som', kolommen: 'Bedrag' },
      { sleutel: 'aantal_noord', blad: 'Lijst', meting: 'aantal', filter: 'Team = Noord' },
    ]);
    const at = (rule: string) => result.findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);
    expect(at('data.formula-uncached')).toEqual(['Lijst!C3']);
    expect(result.findings.find((f) => f.rule === 'data.formula-uncached')!.message).toContain('formule zonder berekende waarde: open en bewaar de werkmap eerst in Excel');
    expect(at('data.error-value')).toEqual(['Lijst!C5']);
    expect(result.findings.filter((f) => f.rule === 'norm.uncached-input').map((f) => f.message)).toEqual([expect.stringContaining('Norm som_bedrag is niet berekend: cel Lijst!C3')]);
    // The sum is not written as a formula at all; the other norm does not read column C and is computed.
    expect(result.figures.find((f) => f.key === 'som_bedrag')).toBeUndefined();
    expect(result.figures.find((f) => f.key === 'aantal_noord')!.value).toBe(2);
    const sheet = result.plan.sheets.find((s) => s.name === 'TB Normen')!;
    const keyCell = sheet.cells.find((c) => c.v === 'som_bedrag')!;
    expect(sheet.cells.find((c) => c.row === keyCell.row && c.col === 8)!.v).toBe('Geen gegevens');
  });
});

describe('hostile text in a data table', () => {
  it('a very long text where a number belongs is one short finding, not a copy of the text', () => {
    const long = 'x'.repeat(200_000);
    const rows: unknown[][] = [['Activiteit', 'Deelnemers', 'Opmerking']];
    for (let i = 0; i < 30; i++) rows.push([`Groep ${i}`, i === 7 ? long : i + 1, i % 3 === 0 ? long : 'kort']);
    const result = report(workbookFrom({ Groepen: rows }), [{ sleutel: 'deelnemers', blad: 'Groepen', meting: 'som', kolommen: 'Deelnemers' }]);
    const bad = result.findings.filter((f) => f.sheet === 'Groepen');
    expect(bad.map((f) => [f.rule, f.cell])).toEqual([['norm.not-a-number', 'B9']]);
    expect(bad[0].message.length).toBeLessThan(400);
    // 1 + 2 + … + 30 without the 8.
    expect(result.figures.find((f) => f.key === 'deelnemers')!.value).toBe(465 - 8);
  });
});
