// The budget sheet under LibreOffice: every generated formula computes what
// the engine says, on the example, on the seed-001 workbook (plain, as Dutch
// text, and with real differences), and the key cells hold the right values.

import type ExcelJS from 'exceljs';
import { SHEET } from '../../src/core/generatedSheets';
import { reportAndRecalculate } from '../support/pipeline';
import type { Recalculated } from '../support/pipeline';
import { computedValue } from '../support/recalcCheck';
import { seed001Workbook } from '../support/seed001Workbook';
import { EXAMPLE, EXPECTED, loadXlsx } from '../support/workbooks';
import { messyBudgetWorkbook } from '../support/messyBudgetWorkbook';
import { seed000Workbook } from '../support/seed000Workbook';

jest.setTimeout(300_000);

function figure(r: Recalculated, key: string) {
  const f = r.result.figures.find((x) => x.key === key);
  if (!f) throw new Error(`no figure ${key}`);
  return { ...f, spreadsheet: computedValue(r.workbook.getWorksheet(f.sheet)!.getCell(f.cell)) };
}

/** The row on the budget sheet whose columns hold these texts. */
function rowWith(ws: ExcelJS.Worksheet, texts: Record<number, string>): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && Object.entries(texts).every(([c, t]) => computedValue(row.getCell(Number(c))) === t)) found = row;
  });
  if (!found) throw new Error(`no row ${JSON.stringify(texts)}`);
  return found;
}

