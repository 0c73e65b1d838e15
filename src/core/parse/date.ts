// Dates as they arrive in monitoring workbooks: real date cells (Excel serial
// numbers in the snapshot), Dutch text dates ("31-01-2022", "3 februari 2022"),
// ISO text ("2022-01-31") and serial numbers stored as text ("44673").
// Serials use the 1900 system as Excel and LibreOffice compute them from
// 1 March 1900 on: day 0 is 1899-12-30.

import type { CellValue } from '../workbook/snapshot';

export type DateSource =
  /** A real number (date) cell. */
  | 'number'
  /** Text that reads as a date, or a serial number stored as text: Excel does not calculate with it. */
  | 'text';

export interface ParsedDate {
  /** Excel serial number (whole days; a time of day stays as the fraction). */
  serial: number;
  source: DateSource;
}

export interface Ymd {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

const DAY0_UTC = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;
/** 9999-12-31, the last date Excel knows. */
export const MAX_SERIAL = 2_958_465;

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_SHORT = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Serial of a calendar date; valid only from 1900-03-01 (Excel's fake 29-02-1900 is never produced). */
export function ymdToSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - DAY0_UTC) / MS_PER_DAY);
}

/** Serial of 1970-01-01, to convert to days since the Unix epoch. */
const UNIX_DAY0 = 25_569;

/**
 * Calendar date of a serial (its whole-day part). Pure integer arithmetic
 * (Hinnant's civil_from_days) rather than a Date per call: norm evaluation
 * calls this twice per row.
 */
export function serialToYmd(serial: number): Ymd {
  const z = Math.floor(serial) - UNIX_DAY0 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** "2021-07": the month key used for monthly breakdowns. */
export function monthKey(serial: number): string {
  const { year, month } = serialToYmd(serial);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Excel's EDATE: the same day n months later, clamped to the end of a shorter month. */
export function edate(serial: number, months: number): number {
  const { year, month, day } = serialToYmd(serial);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return ymdToSerial(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Parse a cell as a date, or null when it does not read as one. Blank cells are null. */
export function parseDateCell(v: CellValue): ParsedDate | null {
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 && v <= MAX_SERIAL + 1 ? { serial: v, source: 'number' } : null;
  if (typeof v !== 'string') return null;
  const serial = parseDateText(v);
  return serial === null ? null : { serial, source: 'text' };
}

/** Dutch or ISO date text, or a serial stored as text; invalid dates ("31-02-2022") are null. */
export function parseDateText(raw: string): number | null {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (s === '') return null;
  let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return fromParts(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[ -]([a-z]+)\.?[ -](\d{4})$/.exec(s);
  if (m) {
    const month = monthFromName(m[2]);
    return month === null ? null : fromParts(Number(m[3]), month, Number(m[1]));
  }
  // A serial number stored as text, as some exports write dates.
  if (/^\d{1,7}(\.0+)?$/.test(s)) {
    const n = Number(s);
    return n >= 1 && n <= MAX_SERIAL ? n : null;
  }
  return null;
}

function monthFromName(name: string): number | null {
  const full = MONTHS_NL.indexOf(name);
  if (full >= 0) return full + 1;
  const short = MONTHS_SHORT.indexOf(name === 'maa' ? 'mrt' : name);
  return short >= 0 ? short + 1 : null;
}

function fromParts(y: number, m: number, d: number): number | null {
  return isValidYmd(y, m, d) && ymdToSerial(y, m, d) >= 61 ? ymdToSerial(y, m, d) : null;
}

/** "31-01-2022" for messages. */
export function formatDateNl(serial: number): string {
  const { year, month, day } = serialToYmd(serial);
  return `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;
}

/** "juli 2021" for month labels. */
export function formatMonthNl(key: string): string {
  const [y, m] = key.split('-').map(Number);
  return `${MONTHS_NL[m - 1]} ${y}`;
}
