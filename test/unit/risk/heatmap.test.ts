import type ExcelJS from 'exceljs';
import { bandsFor, defaultThresholds } from '../../../src/core/features/risk/bands';
import type { ReportResult } from '../../../src/core/report';
import { buildReport } from '../../../src/core/report';
import type { SheetSpec } from '../../../src/core/plan/plan';
import { parseA1 } from '../../../src/core/workbook/address';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { EXAMPLE, EXPECTED, loadXlsx, workbookFrom } from '../../support/workbooks';
import { badScores, englishFivePoint, grossNet, twoHalfYears, twoSideBySide, twoStacked } from './registers';

const report = (wb: ExcelJS.Workbook): ReportResult => buildReport(readWorkbook(wb), { features: ['risk'] });
const heatmap = (r: ReportResult): SheetSpec => r.plan.sheets.find((s) => s.name === 'TB Risicokaart')!;
const figure = (r: ReportResult, key: string) => r.figures.find((f) => f.key === key);
const figureValues = (r: ReportResult, prefix: string) =>
  Object.fromEntries(r.figures.filter((f) => f.key.startsWith(prefix) && /K\dS\d$/.test(f.key) && f.value !== 0).map((f) => [f.key.slice(prefix.length), f.value]));
const cellAt = (s: SheetSpec, ref: string) => {
  const { row, col } = parseA1(ref);
  return s.cells.find((c) => c.row === row && c.col === col);
};
const rules = (r: ReportResult) => r.findings.filter((f) => f.kind === 'risk').map((f) => `${f.rule}@${f.cell}`).sort();

describe('risk heatmap on the example workbook', () => {
  let result: ReportResult;
  beforeAll(async () => {
    result = report(await loadXlsx(EXAMPLE));
  });

  it('counts the risks per cell as the expected JSON says', () => {
    const expected: Record<string, number> = EXPECTED.risico_aantal_per_cel;
    for (let k = 1; k <= 3; k++) {
      for (let s = 1; s <= 3; s++) expect([`K${k}S${s}`, figure(result, `risk_count_K${k}S${s}`)?.value]).toEqual([`K${k}S${s}`, expected[`K${k}S${s}`] ?? 0]);
    }
    expect(figure(result, 'risk_count_total')?.value).toBe(28);
  });

  it('points every count figure at a COUNTIFS cell on the register columns, highest kans at the top', () => {
    const s = heatmap(result);
    for (const f of result.figures.filter((x) => /^risk_count_K/.test(x.key))) {
      expect(f.sheet).toBe('TB Risicokaart');
      const cell = cellAt(s, f.cell)!;
      expect(cell.v).toBe(f.value);
      const [, k, sc] = /K(\d)S(\d)/.exec(f.key)!;
      expect(cell.f).toBe(`COUNTIFS('Risico''s'!$D$5:$D$32,${k},'Risico''s'!$E$5:$E$32,${sc})`);
    }
    const row = (key: string) => parseA1(figure(result, key)!.cell).row;
    const col = (key: string) => parseA1(figure(result, key)!.cell).col;
    expect(row('risk_count_K3S1')).toBeLessThan(row('risk_count_K2S1'));
    expect(row('risk_count_K2S1')).toBeLessThan(row('risk_count_K1S1'));
    expect(col('risk_count_K1S1')).toBeLessThan(col('risk_count_K1S3'));
  });

  it('sums the bands from the issue: 1-2 laag, 3-4 midden, 6 hoog, 9 zeer hoog', () => {
    const e: Record<string, number> = EXPECTED.risico_aantal_per_cel;
    const sum = (cells: string[]) => cells.reduce((n, c) => n + (e[c] ?? 0), 0);
    expect(figure(result, 'risk_band_laag_count')?.value).toBe(sum(['K1S1', 'K1S2', 'K2S1']));
    expect(figure(result, 'risk_band_midden_count')?.value).toBe(sum(['K1S3', 'K3S1', 'K2S2']));
    expect(figure(result, 'risk_band_hoog_count')?.value).toBe(sum(['K2S3', 'K3S2']));
    expect(figure(result, 'risk_band_zeer_hoog_count')?.value).toBe(sum(['K3S3']));
  });

  it('colours the grid natively from the bands, highest band first', () => {
    const s = heatmap(result);
    const range = `${figure(result, 'risk_count_K3S1')!.cell}:${figure(result, 'risk_count_K1S3')!.cell}`;
    const cf = s.conditionalFormats.find((c) => c.range === range);
    expect(cf).toBeDefined();
    const bands = bandsFor(defaultThresholds(3));
    expect(cf!.rules.map((r) => r.fill)).toEqual([...bands].reverse().map((b) => b.fill));
    expect(cf!.rules.map((r) => (r.type === 'expression' ? r.formula.replace(/^.*>=/, '') : ''))).toEqual(['9', '6', '3', '1']);
  });

  it('lists the risk numbers beside the grid and the top risks with links back to the register', () => {
    const s = heatmap(result);
    expect(s.cells.some((c) => c.v === 'R01, R04, R26')).toBe(true);
    const links = s.cells.filter((c) => c.link);
    expect(links.slice(0, 3).map((c) => [c.v, c.link!.sheet, c.link!.cell])).toEqual([
      ['R01', "Risico's", 'A5'],
      ['R04', "Risico's", 'A8'],
      ['R26', "Risico's", 'A30'],
    ]);
    expect(links).toHaveLength(10);
  });

  it('breaks the risks down per werksoort', () => {
    const s = heatmap(result);
    const jeugd = s.cells.find((c) => c.v === 'Jeugd' && c.col === 0)!;
    const row = s.cells.filter((c) => c.row === jeugd.row && c.col > 0).map((c) => c.v);
    // Jeugd: R14, R20, R21 laag; R16-R19, R22 midden; R12, R13, R15 hoog.
    expect(row).toEqual([3, 5, 3, 0, 11]);
  });

  it('is idempotent and holds no owner names', async () => {
    const again = report(await loadXlsx(EXAMPLE));
    expect(JSON.stringify(heatmap(again))).toBe(JSON.stringify(heatmap(result)));
    expect(heatmap(result).cells.some((c) => c.v === 'Welzijnsaanbieder' || c.v === 'Gemeente Oss')).toBe(false);
  });
});

