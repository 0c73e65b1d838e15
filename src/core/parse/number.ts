// Numbers as they arrive in monitoring workbooks: real numbers, or Dutch text
// such as "€ 1.609.966,35", "1,95", "87%", "-" and "(1.250,00)".

import type { CellValue } from '../workbook/snapshot';

export type NumberSource =
  /** A real number cell. */
  | 'number'
  /** Text that reads as a number. */
  | 'text'
  /** A lone dash, which Dutch tables use for "nil". */
  | 'dash';

export interface ParsedNumber {
  value: number;
  source: NumberSource;
  /** The text had a percent sign; value is then a fraction (87% -> 0.87). */
  percent: boolean;
}

const DASHES = /^[-–—]$/;

/** Parse a cell into a number, or null when it does not read as one. Blank cells are null. */
export function parseNumberCell(v: CellValue): ParsedNumber | null {
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, source: 'number', percent: false } : null;
  if (typeof v !== "string") return null;
  return parseNumberText(v);
}

export function parseNumberText(raw: string): ParsedNumber | null {
  let s = raw.replace(/[\u00a0\u202f\s]+/g, '').replace(/^€|€$/g, '').replace(/^EUR|EUR$/i, '');
  if (s === '') return null;
  if (DASHES.test(s)) return { value: 0, source: 'dash', percent: false };
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  s = s.replace(/^€/, '');
  if (/^[-−–]/.test(s)) {
    negative = !negative;
    s = s.slice(1).replace(/^€/, '');
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  const n = parseUnsigned(s);
  // "1e400" is no amount anyone means; Infinity would poison every sum.
  if (n === null || !Number.isFinite(n)) return null;
  let value = negative ? -n : n;
  if (percent) value = value / 100;
  // Avoid -0 and binary noise from the division.
  value = value === 0 ? 0 : Number(value.toPrecision(15));
  return { value, source: 'text', percent };
}

/** Digits with Dutch (1.234,5) or English (1,234.5) grouping, or plain (1234,5 / 1234.5). */
function parseUnsigned(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  // Dutch: dots group thousands, comma is the decimal sign.
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d+,\d+$/.test(s)) return Number(s.replace(',', '.'));
  if (/^,\d+$/.test(s)) return Number(`0${s.replace(',', '.')}`);
  // English: commas group thousands, dot is the decimal sign.
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d+\.\d+$/.test(s)) return Number(s);
  if (/^\.\d+$/.test(s)) return Number(`0${s}`);
  // Scientific notation, as some exports write large amounts.
  if (/^\d+(\.\d+)?[eE][-+]?\d+$/.test(s)) return Number(s);
  return null;
}

/** Format a number the Dutch way for messages: 1609966.35 -> "1.609.966,35". */
export function formatDutch(n: number, decimals = 2): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 && Number(fixed) !== 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

export function formatEuro(n: number): string {
  return `€ ${formatDutch(n, 2)}`;
}

export function formatPercent(fraction: number, decimals = 1): string {
  return `${formatDutch(fraction * 100, decimals)}%`;
}
