// Begroot against realisatie and prognose per line: the pro-rata budget for
// the period, the differences in € and %, and the explanation rule. Values are
// computed twice: as the provider meant them (for findings) and as the
// generated formulas compute them (text numbers count as 0, like N() does).

import type { Finding } from '../../findings/finding';
import { formatDutch, formatPercent } from '../../parse/number';
import { a1 } from '../../workbook/address';
import type { Amount } from './amounts';
import { hasContent, roundExcel } from './amounts';
import { isRevenueText } from './schema';
import type { BudgetConfig } from './settings';
import type { BudgetRow, BudgetTable } from './table';

export interface ReconLine {
  table: BudgetTable;
  row: BudgetRow;
  section: string;
  revenue: boolean;
  begroot: Amount;
  realisatie: Amount | null;
  prognose: Amount | null;
  hasToelichting: boolean;
  /** The explanation rule, on the provider's own figures. */
  needsForPrognose: boolean;
  needsForRealisation: boolean;
  /** Engine values of the generated formulas. */
  sheet: ReconSheetValues;
}

export interface ReconSheetValues {
  begroot: number;
  proRata: number;
  realisatie: number | null;
  realDiff: number | null;
  realPct: number | string | null;
  prognose: number | null;
  progDiff: number | null;
  progPct: number | string | null;
  toelichting: 'Ja' | 'Nee';
  needed: 'Ja' | 'Nee';
  direction: 'Gunstig' | 'Ongunstig' | '';
  status: ReconStatus;
}

export type ReconStatus = 'Binnen marge' | 'Afwijking toegelicht' | 'Toelichting ontbreekt';

export const STATUS = { ok: 'Binnen marge', explained: 'Afwijking toegelicht', missing: 'Toelichting ontbreekt' } as const;

export { monthsFromText } from './period';

/** The explanation rule: above both thresholds (or either, when so configured). */
export function exceeds(diff: number, base: number, cfg: BudgetConfig): boolean {
  const overEur = Math.abs(diff) > cfg.explainEur;
  const overPct = Math.abs(diff) > cfg.explainPct * Math.abs(base);
  return cfg.explainBoth ? overEur && overPct : overEur || overPct;
}

export function reconcilable(t: BudgetTable): boolean {
  return t.columns.begroot !== undefined && (t.columns.realisatie !== undefined || t.columns.prognose !== undefined);
}

function index(t: BudgetTable, field: 'begroot' | 'realisatie' | 'prognose'): number {
  return t.amountColumns.findIndex((c) => c.field === field);
}

export function reconLines(t: BudgetTable, factor: number, cfg: BudgetConfig): ReconLine[] {
  const bi = index(t, 'begroot');
  const ri = index(t, 'realisatie');
  const pi = index(t, 'prognose');
  const out: ReconLine[] = [];
  const titleRevenue = isRevenueText(t.title);
  for (const row of t.rows) {
    if (row.kind !== 'line') continue;
    const begroot = row.amounts[bi];
    const realisatie = ri >= 0 ? row.amounts[ri] : null;
    const prognose = pi >= 0 ? row.amounts[pi] : null;
    const present = [begroot, realisatie, prognose].filter((a): a is Amount => a !== null);
    if (!present.some((a) => a.value !== null) || present.some((a) => a.source === 'error')) continue;
    const revenue = titleRevenue || isRevenueText(row.section) || isRevenueText(row.label);
    const b = begroot.value ?? 0;
    const needsForPrognose = prognose?.value != null && exceeds(prognose.value - b, b, cfg);
    const needsForRealisation = cfg.explainRealisation && realisatie?.value != null && exceeds(realisatie.value - b * factor, b * factor, cfg);
    const hasToelichting = t.columns.toelichting !== undefined && hasContent(row.toelichting);
    out.push({
      table: t,
      row,
      section: row.section,
      revenue,
      begroot,
      realisatie,
      prognose,
      hasToelichting,
      needsForPrognose,
      needsForRealisation,
      sheet: sheetValues(begroot, realisatie, prognose, row, t, factor, revenue, cfg),
    });
  }
  return out;
}

