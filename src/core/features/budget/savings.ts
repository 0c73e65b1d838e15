// Savings tasks (taakstelling): the stated task, the stated realised saving
// and what is still to be realised, next to the savings of the lines (a
// "Besparing" column, or the amounts of a table that holds the task rows).
// Checked: the lines add up to the stated realised saving, and the stated
// remainder is the task minus the realised saving.

import type { Finding } from '../../findings/finding';
import { formatDutch, formatPercent } from '../../parse/number';
import { a1 } from '../../workbook/address';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { rowValues } from '../../workbook/snapshot';
import type { Amount } from './amounts';
import { cents, readAmount } from './amounts';
import type { SavingsKind } from './schema';
import { savingsKind } from './schema';
import type { BudgetConfig } from './settings';
import type { SumPart, Verdict } from './sums';
import { classify, linesRoundingAllowance, sumPart } from './sums';
import type { BudgetTable } from './table';

export interface SavingsStatement {
  kind: SavingsKind;
  sheet: string;
  row: number;
  /** The amount's column. */
  col: number;
  labelCol: number;
  label: string;
  amount: Amount;
}

export interface SavingsTask {
  sheet: string;
  task: SavingsStatement | null;
  realised: SavingsStatement | null;
  remaining: SavingsStatement | null;
  /** The lines' savings, when a column holds them. */
  parts: SumPart[];
  /** The column header the parts come from. */
  column: string;
  linesSum: number;
  /** What the sheet's formulas compute for the same sum. */
  linesSumSheet: number;
  /** Realised saving used for the remainder: the stated one, else the lines' sum. */
  realisedValue: number | null;
  realisedSheet: number | null;
  /** task − realised, as the provider means it and as the sheet computes it. */
  remainingValue: number | null;
  remainingSheet: number | null;
  sumVerdict: Verdict | null;
  remainingVerdict: Verdict | null;
}

/** Task rows anywhere on a sheet: a label cell with an amount to its right. */
function statements(wb: WorkbookSnapshot): SavingsStatement[] {
  const out: SavingsStatement[] = [];
  for (const sheet of wb.sheets) {
    const last = Math.min(sheet.rowCount, 5000);
    for (let r = 0; r < last; r++) {
      const cells = rowValues(sheet, r);
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        if (typeof v !== 'string' || v.length > 80) continue;
        const kind = savingsKind(v);
        if (!kind) continue;
        for (let k = c + 1; k < cells.length; k++) {
          const amount = readAmount(cells[k] ?? null);
          if (amount.value === null) continue;
          out.push({ kind, sheet: sheet.name, row: r, col: k, labelCol: c, label: v.trim(), amount });
          break;
        }
        break;
      }
    }
  }
  return out;
}

/** The lines' savings of a table: its Besparing column, else (for a table holding task rows) its money column. */
function savingsColumn(t: BudgetTable): number {
  const own = t.amountColumns.findIndex((c) => c.field === 'besparing');
  if (own >= 0) return own;
  if (!t.rows.some((r) => r.kind === 'saving')) return -1;
  const money = t.amountColumns.findIndex((c) => c.field === 'begroot');
  return money >= 0 ? money : t.amountColumns.findIndex((c) => c.field === 'year');
}

