// What a feature hands the overview (TB Overzicht): the cells on its own
// sheet the overview's formulas point at, with the engine's values there.
// The overview is not a feature; features do not know about each other, so
// this small shape is the only thing they share with it.

import type { FigureUnit } from '../plan/figure';

/** A cell on a generated sheet and the engine's value in it. */
export interface CellValueRef {
  sheet: string;
  cell: string;
  value: number | null;
}

export interface OverviewNorm {
  label: string;
  unit: FigureUnit;
  realisation: CellValueRef;
  /** The norm value cell; absent for a norm without target. */
  norm?: CellValueRef;
  /** Status text cell ("Behaald" …) and the engine's status. */
  status?: { sheet: string; cell: string; text: string };
}

export interface OverviewNorms {
  /** The status texts the norms sheet writes, so the overview can count them. */
  texts: { met: string; near: string; notMet: string; noData: string };
  rows: OverviewNorm[];
}

export interface OverviewBudgetLine {
  werksoort: string;
  begroot: CellValueRef;
  realisatie: CellValueRef;
  prognose: CellValueRef;
  /** Lines whose required explanation is missing. */
  openExplanations: CellValueRef;
}

export interface OverviewRiskBand {
  label: string;
  fill: string;
  font: string;
  count: CellValueRef;
}

export interface OverviewRisk {
  register: string;
  scale: number;
  /** counts[kans-1][schade-1]: the heatmap's count cells. */
  grid: CellValueRef[][];
  /** Per grid cell, the band index (for colouring the small map). */
  band: number[][];
  bands: OverviewRiskBand[];
}

export interface OverviewContribution {
  norms?: OverviewNorms;
  budget?: OverviewBudgetLine[];
  risk?: OverviewRisk;
}
