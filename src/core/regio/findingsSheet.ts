// TB Regio Bevindingen: the regional findings (batch, regional agreement)
// and every source's own errors and warnings in one list, with file, sheet and cell.

import type { Finding, Severity } from '../findings/finding';
import { sortFindings } from '../findings/finding';
import { SEVERITY_LABEL } from '../findings/labels';
import type { Figure } from '../plan/figure';
import { SheetBuilder } from '../plan/sheetBuilder';
import type { SheetSpec } from '../plan/plan';
import { STATUS_COLOURS } from '../plan/styles';
import { a1 } from '../workbook/address';
import type { RegioContext } from './context';

const HEADER_ROW = 8;
/** A batch of 60 sources with a few hundred findings each stays readable; beyond this the list is cut with a note. */
export const MAX_FINDING_ROWS = 20_000;

export function buildFindingsSheet(ctx: RegioContext, regional: Finding[]): { sheet: SheetSpec; figures: Figure[]; listed: Finding[] } {
  const b = new SheetBuilder(ctx.names.findings, { tabColor: 'C00000' });
  b.header('Toetsblad — regio-overzicht: bevindingen', 'Fouten en waarschuwingen van alle bronnen; de regionale bevindingen eerst.');
  [6, 28, 30, 13, 18, 8, 90, 30].forEach((w, i) => b.width(i, w));
  type Row = { id: string; name: string; file: string; severity: Severity; sheet: string; cell: string; message: string; rule: string; link: boolean };
  const rows: Row[] = sortFindings(regional).map((f) => ({ id: 'Regio', name: '', file: '', severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message, rule: f.rule, link: f.cell !== '' }));
  for (const x of ctx.batch) {
    for (const f of x.source.findings) rows.push({ id: x.id, name: x.source.name, file: x.source.file, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message, rule: f.rule, link: false });
  }
  const cut = rows.length > MAX_FINDING_ROWS ? rows.length - MAX_FINDING_ROWS : 0;
  const shown = rows.slice(0, MAX_FINDING_ROWS);
  const first = HEADER_ROW + 1;
  const last = Math.max(first, HEADER_ROW + shown.length);
  const sev = `$D$${first + 1}:$D$${last + 1}`;
  b.row(3, 0, ['', 'Ernst', 'Aantal'], 'header');
  (['error', 'warning', 'info'] as Severity[]).forEach((s, i) => {
    const label = SEVERITY_LABEL[s];
    b.text(4 + i, 1, label);
    b.figure(4 + i, 2, `COUNTIF(${sev},"${label}")`, shown.filter((x) => x.severity === s).length, { key: `regio_findings_${s}_count`, label: `Regio: bevindingen ${label}`, unit: 'count' }, '0');
  });
  b.row(HEADER_ROW, 0, ['Bron', 'Aanbieder of gemeente', 'Bestand', 'Ernst', 'Blad', 'Cel', 'Melding', 'Regel'], 'header');
  b.freeze(HEADER_ROW + 1);
  if (shown.length === 0) b.text(first, 0, 'Geen bevindingen.', 'note');
  const listed: Finding[] = [];
  shown.forEach((x, i) => {
    const r = first + i;
    b.text(r, 0, x.id);
    b.text(r, 1, x.name);
    b.text(r, 2, x.file);
    b.text(r, 3, SEVERITY_LABEL[x.severity]);
    b.text(r, 4, x.sheet);
    if (x.link) b.link(r, 5, x.cell, { sheet: x.sheet, cell: x.cell });
    else b.text(r, 5, x.cell);
    b.set(r, 6, { v: x.message, wrap: true });
    b.text(r, 7, x.rule);
    if (x.id !== 'Regio') {
      listed.push({ rule: x.rule, severity: x.severity, kind: 'input', sheet: ctx.names.findings, cell: a1(r, 6), message: `${x.file}, ${x.sheet}${x.cell ? `!${x.cell}` : ''}: ${x.message}` });
    }
  });
  if (cut) b.text(first + shown.length + 1, 0, `Nog ${cut} bevindingen niet getoond; zie de rapportage per bron.`, 'note');
  b.conditional({
    range: `D${first + 1}:D${last + 1}`,
    rules: [
      { type: 'cellIs', operator: 'equal', formula1: '"Fout"', fill: STATUS_COLOURS.bad.fill, font: STATUS_COLOURS.bad.font },
      { type: 'cellIs', operator: 'equal', formula1: '"Waarschuwing"', fill: STATUS_COLOURS.warn.fill, font: STATUS_COLOURS.warn.font },
      { type: 'cellIs', operator: 'equal', formula1: '"Info"', fill: STATUS_COLOURS.none.fill, font: STATUS_COLOURS.none.font },
    ],
  });
  return { sheet: b.build(), figures: b.figures, listed };
}
