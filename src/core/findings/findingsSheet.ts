// The generated findings sheet: one row per finding, a link to its cell, and
// live counts per severity at the top.

import { STATUS_COLOURS } from '../plan/styles';
import { SheetBuilder } from '../plan/sheetBuilder';
import type { Figure } from '../plan/figure';
import type { SheetSpec } from '../plan/plan';
import type { Settings } from '../settings/settings';
import { acceptanceFor } from '../settings/settings';
import { a1 } from '../workbook/address';
import type { Finding, Severity } from './finding';
import { KIND_LABEL, SEVERITY_LABEL } from './labels';
import { sortFindings } from './finding';

const HEADER_ROW = 9;
const COLUMNS = ['Ernst', 'Onderdeel', 'Regel', 'Blad', 'Cel', 'Melding', 'Verwacht', 'Werkelijk', 'Geaccepteerd', 'Reden'];

export function buildFindingsSheet(name: string, findings: Finding[], settings: Settings): { sheet: SheetSpec; figures: Figure[] } {
  const b = new SheetBuilder(name, { tabColor: 'C00000' });
  b.header('Toetsblad — bevindingen', 'Klik op een cel om naar de bevinding te gaan.');
  [10, 12, 28, 18, 8, 90, 16, 16, 13, 40].forEach((w, i) => b.width(i, w));
  const sorted = sortFindings(findings);
  const first = HEADER_ROW + 1;
  const last = Math.max(first, HEADER_ROW + sorted.length);
  const sev = `$A$${first + 1}:$A$${last + 1}`;
  const acc = `$I$${first + 1}:$I$${last + 1}`;
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
    b.text(r, 0, SEVERITY_LABEL[f.severity]);
    b.text(r, 1, KIND_LABEL[f.kind]);
    b.text(r, 2, f.rule);
    b.text(r, 3, f.sheet);
    if (f.cell) b.link(r, 4, f.cell, { sheet: f.sheet, cell: f.cell });
    b.set(r, 5, { v: f.message, wrap: true });
    if (f.expected !== undefined) b.value(r, 6, f.expected);
    if (f.actual !== undefined) b.value(r, 7, f.actual);
    b.text(r, 8, accepted ? 'Ja' : 'Nee');
    if (accepted) b.text(r, 9, accepted.reason);
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
    range: `A${first + 1}:J${last + 1}`,
    rules: [{ type: 'expression', formula: `$I${first + 1}="Ja"`, fill: 'F2F2F2', font: '808080' }],
  });
  const sheet = b.build();
  return { sheet, figures: b.figures };
}

/** Where a finding's row sits on the findings sheet, for links from the pane. */
export function findingRowCell(index: number): string {
  return a1(HEADER_ROW + 1 + index, 0);
}
