// The kans × schade grid: counting risks per cell (engine side) and writing
// the grid of live COUNTIFS formulas with band colours (sheet side).

import type { SheetBuilder } from '../../plan/sheetBuilder';
import type { CfRule } from '../../plan/plan';
import { columnLetters, columnSpan, rangeA1 } from '../../workbook/address';
import type { CellValue } from '../../workbook/snapshot';
import type { Band } from './bands';
import { bandIndex } from './bands';
import { arrayConstant, countifsNumber } from './criteria';
import type { RiskRegister } from './register';
import { riskId } from './register';
import type { RiskField } from './schema';

export type ScorePair = { kans: RiskField; schade: RiskField };
export const GROSS: ScorePair = { kans: 'kans', schade: 'schade' };
export const NET: ScorePair = { kans: 'kansNetto', schade: 'schadeNetto' };

export interface GridCounts {
  scale: number;
  /** counts[kans - 1][schade - 1] */
  counts: number[][];
  /** Risk ids per cell, in register order. */
  ids: string[][][];
}

/** The grid position COUNTIFS would count this score pair under, or null. */
export function gridPosition(kansValue: CellValue, schadeValue: CellValue, scale: number): { k: number; s: number } | null {
  const k = countifsNumber(kansValue);
  const s = countifsNumber(schadeValue);
  const onScale = (n: number | null): n is number => n !== null && Number.isInteger(n) && n >= 1 && n <= scale;
  return onScale(k) && onScale(s) ? { k, s } : null;
}

export function countGrid(regs: RiskRegister[], scale: number, pair: ScorePair): GridCounts {
  const counts = Array.from({ length: scale }, () => new Array<number>(scale).fill(0));
  const ids = Array.from({ length: scale }, () => Array.from({ length: scale }, () => [] as string[]));
  for (const reg of regs) {
    for (const r of reg.rows) {
      const pos = gridPosition(r.cells[pair.kans] ?? null, r.cells[pair.schade] ?? null, scale);
      if (!pos) continue;
      counts[pos.k - 1][pos.s - 1]++;
      ids[pos.k - 1][pos.s - 1].push(riskId(reg, r));
    }
  }
  return { scale, counts, ids };
}

/** Absolute reference to a register column over its data rows. */
export function registerColumn(reg: RiskRegister, field: RiskField): string {
  return columnSpan(reg.sheet, reg.columns[field]!, reg.firstRow, Math.max(reg.lastRow, reg.firstRow));
}

export function countifsFormula(regs: RiskRegister[], pair: ScorePair, k: number, s: number): string {
  return regs.map((reg) => `COUNTIFS(${registerColumn(reg, pair.kans)},${k},${registerColumn(reg, pair.schade)},${s})`).join('+');
}

/** The grid cells whose effect falls in band `index`, as kans/schade arrays. */
export function bandCells(scale: number, bands: Band[], index: number): { kans: number[]; schade: number[] } {
  const kans: number[] = [];
  const schade: number[] = [];
  for (let k = 1; k <= scale; k++) {
    for (let s = 1; s <= scale; s++) {
      if (bandIndex(k * s, bands) === index) {
        kans.push(k);
        schade.push(s);
      }
    }
  }
  return { kans, schade };
}

/** SUMPRODUCT(COUNTIFS(…)) over the band's cells: one formula, same matching as the grid. */
export function bandCountFormula(reg: RiskRegister, pair: ScorePair, cells: { kans: number[]; schade: number[] }, extra = ''): string | null {
  if (cells.kans.length === 0) return null;
  return `SUMPRODUCT(COUNTIFS(${extra}${registerColumn(reg, pair.kans)},${arrayConstant(cells.kans)},${registerColumn(reg, pair.schade)},${arrayConstant(cells.schade)}))`;
}

/** Band colours for a block whose kans axis is column `kansCol` and schade axis row `schadeRow`. */
export function bandRules(bands: Band[], kansCol: number, schadeRow: number, topLeft: { row: number; col: number }): CfRule[] {
  const k = `$${columnLetters(kansCol)}${topLeft.row + 1}`;
  const s = `${columnLetters(topLeft.col)}$${schadeRow + 1}`;
  // Highest band first: the first rule that holds wins.
  return [...bands].reverse().map((b) => ({ type: 'expression', formula: `${k}*${s}>=${b.min}`, fill: b.fill, font: b.font }));
}

