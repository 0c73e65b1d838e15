// Parsing the addresses Office.js returns ("'Risico''s'!A1:K5,'Risico''s'!A7:K9").

import { parseRange } from '../../core/workbook/address';
import type { RangeRef } from '../../core/workbook/address';

/** Drop the sheet part of one address: "'My sheet'!A1:B2" -> "A1:B2". */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '');
}

/** Split a RangeAreas address list into plain A1 ranges. Commas inside quoted sheet names are kept. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      if (current) out.push(stripSheet(current));
      current = '';
    } else current += ch;
  }
  if (current) out.push(stripSheet(current));
  return out;
}

/** A1 range, including whole rows ("3:5") and whole columns ("A:C"), as 0-based bounds. */
export function parseArea(area: string): RangeRef {
  if (/^\d+(:\d+)?$/.test(area)) {
    const [a, b = a] = area.split(':').map(Number);
    return { top: Math.min(a, b) - 1, bottom: Math.max(a, b) - 1, left: 0, right: 16383 };
  }
  if (/^[A-Z]+(:[A-Z]+)?$/i.test(area)) {
    const [a, b = a] = area.split(':');
    const r = parseRange(`${a}1:${b}1048576`);
    return r;
  }
  return parseRange(area);
}

/** Rows in [0, rowCount) not covered by any visible area. */
export function hiddenRowsFrom(visibleAreas: string[], rowCount: number): number[] {
  const visible = new Uint8Array(rowCount);
  for (const area of visibleAreas) {
    const r = parseArea(area);
    for (let i = Math.max(0, r.top); i <= Math.min(rowCount - 1, r.bottom); i++) visible[i] = 1;
  }
  const hidden: number[] = [];
  for (let i = 0; i < rowCount; i++) if (!visible[i]) hidden.push(i);
  return hidden;
}
