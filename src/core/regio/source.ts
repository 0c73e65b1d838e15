// What one source workbook contributes to the regional overview: its identity
// (name, period), how it was read, and its figures — never its rows. Plain,
// serialisable data, so a worker thread can hand it to the consolidation.

import { featureContext } from '../report';
import type { ReportResult } from '../report';
import { budgetTableSummaries } from '../features/budget/summary';
import type { BudgetTableSummary } from '../features/budget/summary';
import { normStatuses } from '../features/norms/summary';
import type { Severity } from '../findings/finding';
import type { Period } from '../parse/period';
import type { FigureUnit } from '../plan/figure';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { NormOperator } from '../parse/normText';
import { sourceName, sourcePeriod } from './identity';

export type SourceStatus = 'checked' | 'partial' | 'unreadable';

export interface SourceNorm {
  key: string;
  label: string;
  value: number | null;
  unit: FigureUnit;
  status: string;
  norm: { op: NormOperator; value: number } | null;
  population: number;
  parts?: { numerator: number; denominator: number };
  /** Where the source's own report puts the figure. */
  sheet: string;
  cell: string;
}

export interface SourceAmount {
  value: number | null;
  sheet: string;
  cell: string;
}

export interface SourceWerksoort {
  /** Slug as in the report's keys ("individueel_sociaal_werk"). */
  key: string;
  name: string;
  begroot: SourceAmount;
  realisatie: SourceAmount;
  prognose: SourceAmount;
}

export interface SourceFinding {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
}

export interface SourceContribution {
  /** File name as picked or found (no folder). */
  file: string;
  /** Provider or municipality. */
  name: string;
  /** Where the name came from; 'edited': typed by the user on an earlier TB Regio Bronnen. */
  nameFrom: 'title' | 'file' | 'edited';
  period: Period | null;
  status: SourceStatus;
  /** Why the file could not be read (status unreadable). */
  error?: string;
  /** Tables the engine recognised, by kind ("risk-register", "budget-table" …). */
  recognised: string[];
  /** Features that failed inside the report (status partial). */
  failed: string[];
  findingCounts: Record<Severity, number>;
  /** The source's own errors and warnings. */
  findings: SourceFinding[];
  norms: SourceNorm[];
  werksoorten: SourceWerksoort[];
  budgetTotals: { begroot: SourceAmount | null; realisatie: SourceAmount | null; prognose: SourceAmount | null };
  /** Risk counts per kans/schade cell ("K3S2") and per band ("laag"), with where the report has them. */
  riskCells: Record<string, SourceAmount>;
  riskBands: Record<string, SourceAmount>;
  budgetTables: BudgetTableSummary[];
}

/** A file that could not be read at all: it still gets its line, and a finding. */
export function unreadableSource(file: string, error: string): SourceContribution {
  return {
    file,
    name: sourceName(file, null).name,
    nameFrom: 'file',
    period: null,
    status: 'unreadable',
    error,
    recognised: [],
    failed: [],
    findingCounts: { error: 0, warning: 0, info: 0 },
    findings: [],
    norms: [],
    werksoorten: [],
    budgetTotals: { begroot: null, realisatie: null, prognose: null },
    riskCells: {},
    riskBands: {},
    budgetTables: [],
  };
}

const OPERATORS: Record<string, NormOperator> = { '≥': '>=', '>=': '>=', '>': '>', '≤': '<=', '<=': '<=', '<': '<', '=': '=' };

const WERKSOORT_FIGURE = /^budget_(.+)_(begroot|realisatie|prognose)$/;
const LABEL_PREFIX = { begroot: 'Begroot ', realisatie: 'Realisatie ', prognose: 'Prognose ' } as const;

/** Reduce one source's report to what the region needs. */
export function sourceContribution(file: string, wb: WorkbookSnapshot, result: ReportResult): SourceContribution {
  const ctx = featureContext(wb, result.settings);
  const identity = sourceName(file, ctx.wb);
  const at = (f: { value: number | null; sheet: string; cell: string }): SourceAmount => ({ value: f.value, sheet: f.sheet, cell: f.cell });

  const norms: SourceNorm[] = normStatuses(result.plan, result.figures, ctx.sheetName('norms')).map((n) => {
    const fig = result.figures.find((f) => f.sheet === n.sheet && f.cell === n.cell);
    const op = n.norm ? OPERATORS[n.norm.op] : undefined;
    return {
      key: n.key,
      label: n.label,
      value: n.value,
      unit: n.unit,
      status: n.status,
      norm: n.norm && op ? { op, value: n.norm.value } : null,
      population: n.population,
      ...(fig?.parts ? { parts: { ...fig.parts } } : {}),
      sheet: n.sheet,
      cell: n.cell,
    };
  });

  const budgetSheet = ctx.sheetName('budget');
  const werksoorten = new Map<string, SourceWerksoort>();
  const none = (): SourceAmount => ({ value: null, sheet: '', cell: '' });
  const totals: SourceContribution['budgetTotals'] = { begroot: null, realisatie: null, prognose: null };
  const riskCells: Record<string, SourceAmount> = {};
  const riskBands: Record<string, SourceAmount> = {};
  for (const f of result.figures) {
    const w = f.sheet === budgetSheet ? WERKSOORT_FIGURE.exec(f.key) : null;
    if (w && f.label.startsWith(LABEL_PREFIX[w[2] as keyof typeof LABEL_PREFIX])) {
      const field = w[2] as keyof typeof LABEL_PREFIX;
      const entry = werksoorten.get(w[1]) ?? { key: w[1], name: f.label.slice(LABEL_PREFIX[field].length), begroot: none(), realisatie: none(), prognose: none() };
      entry[field] = at(f);
      werksoorten.set(w[1], entry);
      continue;
    }
    const t = /^budget_(begroot|realisatie|prognose)_totaal$/.exec(f.key);
    if (t && f.sheet === budgetSheet) totals[t[1] as keyof typeof totals] = at(f);
    const rc = /^risk_count_(K\d+S\d+)$/.exec(f.key);
    if (rc) riskCells[rc[1]] = at(f);
    const rb = /^risk_band_([a-z_]+)_count$/.exec(f.key);
    if (rb && rb[1] !== 'lowered') riskBands[rb[1]] = at(f);
  }

  const failed = result.findings.filter((f) => f.rule === 'internal.feature-failed').map((f) => f.message);
  const recognised = [...new Set(result.detections.map((d) => d.kind))];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  return {
    file,
    name: identity.name,
    nameFrom: identity.from,
    period: sourcePeriod(file, ctx.wb),
    status: failed.length || recognised.length === 0 ? 'partial' : 'checked',
    recognised,
    failed,
    findingCounts: counts,
    findings: result.findings
      .filter((f) => f.severity !== 'info')
      .map(({ rule, severity, sheet, cell, message }) => ({ rule, severity, sheet, cell, message })),
    norms,
    werksoorten: [...werksoorten.values()],
    budgetTotals: totals,
    riskCells,
    riskBands,
    budgetTables: budgetTableSummaries(ctx),
  };
}
