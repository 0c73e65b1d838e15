// The norms with their status, for the task pane's "Normen" view: read back
// from the plan's norms sheet, so the pane shows exactly what the sheet says.

import type { Figure } from '../../plan/figure';
import type { Plan, Scalar } from '../../plan/plan';
import { a1, parseA1 } from '../../workbook/address';
import { NORM_COLUMNS } from './normsSheet';

export interface NormStatusLine {
  key: string;
  label: string;
  /** The realisation (a fraction for percentages), null when there is no data. */
  value: number | null;
  unit: Figure['unit'];
  /** Behaald / Bijna / Niet behaald / Geen gegevens, or "Geen norm". */
  status: string;
  /** e.g. "≥ 0.9": operator and norm value. */
  norm: { op: string; value: number } | null;
  population: number;
  /** Where the realisation stands, for "go to cell". */
  sheet: string;
  cell: string;
}

export function normStatuses(plan: Plan, figures: Figure[], sheetName: string): NormStatusLine[] {
  const sheet = plan.sheets.find((s) => s.name === sheetName);
  if (!sheet) return [];
  const at = new Map<string, Scalar | undefined>(sheet.cells.map((c) => [a1(c.row, c.col), c.v]));
  const out: NormStatusLine[] = [];
  for (const f of figures) {
    if (f.sheet !== sheetName) continue;
    const { row, col } = parseA1(f.cell);
    // Monthly counts are figures too; a norm row has its key in the key column and its value in the value column.
    if (col !== NORM_COLUMNS.value || at.get(a1(row, NORM_COLUMNS.key)) !== f.key) continue;
    const op = at.get(a1(row, NORM_COLUMNS.op));
    const normValue = at.get(a1(row, NORM_COLUMNS.norm));
    out.push({
      key: f.key,
      label: f.label,
      value: f.value,
      unit: f.unit,
      status: String(at.get(a1(row, NORM_COLUMNS.status)) ?? ''),
      norm: typeof op === 'string' && typeof normValue === 'number' ? { op, value: normValue } : null,
      population: Number(at.get(a1(row, NORM_COLUMNS.population)) ?? 0),
      sheet: sheetName,
      cell: f.cell,
    });
  }
  return out;
}
