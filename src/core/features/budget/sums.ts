// Arithmetic checks: each stated subtotal or total against the sum of what it
// covers, per amount column, classified as exact, rounding or error.

import type { Finding } from '../../findings/finding';
import { formatDutch } from '../../parse/number';
import { a1 } from '../../workbook/address';
import type { Amount } from './amounts';
import type { Verdict } from '../../rounding';
import { cents, classify, linesRoundingAllowance } from '../../rounding';
import type { BudgetConfig } from './settings';
import type { AmountColumn, BudgetRow, BudgetTable } from './table';
import { tableName } from './table';

export type { Verdict } from '../../rounding';
export { classify, linesRoundingAllowance } from '../../rounding';

/** One cell that takes part in a sum: sheet, 0-based row and column, and its values. */
export interface SumPart {
  sheet: string;
  row: number;
  col: number;
  value: number;
  /** What the generated formula adds for this cell (Amount.formulaValue). */
  sheetValue: number;
  /** Set when the cell holds a number typed as text: the formula adds it explicitly. */
  textValue?: number;
}

/** A cell of an amount column as a part of a sum. */
export function sumPart(sheet: string, row: number, col: number, a: Amount): SumPart {
  const p: SumPart = { sheet, row, col, value: a.value ?? 0, sheetValue: a.formulaValue };
  if (a.source === 'text' && a.value !== null) p.textValue = a.value;
  return p;
}

export interface SumCheck {
  check: 'subtotal' | 'total' | 'regional' | 'balance';
  sheet: string;
  /** The stated cell. */
  row: number;
  col: number;
  /** e.g. "Subtotaal Jeugd", "Jeugdhulp (BERNHEZE … VEGHEL)". */
  what: string;
  section: string;
  table: string;
  column: AmountColumn;
  stated: number;
  /** The stated cell as the generated formula reads it (formulas.amountRef). */
  statedSheet: number;
  /** The stated cell itself, for amountRef. */
  statedAmount?: Amount;
  parts: SumPart[];
  sum: number;
  sumSheet: number;
  /** stated − sum, in the column's unit. */
  diff: number;
  /** Largest difference still explained by rounding: the tolerance, or rounding the lines. */
  allowance: number;
  /** What rounding each term to its written decimals can add up to (n × half a unit). */
  linesAllowance: number;
  verdict: Verdict;
}

export function makeCheck(
  base: Omit<SumCheck, 'sum' | 'sumSheet' | 'diff' | 'allowance' | 'linesAllowance' | 'verdict'>,
  cfg: BudgetConfig,
): SumCheck {
  const sum = base.parts.reduce((s, p) => s + p.value, 0);
  const sumSheet = base.parts.reduce((s, p) => s + p.sheetValue, 0);
  const diff = (cents(base.stated) - cents(sum)) / 100;
  const linesAllowance = linesRoundingAllowance(base.parts.map((p) => p.value), base.stated);
  const allowance = Math.max(base.column.unit === 'fte' ? cfg.toleranceFte : cfg.toleranceEur, linesAllowance);
  return { ...base, sum, sumSheet, diff, allowance, linesAllowance, verdict: classify(diff, allowance) };
}

function part(t: BudgetTable, r: BudgetRow, i: number): SumPart | null {
  const a = r.amounts[i];
  if (a.source === 'error') return null;
  return sumPart(t.sheet, r.row, t.amountColumns[i].col, a);
}

interface Group {
  subtotal: BudgetRow | null;
  lines: BudgetRow[];
}

/** A section whose lines no stated subtotal covers (e.g. the last werksoort without a "Subtotaal" row). */
export interface UnstatedSection {
  table: BudgetTable;
  section: string;
  lines: BudgetRow[];
}

/**
 * Subtotals sum the lines of their own section (since the last heading). When a
 * subtotal only adds up over several sections since the previous subtotal
 * ("Personeel", "Materieel", then one "Subtotaal"), that wider scope is used.
 * Totals sum the stated subtotals since the previous total, and the lines of any
 * group whose subtotal is not stated in that column (or that has none); when
 * the total only agrees once a wrong subtotal is replaced by its lines, that is used.
 */
