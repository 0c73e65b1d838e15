// Header recognition shared by every table detector: a table kind declares
// its fields with Dutch and English synonyms, and we look for the row whose
// cells match the most of them.

import type { SheetSnapshot } from '../workbook/snapshot';
import { cellText, rowValues } from '../workbook/snapshot';

export interface FieldSpec {
  /** Normalised synonyms; a header matches when it equals one, or starts with one followed by a space. */
  synonyms: string[];
  /** Synonyms that only need to appear somewhere in the header text. */
  contains?: string[];
  required?: boolean;
}

export type HeaderSchema<F extends string> = Record<F, FieldSpec>;

export interface HeaderMatch<F extends string> {
  row: number;
  /** Column index per recognised field. */
  columns: Partial<Record<F, number>>;
  /** The header text per column, as written. */
  labels: Record<number, string>;
  /** Fraction of the schema's fields that were recognised (0..1). */
  confidence: number;
  /** Columns with a non-empty header that matched no field. */
  unmatched: number[];
  /** Fields matched by more than one column (first one wins). */
  duplicates: F[];
}

/**
 * Headers and labels are short: a longer text is only looked at up to here,
 * so a hostile cell (a 1 MB shared string used in every row) costs no more
 * than a real header.
 */
const HEADER_TEXT_MAX = 256;
/** Normalised texts by input; the same string recurs in every row of a column. Cleared when full. */
const normalised = new Map<string, string>();
const NORMALISED_MAX = 20_000;

/** Lower case, no accents, no punctuation except spaces: "Kans (1-3)" -> "kans 1 3". */
export function normaliseHeader(text: string): string {
  const key = text.length > HEADER_TEXT_MAX ? text.slice(0, HEADER_TEXT_MAX) : text;
  let out = normalised.get(key);
  if (out === undefined) {
    if (normalised.size >= NORMALISED_MAX) normalised.clear();
    out = normaliseText(key);
    normalised.set(key, out);
  }
  return out;
}

function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[×*]/g, ' x ')
    .replace(/[^a-z0-9%€ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function matchesField(header: string, spec: FieldSpec): boolean {
  const h = normaliseHeader(header);
  if (!h) return false;
  for (const syn of spec.synonyms) {
    if (h === syn || h.startsWith(`${syn} `)) return true;
  }
  return (spec.contains ?? []).some((c) => h.includes(c));
}

/** Score one row as a header for the schema; null when the required fields are not all there. */
export function matchHeaderRow<F extends string>(
  sheet: SheetSnapshot,
  row: number,
  schema: HeaderSchema<F>,
): HeaderMatch<F> | null {
  const cells = rowValues(sheet, row);
  const columns: Partial<Record<F, number>> = {};
  const labels: Record<number, string> = {};
  const unmatched: number[] = [];
  const duplicates: F[] = [];
  const fields = Object.keys(schema) as F[];
  for (let col = 0; col < cells.length; col++) {
    const v = cells[col];
    if (typeof v !== 'string') continue;
    const text = cellText(v);
    if (!text || text.length > 80) continue;
    labels[col] = text;
    const field = fields.find((f) => matchesField(text, schema[f]));
    if (field === undefined) {
      unmatched.push(col);
    } else if (columns[field] !== undefined) {
      duplicates.push(field);
    } else {
      columns[field] = col;
    }
  }
  const required = fields.filter((f) => schema[f].required);
  if (!required.every((f) => columns[f] !== undefined)) return null;
  const matched = fields.filter((f) => columns[f] !== undefined).length;
  return { row, columns, labels, confidence: matched / fields.length, unmatched, duplicates };
}

/** All header rows for the schema on a sheet, top to bottom. */
export function findHeaderRows<F extends string>(
  sheet: SheetSnapshot,
  schema: HeaderSchema<F>,
  opts: { maxRows?: number } = {},
): HeaderMatch<F>[] {
  const out: HeaderMatch<F>[] = [];
  const last = Math.min(sheet.rowCount, opts.maxRows ?? sheet.rowCount);
  for (let row = 0; row < last; row++) {
    if (!rowValues(sheet, row).some((v) => typeof v === 'string')) continue;
    const m = matchHeaderRow(sheet, row, schema);
    if (m) out.push(m);
  }
  return out;
}
