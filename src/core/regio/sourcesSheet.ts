// TB Regio Bronnen: one row per source workbook (file, name, period, status,
// whether it counts, its findings by severity), then the findings about the
// batch itself (unreadable, other period, duplicate, different norms).

import type { Finding } from '../findings/finding';
import { SEVERITY_LABEL } from '../findings/labels';
import { SheetBuilder } from '../plan/sheetBuilder';
import type { SheetSpec } from '../plan/plan';
import { STATUS_COLOURS } from '../plan/styles';
import { a1 } from '../workbook/address';
import type { BatchFinding } from './batch';
import type { Figure } from '../plan/figure';
import type { RegioContext } from './context';
import { SOURCES_HEADER_ROW, SOURCES_NAME_COL } from './layout';

const STATUS_TEXT = { checked: 'Gecontroleerd', partial: 'Gedeeltelijk', unreadable: 'Onleesbaar' } as const;
const HEADERS = ['Nr', 'Bestand', 'Aanbieder of gemeente', 'Periode', 'Status', 'Telt mee', 'Fouten', 'Waarschuwingen', 'Info', 'Herkend', 'Opmerking'];
export const STATUS_COL = 4;

const KIND_TEXT: Record<string, string> = {
  'risk-register': 'risicoregister',
  'budget-table': 'begroting',
  'budget-balance': 'baten en lasten',
  trajectories: 'trajecten',
  indicators: 'indicatoren',
};

export function buildSourcesSheet(ctx: RegioContext, batchFindings: BatchFinding[]): { sheet: SheetSpec; figures: Figure[]; findings: Finding[] } {
  const b = new SheetBuilder(ctx.names.sources, { tabColor: '2F5597' });
  b.header('Toetsblad — regio-overzicht: bronnen', 'Eén regel per werkmap. De naam is aan te passen; de andere regio-bladen nemen hem over.');
  [5, 34, 30, 18, 15, 9, 8, 15, 7, 36, 44].forEach((w, i) => b.width(i, w));
  const first = SOURCES_HEADER_ROW + 1;
  const last = Math.max(first, SOURCES_HEADER_ROW + ctx.batch.length);
  const col = (c: number) => `$${String.fromCharCode(65 + c)}$${first + 1}:$${String.fromCharCode(65 + c)}$${last + 1}`;
  const n = ctx.batch.length;
  const read = ctx.batch.filter((x) => x.source.status !== 'unreadable').length;
  b.row(3, 1, ['', 'Aantal'], 'header');
  b.text(4, 1, 'Bronnen in de selectie');
  b.figure(4, 2, `COUNTA(${col(0)})`, n, { key: 'regio_bronnen_totaal', label: 'Regio: bronnen in de selectie', unit: 'count' }, '0');
  b.text(5, 1, 'Gelezen');
  b.figure(5, 2, `${n ? `COUNTA(${col(STATUS_COL)})-COUNTIF(${col(STATUS_COL)},"${STATUS_TEXT.unreadable}")` : '0'}`, read, { key: 'regio_bronnen_gelezen', label: 'Regio: gelezen bronnen', unit: 'count' }, '0');
  b.text(6, 1, 'Tellen mee in de regionale cijfers');
  b.figure(6, 2, `COUNTIF(${col(5)},"Ja")`, ctx.counting.length, { key: 'regio_bronnen_meegeteld', label: 'Regio: bronnen die meetellen', unit: 'count' }, '0');
  b.row(SOURCES_HEADER_ROW, 0, HEADERS, 'header');
  b.freeze(SOURCES_HEADER_ROW + 1, 3);
  for (const x of ctx.batch) {
    const s = x.source;
    const r = x.row;
    b.text(r, 0, x.id);
    b.text(r, 1, s.file);
    b.set(r, SOURCES_NAME_COL, { v: s.name, style: 'input' });
    b.text(r, 3, s.period?.label ?? '');
    b.text(r, STATUS_COL, STATUS_TEXT[s.status]);
    b.text(r, 5, x.counts ? 'Ja' : 'Nee');
    if (s.status !== 'unreadable') {
      b.value(r, 6, s.findingCounts.error, '0');
      b.value(r, 7, s.findingCounts.warning, '0');
      b.value(r, 8, s.findingCounts.info, '0');
    }
    b.text(r, 9, [...new Set(s.recognised.map((k) => KIND_TEXT[k] ?? k))].join(', '));
    b.set(r, 10, { v: x.remark || (s.nameFrom === 'file' ? 'Naam uit de bestandsnaam' : ''), wrap: true });
  }
  const statusRange = `${a1(first, STATUS_COL)}:${a1(last, STATUS_COL)}`;
  b.conditional({
    range: statusRange,
    rules: [
      { type: 'cellIs', operator: 'equal', formula1: `"${STATUS_TEXT.checked}"`, fill: STATUS_COLOURS.good.fill, font: STATUS_COLOURS.good.font },
      { type: 'cellIs', operator: 'equal', formula1: `"${STATUS_TEXT.partial}"`, fill: STATUS_COLOURS.warn.fill, font: STATUS_COLOURS.warn.font },
      { type: 'cellIs', operator: 'equal', formula1: `"${STATUS_TEXT.unreadable}"`, fill: STATUS_COLOURS.bad.fill, font: STATUS_COLOURS.bad.font },
    ],
  });
  b.conditional({ range: `${a1(first, 5)}:${a1(last, 5)}`, rules: [{ type: 'cellIs', operator: 'equal', formula1: '"Nee"', fill: STATUS_COLOURS.none.fill, font: STATUS_COLOURS.bad.font }] });

  // The batch findings, under the table, each pointing at its source's status cell.
  const findings: Finding[] = batchFindings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    kind: f.kind,
    sheet: ctx.names.sources,
    cell: f.index >= 0 ? a1(ctx.batch[f.index].row, STATUS_COL) : '',
    message: f.message,
  }));
  const top = last + 3;
  b.text(top, 0, 'Bevindingen over de bronnen', 'subtitle');
  b.row(top + 1, 0, ['Nr', 'Bestand', 'Ernst'], 'header');
  b.set(top + 1, 3, { v: 'Melding', style: 'header' });
  b.merge(`${a1(top + 1, 3)}:${a1(top + 1, 10)}`);
  if (findings.length === 0) b.text(top + 2, 0, 'Alle bestanden zijn gelezen en tellen mee.', 'note');
  batchFindings.forEach((f, i) => {
    const r = top + 2 + i;
    const x = f.index >= 0 ? ctx.batch[f.index] : null;
    if (x) b.link(r, 0, x.id, { sheet: ctx.names.sources, cell: a1(x.row, STATUS_COL) });
    b.text(r, 1, x?.source.file ?? '');
    b.text(r, 2, SEVERITY_LABEL[f.severity]);
    b.set(r, 3, { v: f.message });
  });
  return { sheet: b.build(), figures: b.figures, findings };
}
