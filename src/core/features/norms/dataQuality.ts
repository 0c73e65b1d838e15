// Data problems that change what the norm formulas count: dates or numbers
// stored as text (COUNTIFS and ISNUMBER skip them), impossible dates, and
// dates in the wrong order. One finding per cell, capped per column.

import type { Finding } from '../../findings/finding';
import { formatDateNl, parseDateText } from '../../parse/date';
import { parseNumberText } from '../../parse/number';
import { a1 } from '../../workbook/address';
import { cellText, isCellError } from '../../workbook/snapshot';
import type { DataTable, TrajectField } from './dataTable';
import { columnLabel } from './dataTable';

const DATE_FIELDS: TrajectField[] = ['aanmelding', 'eersteGesprek', 'afsluiting'];
const NUMBER_FIELDS: TrajectField[] = ['aantalGesprekken', 'cijferStart', 'cijferEind', 'tevredenheid'];
/** Per column and rule; the rest is summarised in one finding. */
const CAP = 10;

export function dataQualityFindings(t: DataTable): Finding[] {
  const out: Finding[] = [];
  const counts = new Map<string, number>();
  const sheet = t.sheet.name;
  const add = (f: Finding, group: string) => {
    const n = (counts.get(group) ?? 0) + 1;
    counts.set(group, n);
    if (n <= CAP) out.push(f);
  };
  for (const field of DATE_FIELDS) {
    const col = t.fields[field];
    if (col === undefined) continue;
    const label = columnLabel(t, col);
    for (let r = t.firstRow; r <= t.lastRow; r++) {
      const v = t.sheet.values[r]?.[col] ?? null;
      if (typeof v === 'string' && v.trim() !== '') {
        const serial = parseDateText(v);
        if (serial !== null) {
          add({ rule: 'norm.date-as-text', severity: 'warning', kind: 'norm', sheet, cell: a1(r, col), actual: v, message: `${label} staat als tekst in de cel ("${v}" = ${formatDateNl(serial)}); de normformules tellen deze rij niet mee. Maak er een echte datum van.` }, `text:${col}`);
        } else {
          add({ rule: 'norm.date-invalid', severity: 'error', kind: 'norm', sheet, cell: a1(r, col), actual: v, message: `${label} "${v}" is geen geldige datum; de normformules tellen deze rij niet mee.` }, `invalid:${col}`);
        }
      } else if (isCellError(v) || (typeof v === 'number' && v <= 0)) {
        add({ rule: 'norm.date-invalid', severity: 'error', kind: 'norm', sheet, cell: a1(r, col), actual: cellText(v), message: `${label} "${cellText(v)}" is geen geldige datum.` }, `invalid:${col}`);
      }
    }
  }
  const order: [TrajectField, TrajectField][] = [
    ['aanmelding', 'eersteGesprek'],
    ['eersteGesprek', 'afsluiting'],
  ];
  for (const [a, b] of order) {
    const ca = t.fields[a];
    const cb = t.fields[b];
    if (ca === undefined || cb === undefined) continue;
    for (let r = t.firstRow; r <= t.lastRow; r++) {
      const va = t.sheet.values[r]?.[ca];
      const vb = t.sheet.values[r]?.[cb];
      if (typeof va === 'number' && typeof vb === 'number' && vb < va) {
        add({ rule: 'norm.date-order', severity: 'warning', kind: 'norm', sheet, cell: a1(r, cb), message: `${columnLabel(t, cb)} (${formatDateNl(vb)}) ligt vóór ${columnLabel(t, ca)} (${formatDateNl(va)}).` }, `order:${cb}`);
      }
    }
  }
  for (const field of NUMBER_FIELDS) {
    const col = t.fields[field];
    if (col === undefined) continue;
    const label = columnLabel(t, col);
    for (let r = t.firstRow; r <= t.lastRow; r++) {
      const v = t.sheet.values[r]?.[col] ?? null;
      if (typeof v !== 'string' || v.trim() === '') continue;
      const p = parseNumberText(v);
      add(
        p
          ? { rule: 'norm.number-as-text', severity: 'warning', kind: 'norm', sheet, cell: a1(r, col), actual: v, message: `${label} staat als tekst in de cel ("${v}"); de normformules tellen deze waarde niet mee.` }
          : { rule: 'norm.not-a-number', severity: 'error', kind: 'norm', sheet, cell: a1(r, col), actual: v, message: `${label} "${v}" is geen getal; de normformules tellen deze waarde niet mee.` },
        `num:${col}`,
      );
    }
  }
  for (const [group, n] of counts) {
    if (n <= CAP) continue;
    const col = Number(group.split(':')[1]);
    out.push({
      rule: 'norm.more-cells',
      severity: 'info',
      kind: 'norm',
      sheet,
      cell: a1(t.headerRow, col),
      message: `In kolom "${columnLabel(t, col)}" zijn nog ${n - CAP} cellen met hetzelfde probleem (alleen de eerste ${CAP} staan hierboven).`,
    });
  }
  return out;
}
