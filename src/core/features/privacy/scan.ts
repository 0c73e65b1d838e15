// One pass over every cell of a sheet, collecting per column what privacy
// detection needs: headers that announce personal data, BSN candidates and
// date values. O(cells); no cell value is kept except date serials.

import type { CellValue, SheetSnapshot } from '../../workbook/snapshot';
import { cellFormat, isBlank, isCellError, isDateFormat } from '../../workbook/snapshot';
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
  lastText?: { row: number; text: string };
}

const MAX_SERIAL = 2_958_465; // 31-12-9999
const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const PC6 = /^\d{4}\s?[A-Za-z]{2}$/;

/** Serial of a real calendar date (so 31-02-2022 is not one), in the 1900 date system. */
export function dateSerial(y: number, m: number, d: number): number | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const t = Date.UTC(y, m - 1, d);
  if (new Date(t).getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A date cell: a number with a date format, or text such as 12-03-1987 / 1987-03-12. */
export function dateValue(v: CellValue, fmt: string): number | null {
  if (typeof v === 'number') return isDateFormat(fmt) && v >= 1 && v <= MAX_SERIAL ? Math.floor(v) : null;
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
  for (let row = 0; row < sheet.values.length; row++) {
    const cells = sheet.values[row];
    if (!cells) continue;
    for (let col = 0; col < cells.length; col++) {
      const v = cells[col];
      if (v === undefined || isBlank(v) || isCellError(v)) continue;
      const c = (cols[col] ??= newColumn(col));
      c.lastRow = row;
      if (typeof v === 'string') {
        const text = v.trim();
        if (text.length <= 60) {
          const category = categoryOf(text);
          if (category) {
            if (!c.headers.some((h) => h.category === category)) c.headers.push({ row, category, text });
            c.lastText = { row, text };
            continue;
          }
        }
      }
      c.values++;
      const digits = bsnDigits(v);
      if (digits !== null) {
        c.bsnCandidates++;
        if (passesElfproef(digits)) {
          c.bsnValid++;
          if (c.firstBsnRow < 0) {
            c.firstBsnRow = row;
            c.headerAboveBsn = c.lastText;
          }
        }
      } else {
        const serial = dateValue(v, cellFormat(sheet, row, col));
        if (serial !== null) {
          c.dates.push(serial);
          if (c.firstDateRow < 0) {
            c.firstDateRow = row;
            c.headerAboveDate = c.lastText;
          }
        } else if (typeof v === 'string') {
          c.textValues++;
          if (PC6.test(v.trim())) c.postcodes++;
          if (v.length <= 80) c.lastText = { row, text: v.trim() };
        }
      }
    }
  }
  return cols.filter((c) => c !== undefined);
}