function sheetValues(
  begroot: Amount,
  realisatie: Amount | null,
  prognose: Amount | null,
  row: BudgetRow,
  t: BudgetTable,
  factor: number,
  revenue: boolean,
  cfg: BudgetConfig,
): ReconSheetValues {
  const c = begroot.formulaValue;
  const proRata = c * factor;
  const e = realisatie ? realisatie.formulaValue : null;
  const realDiff = e === null ? null : roundExcel(e - proRata, 2);
  const h = prognose ? prognose.formulaValue : null;
  const progDiff = h === null ? null : roundExcel(h - c, 2);
  const toelichting = t.columns.toelichting !== undefined && hasContent(row.toelichting) ? 'Ja' : 'Nee';
  const needsP = progDiff !== null && exceeds(progDiff, c, cfg);
  const needsR = cfg.explainRealisation && realDiff !== null && exceeds(realDiff, proRata, cfg);
  const needed = needsP || needsR ? 'Ja' : 'Nee';
  const d = progDiff ?? realDiff ?? 0;
  const bad = revenue ? d < 0 : d > 0;
  const direction = d === 0 ? '' : bad ? 'Ongunstig' : 'Gunstig';
  const status: ReconStatus = needed === 'Ja' ? (toelichting === 'Ja' ? STATUS.explained : STATUS.missing) : STATUS.ok;
  return {
    begroot: c,
    proRata,
    realisatie: e,
    realDiff,
    realPct: realDiff === null ? null : proRata === 0 ? '' : realDiff / proRata,
    prognose: h,
    progDiff,
    progPct: progDiff === null ? null : c === 0 ? '' : progDiff / c,
    toelichting,
    needed,
    direction,
    status,
  };
}

function ruleText(cfg: BudgetConfig): string {
  return `meer dan ${formatPercent(cfg.explainPct, 0)} ${cfg.explainBoth ? 'én' : 'of'} meer dan € ${formatDutch(cfg.explainEur, 0)}`;
}

/** A line that needs an explanation and has none: a finding at its Toelichting cell. */
export function explanationFindings(lines: ReconLine[], factor: number, cfg: BudgetConfig): Finding[] {
  const out: Finding[] = [];
  for (const l of lines) {
    if (l.hasToelichting || !(l.needsForPrognose || l.needsForRealisation)) continue;
    const t = l.table;
    const col = t.columns.toelichting ?? t.columns.prognose ?? t.columns.realisatie!;
    const b = l.begroot.value ?? 0;
    const name = l.row.label || `rij ${l.row.row + 1}`;
    const parts: string[] = [];
    if (l.needsForPrognose) {
      const d = l.prognose!.value! - b;
      parts.push(`de prognose wijkt € ${formatDutch(d, 2)}${b ? ` (${formatPercent(d / b)})` : ''} af van de begroting`);
    }
    if (l.needsForRealisation) {
      const d = l.realisatie!.value! - b * factor;
      parts.push(`de realisatie wijkt € ${formatDutch(d, 2)}${b ? ` (${formatPercent(d / (b * factor))})` : ''} af van de pro-rata begroting`);
    }
    out.push({
      rule: l.needsForPrognose ? 'budget.explanation-missing' : 'budget.explanation-missing-realisation',
      severity: 'warning',
      kind: 'budget',
      sheet: t.sheet,
      cell: a1(l.row.row, col),
      message: `${name}${l.section ? ` (${l.section})` : ''}: ${parts.join(' en ')}; bij ${ruleText(cfg)} is een toelichting verplicht, maar die ontbreekt.`,
      expected: l.needsForPrognose ? b : Number((b * factor).toFixed(2)),
      actual: l.needsForPrognose ? l.prognose!.value! : l.realisatie!.value!,
    });
  }
  return out;
}
