// The Dutch citizen service number (BSN): nine digits that pass the
// "elfproef" (weights 9..2 and -1, sum divisible by 11). Random nine-digit
// numbers pass about one time in eleven, so a column is only called a BSN
// column when nearly all of its numbers pass.

import type { CellValue } from '../../workbook/snapshot';

/** Nine digits (leading zero restored) from a number or text cell, or null when it cannot be a BSN. */
export function bsnDigits(v: CellValue): string | null {
  let s: string;
  if (typeof v === 'number') {
    // A BSN stored as a number loses its leading zero: 8 or 9 digits, whole.
    if (!Number.isInteger(v) || v < 10_000_000 || v > 999_999_999) return null;
    s = String(v);
  } else if (typeof v === 'string') {
    if (v.length > 20) return null;
    s = v.replace(/[\s.\-\u00a0]/g, '');
    if (!/^\d{8,9}$/.test(s)) return null;
  } else {
    return null;
  }
  return s.padStart(9, '0');
}

/** The elfproef for BSN numbers (the 11-test with the last weight -1). */
export function passesElfproef(digits: string): boolean {
  if (digits.length !== 9) return false;
  let sum = 0;
  let any = false;
  for (let i = 0; i < 9; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (d !== 0) any = true;
    sum += i < 8 ? (9 - i) * d : -d;
  }
  return any && sum % 11 === 0;
}

export function isBsn(v: CellValue): boolean {
  const d = bsnDigits(v);
  return d !== null && passesElfproef(d);
}