describe('budget sheet recalculated by LibreOffice', () => {
  let runs: Record<string, Recalculated>;
  beforeAll(async () => {
    const { workbook: seed } = seed001Workbook();
    const { workbook: seedText } = seed001Workbook({ asText: true });
    const broken = await loadXlsx(EXAMPLE);
    const fin = broken.getWorksheet('Financiering')!;
    fin.getCell('C13').value = '€ 111.624,33'; // Blink's budget as text
    fin.getCell('F11').value = 'Wachtlijst Wmo; extra inzet afgesproken.'; // now explained
    fin.getCell('C16').value = 2520000; // ISW subtotal really off
    fin.getCell('E7').value = '-';
    fin.getCell('D6').value = null;
    const nosub = await loadXlsx(EXAMPLE);
    for (const c of ['A', 'B', 'C']) nosub.getWorksheet('Financiering')!.getCell(`${c}46`).value = null; // Jongerenwerk without Subtotaal
    runs = await reportAndRecalculate({ example: await loadXlsx(EXAMPLE), seed, seedText, broken, messy: messyBudgetWorkbook(), memo: seed000Workbook().workbook, nosub }, { features: ['budget'] });
  });

  it('agrees with the engine on every formula', () => {
    for (const [name, r] of Object.entries(runs)) {
      expect({ name, mismatches: r.mismatches }).toEqual({ name, mismatches: [] });
      expect(r.result.generatedSheets).toContain(SHEET.budget);
    }
  });

  it('reports the example figures the independent oracle gives', () => {
    const r = runs.example;
    expect(figure(r, 'budget_fte_rate')).toMatchObject({ value: EXPECTED.fte_normprijs, spreadsheet: EXPECTED.fte_normprijs });
    const slugs: Record<string, string> = {
      'Sociaal Raadsliedenwerk': 'sociaal_raadsliedenwerk',
      'Individueel Sociaal Werk': 'individueel_sociaal_werk',
      'Collectief Sociaal Werk': 'collectief_sociaal_werk',
      Jeugd: 'jeugd',
      Jongerenwerk: 'jongerenwerk',
    };
    for (const s of EXPECTED.financiering_subtotalen) {
      const begroot = figure(r, `budget_${slugs[s.werksoort]}_begroot_som`);
      expect(begroot.spreadsheet as number).toBeCloseTo(s.subtotaal_bedrag_som, 6);
      const fte = figure(r, `budget_${slugs[s.werksoort]}_fte_som`);
      expect(fte.spreadsheet as number).toBeCloseTo(s.subtotaal_fte_som, 9);
    }
    const regels = EXPECTED.financiering_regels as { werksoort: string; begroot: number; realisatie: number; prognose: number }[];
    const total = (k: 'begroot' | 'realisatie' | 'prognose') => regels.reduce((a, x) => a + x[k], 0);
    expect(figure(r, 'budget_begroot_totaal').spreadsheet as number).toBeCloseTo(total('begroot'), 6);
    expect(figure(r, 'budget_realisatie_totaal').spreadsheet as number).toBeCloseTo(total('realisatie'), 6);
    expect(figure(r, 'budget_prognose_totaal').spreadsheet as number).toBeCloseTo(total('prognose'), 6);
    const part = (w: string) => regels.filter((x) => x.werksoort === w).reduce((a, x) => a + x.begroot, 0);
    const share = part('Individueel Sociaal Werk') / (part('Individueel Sociaal Werk') + part('Collectief Sociaal Werk'));
    expect(figure(r, 'budget_share_individueel').spreadsheet as number).toBeCloseTo(share, 12);
  });

  it('shows the Jeugd subtotal as a rounding difference and the open explanations in the sheet', () => {
    const ws = runs.example.workbook.getWorksheet(SHEET.budget)!;
    const jeugd = rowWith(ws, { 1: 'Subtotaal', 2: 'Jeugd', 4: 'Begroot 2022' });
    expect(computedValue(jeugd.getCell(5))).toBe(3182890.81);
    expect(computedValue(jeugd.getCell(6)) as number).toBeCloseTo(3182890.82, 6);
    expect(computedValue(jeugd.getCell(7))).toBe(-0.01);
    expect(computedValue(jeugd.getCell(9))).toBe('Afronding');
    const blink = rowWith(ws, { 2: 'Blink' });
    expect(computedValue(blink.getCell(8))).toBe('Toelichting ontbreekt');
    // Prognose above budget on a cost line: unfavourable (coloured orange).
    expect(computedValue(blink.getCell(6)) as number).toBeGreaterThan(0);
    const groepen = rowWith(ws, { 2: 'Groepen en voorzieningen volwassenen' });
    expect(computedValue(groepen.getCell(8))).toBe('Afwijking toegelicht');
    expect(figure(runs.example, 'budget_optellingen_afronding').spreadsheet).toBe(1);
    expect(figure(runs.example, 'budget_optellingen_fout').spreadsheet).toBe(0);
    expect(figure(runs.example, 'budget_fte_afwijkend').spreadsheet).toBe(0);
    expect(figure(runs.broken, 'budget_optellingen_fout').spreadsheet).toBe(1);
    // Per werksoort: Jongerenwerk's one large deviation is explained, Jeugd has open ones.
    expect(computedValue(rowWith(ws, { 1: 'Jongerenwerk', 11: 'Afwijking toegelicht' }).getCell(10))).toBe(0);
    expect(computedValue(rowWith(ws, { 1: 'Jeugd', 11: 'Toelichting ontbreekt' }).getCell(10))).toBe(3);
    const open = figure(runs.example, 'budget_toelichting_open');
    expect(open.spreadsheet).toBe(runs.example.result.findings.filter((f) => f.rule.startsWith('budget.explanation-missing')).length);
  });

  it('shows the seed-001 regional rounding differences as computed by LibreOffice', () => {
    const r = runs.seed;
    const ws = r.workbook.getWorksheet(SHEET.budget)!;
    const jeugd = rowWith(ws, { 1: 'Regio = som gemeenten', 4: '2016', 3: `Jeugdhulp in TOTAAL REGIO tegenover BERNHEZE, BOEKEL, LANDERD, OSS, UDEN, VEGHEL` });
    expect(computedValue(jeugd.getCell(5))).toBe(6643848);
    expect(computedValue(jeugd.getCell(6))).toBe(6643849);
    expect(computedValue(jeugd.getCell(7))).toBe(-1);
    expect(computedValue(jeugd.getCell(9))).toBe('Afronding');
    const balance = rowWith(ws, { 1: 'Baten = lasten' });
    expect(computedValue(balance.getCell(5))).toBe(19369255);
    expect(computedValue(balance.getCell(9))).toBe('Klopt');
    // Amounts typed as Dutch text count as the amounts they state: the text copy gives the same check.
    const text = rowWith(runs.seedText.workbook.getWorksheet(SHEET.budget)!, { 1: 'Regio = som gemeenten', 4: '2016', 3: `Jeugdhulp in TOTAAL REGIO tegenover BERNHEZE, BOEKEL, LANDERD, OSS, UDEN, VEGHEL` });
    expect(computedValue(text.getCell(5))).toBe(6643848);
    expect(computedValue(text.getCell(6))).toBe(6643849);
    expect(computedValue(text.getCell(9))).toBe('Afronding');
  });

  it('still sums a section that has no Subtotaal row', () => {
    const f = figure(runs.nosub, 'budget_jongerenwerk_begroot_som');
    const s = (EXPECTED.financiering_subtotalen as { werksoort: string; subtotaal_bedrag_som: number }[]).find((x) => x.werksoort === 'Jongerenwerk')!;
    expect(f.spreadsheet as number).toBeCloseTo(s.subtotaal_bedrag_som, 6);
  });

  it('follows edits in the broken copy: text number, new explanation, wrong subtotal', () => {
    const r = runs.broken;
    const rules = r.result.findings.filter((f) => f.kind === 'budget').map((f) => `${f.rule}@${f.cell}`);
    expect(rules).toEqual(expect.arrayContaining(['budget.number-as-text@C13', 'budget.subtotal-mismatch@C16']));
    expect(rules).not.toContain('budget.explanation-missing@F11');
    const ws = r.workbook.getWorksheet(SHEET.budget)!;
    const isw = rowWith(ws, { 1: 'Subtotaal', 2: 'Individueel Sociaal Werk', 4: 'Begroot 2022' });
    // The text cell counts as the amount it states: the sum is that of the provider's figures.
    expect(computedValue(isw.getCell(6)) as number).toBeCloseTo(2520969.18, 6);
    expect(computedValue(isw.getCell(9))).toBe('Fout');
  });
});
