// Fte × rate: the normative price per fte most lines are priced at, and the
// lines whose amount deviates from fte × that price. Lines are pooled per
// sheet, because a financing overview often has one small table per werksoort.

import type { Finding } from '../../findings/finding';
import { formatDutch } from '../../parse/number';
import { a1 } from '../../workbook/address';
import type { Amount } from './amounts';
import { cents, roundExcel } from './amounts';
import type { BudgetConfig } from './settings';
import type { Verdict } from './sums';
import type { BudgetRow, BudgetTable } from './table';
import { tableName } from './table';

export interface FteLine {
  table: BudgetTable;
  row: BudgetRow;
  fteCol: number;
  amountCol: number;
  fte: number;
  amount: number;
  /** The two cells as the generated formulas read them (Amount.formulaValue). */
  fteSheet: number;
  amountSheet: number;
  fteCell: Amount;
  amountCell: Amount;
  /** ROUND(fte × rate, 2). */
  priced: number;
  diff: number;
  verdict: Verdict;
}

export interface FteRate {
  sheet: string;
  /** The tables the lines come from, for the block's title. */
  name: string;
  /** The rate, or null when no rate dominates. */
  rate: number | null;
  source: 'detected' | 'setting' | 'none';
  /** Lines priced to the cent at the rate, out of lines.length. */
  support: number;
  lines: FteLine[];
  /** A line whose amount / fte rounds to the rate (for a live formula), if any. */
  witness: FteLine | null;
}

interface Candidate {
  table: BudgetTable;
  row: BudgetRow;
  fteCol: number;
  amountCol: number;
  fte: Amount;
  amount: Amount;
}

/** The money column fte is priced in: Begroot (or Bedrag), else the first year column. */
function amountIndex(t: BudgetTable): number {
  const begroot = t.amountColumns.findIndex((c) => c.field === 'begroot');
  return begroot >= 0 ? begroot : t.amountColumns.findIndex((c) => c.field === 'year');
}

const pricedAt = (fte: number, rate: number) => roundExcel(fte * rate, 2);

function candidates(t: BudgetTable): Candidate[] {
  const fi = t.amountColumns.findIndex((c) => c.field === 'fte');
  const ai = amountIndex(t);
  if (fi < 0 || ai < 0) return [];
  return t.rows
    .filter((r) => r.kind === 'line')
    .map((r) => ({ table: t, row: r, fteCol: t.amountColumns[fi].col, amountCol: t.amountColumns[ai].col, fte: r.amounts[fi], amount: r.amounts[ai] }))
    .filter((x) => x.fte.value !== null && x.fte.value > 0 && x.amount.value !== null);
}

/** The dominant rate over the fte lines of these tables (one sheet); null when there are none. */
export function fteRate(tables: BudgetTable[], cfg: BudgetConfig): FteRate | null {
  const raw = tables.flatMap(candidates);
  if (raw.length === 0) return null;
  const supports = (q: number) => raw.filter((x) => cents(x.amount.value!) === cents(pricedAt(x.fte.value!, q))).length;
  let rate = cfg.fteRate;
  let support = rate === null ? 0 : supports(rate);
  if (rate === null) {
    // Candidates: the lines' own amount / fte, most frequent first (small fte spreads the
    // ratio a few cents around the rate, so the rate itself is among the frequent ones);
    // the candidate that prices most lines to the cent wins.
    const freq = new Map<number, number>();
    for (const x of raw) {
      const q = roundExcel(x.amount.value! / x.fte.value!, 2);
      freq.set(q, (freq.get(q) ?? 0) + 1);
    }
    const qs = [...freq.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 12)
      .map(([q]) => q);
    for (const q of qs) {
      const s = supports(q);
      if (s > support) {
        support = s;
        rate = q;
      }
    }
    // Dominant: a majority of the lines, and at least two.
    if (!(support >= 2 && support * 2 > raw.length)) rate = null;
  }
  const names = [...new Set(tables.filter((t) => raw.some((x) => x.table === t)).map(tableName))];
  const base = { sheet: tables[0].sheet, name: names.length === 1 ? names[0] : tables[0].sheet };
  if (rate === null) return { ...base, rate: null, source: 'none', support, lines: [], witness: null };
  const r = rate;
  const lines: FteLine[] = raw.map((x) => {
    const priced = pricedAt(x.fte.value!, r);
    const diff = (cents(x.amount.value!) - cents(priced)) / 100;
    const c = Math.abs(cents(diff));
    return {
      table: x.table,
      row: x.row,
      fteCol: x.fteCol,
      amountCol: x.amountCol,
      fte: x.fte.value!,
      amount: x.amount.value!,
      fteSheet: x.fte.formulaValue,
      amountSheet: x.amount.formulaValue,
      fteCell: x.fte,
      amountCell: x.amount,
      priced,
      diff,
      verdict: c === 0 ? 'exact' : c <= cents(cfg.toleranceEur) ? 'rounding' : 'error',
    };
  });
  const witness =
    lines
      .filter((l) => l.fteCell.source === 'number' && l.amountCell.source === 'number' && l.fte > 0 && roundExcel(l.amount / l.fte, 2) === r)
      .sort((a, b) => b.fte - a.fte)[0] ?? null;
  return { ...base, rate: r, source: cfg.fteRate !== null ? 'setting' : 'detected', support, lines, witness };
}

/** One pooled rate per sheet. */
export function fteRates(tables: BudgetTable[], cfg: BudgetConfig): FteRate[] {
  const bySheet = new Map<string, BudgetTable[]>();
  for (const t of tables) {
    const list = bySheet.get(t.sheet);
    if (list) list.push(t);
    else bySheet.set(t.sheet, [t]);
  }
  return [...bySheet.values()].map((ts) => fteRate(ts, cfg)).filter((r): r is FteRate => r !== null && r.rate !== null);
}

export function fteFindings(f: FteRate): Finding[] {
  const out: Finding[] = [];
  for (const l of f.lines) {
    if (l.verdict === 'exact' || f.rate === null) continue;
    const rounding = l.verdict === 'rounding';
    out.push({
      rule: rounding ? 'budget.fte-rate-rounding' : 'budget.fte-rate-mismatch',
      severity: rounding ? 'info' : 'error',
      kind: 'budget',
      sheet: f.sheet,
      cell: a1(l.row.row, l.amountCol),
      message: `${l.row.label || `Rij ${l.row.row + 1}`}: ${formatDutch(l.fte, 2)} fte × € ${formatDutch(f.rate, 2)} = € ${formatDutch(l.priced, 2)}, maar er staat € ${formatDutch(l.amount, 2)} (verschil € ${formatDutch(l.diff, 2)})${rounding ? '; een afrondingsverschil' : ''}.`,
      expected: l.priced,
      actual: l.amount,
    });
  }
  return out;
}
