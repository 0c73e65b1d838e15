// The generated "TB Risicokaart" sheet: per register a live kans × schade
// grid (gross, and net beside it when scored), the risk numbers per cell,
// band totals, a werksoort breakdown; then the top risks and the trend.
//
// Figure keys: the first register drawn (the main one) gets risk_count_K<k>S<s>,
// risk_net_count_K<k>S<s>, risk_band_<band>_count, risk_band_lowered_count;
// further registers the same keys with "risk_reg<n>_" instead of "risk_" (n from 2,
// in workbook order). With several registers on one scale, "risk_all_count_K<k>S<s>"
// counts them together. The full list, with net and trend keys, is in README.md.

import { SheetBuilder } from '../../plan/sheetBuilder';
import type { SheetSpec } from '../../plan/plan';
import type { Figure } from '../../plan/figure';
import type { OverviewRisk } from '../../overview/contribution';
import { rangeA1 } from '../../workbook/address';
import type { Band } from './bands';
import { bandIndex } from './bands';
import type { GridCounts, ScorePair } from './grid';
import { bandCells, bandCountFormula, countGrid, GROSS, gridSize, NET, writeCountGrid, writeIdGrid } from './grid';
import type { AnalysedRegister } from './index';
import { countLowered, hasNetScores, loweredFormula } from './netRisk';
import { registerRange } from './register';
import { rankRisks, writeTopRisks } from './topRisks';
import type { Period, TrendRow } from './trend';
import { writeTrend } from './trend';
import { writeWerksoortTable } from './werksoort';

export interface HeatmapInput {
  /** Registers of the current period, in workbook order; the first is the main one. */
  registers: AnalysedRegister[];
  trend?: { rows: TrendRow[]; current: Period; previous: Period };
}

const SOURCE_TEXT = { stated: 'vermeld boven het register', data: 'afgeleid uit de scores', setting: 'uit de instellingen' } as const;

export function keyPrefix(index: number): string {
  return index === 0 ? 'risk_' : `risk_reg${index + 1}_`;
}

/** The effects a scale can produce in each band: "1, 2" for laag on 1–3. */
function bandEffects(scale: number, bands: Band[]): string[] {
  const per = bands.map(() => new Set<number>());
  for (let k = 1; k <= scale; k++) for (let s = 1; s <= scale; s++) per[bandIndex(k * s, bands)].add(k * s);
  return per.map((set) => [...set].sort((a, b) => a - b).join(', ') || '—');
}

function writeLegend(b: SheetBuilder, row: number, scale: number, bands: Band[]): void {
  b.text(row, 0, 'Banden (effect = kans × schade):', 'muted');
  const effects = bandEffects(scale, bands);
  bands.forEach((band, i) => {
    b.text(row, 1 + i, `${band.label}: ${effects[i]}`);
    b.conditional({ range: rangeA1({ top: row, left: 1 + i, bottom: row, right: 1 + i }), rules: [{ type: 'expression', formula: 'TRUE', fill: band.fill, font: band.font }] });
  });
}

function writeBandTotals(b: SheetBuilder, top: number, a: AnalysedRegister, prefix: string, net: boolean): number {
  const { register: reg, bands } = a;
  const scale = a.scale.scale;
  b.row(top, 0, net ? ['Band', 'Bruto', 'Netto'] : ['Band', 'Aantal'], 'header');
  const pairs: [ScorePair, string, GridCounts][] = [[GROSS, '', countGrid([reg], scale, GROSS)]];
  if (net) pairs.push([NET, 'net_', countGrid([reg], scale, NET)]);
  bands.forEach((band, i) => {
    const row = top + 1 + i;
    b.text(row, 0, band.label);
    b.conditional({ range: rangeA1({ top: row, left: 0, bottom: row, right: 0 }), rules: [{ type: 'expression', formula: 'TRUE', fill: band.fill, font: band.font }] });
    const cells = bandCells(scale, bands, i);
    pairs.forEach(([pair, tag, grid], j) => {
      let n = 0;
      cells.kans.forEach((k, c) => (n += grid.counts[k - 1][cells.schade[c] - 1]));
      b.figure(row, 1 + j, bandCountFormula(reg, pair, cells) ?? '0', n, {
        key: `${prefix}${tag}band_${band.id.replace('-', '_')}_count`,
        label: `Risico's in band ${band.label.toLowerCase()}${tag ? ' (netto)' : ''}`,
        unit: 'count',
      });
    });
  });
  let next = top + 1 + bands.length;
  if (net) {
    b.text(next, 0, 'Door de randvoorwaarde een band of meer lager');
    const f = loweredFormula(reg, scale, bands);
    const n = countLowered(reg, scale, bands);
    if (f) b.figure(next, 1, f, n, { key: `${prefix}band_lowered_count`, label: 'Risico\'s die de randvoorwaarde minstens één band omlaag brengt', unit: 'count' });
    else b.value(next, 1, n).text(next, 2, 'Stand bij laatste vernieuwen (te veel combinaties voor één formule).', 'note');
    next++;
  }
  return next + 1;
}

