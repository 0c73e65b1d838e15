// Which rows under a header row are data. Monitoring workbooks put more than
// records under a header: "Totaal" and subtotal rows, footnotes ("* excl.
// wachtlijst"), group headings, the header repeated after a page break, blank
// rows. Counting them as records inflates averages and row counts, so every
// feature that reads a data table asks this module which rows are records.
// Pure: it only looks at values and formulas of the snapshot.

import { normaliseHeader } from './headers';
import type { CellValue, SheetSnapshot } from '../workbook/snapshot';
import { cellFormula, cellText, cellValue, isBlank } from '../workbook/snapshot';

export type RowKind = 'data' | 'blank' | 'total' | 'note' | 'header' | 'after';

export interface RowClassification {
  /** Kind per sheet row, for rows from the first row under the header to `lastRow`. */
  kinds: Map<number, RowKind>;
  /** 0-based rows that are records. */
  dataRows: number[];
  /** Last record row (0-based); firstRow - 1 when there are none. */
  lastDataRow: number;
  /** Rows that are not records and not blank, with their kind (for messages and formula ranges). */
  skipped: { row: number; kind: Exclude<RowKind, 'data' | 'blank'> }[];
}

/** "Totaal", "Subtotaal ISW", "Totalen", "Eindtotaal", "Generaal totaal", "Total", "Som". */
const TOTAL_LABEL = /^(sub|eind|generaal |grand )?tota(a)?l(en|s)?\b|^som\b|^sum\b/i;
/** A footnote: a marker first ("*", "¹", "1)", "(a)", "NB"), or a word that introduces a note. */
const NOTE_START = /^(\*|†|‡|#|[¹²³⁴⁵⁶⁷⁸⁹]|\(?[0-9a-z]\)\s|n\.?b\.?\b|bron\b|noot\b|toelichting\b|opmerking\b|let op\b|let wel\b|peildatum\b|excl\.|incl\.|exclusief\b|inclusief\b|gegevens\b)/i;
/** A grand total ("Totaal", "Eindtotaal", "Totaal generaal"): the table ends there; what follows is another block. */
const GRAND_TOTAL = /^(eind|generaal |grand )?tota(a)?l(en|s)?( generaal| alle\b.*)?\s*:?$/i;
/** A formula that adds up a column: a subtotal row even without a label. */
const TOTAL_FORMULA = /^(SUBTOTAL|AGGREGATE)\(|^SUM\([A-Z$]+\$?\d+:[A-Z$]+\$?\d+\)$/i;

/**
 * Classify the rows under a header, for the given columns of the table.
 * `firstRow` is the first row under the header; rows run to the last row with
 * any content in those columns.
 */
export function classifyRows(sheet: SheetSnapshot, headerRow: number, columns: number[], labels: Record<number, string> = {}): RowClassification {
  const firstRow = headerRow + 1;
  const cols = [...columns].sort((a, b) => a - b);
  const kinds = new Map<number, RowKind>();
  const headerTexts = new Map(cols.map((c) => [c, normaliseHeader(labels[c] ?? textOf(cellValue(sheet, headerRow, c)))]));
  let last = firstRow - 1;
  for (let r = sheet.rowCount - 1; r >= firstRow; r--) {
    if (cols.some((c) => !isBlank(cellValue(sheet, r, c)))) {
      last = r;
      break;
    }
  }
  let ended = false;
  for (let r = firstRow; r <= last; r++) {
    if (ended) {
      const k = kindOf(sheet, r, cols, headerTexts);
      kinds.set(r, k === 'blank' || k === 'note' ? k : 'after');
      continue;
    }
    const kind = kindOf(sheet, r, cols, headerTexts);
    kinds.set(r, kind);
    // Rows under a grand total belong to another block ("Taakstelling", "Nog te realiseren"), not to this table.
    if (kind === 'total' && GRAND_TOTAL.test(firstText(sheet, r, cols))) ended = true;
  }
  const dataRows: number[] = [];
  const skipped: RowClassification['skipped'] = [];
  for (const [r, k] of kinds) {
    if (k === 'data') dataRows.push(r);
    else if (k !== 'blank') skipped.push({ row: r, kind: k });
  }
  return { kinds, dataRows, lastDataRow: dataRows.length ? dataRows[dataRows.length - 1] : firstRow - 1, skipped };
}

/** Text looked at per cell: labels, notes and headers are short; a megabyte string must not cost a megabyte per row. */
const MAX_TEXT = 200;

const textOf = (v: CellValue | undefined): string => cellText(typeof v === 'string' && v.length > MAX_TEXT ? v.slice(0, MAX_TEXT) : (v ?? null));

function firstText(sheet: SheetSnapshot, r: number, cols: number[]): string {
  const c = cols.find((k) => !isBlank(cellValue(sheet, r, k)));
  return c === undefined ? '' : textOf(cellValue(sheet, r, c));
}

function kindOf(sheet: SheetSnapshot, r: number, cols: number[], headerTexts: Map<number, string>): RowKind {
  // Only the table's own columns are read: this runs once per record row.
  const row = (c: number) => cellValue(sheet, r, c);
  const filled = cols.filter((c) => !isBlank(row(c)));
  if (filled.length === 0) return 'blank';
  const first = textOf(row(filled[0]));
  if (typeof row(filled[0]) === 'string' && TOTAL_LABEL.test(first)) return 'total';
  if (cols.some((c) => TOTAL_FORMULA.test(cellFormula(sheet, r, c) ?? ''))) return 'total';
  // The header repeated (after a page break or a pasted block): most filled cells say what the header says.
  const sameAsHeader = filled.filter((c) => {
    const v = row(c);
    const h = headerTexts.get(c) ?? '';
    // Normalising is costly: only texts about as long as the header can be equal to it.
    return typeof v === 'string' && h !== '' && v.length <= 2 * h.length + 10 && normaliseHeader(v) === h;
  }).length;
  if (sameAsHeader >= 2 && sameAsHeader * 2 >= filled.length) return 'header';
  // One text cell on a row of a wider table: a footnote or a group heading ("Individuele begeleiding"), not a record.
  if (filled.length === 1 && cols.length >= 3 && typeof row(filled[0]) === 'string') {
    // A lone code with a digit ("D-17", "2022-031") is a record with little filled in; words are a note or heading.
    if (NOTE_START.test(first) || /\s/.test(first) || !/\d/.test(first)) return 'note';
  }
  return 'data';
}

/** Dutch name of a skipped row's kind, for messages. */
export const ROW_KIND_NL: Record<Exclude<RowKind, 'data' | 'blank'>, string> = {
  total: 'totaalregel',
  note: 'voetnoot of tussenkop',
  header: 'herhaalde kopregel',
  after: 'regel onder het eindtotaal',
};

/**
 * Contiguous runs of rows from `firstRow` to `lastRow` that hold no skipped row:
 * the ranges a formula can read without counting totals, notes or repeated
 * headers. Blank rows stay inside a run (no formula counts an empty row).
 */
export function dataSegments(firstRow: number, lastRow: number, skipped: number[]): { top: number; bottom: number }[] {
  const out: { top: number; bottom: number }[] = [];
  let top = firstRow;
  for (const s of [...skipped].sort((a, b) => a - b)) {
    if (s < top || s > lastRow) continue;
    if (s > top) out.push({ top, bottom: s - 1 });
    top = s + 1;
  }
  if (top <= lastRow) out.push({ top, bottom: lastRow });
  return out;
}
