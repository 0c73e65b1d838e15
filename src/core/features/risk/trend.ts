// Trend between periods: when the workbook holds the previous period's
// register too (a sheet per half year), compare each risk's effect.

import type { Finding } from '../../findings/finding';
import type { Period } from '../../parse/period';
import { periodOf } from '../../parse/period';
import type { SheetBuilder } from '../../plan/sheetBuilder';
import { STATUS_COLOURS } from '../../plan/styles';
import { a1, rangeA1 } from '../../workbook/address';
import { cellText } from '../../workbook/snapshot';
import { GROSS } from './grid';
import { effectFormula } from './liveEffect';
import type { RiskRegister, RiskRow } from './register';
import { riskId } from './register';

export type { Period } from '../../parse/period';
export { periodOf } from '../../parse/period';

/** The period of a register: from its sheet name, else from the title above it. */
export function registerPeriod(reg: RiskRegister): Period | null {
  return periodOf(reg.sheet) ?? periodOf(reg.title);
}

export interface PeriodSplit<R> {
  /** Registers of the latest period (and those without one): drawn as maps. */
  current: R[];
  /** Registers of earlier periods: only used for the trend. */
  earlier: R[];
  trend?: { current: R; previous: R; currentPeriod: Period; previousPeriod: Period };
  /** Several periods, but not one register each in the latest two: no trend drawn. */
  ambiguous?: { latest: Period; registers: number };
}

/** Split registers by period; a trend needs exactly one register in the latest and one in the period before. */
export function splitByPeriod<R>(items: R[], registerOf: (r: R) => RiskRegister): PeriodSplit<R> {
  const periods = items.map((i) => registerPeriod(registerOf(i)));
  const keys = [...new Set(periods.filter((p): p is Period => p !== null).map((p) => p.key))].sort((a, b) => b - a);
  if (keys.length < 2) return { current: items, earlier: [] };
  const [latest, before] = keys;
  const current = items.filter((_, i) => periods[i] === null || periods[i]!.key === latest);
  const earlier = items.filter((_, i) => periods[i] !== null && periods[i]!.key < latest);
  const atLatest = items.filter((_, i) => periods[i]?.key === latest);
  const atBefore = items.filter((_, i) => periods[i]?.key === before);
  if (atLatest.length !== 1 || atBefore.length !== 1) {
    const latestPeriod = periods.find((p) => p?.key === latest)!;
    return { current, earlier, ambiguous: { latest: latestPeriod, registers: atLatest.length + atBefore.length } };
  }
  return {
    current,
    earlier,
    trend: {
      current: atLatest[0],
      previous: atBefore[0],
      currentPeriod: periods[items.indexOf(atLatest[0])]!,
      previousPeriod: periods[items.indexOf(atBefore[0])]!,
    },
  };
}

/** How risks are matched across periods: by Nr when both have one, else by werksoort and description. */
function matchKey(reg: RiskRegister, r: RiskRow, byNr: boolean): string {
  if (byNr) return cellText(r.cells.nr ?? null).toLowerCase();
  return `${cellText(r.cells.werksoort ?? null).toLowerCase()}|${cellText(r.cells.risico ?? null).toLowerCase().replace(/\s+/g, ' ')}`;
}

export type TrendStatus = 'hoger' | 'gelijk' | 'lager' | 'onbekend' | 'nieuw' | 'vervallen';

export interface TrendRow {
  reg: RiskRegister;
  row: RiskRow;
  previous?: { reg: RiskRegister; row: RiskRow };
  status: TrendStatus;
}

export function compareRegisters(current: RiskRegister, previous: RiskRegister): TrendRow[] {
  const byNr = current.columns.nr !== undefined && previous.columns.nr !== undefined;
  const prev = new Map<string, RiskRow>();
  for (const r of previous.rows) {
    const key = matchKey(previous, r, byNr);
    if (key.replace('|', '') && !prev.has(key)) prev.set(key, r);
  }
  const used = new Set<RiskRow>();
  const out: TrendRow[] = [];
  for (const r of current.rows) {
    const p = prev.get(matchKey(current, r, byNr));
    if (!p || used.has(p)) {
      out.push({ reg: current, row: r, status: 'nieuw' });
      continue;
    }
    used.add(p);
    const now = effectFormula(current, r, GROSS).v;
    const before = effectFormula(previous, p, GROSS).v;
    const status: TrendStatus = now === '' || before === '' ? 'onbekend' : now > before ? 'hoger' : now < before ? 'lager' : 'gelijk';
    out.push({ reg: current, row: r, previous: { reg: previous, row: p }, status });
  }
  for (const p of previous.rows) if (!used.has(p)) out.push({ reg: previous, row: p, status: 'vervallen' });
  return out;
}