describe('risk heatmap on hand-made registers', () => {
  it('reads a 1-5 register with English headers on a 5 × 5 grid', () => {
    const r = report(englishFivePoint());
    expect(r.detections[0]).toMatchObject({ sheet: 'Risk log', columns: { nr: 'A', werksoort: 'B', risico: 'C', kans: 'D', schade: 'E', effect: 'F', randvoorwaarde: 'G', verantwoordelijk: 'H' } });
    expect(figureValues(r, 'risk_count_')).toEqual({ K5S4: 1, K4S5: 1, K3S3: 1, K2S5: 1, K1S2: 1, K5S5: 1, K2S2: 1 });
    expect(r.figures.filter((f) => /^risk_count_K/.test(f.key))).toHaveLength(25);
    expect(rules(r)).toEqual(['risk.effect-mismatch@F10', 'risk.high-without-condition@G9', 'risk.high-without-owner@H5', 'risk.scale-assumed@D3']);
    // 1-5 default bands: 20-25 zeer hoog.
    expect(figure(r, 'risk_band_zeer_hoog_count')?.value).toBe(3);
  });

  it('finds two registers stacked on one sheet and keeps their keys apart', () => {
    const r = report(twoStacked());
    expect(r.detections.map((d) => [d.sheet, d.range])).toEqual([
      ['Registers', 'A2:H5'],
      ['Registers', 'A8:H10'],
    ]);
    expect(figureValues(r, 'risk_count_')).toEqual({ K3S3: 1, K3S2: 1, K1S1: 1 });
    expect(figureValues(r, 'risk_reg2_count_')).toEqual({ K2S3: 1, K3S3: 1 });
    expect(figureValues(r, 'risk_all_count_')).toEqual({ K3S3: 2, K3S2: 1, K1S1: 1, K2S3: 1 });
    expect(cellAt(heatmap(r), figure(r, 'risk_all_count_K3S3')!.cell)!.f).toBe(
      'COUNTIFS(Registers!$D$3:$D$5,3,Registers!$E$3:$E$5,3)+COUNTIFS(Registers!$D$9:$D$10,3,Registers!$E$9:$E$10,3)',
    );
    expect(rules(r)).toEqual([]);
    // Each block is described by its own title, not by the rows of the register above it.
    const notes = heatmap(r).cells.filter((c) => typeof c.v === 'string' && c.v.startsWith('Schaal 1-3')).map((c) => c.v);
    expect(notes).toEqual([
      "Schaal 1-3 (vermeld boven het register). 3 risico's. Risico's Jeugd (schaal 1-3)",
      "Schaal 1-3 (vermeld boven het register). 2 risico's. Risico's Jongerenwerk (schaal 1-3)",
    ]);
  });

  it('splits two registers side by side on one header row', () => {
    const r = report(twoSideBySide());
    expect(r.detections.map((d) => d.range)).toEqual(['A2:E4', 'G2:K5']);
    expect(figureValues(r, 'risk_count_')).toEqual({ K3S3: 1, K2S2: 1 });
    expect(figureValues(r, 'risk_reg2_count_')).toEqual({ K1S2: 2, K2S3: 1 });
  });

  it('draws gross and net grids and counts the risks the condition moves down a band', () => {
    const r = report(grossNet());
    expect(r.detections[0].columns).toMatchObject({ kans: 'C', schade: 'D', effect: 'E', kansNetto: 'G', schadeNetto: 'H', effectNetto: 'I' });
    expect(figureValues(r, 'risk_count_')).toEqual({ K3S3: 1, K3S2: 1, K2S3: 1, K1S1: 1, K2S2: 1 });
    expect(figureValues(r, 'risk_net_count_')).toEqual({ K2S2: 1, K3S2: 2, K1S3: 1, K1S1: 1 });
    expect(figure(r, 'risk_band_lowered_count')?.value).toBe(2);
    expect(rules(r)).toEqual(['risk.net-above-gross@G7']);
    const s = heatmap(r);
    // Side by side: same rows, net to the right.
    const g = parseA1(figure(r, 'risk_count_K3S3')!.cell);
    const n = parseA1(figure(r, 'risk_net_count_K3S3')!.cell);
    expect(n.row).toBe(g.row);
    expect(n.col).toBeGreaterThan(g.col + 2);
    expect(s.cells.some((c) => c.v === 'Netto: na randvoorwaarde')).toBe(true);
    // The top-risks table shows the net effect beside the gross one: N1 goes from 9 to 4.
    const n1 = s.cells.find((c) => c.v === 'N1' && c.link)!;
    const at = (col: number) => s.cells.find((c) => c.row === n1.row && c.col === col)!.v;
    expect([at(5), at(6), at(9), at(10)]).toEqual([9, 'Zeer hoog', 4, 'Midden']);
  });

  it('turns each bad score into a finding and leaves it out of the grid', () => {
    const r = report(badScores());
    expect(rules(r)).toEqual(['risk.number-as-text@D10', 'risk.score-missing@D5', 'risk.score-not-integer@D6', 'risk.score-not-number@D3', 'risk.score-off-scale@D4']);
    expect(figureValues(r, 'risk_count_')).toEqual({ K3S2: 2, K2S3: 1 });
    // "Jeugd*" is matched literally, not as a wildcard that would also take "Jeugd".
    const s = heatmap(r);
    const perWerksoort = (label: string) => {
      const at = s.cells.find((c) => c.v === label && c.col === 0)!;
      return s.cells.filter((c) => c.row === at.row && c.col > 0).map((c) => c.v);
    };
    expect(perWerksoort('Jeugd')).toEqual([0, 0, 1, 0, 1]);
    expect(perWerksoort('Jeugd*')).toEqual([0, 0, 1, 0, 1]);
    expect(perWerksoort('Jongerenwerk')).toEqual([0, 0, 1, 0, 1]);
  });

  it('compares with the previous half year: up, same, down, new and gone', () => {
    const r = report(twoHalfYears());
    expect(r.detections).toHaveLength(2);
    // Only the current half year is drawn.
    expect(figureValues(r, 'risk_count_')).toEqual({ K3S2: 1, K2S3: 1, K1S3: 1, K2S2: 1 });
    expect(figure(r, 'risk_reg2_count_K1S1')).toBeUndefined();
    const trend = Object.fromEntries(r.figures.filter((f) => f.key.startsWith('risk_trend_')).map((f) => [f.key, f.value]));
    expect(trend).toEqual({ risk_trend_up_count: 1, risk_trend_same_count: 1, risk_trend_down_count: 1, risk_trend_new_count: 1, risk_trend_gone_count: 1 });
    expect(rules(r)).toEqual(['risk.trend-assumed@D2']);
    const s = heatmap(r);
    const status = (id: string) => {
      // The trend table comes last on the sheet.
      const at = s.cells.filter((c) => c.v === id && c.col === 0).pop()!;
      return s.cells.find((c) => c.row === at.row && c.col === 4)!.v;
    };
    expect(['R01', 'R02', 'R03', 'R04', 'R05'].map(status)).toEqual(['hoger', 'gelijk', 'lager', 'nieuw', 'vervallen']);
  });
});

describe('risk periods that cannot be paired', () => {
  it('says so in a finding and draws the latest registers', () => {
    const header = ['Nr', 'Risico', 'Kans', 'Schade'];
    const wb = workbookFrom({
      'Jeugd 1e halfjaar 2022': [header, ['J1', 'a', 3, 3]],
      'Jongerenwerk 1e halfjaar 2022': [header, ['W1', 'b', 2, 2]],
      'Jeugd 2e halfjaar 2021': [header, ['J1', 'a', 2, 2]],
    });
    const r = report(wb);
    expect(r.findings.filter((f) => f.rule.startsWith('risk.trend')).map((f) => `${f.rule}@${f.sheet}`)).toEqual(['risk.trend-ambiguous@Jeugd 1e halfjaar 2022']);
    expect(figureValues(r, 'risk_all_count_')).toEqual({ K3S3: 1, K2S2: 1 });
    expect(r.figures.some((f) => f.key.startsWith('risk_trend_'))).toBe(false);
  });
});
