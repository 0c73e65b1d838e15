// Fte × rate: the normative price per fte most lines are priced at, and the
// lines whose amount deviates from fte × that price.

import type { Finding } from '../../findings/finding';
import { formatDutch } from '../../parse/number';
import { a1 } from '../../workbook/address';
import { cents, roundExcel } from './amounts';
import type { BudgetConfig } from './settings';
import type { BudgetRow, BudgetTable } from './table';
import type { Verdict } from './sums';

export interface FteLine {
  row: BudgetRow;
  fte: number;
  amount: number;
  fteSheet: number;
  amountSheet: number;
  /** ROUND(fte × rate, 2) as the sheet computes it. */
  priced: number;
  diff: number;
  verdict: Verdict;
}

export interface FteRate {
  table: BudgetTable;
  fteIndex: number;
  amountIndex: number;
  /** The rate, or null when no rate dominates. */
  rate: number | null;
  source: 'detected' | 'setting' | 'none';
  /** Lines priced exactly at the rate, and all lines with fte. */
  support: number;
  lines: FteLine[];
  /** The line whose amount / fte gives the rate exactly (for a live formula), if any. */
  witness: BudgetRow | null;
}

/** The money column fte is priced in: Begroot, else the first year column. */
function amountIndex(t: BudgetTable): number {
  const begroot = t.amountColumns.findIndex((c) => c.field === 'begroot');
  return begroot >= 0 ? begroot : t.amountColumns.findIndex((c) => c.field === 'year');
}

const pricedAt = (fte: number, rate: number) => roundExcel(fte * rate, 2);

export function fteRate(t: BudgetTable, cfg: BudgetConfig): FteRate | null {
  const fi = t.amountColumns.findIndex((c) => c.field === 'fte');
  const ai = amountIndex(t);
  if (fi < 0 || ai < 0) return null;
  const raw = t.rows
    .filter((r) => r.kind === 'line')
    .map((r) => ({ r, fte: r.amounts[fi], amount: r.amounts[ai] }))
    .filter((x) => x.fte.value !== null && x.fte.value > 0 && x.amount.value !== null);
  if (raw.length === 0) return null;
  let rate = cfg.fteRate;
  let support = 0;
  const supports = (q: number) => raw.filter((x) => cents(x.amount.value!) === cents(pricedAt(x.fte.value!, q))).length;
  if (rate !== null) support = supports(rate);
  else {
    // Candidates: each line's own amount / fte; the one that prices most lines to the cent wins.
    const candidates = [...new Set(raw.map((x) => roundExcel(x.amount.value! / x.fte.value!, 2)))].slice(0, 200);
    for (const q of candidates) {
      const s = supports(q);
      if (s > support) {
        support = s;
        rate = q;
      }
    }
    const dominant = raw.length >= 2 && support >= 2 && support * 2 > raw.length;
    if (!dominant) rate = null;
  }
  const lines: FteLine[] =
    rate === null
      ? []
      : raw.map((x) => {
          const priced = pricedAt(x.fte.value!, rate!);
          const diff = (cents(x.amount.value!) - cents(priced)) / 100;
          const c = Math.abs(cents(diff));
          return {
            row: x.r,
            fte: x.fte.value!,
            amount: x.amount.value!,
            fteSheet: x.fte.nValue,
            amountSheet: x.amount.nValue,
            priced,
            diff,
            verdict: c === 0 ? 'exact' : c <= cents(cfg.toleranceEur) ? 'rounding' : 'error',
          };
        });
  const witness =
    rate === null
      ? null
      : (raw
          .filter((x) => x.fte.source === 'number' && x.amount.source === 'number' && roundExcel(x.amount.value! / x.fte.value!, 2) === rate)
          .sort((a, b) => b.fte.value! - a.fte.value!)[0]?.r ?? null);
  return { table: t, fteIndex: fi, amountIndex: ai, rate, source: cfg.fteRate !== null ? 'setting' : rate === null ? 'none' : 'detected', support, lines, witness };
}

export function fteFindings(f: FteRate): Finding[] {
  const out: Finding[] = [];
  const amountCol = f.table.amountColumns[f.amountIndex].col;
  for (const l of f.lines) {
    if (l.verdict === 'exact' || f.rate === null) continue;
    const rounding = l.verdict === 'rounding';
    out.push({
      rule: rounding ? 'budget.fte-rate-rounding' : 'budget.fte-rate-mismatch',
      severity: rounding ? 'info' : 'error',
      kind: 'budget',
      sheet: f.table.sheet,
      cell: a1(l.row.row, amountCol),
      message: `${l.row.label || `Rij ${l.row.row + 1}`}: ${formatDutch(l.fte, 2)} fte × € ${formatDutch(f.rate, 2)} = € ${formatDutch(l.priced, 2)}, maar er staat € ${formatDutch(l.amount, 2)} (verschil € ${formatDutch(l.diff, 2)})${rounding ? '; een afrondingsverschil' : ''}.`,
      expected: l.priced,
      actual: l.amount,
    });
  }
  return out;
}