function writeRegisterBlock(b: SheetBuilder, top: number, a: AnalysedRegister, index: number, total: number): number {
  const { register: reg, bands } = a;
  const scale = a.scale.scale;
  const prefix = keyPrefix(index);
  const net = hasNetScores(reg);
  // Display text, not a formula reference: no doubled quotes for the reader.
  const where = `blad "${reg.sheet}", ${registerRange(reg)}`;
  b.text(top, 0, total > 1 ? `Risicoregister ${index + 1}: ${where}` : `Risicoregister: ${where}`, 'subtitle');
  b.text(top + 1, 0, `Schaal 1-${scale} (${SOURCE_TEXT[a.scale.source]}). ${reg.rows.length} risico's.${reg.title ? ` ${reg.title}` : ''}`, 'note');
  writeLegend(b, top + 2, scale, bands);
  const gridTop = top + 4;
  const { height, width } = gridSize(scale);
  const step = width + 1;
  const gross = countGrid([reg], scale, GROSS);
  const label = `Register ${reg.sheet}`;
  let left = 0;
  writeCountGrid(b, gridTop, left, { title: net ? 'Bruto: kans × schade' : 'Kans × schade', regs: [reg], pair: GROSS, grid: gross, bands, keyPrefix: `${prefix}count_`, labelPrefix: label });
  let netGrid: GridCounts | undefined;
  if (net) {
    netGrid = countGrid([reg], scale, NET);
    left += step;
    writeCountGrid(b, gridTop, left, { title: 'Netto: na randvoorwaarde', regs: [reg], pair: NET, grid: netGrid, bands, keyPrefix: `${prefix}net_count_`, labelPrefix: `${label} (netto)` });
  }
  left += step;
  writeIdGrid(b, gridTop, left, net ? 'Risiconummers bruto' : 'Risiconummers per cel', gross, bands);
  if (netGrid) writeIdGrid(b, gridTop, left + step, 'Risiconummers netto', netGrid, bands);
  let next = writeBandTotals(b, gridTop + height + 1, a, prefix, net);
  if (reg.columns.werksoort !== undefined) next = writeWerksoortTable(b, next, reg, scale, bands, GROSS);
  return next + 1;
}

/** Shown when a refresh finds no register any more. */
export function emptyHeatmapSheet(name: string): SheetSpec {
  const b = new SheetBuilder(name, { tabColor: 'C00000' });
  b.header('Risicokaart: kans × schade');
  b.text(3, 0, 'Geen risicoregister gevonden: geen tabel met kolommen voor kans en schade. Wijs het register zo nodig aan in de instellingen (kolomtoewijzing).');
  return b.build();
}

export function buildHeatmapSheet(name: string, input: HeatmapInput): { sheet: SheetSpec; figures: Figure[]; overview?: OverviewRisk } {
  const b = new SheetBuilder(name, { tabColor: 'C00000' });
  b.header('Risicokaart: kans × schade', 'De aantallen per cel zijn formules op het register en rekenen mee als u een score aanpast.');
  b.width(0, 22);
  for (let c = 1; c < 24; c++) b.width(c, 12);
  let row = 3;
  const regs = input.registers;
  regs.forEach((a, i) => (row = writeRegisterBlock(b, row, a, i, regs.length)));
  const scales = new Set(regs.map((a) => a.scale.scale));
  if (regs.length > 1 && scales.size === 1) {
    const scale = regs[0].scale.scale;
    const all = regs.map((a) => a.register);
    writeCountGrid(b, row, 0, {
      title: 'Alle registers samen: kans × schade',
      regs: all,
      pair: GROSS,
      grid: countGrid(all, scale, GROSS),
      bands: regs[0].bands,
      keyPrefix: 'risk_all_count_',
      labelPrefix: 'Alle registers',
    });
    row += gridSize(scale).height + 1;
  }
  if (regs.length) {
    const ranked = rankRisks(regs.map((a) => ({ reg: a.register, bands: a.bands, risks: a.check.risks })));
    row = writeTopRisks(b, row, ranked, regs.length > 1);
  }
  if (input.trend) row = writeTrend(b, row + 1, input.trend.rows, input.trend.current, input.trend.previous);
  return { sheet: b.build(), figures: b.figures, overview: regs.length ? overviewOf(regs[0], b.figures) : undefined };
}

/** The main register's gross map and band totals, for the overview: its figure cells. */
function overviewOf(a: AnalysedRegister, figures: Figure[]): OverviewRisk | undefined {
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const ref = (key: string) => {
    const f = byKey.get(key);
    return f ? { sheet: f.sheet, cell: f.cell, value: f.value } : undefined;
  };
  const n = a.scale.scale;
  const grid = [];
  const band = [];
  for (let k = 1; k <= n; k++) {
    const row = [];
    for (let s = 1; s <= n; s++) {
      const cell = ref(`${keyPrefix(0)}count_K${k}S${s}`);
      if (!cell) return undefined;
      row.push(cell);
    }
    grid.push(row);
    band.push(Array.from({ length: n }, (_, i) => bandIndex(k * (i + 1), a.bands)));
  }
  const bands = a.bands.map((bd) => ({ label: bd.label, fill: bd.fill, font: bd.font, count: ref(`${keyPrefix(0)}band_${bd.id.replace('-', '_')}_count`) }));
  if (bands.some((bd) => !bd.count)) return undefined;
  return { register: a.register.sheet, scale: n, grid, band, bands: bands.map((bd) => ({ ...bd, count: bd.count! })) };
}