export interface GridBlock {
  top: number;
  left: number;
  /** Rows the block takes, title included. */
  height: number;
  /** Columns the block takes. */
  width: number;
}

export function gridSize(scale: number): { height: number; width: number } {
  return { height: scale + 4, width: scale + 2 };
}

interface GridAxes {
  kansCol: number;
  schadeRow: number;
  firstRow: number;
  firstCol: number;
}

function writeAxes(b: SheetBuilder, top: number, left: number, scale: number, title: string): GridAxes {
  b.text(top, left, title, 'subtitle');
  b.text(top + 1, left + 2, 'Schade →', 'muted');
  b.text(top + 2, left, 'Kans ↓', 'muted');
  for (let s = 1; s <= scale; s++) b.value(top + 2, left + 1 + s, s, undefined, 'header');
  for (let i = 0; i < scale; i++) b.value(top + 3 + i, left + 1, scale - i, undefined, 'header');
  return { kansCol: left + 1, schadeRow: top + 2, firstRow: top + 3, firstCol: left + 2 };
}

function colourGrid(b: SheetBuilder, ax: GridAxes, scale: number, bands: Band[]): void {
  const range = rangeA1({ top: ax.firstRow, left: ax.firstCol, bottom: ax.firstRow + scale - 1, right: ax.firstCol + scale - 1 });
  b.conditional({ range, rules: bandRules(bands, ax.kansCol, ax.schadeRow, { row: ax.firstRow, col: ax.firstCol }) });
}

export interface CountGridOptions {
  title: string;
  regs: RiskRegister[];
  pair: ScorePair;
  grid: GridCounts;
  bands: Band[];
  /** Figure key prefix, e.g. "risk_count_" gives risk_count_K3S2. */
  keyPrefix: string;
  labelPrefix: string;
}

/** Highest kans at the top, schade 1..n from left to right, total below. */
export function writeCountGrid(b: SheetBuilder, top: number, left: number, o: CountGridOptions): GridBlock {
  const n = o.grid.scale;
  const ax = writeAxes(b, top, left, n, o.title);
  for (let i = 0; i < n; i++) {
    const k = n - i;
    for (let s = 1; s <= n; s++) {
      b.figure(ax.firstRow + i, ax.firstCol + s - 1, countifsFormula(o.regs, o.pair, k, s), o.grid.counts[k - 1][s - 1], {
        key: `${o.keyPrefix}K${k}S${s}`,
        label: `${o.labelPrefix}: aantal risico's met kans ${k} en schade ${s}`,
        unit: 'count',
      });
    }
  }
  const totalRow = ax.firstRow + n;
  const gridRange = rangeA1({ top: ax.firstRow, left: ax.firstCol, bottom: totalRow - 1, right: ax.firstCol + n - 1 });
  const total = o.grid.counts.flat().reduce((x, y) => x + y, 0);
  b.text(totalRow, left, 'Totaal', 'total');
  b.figure(totalRow, ax.firstCol, `SUM(${gridRange})`, total, { key: `${o.keyPrefix}total`, label: `${o.labelPrefix}: risico's in de kaart`, unit: 'count' }, undefined, 'total');
  colourGrid(b, ax, n, o.bands);
  return { top, left, ...gridSize(n) };
}

/** Ids shown per cell at most: a cell holds 32,767 characters, and a long list helps nobody. */
export const MAX_IDS_PER_CELL = 40;

function idList(ids: string[]): string {
  if (ids.length <= MAX_IDS_PER_CELL) return ids.join(', ');
  return `${ids.slice(0, MAX_IDS_PER_CELL).join(', ')} … (+${ids.length - MAX_IDS_PER_CELL})`;
}

/** The same grid with the risk numbers per cell: a snapshot as of the last refresh. */
export function writeIdGrid(b: SheetBuilder, top: number, left: number, title: string, grid: GridCounts, bands: Band[]): GridBlock {
  const n = grid.scale;
  const ax = writeAxes(b, top, left, n, title);
  for (let i = 0; i < n; i++) {
    const k = n - i;
    for (let s = 1; s <= n; s++) b.set(ax.firstRow + i, ax.firstCol + s - 1, { v: idList(grid.ids[k - 1][s - 1]), wrap: true });
  }
  b.text(ax.firstRow + n, left, 'Stand bij laatste vernieuwen', 'note');
  colourGrid(b, ax, n, bands);
  return { top, left, ...gridSize(n) };
}
