// The kernbeding's budget split as a norm: individual social work takes at
// most 30% of the social work budget, collective work or informal support at
// least 70%. The share is computed from the financing sections' lines.

import type { Finding } from '../../findings/finding';
import { formatPercent } from '../../parse/number';
import type { Settings } from '../../settings/settings';
import { a1 } from '../../workbook/address';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { userSheets } from '../../generatedSheets';
import type { BudgetConfig } from './settings';
import { budgetConfig } from './settings';
import type { BudgetTable } from './table';
import { detectBudgetTables } from './table';

/** A block of rows of one column on a user sheet. */
export interface ColumnRange {
  sheet: string;
  col: number;
  top: number;
  bottom: number;
}

export interface ShareSide {
  sections: string[];
  ranges: ColumnRange[];
  /** The provider's figures (text numbers read). */
  sum: number;
  /** What the sheet's formula gives: SUM() over the ranges plus the amounts typed as text (`texts`). */
  sumSheet: number;
  /** Cells in the ranges holding an amount as text: SUM() skips them, so the formula adds them. */
  texts: { sheet: string; row: number; col: number; textValue: number }[];
  /** An error value in the ranges: SUM() would show the error, so no share. */
  hasError: boolean;
}

export interface IndividualShare {
  table: BudgetTable;
  field: 'begroot' | 'realisatie' | 'prognose';
  individual: ShareSide;
  collective: ShareSide;
  /** individual / (individual + collective), or null when both are 0. */
  share: number | null;
  shareSheet: number | null;
  max: number;
  meets: boolean | null;
}

const matches = (section: string, parts: string[]) => parts.some((p) => section.toLowerCase().includes(p));

function side(t: BudgetTable, col: number, ai: number, wanted: (s: string) => boolean): ShareSide {
  const sections: string[] = [];
  const ranges: ColumnRange[] = [];
  const texts: ShareSide['texts'] = [];
  let sum = 0;
  let sumSheet = 0;
  let hasError = false;
  const bySection = new Map<string, number[]>();
  for (const r of t.rows) {
    if (r.kind !== 'line' || !r.section || !wanted(r.section)) continue;
    const rows = bySection.get(r.section);
    if (rows) rows.push(r.row);
    else bySection.set(r.section, [r.row]);
  }
  for (const [section, rows] of bySection) {
    sections.push(section);
    // Rows come in sheet order; no spread, which fails on very long sections.
    const top = rows[0];
    const bottom = rows[rows.length - 1];
    ranges.push({ sheet: t.sheet, col, top, bottom });
    for (const r of t.rows) {
      if (r.row < top || r.row > bottom) continue;
      const a = r.amounts[ai];
      sumSheet += a.formulaValue;
      if (a.source === 'text' && a.value !== null) texts.push({ sheet: t.sheet, row: r.row, col, textValue: a.value });
      if (r.amounts[ai].source === 'error') hasError = true;
      if (r.kind === 'line') sum += r.amounts[ai].value ?? 0;
    }
  }
  return { sections, ranges, sum, sumSheet, texts, hasError };
}

function merge(sides: ShareSide[]): ShareSide {
  return {
    sections: sides.flatMap((x) => x.sections),
    ranges: sides.flatMap((x) => x.ranges),
    texts: sides.flatMap((x) => x.texts),
    sum: sides.reduce((a, x) => a + x.sum, 0),
    sumSheet: sides.reduce((a, x) => a + x.sumSheet, 0),
    hasError: sides.some((x) => x.hasError),
  };
}

/** The share over one column of these tables, or null when they lack either kind of section. */
export function shareOf(tables: BudgetTable[], field: IndividualShare['field'], cfg: BudgetConfig): IndividualShare | null {
  const ind: ShareSide[] = [];
  const coll: ShareSide[] = [];
  let first: BudgetTable | null = null;
  for (const t of tables) {
    const ai = t.amountColumns.findIndex((c) => c.field === field);
    if (ai < 0) continue;
    const col = t.amountColumns[ai].col;
    const i = side(t, col, ai, (s) => matches(s, cfg.shareIndividualSections));
    if (i.sections.length && !first) first = t;
    ind.push(i);
    coll.push(side(t, col, ai, (s) => !matches(s, cfg.shareIndividualSections) && matches(s, cfg.shareCollectiveSections)));
  }
  const individual = merge(ind);
  const collective = merge(coll);
  if (!first || collective.sections.length === 0 || individual.hasError || collective.hasError) return null;
  const total = individual.sum + collective.sum;
  const totalSheet = individual.sumSheet + collective.sumSheet;
  const share = total === 0 ? null : individual.sum / total;
  return {
    table: first,
    field,
    individual,
    collective,
    share,
    shareSheet: totalSheet === 0 ? null : individual.sumSheet / totalSheet,
    max: cfg.shareIndividualMax,
    meets: share === null ? null : share <= cfg.shareIndividualMax,
  };
}

/** One table with both kinds of sections decides; else the tables of one sheet together (one table per werksoort). */
export function findShare(tables: BudgetTable[], field: IndividualShare['field'], cfg: BudgetConfig): IndividualShare | null {
  for (const t of tables) {
    const s = shareOf([t], field, cfg);
    if (s) return s;
  }
  for (const sheet of [...new Set(tables.map((t) => t.sheet))]) {
    const s = shareOf(
      tables.filter((t) => t.sheet === sheet),
      field,
      cfg,
    );
    if (s) return s;
  }
  return null;
}

/**
 * The share of individual social work in the social work budget (begroot),
 * straight from a workbook: for the norms sheet, which reports it against
 * "Inzet budget individueel sociaal werk ≤ 30%".
 */
export function individualShare(wb: WorkbookSnapshot, settings: Settings): IndividualShare | null {
  const cfg = budgetConfig(settings);
  return findShare(detectBudgetTables({ sheets: userSheets(wb) }, settings), 'begroot', cfg);
}

/** The norm not met: a warning at the first line of the individual sections. */
export function shareFindings(s: IndividualShare): Finding[] {
  if (s.meets !== false || s.share === null) return [];
  return [
    {
      rule: 'budget.share-individual',
      severity: 'warning',
      kind: 'budget',
      sheet: s.table.sheet,
      cell: a1(s.individual.ranges[0].top, s.table.labelCol),
      message: `Individueel sociaal werk krijgt ${formatPercent(s.share)} van het budget voor sociaal werk (${s.individual.sections.join(', ')} tegenover ${s.collective.sections.join(', ')}); het kernbeding staat maximaal ${formatPercent(s.max, 0)} toe.`,
      expected: s.max,
      actual: Number(s.share.toFixed(4)),
      unit: 'fraction',
    },
  ];
}
