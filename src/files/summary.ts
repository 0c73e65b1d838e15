// The JSON summary of a report: what `--json` writes and what tests compare.

import type { ReportResult } from '../core/report';

export interface Summary {
  generatedSheets: string[];
  figures: { key: string; label: string; value: number | null; unit: string; sheet: string; cell: string; parts?: { numerator: number; denominator: number } }[];
  findings: { rule: string; severity: string; sheet: string; cell: string; message: string; expected?: number | string; actual?: number | string }[];
}

/** Any result with generated sheets, figures and findings: a report, or a regional overview. */
export function summarise(result: Pick<ReportResult, 'generatedSheets' | 'figures' | 'findings'>): Summary {
  return {
    generatedSheets: result.generatedSheets,
    figures: result.figures.map(({ key, label, value, unit, sheet, cell, parts }) => ({ key, label, value, unit, sheet, cell, ...(parts ? { parts } : {}) })),
    findings: result.findings.map(({ rule, severity, sheet, cell, message, expected, actual }) => ({
      rule,
      severity,
      sheet,
      cell,
      message,
      ...(expected !== undefined ? { expected } : {}),
      ...(actual !== undefined ? { actual } : {}),
    })),
  };
}