export function trendAssumption(current: RiskRegister, previous: RiskRegister, cur: Period, prev: Period): Finding {
  return {
    rule: 'risk.trend-assumed',
    severity: 'info',
    kind: 'risk',
    sheet: current.sheet,
    cell: a1(current.headerRow, current.columns.kans!),
    message: `Toetsblad vergelijkt dit risicoregister (${cur.label}) met dat op blad "${previous.sheet}" (${prev.label}) als vorige periode; risico's zijn gekoppeld op ${current.columns.nr !== undefined && previous.columns.nr !== undefined ? 'risiconummer' : 'werksoort en omschrijving'}.`,
  };
}

export function trendSkipped(first: RiskRegister, latest: Period, registers: number): Finding {
  return {
    rule: 'risk.trend-ambiguous',
    severity: 'info',
    kind: 'risk',
    sheet: first.sheet,
    cell: a1(first.headerRow, first.columns.kans!),
    message: `De risicoregisters horen bij verschillende perioden, maar Toetsblad kan niet eenduidig één register van ${latest.label} aan één register van de periode ervoor koppelen (${registers} registers). Er is geen verloop gemaakt; de kaart toont de registers van ${latest.label}.`,
  };
}

const TREND_SUMMARY: { status: TrendStatus; key: string; label: string }[] = [
  { status: 'hoger', key: 'risk_trend_up_count', label: 'Effect gestegen' },
  { status: 'gelijk', key: 'risk_trend_same_count', label: 'Effect gelijk' },
  { status: 'lager', key: 'risk_trend_down_count', label: 'Effect gedaald' },
  { status: 'nieuw', key: 'risk_trend_new_count', label: 'Nieuwe risico\'s' },
  { status: 'vervallen', key: 'risk_trend_gone_count', label: 'Vervallen risico\'s' },
];

/** Writes the trend section from `top`; returns the next free row. */
export function writeTrend(b: SheetBuilder, top: number, rows: TrendRow[], cur: Period, prev: Period): number {
  b.text(top, 0, `Verloop ten opzichte van ${prev.label}`, 'subtitle');
  b.text(top + 1, 0, `Effect (kans × schade) per risico in ${prev.label} en ${cur.label}; gekoppeld op risiconummer of omschrijving.`, 'note');
  const summaryTop = top + 2;
  const tableTop = summaryTop + TREND_SUMMARY.length + 1;
  const first = tableTop + 1;
  const last = first + rows.length - 1;
  const statusRange = rows.length ? rangeA1({ top: first, left: 4, bottom: last, right: 4 }) : null;
  TREND_SUMMARY.forEach((t, i) => {
    const n = rows.filter((r) => r.status === t.status).length;
    b.text(summaryTop + i, 0, t.label);
    b.figure(summaryTop + i, 1, statusRange ? `COUNTIF(${statusRange},"${t.status}")` : '0', n, { key: t.key, label: t.label, unit: 'count' });
  });
  b.row(tableTop, 0, ['Nr', 'Risico', `Effect ${prev.label}`, `Effect ${cur.label}`, 'Verloop'], 'header');
  rows.forEach((t, i) => {
    const row = first + i;
    const id = riskId(t.reg, t.row);
    b.link(row, 0, id, { sheet: t.reg.sheet, cell: a1(t.row.row, t.reg.columns.nr ?? t.reg.columns.kans!) });
    b.set(row, 1, { v: cellText(t.row.cells.risico ?? null), wrap: true });
    const before = t.status === 'nieuw' ? null : effectFormula(t.previous?.reg ?? t.reg, t.previous?.row ?? t.row, GROSS);
    const now = t.status === 'vervallen' ? null : effectFormula(t.reg, t.row, GROSS);
    if (before) b.formula(row, 2, before.f, before.v, '0');
    if (now) b.formula(row, 3, now.f, now.v, '0');
    if (before && now) {
      const c = a1(row, 2);
      const d = a1(row, 3);
      b.formula(row, 4, `IF(OR(${c}="",${d}=""),"onbekend",IF(${d}>${c},"hoger",IF(${d}<${c},"lager","gelijk")))`, t.status);
    } else b.text(row, 4, t.status);
  });
  if (statusRange) {
    b.conditional({
      range: statusRange,
      rules: [
        { type: 'cellIs', operator: 'equal', formula1: '"hoger"', ...STATUS_COLOURS.bad },
        { type: 'cellIs', operator: 'equal', formula1: '"lager"', ...STATUS_COLOURS.good },
        { type: 'cellIs', operator: 'equal', formula1: '"nieuw"', ...STATUS_COLOURS.warn },
      ],
    });
  }
  return last + 2;
}
