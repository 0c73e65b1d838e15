// The regional table against the sum of the municipality tables: per row
// label and column. A table is regional when its title says so ("TOTAAL
// REGIO"); its municipalities are the other tables with the same rows.

import { normaliseHeader } from '../../detect/headers';
import type { BudgetConfig } from './settings';
import type { SumCheck, SumPart } from './sums';
import { makeCheck, sumPart } from './sums';
import type { BudgetRow, BudgetTable } from './table';
import { normalisedHeader, tableName } from './table';
import { labelKey } from './schema';

export function isRegionalTitle(title: string): boolean {
  return /\b(regio|regionaal|regionale|alle gemeenten|totaal gemeenten)\b/.test(normaliseHeader(title));
}

const FIGURE_KINDS = new Set(['line', 'subtotal', 'total']);

/** Rows by label key; a repeated label gets "#2", "#3". */
function rowsByKey(t: BudgetTable): Map<string, BudgetRow> {
  const out = new Map<string, BudgetRow>();
  const seen = new Map<string, number>();
  for (const r of t.rows) {
    if (!FIGURE_KINDS.has(r.kind) || !r.label) continue;
    const k = labelKey(r.label);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    out.set(n === 1 ? k : `${k}#${n}`, r);
  }
  return out;
}

/** Share of the regional table's row labels that the other table also has. */
function overlap(regional: Map<string, BudgetRow>, other: Map<string, BudgetRow>): number {
  if (regional.size === 0) return 0;
  let n = 0;
  for (const k of regional.keys()) if (other.has(k)) n++;
  return n / regional.size;
}

export interface RegionalGroup {
  regional: BudgetTable;
  municipalities: BudgetTable[];
}

export function regionalGroups(tables: BudgetTable[]): RegionalGroup[] {
  const out: RegionalGroup[] = [];
  for (const reg of tables.filter((t) => isRegionalTitle(t.title))) {
    const keys = rowsByKey(reg);
    const headers = new Set(reg.amountColumns.map(normalisedHeader));
    const similar = (t: BudgetTable) =>
      t !== reg && !isRegionalTitle(t.title) && overlap(keys, rowsByKey(t)) >= 0.5 && t.amountColumns.some((c) => headers.has(normalisedHeader(c)));
    let municipalities = tables.filter((t) => t.sheet === reg.sheet && similar(t));
    if (municipalities.length < 2) municipalities = tables.filter(similar);
    if (municipalities.length >= 2) out.push({ regional: reg, municipalities });
  }
  return out;
}

export function regionalChecks(group: RegionalGroup, cfg: BudgetConfig): SumCheck[] {
  const out: SumCheck[] = [];
  const regRows = rowsByKey(group.regional);
  const munRows = group.municipalities.map(rowsByKey);
  const names = group.municipalities.map(tableName);
  for (const [key, r] of regRows) {
    group.regional.amountColumns.forEach((col, i) => {
      const stated = r.amounts[i];
      if (stated.value === null) return;
      const h = normalisedHeader(col);
      const parts: SumPart[] = [];
      let unreadable = false;
      group.municipalities.forEach((m, j) => {
        const row = munRows[j].get(key);
        const mi = m.amountColumns.findIndex((c) => normalisedHeader(c) === h);
        if (!row || mi < 0) return;
        const a = row.amounts[mi];
        if (a.source === 'error') unreadable = true;
        parts.push(sumPart(m.sheet, row.row, m.amountColumns[mi].col, a));
      });
      if (unreadable || parts.length === 0) return;
      out.push(
        makeCheck(
          {
            check: 'regional',
            sheet: group.regional.sheet,
            row: r.row,
            col: col.col,
            what: `${r.label} in ${tableName(group.regional)} tegenover ${names.join(', ')}`,
            section: r.section,
            table: tableName(group.regional),
            column: col,
            stated: stated.value,
            statedSheet: stated.formulaValue,
            statedAmount: stated,
            parts,
          },
          cfg,
        ),
      );
    });
  }
  return out;
}