export function detectSavings(wb: WorkbookSnapshot, tables: BudgetTable[], cfg: BudgetConfig): SavingsTask[] {
  const stated = statements(wb);
  const withColumn = tables.filter((t) => savingsColumn(t) >= 0);
  const sheets = [...new Set([...stated.map((s) => s.sheet), ...withColumn.map((t) => t.sheet)])];
  const out: SavingsTask[] = [];
  for (const sheet of sheets) {
    const own = stated.filter((s) => s.sheet === sheet);
    const first = (k: SavingsKind) => own.find((s) => s.kind === k) ?? null;
    const task = first('task');
    const realised = first('realised');
    const remaining = first('remaining');
    // The lines: tables with a savings column on this sheet; a lone one elsewhere when this sheet has none.
    let source = withColumn.filter((t) => t.sheet === sheet);
    if (source.length === 0 && own.length && withColumn.length === 1 && !stated.some((s) => s.sheet === withColumn[0].sheet)) source = withColumn;
    if (!task && !realised && source.length === 0) continue;
    const parts: SumPart[] = [];
    let unreadable = false;
    const headers: string[] = [];
    for (const t of source) {
      const i = savingsColumn(t);
      headers.push(t.amountColumns[i].header);
      for (const r of t.rows) {
        if (r.kind !== 'line') continue;
        const a = r.amounts[i];
        if (a.source === 'error') unreadable = true;
        if (a.value === null && a.source !== 'blank') continue;
        parts.push(sumPart(t.sheet, r.row, t.amountColumns[i].col, a));
      }
    }
    const hasLines = parts.some((p) => p.value !== 0) && !unreadable;
    const linesSum = parts.reduce((s, p) => s + p.value, 0);
    const linesSumSheet = parts.reduce((s, p) => s + p.sheetValue, 0);
    const realisedValue = realised ? realised.amount.value : hasLines ? linesSum : null;
    const realisedSheet = realised ? realised.amount.formulaValue : hasLines ? linesSumSheet : null;
    const remainingValue = task && realisedValue !== null ? (cents(task.amount.value!) - cents(realisedValue)) / 100 : null;
    const remainingSheet = task && realisedSheet !== null ? task.amount.formulaValue - realisedSheet : null;
    const sumVerdict =
      realised && hasLines ? classify(realised.amount.value! - linesSum, Math.max(cfg.toleranceEur, linesRoundingAllowance(parts.map((p) => p.value), realised.amount.value!))) : null;
    const remainingVerdict = remaining && remainingValue !== null ? classify(remaining.amount.value! - remainingValue, cfg.toleranceEur) : null;
    out.push({
      sheet,
      task,
      realised,
      remaining,
      parts: hasLines ? parts : [],
      column: [...new Set(headers)].join(', '),
      linesSum: hasLines ? linesSum : 0,
      linesSumSheet: hasLines ? linesSumSheet : 0,
      realisedValue,
      realisedSheet,
      remainingValue,
      remainingSheet,
      sumVerdict,
      remainingVerdict,
    });
  }
  return out;
}

const eur = (x: number) => `€ ${formatDutch(x, Number.isInteger(x) ? 0 : 2)}`;

export function savingsFindings(s: SavingsTask): Finding[] {
  const out: Finding[] = [];
  if (s.realised && s.sumVerdict && s.sumVerdict !== 'exact') {
    const rounding = s.sumVerdict === 'rounding';
    out.push({
      rule: rounding ? 'budget.savings-sum-rounding' : 'budget.savings-sum-mismatch',
      severity: rounding ? 'info' : 'error',
      kind: 'budget',
      sheet: s.sheet,
      cell: a1(s.realised.row, s.realised.col),
      message: `${s.realised.label}: ${eur(s.realised.amount.value!)} vermeld, maar de besparingen per regel (${s.column}) tellen op tot ${eur(s.linesSum)}${rounding ? '; een afrondingsverschil' : ''}.`,
      expected: Number(s.linesSum.toFixed(2)),
      actual: s.realised.amount.value!,
    });
  }
  if (s.remaining && s.remainingVerdict && s.remainingVerdict !== 'exact') {
    const rounding = s.remainingVerdict === 'rounding';
    out.push({
      rule: rounding ? 'budget.savings-remaining-rounding' : 'budget.savings-remaining-mismatch',
      severity: rounding ? 'info' : 'error',
      kind: 'budget',
      sheet: s.sheet,
      cell: a1(s.remaining.row, s.remaining.col),
      message: `${s.remaining.label}: ${eur(s.remaining.amount.value!)} vermeld, maar taakstelling ${eur(s.task!.amount.value!)} min gerealiseerd ${eur(s.realisedValue!)} is ${eur(s.remainingValue!)}.`,
      expected: s.remainingValue!,
      actual: s.remaining.amount.value!,
    });
  }
  if (s.task && s.realisedValue !== null && s.remainingValue !== null && s.remainingValue > 0) {
    const at = s.remaining ?? s.realised ?? s.task;
    const task = s.task.amount.value!;
    out.push({
      rule: 'budget.savings-open',
      severity: 'info',
      kind: 'budget',
      sheet: s.sheet,
      cell: a1(at.row, at.col),
      message: `Van de taakstelling van ${eur(task)} is ${eur(s.realisedValue)} gerealiseerd${task ? ` (${formatPercent(s.realisedValue / task)})` : ''}; nog ${eur(s.remainingValue)} te realiseren.`,
      expected: task,
      actual: s.realisedValue,
    });
  }
  return out;
}
