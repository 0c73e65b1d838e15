// The budget feature: detect budget tables (and baten/lasten budgets), check
// their arithmetic, fte × normprijs and the explanation rule, and build the
// reconciliation sheet.

import { columnsToLetters } from '../../detect/mapping';
import type { Finding } from '../../findings/finding';
import { a1, columnLetters } from '../../workbook/address';
import { cellText } from '../../workbook/snapshot';
import type { Detection, Feature, FeatureContext, FeatureOutput } from '../feature';
import { emptyOutput } from '../feature';
import type { BalanceBudget } from './balance';
import { balanceChecks, detectBalanceBudgets } from './balance';
import type { FteRate } from './fteRate';
import { fteFindings, fteRates } from './fteRate';
import { explanationFindings, reconcilable, reconLines } from './reconciliation';
import { periodFinding, periodOf } from './period';
import { BUDGET_SETTINGS, budgetConfig } from './settings';
import type { IndividualShare } from './share';
import { findShare, shareFindings } from './share';
import { detectSavings, savingsFindings } from './savings';
import { buildBudgetSheet } from './sheet';
import type { SumCheck, UnstatedSection } from './sums';
import { sumFinding, tableSumChecks } from './sums';
import { regionalChecks, regionalGroups } from './regional';
import type { BudgetTable } from './table';
import { BUDGET_FIELDS, BUDGET_KIND, detectBudgetTables, tableRange } from './table';

export { individualShare } from './share';
export { BUDGET_SETTINGS } from './settings';

export function budgetDetection(t: BudgetTable): Detection {
  return {
    feature: 'budget',
    kind: BUDGET_KIND,
    sheet: t.sheet,
    range: tableRange(t),
    headerRow: t.headerRow + 1,
    confidence: t.confidence,
    columns: columnsToLetters(t.columns),
    fields: [...BUDGET_FIELDS],
  };
}

function balanceDetection(b: BalanceBudget): Detection {
  const last = Math.max(b.baten.lastRow, b.lasten.lastRow);
  return {
    feature: 'budget',
    kind: 'budget-balance',
    sheet: b.sheet,
    range: `${a1(b.headerRow, b.baten.labelCol)}:${a1(last, b.lasten.amountColumns[0].col)}`,
    headerRow: b.headerRow + 1,
    confidence: 1,
    columns: { baten: columnLetters(b.baten.labelCol), lasten: columnLetters(b.lasten.labelCol) },
    fields: ['baten', 'lasten'],
  };
}

/** Append without spreading: a long table can give more findings than a call takes arguments. */
function append<T>(to: T[], items: T[]): void {
  for (const x of items) to.push(x);
}

/** Cells a formula cannot use: numbers stored as text (SUM skips them) and error values. */
function cellFindings(t: BudgetTable): Finding[] {
  const out: Finding[] = [];
  for (const r of t.rows) {
    r.amounts.forEach((a, i) => {
      const cell = a1(r.row, t.amountColumns[i].col);
      const col = t.amountColumns[i].header;
      if (a.source === 'text') {
        out.push({
          rule: 'budget.number-as-text',
          severity: 'warning',
          kind: 'budget',
          sheet: t.sheet,
          cell,
          actual: cellText(a.raw),
          expected: a.value!,
          message: `${col} van "${r.label || `rij ${r.row + 1}`}" staat als tekst in de cel ("${cellText(a.raw)}"); Toetsblad leest ${a.value}, maar Excel telt het niet mee in optellingen.`,
        });
      } else if (a.source === 'error') {
        out.push({
          rule: 'budget.cell-error',
          severity: 'error',
          kind: 'budget',
          sheet: t.sheet,
          cell,
          actual: cellText(a.raw),
          message: `${col} van "${r.label || `rij ${r.row + 1}`}" is een foutwaarde (${cellText(a.raw)}); optellingen met deze cel zijn niet gecontroleerd.`,
        });
      }
    });
  }
  return out;
}

export interface BudgetAnalysis {
  tables: BudgetTable[];
  balances: BalanceBudget[];
  checks: SumCheck[];
  rates: FteRate[];
  shares: IndividualShare[];
  findings: Finding[];
}

export function analyseBudget(ctx: FeatureContext): BudgetAnalysis & { output: FeatureOutput } {
  const cfg = budgetConfig(ctx.settings);
  const tables = detectBudgetTables(ctx.wb, ctx.settings);
  const balances = detectBalanceBudgets(ctx.wb);
  const findings: Finding[] = [];
  const checks: SumCheck[] = [];
  const unstated: UnstatedSection[] = [];
  for (const t of tables) {
    append(findings, cellFindings(t));
    append(checks, tableSumChecks(t, cfg, unstated));
  }
  for (const g of regionalGroups(tables)) append(checks, regionalChecks(g, cfg));
  for (const b of balances) append(checks, balanceChecks(b, cfg));
  for (const c of checks) {
    const f = sumFinding(c);
    if (f) findings.push(f);
  }
  const rates = fteRates(tables, cfg);
  for (const r of rates) append(findings, fteFindings(r));

  const recon = tables.filter(reconcilable);
  const period = periodOf(ctx.wb, recon, tables, cfg);
  const assumed = recon.length ? periodFinding(period) : null;
  if (assumed) findings.push(assumed);
  const factor = period.months / 12;
  const lines = recon.flatMap((t) => reconLines(t, factor, cfg));
  append(findings, explanationFindings(lines, factor, cfg));
  const shares = (['begroot', 'realisatie'] as const).map((f) => findShare(recon.length ? recon : tables, f, cfg)).filter((s): s is IndividualShare => s !== null);
  const begrootShare = shares.find((s) => s.field === 'begroot');
  if (begrootShare) append(findings, shareFindings(begrootShare));

  const savings = detectSavings(ctx.wb, tables, cfg);
  for (const s of savings) append(findings, savingsFindings(s));

  const output = emptyOutput();
  append(output.findings, findings);
  output.detections.push(...tables.map(budgetDetection), ...balances.map(balanceDetection));
  if (tables.length || balances.length || savings.length) {
    const { sheet, figures, overview } = buildBudgetSheet({
      name: ctx.sheetName('budget'),
      cfg,
      months: period.months,
      monthsSource: period.source,
      monthsEvidence: period.evidence,
      lines,
      checks,
      unstated,
      rates,
      shares,
      savings,
      multiTable: tables.length > 1,
    });
    output.sheets.push(sheet);
    append(output.figures, figures);
    if (overview.length) output.overview = { budget: overview };
  }
  return { tables, balances, checks, rates, shares, findings, output };
}

export const budgetFeature: Feature = {
  id: 'budget',
  label: { nl: 'Begroting', en: 'Budget' },
  settings: Object.values(BUDGET_SETTINGS),
  detect: (ctx) => [...detectBudgetTables(ctx.wb, ctx.settings).map(budgetDetection), ...detectBalanceBudgets(ctx.wb).map(balanceDetection)],
  run: (ctx) => analyseBudget(ctx).output,
};
