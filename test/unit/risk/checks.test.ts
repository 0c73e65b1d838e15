import { buildReport } from '../../../src/core/report';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { EXAMPLE, loadXlsx, workbookFrom } from '../../support/workbooks';
import { detectRiskRegisters } from '../../../src/core/features/risk/register';
import { emptySettings } from '../../../src/core/settings/settings';

describe('risk register on the example workbook', () => {
  it('is found under its title, header on row 4, 28 risks, scale 1-3 stated above it', async () => {
    const snap = readWorkbook(await loadXlsx(EXAMPLE));
    const regs = detectRiskRegisters(snap, emptySettings());
    expect(regs).toHaveLength(1);
    expect(regs[0].sheet).toBe("Risico's");
    expect(regs[0].headerRow + 1).toBe(4);
    expect(regs[0].rows).toHaveLength(28);
    expect(regs[0].statedScale).toBe(3);
  });

  it('has no risk findings', async () => {
    const result = buildReport(readWorkbook(await loadXlsx(EXAMPLE)), { features: ['risk'] });
    expect(result.findings.filter((f) => f.kind === 'risk')).toEqual([]);
  });

  it('catches Kans 4 and a wrong Effect at their cells in a broken copy', async () => {
    const wb = await loadXlsx(EXAMPLE);
    const ws = wb.getWorksheet("Risico's")!;
    ws.getCell('D9').value = 4; // R05: kans 4 on a 1-3 scale
    ws.getCell('F12').value = 5; // R08: 2 x 3 = 6, stated 5
    const result = buildReport(readWorkbook(wb), { features: ['risk'] });
    const risk = result.findings.filter((f) => f.kind === 'risk');
    expect(risk.map((f) => [f.rule, f.cell])).toEqual(
      expect.arrayContaining([
        ['risk.score-off-scale', 'D9'],
        ['risk.effect-mismatch', 'F12'],
      ]),
    );
    const mismatch = risk.find((f) => f.rule === 'risk.effect-mismatch')!;
    expect(mismatch).toMatchObject({ sheet: "Risico's", severity: 'error', expected: 6, actual: 5 });
    // Kans 4 makes the effect unknowable, so F9 is not also flagged.
    expect(risk).toHaveLength(2);
  });
});

describe('risk checks on hand-made registers', () => {
  const header = ['Nr', 'Risico', 'Kans', 'Schade', 'Effect', 'Randvoorwaarde', 'Verantwoordelijk'];

  it('reports bad scores one by one and never throws', () => {
    const wb = workbookFrom({
      Register: [
        ['Risico register (schaal 1-3)'],
        header,
        ['R1', 'a', 'hoog', 2, 4, 'x', 'y'],
        ['R2', 'b', 7, 2, 14, 'x', 'y'],
        ['R3', 'c', null, 2, null, 'x', 'y'],
        ['R4', 'd', '2,5', 2, 5, 'x', 'y'],
        ['R5', 'e', '3', '3', 9, null, null],
        ['R5', 'e', 1, 1, 1, 'x', 'y'],
      ],
    });
    const findings = buildReport(readWorkbook(wb), { features: ['risk'] }).findings.filter((f) => f.kind === 'risk');
    const got = findings.map((f) => `${f.rule}@${f.cell}`).sort();
    expect(got).toEqual(
      [
        'risk.score-not-number@C3',
        'risk.score-off-scale@C4',
        'risk.score-missing@C5',
        'risk.score-not-integer@C6',
        'risk.number-as-text@C7',
        'risk.number-as-text@D7',
        'risk.high-without-condition@F7',
        'risk.high-without-owner@G7',
        'risk.duplicate-id@A8',
        'risk.duplicate-risk@B8',
      ].sort(),
    );
    for (const f of findings) expect(f.message).toMatch(/[a-z]/);
  });

  it('assumes a 1-5 scale from the data and says so', () => {
    const wb = workbookFrom({
      Risks: [
        ['Nr', 'Risk', 'Likelihood', 'Impact', 'Risk score', 'Mitigation', 'Owner'],
        ['1', 'a', 5, 4, 20, 'm', 'o'],
        ['2', 'b', 2, 3, 6, 'm', 'o'],
      ],
    });
    const findings = buildReport(readWorkbook(wb), { features: ['risk'] }).findings;
    expect(findings.map((f) => f.rule)).toEqual(['risk.scale-assumed']);
    expect(findings[0].message).toContain('1-5');
  });
});
