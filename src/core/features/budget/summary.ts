// The budget tables as plain data, for consumers outside this feature (the
// regional overview compares a regional agreement in one workbook with the
// municipal tables in others). Rows are keyed by label and columns by header
// exactly as the in-workbook regional check pairs them.

import { a1 } from '../../workbook/address';
import type { FeatureContext } from '../feature';
import { isRegionalTitle } from './regional';
import { labelKey } from './schema';
import { detectBudgetTables, normalisedHeader, tableName } from './table';

export interface BudgetColumnSummary {
  /** The header as written ("2016", "Begroot 2022"). */
  header: string;
  /** What pairs columns across tables: a year, or the field (begroot, fte …). */
  key: string;
  unit: 'eur' | 'fte';
}

export interface BudgetRowSummary {
  /** Label key; a repeated label gets "#2", "#3". */
  key: string;
  label: string;
  kind: 'line' | 'subtotal' | 'total';
  /** Per column: the amount the provider meant (Dutch text read), null when blank; the cell; whether it is an error value. */
  cells: { value: number | null; cell: string; error: boolean }[];
}

export interface BudgetTableSummary {
  sheet: string;
  title: string;
  /** The title names a region ("TOTAAL REGIO"), not one municipality. */
  regional: boolean;
  columns: BudgetColumnSummary[];
  rows: BudgetRowSummary[];
}

const FIGURE_KINDS = new Set(['line', 'subtotal', 'total']);

export function budgetTableSummaries(ctx: FeatureContext): BudgetTableSummary[] {
  return detectBudgetTables(ctx.wb, ctx.settings).map((t) => {
    const seen = new Map<string, number>();
    const rows: BudgetRowSummary[] = [];
    for (const r of t.rows) {
      if (!FIGURE_KINDS.has(r.kind) || !r.label) continue;
      const k = labelKey(r.label);
      const n = (seen.get(k) ?? 0) + 1;
      seen.set(k, n);
      rows.push({
        key: n === 1 ? k : `${k}#${n}`,
        label: r.label,
        kind: r.kind as BudgetRowSummary['kind'],
        cells: r.amounts.map((a, i) => ({ value: a.value, cell: a1(r.row, t.amountColumns[i].col), error: a.source === 'error' })),
      });
    }
    return {
      sheet: t.sheet,
      title: tableName(t),
      regional: isRegionalTitle(t.title),
      columns: t.amountColumns.map((c) => ({ header: c.header, key: normalisedHeader(c), unit: c.unit })),
      rows,
    };
  });
}
