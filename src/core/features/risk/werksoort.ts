// Breakdown per werksoort: how many of a register's risks sit in each band.

import type { SheetBuilder } from '../../plan/sheetBuilder';
import { a1, rangeA1, sheetRef } from '../../workbook/address';
import type { Band } from './bands';
import { bandIndex } from './bands';
import { countifsTextKey, literalCriterion } from './criteria';
import type { ScorePair } from './grid';
import { bandCells, bandCountFormula, gridPosition, registerColumn } from './grid';
import type { RiskRegister } from './register';

export interface WerksoortGroup {
  /** As first written in the register. */
  label: string;
  /** 0-based register row where it is first written. */
  firstRow: number;
  /** Count per band index. */
  perBand: number[];
}

/** Groups as COUNTIFS(werksoort, "="&label) sees them: case-insensitive, exact otherwise. */
export function groupByWerksoort(reg: RiskRegister, scale: number, bands: Band[], pair: ScorePair): WerksoortGroup[] {
  const groups = new Map<string, WerksoortGroup>();
  for (const r of reg.rows) {
    const w = r.cells.werksoort ?? null;
    const key = countifsTextKey(w);
    if (key === null) continue;
    let g = groups.get(key);
    if (!g) {
      g = { label: w as string, firstRow: r.row, perBand: bands.map(() => 0) };
      groups.set(key, g);
    }
    const pos = gridPosition(r.cells[pair.kans] ?? null, r.cells[pair.schade] ?? null, scale);
    if (pos) g.perBand[bandIndex(pos.k * pos.s, bands)]++;
  }
  return [...groups.values()];
}

/** Writes the table from `top`; returns the next free row. */
export function writeWerksoortTable(b: SheetBuilder, top: number, reg: RiskRegister, scale: number, bands: Band[], pair: ScorePair): number {
  const groups = groupByWerksoort(reg, scale, bands, pair);
  b.text(top, 0, 'Per werksoort (aantal risico\'s per band)', 'subtitle');
  b.row(top + 1, 0, ['Werksoort', ...bands.map((x) => x.label), 'Totaal'], 'header');
  const cells = bands.map((_, i) => bandCells(scale, bands, i));
  groups.forEach((g, i) => {
    const row = top + 2 + i;
    // The label is data: written as a literal, never pasted into a formula. The criterion
    // references the register's own cell, so masking the label can never change a count.
    b.text(row, 0, g.label);
    const crit = literalCriterion(sheetRef(reg.sheet, a1(g.firstRow, reg.columns.werksoort!)));
    const extra = `${registerColumn(reg, 'werksoort')},${crit},`;
    bands.forEach((_, j) => b.formula(row, 1 + j, bandCountFormula(reg, pair, cells[j], extra) ?? '0', g.perBand[j]));
    b.formula(row, 1 + bands.length, `SUM(${rangeA1({ top: row, left: 1, bottom: row, right: bands.length })})`, g.perBand.reduce((x, y) => x + y, 0), undefined, 'total');
  });
  return top + 2 + groups.length + 1;
}
