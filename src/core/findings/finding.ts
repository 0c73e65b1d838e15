// The findings model: every problem Toetsblad reports, with where it is.

import type { FigureUnit } from '../plan/figure';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Which part of Toetsblad raised a finding; used to group them in the pane. */
export type FindingKind = 'risk' | 'budget' | 'norm' | 'indicator' | 'privacy' | 'input' | 'mapping';

export interface Finding {
  /** Stable rule id, e.g. "risk.effect-mismatch". */
  rule: string;
  severity: Severity;
  kind: FindingKind;
  sheet: string;
  /** A1 address of the cell the finding is about ("" for a whole sheet). */
  cell: string;
  /** Dutch message for the controller. */
  message: string;
  expected?: number | string;
  actual?: number | string;
  /**
   * What numeric expected/actual values measure, so the findings sheet can
   * show them in their unit (€, %, plain). Without it: euros for budget
   * findings, plain numbers otherwise.
   */
  unit?: FigureUnit;
}

/** Identity of a finding across runs: acceptances are stored against it. */
export function findingKey(f: Pick<Finding, 'rule' | 'sheet' | 'cell'>): string {
  return `${f.rule}|${f.sheet}|${f.cell}`;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.kind.localeCompare(b.kind) ||
      a.sheet.localeCompare(b.sheet) ||
      compareCells(a.cell, b.cell) ||
      a.rule.localeCompare(b.rule),
  );
}

function compareCells(a: string, b: string): number {
  const pa = /^([A-Z]+)(\d+)$/.exec(a);
  const pb = /^([A-Z]+)(\d+)$/.exec(b);
  if (!pa || !pb) return a.localeCompare(b);
  return Number(pa[2]) - Number(pb[2]) || pa[1].length - pb[1].length || pa[1].localeCompare(pb[1]);
}
