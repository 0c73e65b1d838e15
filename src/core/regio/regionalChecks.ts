// The regional agreement in one workbook against the municipal tables in the
// others (seed 001's shape, split over files): rows paired by label, columns
// by header, as inside one workbook; the same rounding rule decides.

import { cents, roundingAllowance } from '../rounding';
import type { BatchSource } from './batch';
import type { SourceData } from './sourceData';
import type { BudgetTableSummary } from '../features/budget/summary';

export interface RegionalLine {
  label: string;
  column: string;
  unit: 'eur' | 'fte';
  /** Key of the regional cell on TB Regio Brondata. */
  regionalKey: string;
  stated: number;
  /** Per municipality: its cell's key and value, or null when it has no such row. */
  parts: ({ key: string; value: number } | null)[];
  sum: number;
  /** stated − sum, in whole cents. */
  diff: number;
  allowance: number;
}

export interface RegionalCheck {
  regionalSource: BatchSource;
  regional: BudgetTableSummary;
  municipalities: { source: BatchSource; table: BudgetTableSummary }[];
  lines: RegionalLine[];
}

function overlap(a: BudgetTableSummary, b: BudgetTableSummary): number {
  if (a.rows.length === 0) return 0;
  const keys = new Set(b.rows.map((r) => r.key));
  return a.rows.filter((r) => keys.has(r.key)).length / a.rows.length;
}

function similar(reg: BudgetTableSummary, t: BudgetTableSummary): boolean {
  const cols = new Set(reg.columns.map((c) => c.key));
  return !t.regional && overlap(reg, t) >= 0.5 && t.columns.some((c) => cols.has(c.key));
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');

function cellKey(source: BatchSource, tableIndex: number, rowKey: string, colKey: string): string {
  return `tabel_${source.id}_${tableIndex + 1}_${slug(rowKey)}_${slug(colKey)}`;
}

export function findRegionalChecks(counting: BatchSource[], data: SourceData, tolerance: { eur: number; fte: number }): RegionalCheck[] {
  const out: RegionalCheck[] = [];
  const added = new Set<string>();
  const addCell = (x: BatchSource, t: BudgetTableSummary, ti: number, ri: number, ci: number): string => {
    const row = t.rows[ri];
    const key = cellKey(x, ti, row.key, t.columns[ci].key);
    if (!added.has(key)) {
      added.add(key);
      const c = row.cells[ci];
      data.add({
        source: x.id,
        kind: 'Begrotingstabel',
        key,
        label: `${t.title}: ${row.label} (${t.columns[ci].header})`,
        value: c.value ?? 0,
        unit: t.columns[ci].unit,
        counts: 1,
        file: x.source.file,
        sheet: t.sheet,
        cell: c.cell,
      });
    }
    return key;
  };
  for (const x of counting) {
    x.source.budgetTables.forEach((reg, ri) => {
      if (!reg.regional) return;
      // Municipal tables in the same workbook are the in-workbook check's business.
      if (x.source.budgetTables.filter((t) => t !== reg && similar(reg, t)).length >= 2) return;
      const municipalities: { source: BatchSource; table: BudgetTableSummary; index: number }[] = [];
      for (const y of counting) {
        if (y === x) continue;
        y.source.budgetTables.forEach((t, ti) => {
          if (similar(reg, t)) municipalities.push({ source: y, table: t, index: ti });
        });
      }
      if (municipalities.length < 2) return;
      const lines: RegionalLine[] = [];
      reg.rows.forEach((row, rowIndex) => {
        reg.columns.forEach((col, ci) => {
          const stated = row.cells[ci];
          if (stated.value === null || stated.error) return;
          const found = municipalities.map((m) => {
            const mr = m.table.rows.findIndex((r) => r.key === row.key);
            const mc = m.table.columns.findIndex((c) => c.key === col.key);
            return mr < 0 || mc < 0 ? null : { m, mr, mc, cell: m.table.rows[mr].cells[mc] };
          });
          // An error value among the parts is reported inside its own workbook; the sum is not checked.
          if (found.some((f) => f?.cell.error) || found.every((f) => f === null)) return;
          const parts = found.map((f) => (f ? { key: addCell(f.m.source, f.m.table, f.m.index, f.mr, f.mc), value: f.cell.value ?? 0 } : null));
          const values = parts.filter((p): p is { key: string; value: number } => p !== null).map((p) => p.value);
          const sum = values.reduce((s, v) => s + v, 0);
          const diff = (cents(stated.value) - cents(sum)) / 100;
          lines.push({
            label: row.label,
            column: col.header,
            unit: col.unit,
            regionalKey: addCell(x, reg, ri, rowIndex, ci),
            stated: stated.value,
            parts,
            sum,
            diff,
            allowance: roundingAllowance(values, stated.value, col.unit === 'fte' ? tolerance.fte : tolerance.eur),
          });
        });
      });
      out.push({ regionalSource: x, regional: reg, municipalities: municipalities.map(({ source, table }) => ({ source, table })), lines });
    });
  }
  return out;
}
