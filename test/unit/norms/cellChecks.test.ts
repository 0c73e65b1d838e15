// Issue 11 item 6 outside the norms: in budget and risk tables, a formula
// without a cached value, a cached error value and a header above two columns
// are findings at their cells, unless the feature itself already said so.

import { buildReport } from '../../../src/core/report';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import type ExcelJS from 'exceljs';
import { workbookFrom } from '../../support/workbooks';

function riskWorkbook(): ExcelJS.Workbook {
  const wb = workbookFrom({
    Risicos: [
      ['Nr', 'Risico', 'Kans', 'Schade', 'Kans', 'Maatregel'],
      ['R1', 'Uitval personeel', 3, 2, 2, 'Flexpool'],
      ['R2', 'Wachtlijst groeit', 2, 3, 1, 'Triage'],
      ['R3', 'Subsidie lager', 1, 3, 3, 'Reserve'],
    ],
  });
  const ws = wb.getWorksheet('Risicos')!;
  ws.getCell('D4').value = { formula: 'C4*2' } as ExcelJS.CellValue;
  return wb;
}

describe('cell checks on other features\' tables', () => {
  const result = buildReport(readWorkbook(riskWorkbook()), { features: ['risk'] });
  const at = (rule: string) => result.findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);

  it('a doubled "Kans" header names both columns and the one read', () => {
    const risk = result.detections.find((d) => d.kind === 'risk-register')!;
    expect(risk.columns.kans).toBe('C');
    expect(at('data.duplicate-header')).toEqual(['Risicos!E1']);
    expect(result.findings.find((f) => f.rule === 'data.duplicate-header')!.message).toMatch(/"Kans" staat boven 2 kolommen \(C en E\); Toetsblad leest kans uit kolom C/);
  });

  it('a formula without a cached value is a finding at its cell, next to what the feature made of the empty cell', () => {
    const sameCell = result.findings.filter((f) => f.sheet === 'Risicos' && f.cell === 'D4');
    // The risk feature sees no Schade; this pass says why.
    expect(sameCell.map((f) => f.rule).sort()).toEqual(['data.formula-uncached', 'risk.score-missing']);
    expect(sameCell.find((f) => f.rule === 'data.formula-uncached')!.message).toContain('formule zonder berekende waarde: open en bewaar de werkmap eerst in Excel');
  });

  it('a cached error value already reported by the feature is not reported twice', () => {
    const wb = riskWorkbook();
    wb.getWorksheet('Risicos')!.getCell('C3').value = { error: '#REF!' } as ExcelJS.CellValue;
    const r = buildReport(readWorkbook(wb), { features: ['risk'] });
    const c3 = r.findings.filter((f) => f.sheet === 'Risicos' && f.cell === 'C3');
    expect(c3.length).toBe(1);
    expect(c3[0].message).toMatch(/#REF!|foutwaarde|Kans/);
  });
});
