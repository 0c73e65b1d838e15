// The generated findings sheet: one row per finding, a link to its cell, and
// live counts per severity at the top.

import { STATUS_COLOURS } from '../plan/styles';
import { SheetBuilder } from '../plan/sheetBuilder';
import type { Figure, FigureUnit } from '../plan/figure';
import type { SheetSpec } from '../plan/plan';
import type { Settings } from '../settings/settings';
import { acceptanceFor } from '../settings/settings';
import { a1, columnLetters } from '../workbook/address';
import type { Finding, Severity } from './finding';
import { KIND_LABEL, SEVERITY_LABEL } from './labels';
import { sortFindings } from './finding';

const HEADER_ROW = 9;
/** What a reader needs first; the rule id last, narrow and grey, for reference. */
const COLUMNS = ['Ernst', 'Onderdeel', 'Blad', 'Cel', 'Melding', 'Grens', 'Verwacht', 'Werkelijk', 'Geaccepteerd', 'Reden', 'Regel'];
export const FINDING_COLUMNS = { severity: 0, kind: 1, sheet: 2, cell: 3, message: 4, bound: 5, expected: 6, actual: 7, accepted: 8, reason: 9, rule: 10 } as const;
const C = FINDING_COLUMNS;

export const UNIT_FORMATS: Record<FigureUnit, string> = {
  eur: '"€" #,##0.00',
  fraction: '0.0%',
  count: '0',
  fte: '0.00',
  number: 'General',
  days: '0',
};

/** A bound written as text ("≥ 90,0%", "1-3", "≤ 6"): shown in its own column, never beside a number. */
function isBound(v: number | string | undefined): v is string {
  return typeof v === 'string' && v.trim() !== '' && !/^-?\d+([.,]\d+)?$/.test(v.trim());
}

/** The number format for a finding's numeric values. */
function unitFormat(f: Finding): string | undefined {
  const unit = f.unit ?? (f.kind === 'budget' ? 'eur' : undefined);
  const fmt = unit ? UNIT_FORMATS[unit] : undefined;
  return fmt === 'General' ? undefined : fmt;
}

export function buildFindingsSheet(name: string, findings: Finding[], settings: Settings): { sheet: SheetSpec; figures: Figure[] } {
  const b = new SheetBuilder(name, { tabColor: 'C00000' });
  b.header('Toetsblad — bevindingen', 'Klik op een cel om naar de bevinding te gaan.');
  [13, 11, 14, 7, 64, 11, 12, 12, 8, 24, 14].forEach((w, i) => b.width(i, w));
  const sorted = sortFindings(findings);
  const first = HEADER_ROW + 1;
  const last = Math.max(first, HEADER_ROW + sorted.length);
  const sev = `$A$${first + 1}:$A$${last + 1}`;
  const accCol = columnLetters(C.accepted);
  const acc = `$${accCol}$${first + 1}:$${accCol}$${last + 1}`;
  const count = (s: Severity) => sorted.filter((f) => f.severity === s).length;
  const open = (s: Severity) => sorted.filter((f) => f.severity === s && !acceptanceFor(settings, f)).length;
  b.row(3, 0, ['Ernst', 'Aantal', 'Open'], 'header');
  (['error', 'warning', 'info'] as Severity[]).forEach((s, i) => {
    const r = 4 + i;
    const label = SEVERITY_LABEL[s];
    b.text(r, 0, label);
    b.figure(r, 1, `COUNTIF(${sev},"${label}")`, count(s), { key: `findings_${s}_count`, label: `Bevindingen: ${label}`, unit: 'count' });
    b.figure(r, 2, `COUNTIFS(${sev},"${label}",${acc},"<>Ja")`, open(s), { key: `findings_${s}_open`, label: `Open bevindingen: ${label}`, unit: 'count' });
  });
  b.row(HEADER_ROW, 0, COLUMNS, 'header');
  b.freeze(HEADER_ROW + 1);
  if (sorted.length === 0) b.text(first, 0, 'Geen bevindingen.', 'note');
  sorted.forEach((f, i) => {
    const r = first + i;
    const accepted = acceptanceFor(settings, f);
    b.text(r, C.severity, SEVERITY_LABEL[f.severity]);
    b.text(r, C.kind, KIND_LABEL[f.kind]);
    b.text(r, C.sheet, f.sheet);
    if (f.cell) b.link(r, C.cell, f.cell, { sheet: f.sheet, cell: f.cell });
    b.set(r, C.message, { v: f.message, wrap: true });
    const fmt = unitFormat(f);
    // A text bound goes to its own column; numbers stay numbers, in their unit's format.
    if (isBound(f.expected)) b.text(r, C.bound, f.expected);
    else if (f.expected !== undefined) b.value(r, C.expected, numeric(f.expected), fmt);
    if (f.actual !== undefined) b.value(r, C.actual, numeric(f.actual), typeof numeric(f.actual) === 'number' ? fmt : undefined);
    b.text(r, C.accepted, accepted ? 'Ja' : 'Nee');
    if (accepted) b.set(r, C.reason, { v: accepted.reason, wrap: true });
    b.text(r, C.rule, f.rule, 'muted');
  });
  const range = `A${first + 1}:A${last + 1}`;
  b.conditional({
    range,
    rules: [
      { type: 'cellIs', operator: 'equal', formula1: '"Fout"', fill: STATUS_COLOURS.bad.fill, font: STATUS_COLOURS.bad.font },
      { type: 'cellIs', operator: 'equal', formula1: '"Waarschuwing"', fill: STATUS_COLOURS.warn.fill, font: STATUS_COLOURS.warn.font },
      { type: 'cellIs', operator: 'equal', formula1: '"Info"', fill: STATUS_COLOURS.none.fill, font: STATUS_COLOURS.none.font },
    ],
  });
  b.conditional({
    range: `A${first + 1}:K${last + 1}`,
    rules: [{ type: 'expression', formula: `$${accCol}${first + 1}="Ja"`, fill: 'F2F2F2', font: '808080' }],
  });
  const sheet = b.build();
  return { sheet, figures: b.figures };
}

/** "1.234" as text is the number it says; other text stays text. */
function numeric(v: number | string): number | string {
  if (typeof v === 'number') return v;
  const t = v.trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : v;
}

/** Where a finding's row sits on the findings sheet, for links from the pane. */
export function findingRowCell(index: number): string {
  return a1(HEADER_ROW + 1 + index, 0);
}

/** The message cell of a finding's row, for the overview's live copy of it. */
export function findingMessageCell(index: number): string {
  return a1(HEADER_ROW + 1 + index, C.message);
}