export function tableSumChecks(t: BudgetTable, cfg: BudgetConfig, unstated: UnstatedSection[] = []): SumCheck[] {
  const out: SumCheck[] = [];
  let groups: Group[] = [];
  let pending: Group[] = [];
  let current: BudgetRow[] = [];
  /** Subtotal cells ("row:column index") whose check is an error. */
  const wrong = new Set<string>();
  const check = (r: BudgetRow, i: number, covered: BudgetRow[], section: string): SumCheck | null => {
    const stated = r.amounts[i];
    if (stated.value === null || covered.length === 0) return null; // not stated or nothing to add up
    const parts = covered.map((x) => part(t, x, i));
    if (parts.some((p) => p === null)) return null; // an error value in the sum; reported elsewhere
    const kind = r.kind as 'subtotal' | 'total';
    return makeCheck(
      {
        check: kind,
        sheet: t.sheet,
        row: r.row,
        col: t.amountColumns[i].col,
        what: r.label || (kind === 'subtotal' ? 'Subtotaal' : 'Totaal'),
        section: section || r.label,
        table: tableName(t),
        column: t.amountColumns[i],
        stated: stated.value,
        statedAmount: stated,
        statedSheet: stated.formulaValue,
        parts: parts as SumPart[],
      },
      cfg,
    );
  };
  const checksOver = (r: BudgetRow, covered: BudgetRow[], section: string) =>
    t.amountColumns.map((_, i) => check(r, i, covered, section)).filter((c): c is SumCheck => c !== null);
  const closeSection = () => {
    if (current.length) pending.push({ subtotal: null, lines: current });
    current = [];
  };
  for (const r of t.rows) {
    if (r.kind === 'line') current.push(r);
    else if (r.kind === 'heading') closeSection();
    else if (r.kind === 'subtotal') {
      const own = current.length ? current : (pending.pop()?.lines ?? []);
      const wide = [...pending.flatMap((g) => g.lines), ...own];
      let chosen = checksOver(r, own, own[0]?.section ?? r.section);
      let covered = own;
      if (wide.length > own.length) {
        const alt = checksOver(r, wide, wide[0]?.section ?? r.section);
        const fits = (cs: SumCheck[]) => cs.filter((c) => c.verdict !== 'error').length;
        if (fits(alt) > fits(chosen)) {
          chosen = alt;
          covered = wide;
        }
      }
      out.push(...chosen);
      for (const c of chosen) if (c.verdict === 'error') wrong.add(`${r.row}:${t.amountColumns.indexOf(c.column)}`);
      if (covered === own) {
        for (const g of pending) unstated.push({ table: t, section: g.lines[0].section, lines: g.lines });
        groups.push(...pending);
      }
      groups.push({ subtotal: r, lines: covered });
      pending = [];
      current = [];
    } else if (r.kind === 'total') {
      closeSection();
      const all = [...groups, ...pending];
      t.amountColumns.forEach((_, i) => {
        const stated = (g: Group) => g.subtotal !== null && g.subtotal.amounts[i].value !== null;
        let c = check(r, i, all.flatMap((g) => (stated(g) ? [g.subtotal!] : g.lines)), '');
        // When a stated subtotal is itself wrong and the total agrees with the lines instead, the
        // subtotal is the one mistake: it is reported there, once, and the total is checked on the lines.
        if (c?.verdict === 'error' && all.some((g) => stated(g) && wrong.has(`${g.subtotal!.row}:${i}`))) {
          const alt = check(r, i, all.flatMap((g) => (stated(g) && !wrong.has(`${g.subtotal!.row}:${i}`) ? [g.subtotal!] : g.lines)), '');
          if (alt && alt.verdict !== 'error') c = alt;
        }
        if (c) out.push(c);
      });
      for (const g of pending) unstated.push({ table: t, section: g.lines[0].section, lines: g.lines });
      groups = [];
      pending = [];
    }
  }
  closeSection();
  for (const g of pending) unstated.push({ table: t, section: g.lines[0].section, lines: g.lines });
  return out;
}

const unitText = (c: SumCheck, v: number) => (c.column.unit === 'fte' ? `${formatDutch(v, 2)} fte` : `€ ${formatDutch(v, 2)}`);

/** A finding for every check that is not exact. */
export function sumFinding(c: SumCheck): Finding | null {
  if (c.verdict === 'exact') return null;
  const col = c.column.header || c.column.field;
  const where: Record<SumCheck['check'], string> = {
    subtotal: `${c.what} (${c.section}, kolom ${col})`,
    total: `${c.what} (${c.table}, kolom ${col})`,
    regional: `${c.what} (kolom ${col})`,
    balance: c.what,
  };
  const against: Record<SumCheck['check'], string> = {
    subtotal: 'de som van de regels',
    total: 'de som van de subtotalen en regels',
    regional: 'de som van de gemeenten',
    balance: 'het totaal van de baten',
  };
  const direction = c.diff < 0 ? 'lager' : 'hoger';
  const diff = unitText(c, Math.abs(c.diff));
  const message = `${where[c.check]}: ${unitText(c, c.stated)} is ${diff} ${direction} dan ${against[c.check]} (${unitText(c, c.sum)})${c.verdict === 'rounding' ? '; een afrondingsverschil' : ''}.`;
  return {
    rule: `budget.${c.check}-${c.verdict === 'rounding' ? 'rounding' : 'mismatch'}`,
    severity: c.verdict === 'rounding' ? 'info' : 'error',
    kind: 'budget',
    sheet: c.sheet,
    cell: a1(c.row, c.col),
    message,
    expected: Number(c.sum.toFixed(2)),
    actual: c.stated,
  };
}
