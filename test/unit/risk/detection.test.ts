import ExcelJS from 'exceljs';
import { periodOf } from '../../../src/core/features/risk/trend';
import { buildReport } from '../../../src/core/report';
import { emptySettings } from '../../../src/core/settings/settings';
import { applyPlan } from '../../../src/hosts/exceljs/applyPlan';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { workbookFrom } from '../../support/workbooks';

describe('risk register detection', () => {
  it('finds a register in an Excel Table with Waarschijnlijkheid / Gevolg / Risicoscore / Beheersmaatregel headers', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Overzicht');
    ws.getCell('A1').value = 'Risicoanalyse aanbieder';
    ws.addTable({
      name: 'tblRisico',
      ref: 'B4',
      headerRow: true,
      columns: [{ name: 'Omschrijving' }, { name: 'Waarschijnlijkheid' }, { name: 'Gevolg' }, { name: 'Risicoscore' }, { name: 'Beheersmaatregel' }],
      rows: [
        ['Wachtlijst', 3, 3, 9, 'Monitoren'],
        ['Uitval personeel', 2, 3, 6, 'Flexpool'],
      ],
    });
    const r = buildReport(readWorkbook(wb), { features: ['risk'] });
    expect(r.detections).toEqual([
      expect.objectContaining({ sheet: 'Overzicht', range: 'B4:F6', columns: { risico: 'B', kans: 'C', schade: 'D', effect: 'E', randvoorwaarde: 'F' } }),
    ]);
    expect(r.figures.find((f) => f.key === 'risk_count_K3S3')?.value).toBe(1);
    // Four scores and no stated scale: 1-3 is assumed, and said to be uncertain.
    const assumed = r.findings.find((f) => f.rule === 'risk.scale-assumed')!;
    expect(assumed.message).toContain('1-3');
    expect(assumed.message).toContain('onzeker');
  });

  it('reads "Kans × schade" as the effect column, not as a second kans', () => {
    const wb = workbookFrom({
      R: [
        ['Risico', 'Kans', 'Impact', 'Kans × schade', 'Beheersmaatregel', 'Risico-eigenaar'],
        ['a', 3, 3, 8, 'm', 'o'],
        ['b', 1, 2, 2, 'm', 'o'],
      ],
    });
    const r = buildReport(readWorkbook(wb), { features: ['risk'] });
    expect(r.detections[0].columns).toEqual({ risico: 'A', kans: 'B', schade: 'C', effect: 'D', randvoorwaarde: 'E', verantwoordelijk: 'F' });
    expect(r.findings.filter((f) => f.rule === 'risk.effect-mismatch').map((f) => [f.cell, f.expected, f.actual])).toEqual([['D2', 9, 8]]);
  });

  it('says why there is no net map when only one net column is there', () => {
    const wb = workbookFrom({
      R: [
        ['Nr', 'Risico', 'Kans', 'Schade', 'Kans na maatregel'],
        ['1', 'a', 3, 3, 2],
        ['2', 'b', 1, 2, 1],
      ],
    });
    const r = buildReport(readWorkbook(wb), { features: ['risk'] });
    expect(r.findings.filter((f) => f.rule === 'risk.net-incomplete').map((f) => f.cell)).toEqual(['E1']);
    expect(r.figures.some((f) => f.key.startsWith('risk_net_'))).toBe(false);
  });

  it('lets the user override the scale', () => {
    const wb = workbookFrom({
      R: [
        ['Nr', 'Risico', 'Kans', 'Schade'],
        ['1', 'a', 3, 3],
        ['2', 'b', 1, 2],
      ],
    });
    const settings = { ...emptySettings(), values: { 'risk.scale': '5' } };
    const r = buildReport(readWorkbook(wb), { features: ['risk'], settings });
    expect(r.findings.filter((f) => f.kind === 'risk')).toEqual([]);
    expect(r.figures.filter((f) => /^risk_count_K\dS\d$/.test(f.key))).toHaveLength(25);
    // On 1-5, 3 × 3 = 9 is midden (5-9), not zeer hoog.
    expect(r.figures.find((f) => f.key === 'risk_band_midden_count')?.value).toBe(1);
    expect(r.figures.find((f) => f.key === 'risk_band_zeer_hoog_count')?.value).toBe(0);
  });

  it('takes band thresholds from the settings, for the colours and the counts alike', () => {
    const wb = workbookFrom({
      R: [
        ['Risico (schaal 1-3)'],
        ['Nr', 'Risico', 'Kans', 'Schade'],
        ['1', 'a', 2, 1],
        ['2', 'b', 2, 2],
        ['3', 'c', 3, 3],
      ],
    });
    const settings = { ...emptySettings(), values: { 'risk.bands': '2;4;8' } };
    const r = buildReport(readWorkbook(wb), { features: ['risk'], settings });
    const band = (id: string) => r.figures.find((f) => f.key === `risk_band_${id}_count`)?.value;
    expect([band('laag'), band('midden'), band('hoog'), band('zeer_hoog')]).toEqual([0, 1, 1, 1]);
    const grid = r.plan.sheets.find((s) => s.name === 'TB Risicokaart')!.conditionalFormats.find((c) => c.rules[0].type === 'expression' && c.rules[0].formula.includes('*'))!;
    expect(grid.rules.map((x) => (x.type === 'expression' ? x.formula.replace(/^.*>=/, '') : ''))).toEqual(['8', '4', '2', '1']);
  });

  it('writes no risk map when there is no register', () => {
    const r = buildReport(readWorkbook(workbookFrom({ Data: [['Naam', 'Bedrag'], ['x', 1]] })), { features: ['risk'] });
    expect(r.plan.sheets.map((s) => s.name)).not.toContain('TB Risicokaart');
    expect(r.findings.filter((f) => f.kind === 'risk')).toEqual([]);
  });

  it('replaces an earlier map when the register is gone', () => {
    const wb = workbookFrom({
      R: [
        ['Nr', 'Risico', 'Kans', 'Schade'],
        ['1', 'a', 3, 3],
      ],
    });
    const first = buildReport(readWorkbook(wb), { features: ['risk'] });
    applyPlan(wb, first.plan);
    wb.removeWorksheet(wb.getWorksheet('R')!.id);
    const again = buildReport(readWorkbook(wb), { features: ['risk'] });
    const map = again.plan.sheets.find((s) => s.name === 'TB Risicokaart')!;
    expect(map.cells.some((c) => typeof c.v === 'string' && c.v.startsWith('Geen risicoregister gevonden'))).toBe(true);
    expect(map.cells.some((c) => c.f !== undefined)).toBe(false);
  });
});

describe('periods of registers', () => {
  it.each([
    ["Risico's 2e halfjaar 2021", 202112, '2e halfjaar 2021'],
    ['Risico 1e halfjaar 2022', 202206, '1e halfjaar 2022'],
    ['Eerste halfjaar 2022', 202206, '1e halfjaar 2022'],
    ['H2 2022', 202212, '2e halfjaar 2022'],
    ['2022-H1', 202206, '1e halfjaar 2022'],
    ['Q3 2022', 202209, '3e kwartaal 2022'],
    ['Risico\'s 2022', 202212, '2022'],
  ])('%s', (text, key, label) => {
    expect(periodOf(text)).toEqual({ key, label });
  });

  it('has none without a year', () => {
    expect(periodOf("Risico's")).toBeNull();
  });
});
