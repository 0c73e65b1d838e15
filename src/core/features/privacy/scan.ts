// One pass over every cell of a sheet, collecting per column what privacy
// detection needs: headers that announce personal data, BSN candidates and
// date values. O(cells); no cell value is kept except date serials.

import type { CellValue, SheetSnapshot } from '../../workbook/snapshot';
import { cellFormat, cellValue, isBlank, isCellError, isDateFormat } from '../../workbook/snapshot';
import { bsnDigits, passesElfproef } from './elfproef';
import type { PersonalCategory } from './headers';
import { personalCategoryOf } from './headers';

export interface HeaderHit {
  row: number;
  category: PersonalCategory;
  text: string;
}

export interface ColumnScan {
  col: number;
  /** Non-blank cells that are not headers we recognised. */
  values: number;
  /** Last row with a non-blank cell. */
  lastRow: number;
  /** First personal-data header in the column (the first of each category). */
  headers: HeaderHit[];
  /** Text values below a header (names are text). */
  textValues: number;
  bsnCandidates: number;
  bsnValid: number;
  firstBsnRow: number;
  /** Date serials of date-looking cells. */
  dates: number[];
  firstDateRow: number;
  /** Values that look like a full Dutch postcode (1234 AB). */
  postcodes: number;
  /** The last text cell above the first candidate: the column's header, as far as values go. */
  headerAboveBsn?: { row: number; text: string };
  headerAboveDate?: { row: number; text: string };
}

const MAX_SERIAL = 2_958_465; // 31-12-9999
const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const PC6 = /^\d{4}\s?[A-Za-z]{2}$/;
/** Every personal-data header contains one of these; other texts skip the costly normalisation. */
const MAYBE_PERSONAL_HEADER = /bsn|burger|sofi|citizen|geb|geboren|birth|dob|na+m|letters|tussenvoegsel|adres|address|straat|street|huis|postcode|zip|postal|mail|tel|phone|mobiel|gsm|contact/i;

/** Serial of a real calendar date (so 31-02-2022 is not one), in the 1900 date system. */
export function dateSerial(y: number, m: number, d: number): number | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const t = Date.UTC(y, m - 1, d);
  if (new Date(t).getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

// A sheet has few distinct number formats and many cells: decide each format once.
const dateFormatCache = new Map<string, boolean>();
function isDateFormatCached(fmt: string): boolean {
  let d = dateFormatCache.get(fmt);
  if (d === undefined) {
    d = isDateFormat(fmt);
    if (dateFormatCache.size < 1000) dateFormatCache.set(fmt, d);
  }
  return d;
}

/** A date cell: a number with a date format, or text such as 12-03-1987 / 1987-03-12. */
export function dateValue(v: CellValue, fmt: string): number | null {
  if (typeof v === 'number') return v >= 1 && v <= MAX_SERIAL && isDateFormatCached(fmt) ? Math.floor(v) : null;
  if (typeof v !== 'string' || v.length > 12) return null;
  const s = v.trim();
  const dmy = DMY.exec(s);
  if (dmy) return dateSerial(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const ymd = YMD.exec(s);
  if (ymd) return dateSerial(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  return null;
}

function newColumn(col: number): ColumnScan {
  return { col, values: 0, lastRow: -1, headers: [], textValues: 0, bsnCandidates: 0, bsnValid: 0, firstBsnRow: -1, dates: [], firstDateRow: -1, postcodes: 0 };
}

export function scanSheet(sheet: SheetSnapshot): ColumnScan[] {
  const cols: ColumnScan[] = [];
  // Category lookups repeat for the same texts (werksoort, wijk…): remember them.
  const categoryCache = new Map<string, PersonalCategory | null>();
  const categoryOf = (text: string) => {
    let c = categoryCache.get(text);
    if (c === undefined) {
      c = personalCategoryOf(text);
      if (categoryCache.size < 10_000) categoryCache.set(text, c);
    }
    return c;
  };
  /** The text of the last text cell above, read only when a first candidate needs its header. */
  const lastTextRow: number[] = [];
  const headerAbove = (col: number): { row: number; text: string } | undefined => {
    const r = lastTextRow[col];
    return r === undefined ? undefined : { row: r, text: String(cellValue(sheet, r, col)).trim() };
  };
  for (let row = 0; row < sheet.rowCount; row++) {
    for (let col = 0, end = sheet.rowEnd(row); col < end; col++) {
      const v = cellValue(sheet, row, col);
      if (v === null || v === undefined || typeof v === 'boolean' || isCellError(v)) continue;
      if (typeof v === 'string' && isBlank(v)) continue;
      const c = (cols[col] ??= newColumn(col));
      c.lastRow = row;
      if (typeof v === 'string' && v.length <= 60 && MAYBE_PERSONAL_HEADER.test(v)) {
        const text = v.trim();
        const category = categoryOf(text);
        if (category) {
          if (!c.headers.some((h) => h.category === category)) c.headers.push({ row, category, text });
          lastTextRow[col] = row;
          continue;
        }
      }
      c.values++;
      // Cheap shape checks first: most cells are neither a BSN nor a date.
      const digits = typeof v === 'number' || (v.length >= 8 && v.length <= 20 && /^\s*\d/.test(v)) ? bsnDigits(v) : null;
      if (digits !== null) {
        c.bsnCandidates++;
        if (passesElfproef(digits)) {
          c.bsnValid++;
          if (c.firstBsnRow < 0) {
            c.firstBsnRow = row;
            c.headerAboveBsn = headerAbove(col);
          }
        }
        continue;
      }
      const serial = dateValue(v, typeof v === 'number' ? cellFormat(sheet, row, col) : 'General');
      if (serial !== null) {
        c.dates.push(serial);
        if (c.firstDateRow < 0) {
          c.firstDateRow = row;
          c.headerAboveDate = headerAbove(col);
        }
      } else if (typeof v === 'string') {
        c.textValues++;
        if (v.length <= 9 && PC6.test(v.trim())) c.postcodes++;
        if (v.length <= 80) lastTextRow[col] = row;
      }
    }
  }
  return cols.filter((c) => c !== undefined);
}
