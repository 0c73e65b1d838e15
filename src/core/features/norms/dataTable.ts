// The data a norm is computed over: the trajectory sheet (one row per client
// trajectory, found by its headers) or any sheet a user-defined norm names.
// Columns are referenced by header text, by a known field's synonyms, or by
// column letter.

import type { RowKind } from '../../detect/dataRows';
import { classifyRows } from '../../detect/dataRows';
import type { HeaderSchema } from '../../detect/headers';
import { findHeaderRows, matchesField, normaliseHeader } from '../../detect/headers';
import { applyColumnOverrides, isIgnored } from '../../detect/mapping';
import type { Settings } from '../../settings/settings';
import { columnIndex, parseRange, rangeA1 } from '../../workbook/address';
import type { SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import { cellText, cellValue, findSheet, rowFormulas, rowValues } from '../../workbook/snapshot';
import type { ColumnRef } from './model';

export const TRAJECT_KIND = 'trajectories';

export type TrajectField =
  | 'dossiernr'
  | 'werksoort'
  | 'wijk'
  | 'aanmelding'
  | 'eersteGesprek'
  | 'afsluiting'
  | 'uitstroom'
  | 'terugkeer'
  | 'aantalGesprekken'
  | 'cijferStart'
  | 'cijferEind'
  | 'tevredenheid';

export const TRAJECT_SCHEMA: HeaderSchema<TrajectField> = {
  dossiernr: { synonyms: ['dossiernr', 'dossiernummer', 'dossier', 'clientnr', 'clientnummer', 'traject', 'trajectnr', 'trajectnummer', 'nr', 'id'] },
  werksoort: { synonyms: ['werksoort', 'dienst', 'team', 'domein', 'product', 'werkveld'] },
  wijk: { synonyms: ['wijk', 'wijkgebied', 'kern', 'buurt', 'gebied'] },
  aanmelding: {
    synonyms: ['datum aanmelding', 'aanmelddatum', 'aanmelding', 'datum melding', 'meldingsdatum', 'datum hulpvraag', 'datum eerste contact'],
    required: true,
  },
  eersteGesprek: {
    synonyms: ['datum eerste gesprek', 'eerste gesprek', 'datum vraagverheldering', 'datum intake', 'intakedatum', 'startdatum', 'datum start', 'datum in behandeling'],
  },
  afsluiting: { synonyms: ['datum afsluiting', 'afsluitdatum', 'afsluiting', 'einddatum', 'datum einde', 'datum afronding', 'afgesloten op'] },
  uitstroom: { synonyms: ['uitstroom naar', 'uitstroom', 'doorverwezen naar', 'doorverwijzing', 'vervolg'] },
  terugkeer: { synonyms: ['terugkeer', 'terugkeer zelfde vraag', 'herhaalde hulpvraag', 'terug met zelfde vraag'] },
  aantalGesprekken: { synonyms: ['aantal gesprekken', 'gesprekken', 'aantal contacten'] },
  cijferStart: { synonyms: ['cijfer start', 'rapportcijfer start', 'waardering start', 'cijfer begin', 'score start'] },
  cijferEind: { synonyms: ['cijfer eind', 'rapportcijfer eind', 'waardering eind', 'cijfer einde', 'score eind'] },
  tevredenheid: { synonyms: ['clienttevredenheid', 'tevredenheid', 'client tevredenheid', 'klanttevredenheid'] },
};

export const TRAJECT_FIELDS = Object.keys(TRAJECT_SCHEMA) as TrajectField[];

export interface DataTable {
  sheet: SheetSnapshot;
  /** 0-based header row. */
  headerRow: number;
  /** First row under the header and last record row (0-based); lastRow < firstRow when empty. */
  firstRow: number;
  lastRow: number;
  /** Number of records: rows between firstRow and lastRow that are data (not blank, total, note or repeated header). */
  dataRowCount: number;
  /** Rows under the header that are not records (totals, notes, repeated headers), blank rows excluded. */
  skipped: { row: number; kind: Exclude<RowKind, 'data' | 'blank'> }[];
  /**
   * Something other than records sits below the last record (a "Totaal" row,
   * footnotes): formula ranges end at lastRow instead of running on to the
   * sheet's end, so they never count it.
   */
  closed: boolean;
  /** Header text per column. */
  labels: Record<number, string>;
  /** Recognised trajectory fields (for synonyms). */
  fields: Partial<Record<TrajectField, number>>;
  confidence: number;
  /** The user's Excel Table over this data, if any: formulas then use structured references that grow with it. */
  excel?: ExcelTable;
}

export interface ExcelTable {
  name: string;
  /** Last row (0-based) of the table's data body: its totals row excluded. */
  bottom: number;
  /** Table column name per sheet column. */
  columns: Map<number, string>;
}

/** The Excel Table whose header row is this header row. */
function excelTableAt(sheet: SheetSnapshot, headerRow: number): ExcelTable | undefined {
  for (const t of sheet.tables) {
    let r;
    try {
      r = parseRange(t.ref);
    } catch {
      continue;
    }
    if (r.top !== headerRow || !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(t.name)) continue;
    const columns = new Map<number, string>();
    for (let c = r.left; c <= r.right; c++) columns.set(c, cellText(cellValue(sheet, headerRow, c)));
    // A totals row is not part of Table[Column]: recognise it by its SUBTOTAL formulas or a "Totaal" label.
    const last = rowValues(sheet, r.bottom);
    const lastFormulas = rowFormulas(sheet, r.bottom);
    const totals = r.bottom > r.top + 1 && (lastFormulas.some((f) => f !== null && /SUBTOTAL\(/i.test(f)) || /^(totaal|totalen|total)$/i.test(cellText(last[r.left] ?? null)));
    return { name: t.name, bottom: totals ? r.bottom - 1 : r.bottom, columns };
  }
  return undefined;
}

export function tableFrom(sheet: SheetSnapshot, headerRow: number, labels: Record<number, string>, fields: Partial<Record<TrajectField, number>>, confidence: number): DataTable {
  const cols = Object.keys(labels).map(Number);
  const rows = classifyRows(sheet, headerRow, cols, labels);
  const lastRow = rows.lastDataRow;
  const closed = rows.skipped.some((s) => s.row > lastRow);
  // Structured references cannot leave out a row inside the table: only for tables whose rows are all records.
  const excel = rows.skipped.some((s) => s.row < lastRow) ? undefined : excelTableAt(sheet, headerRow);
  return { sheet, headerRow, firstRow: headerRow + 1, lastRow, dataRowCount: rows.dataRows.length, skipped: rows.skipped, closed, labels, fields, confidence, ...(excel ? { excel } : {}) };
}

/** Skipped rows inside the records (above lastRow): formula ranges split around them. */
export function interiorSkipped(t: DataTable): number[] {
  return t.skipped.filter((s) => s.row < t.lastRow).map((s) => s.row);
}

/** Whether a row between firstRow and lastRow is a record (or blank): what the engine iterates. */
export function skippedRowSet(t: DataTable): Set<number> {
  return new Set(t.skipped.map((s) => s.row));
}

/** Trajectory sheets: a header with at least a registration date and a fair share of the known fields. */
export function detectTrajectTables(wb: WorkbookSnapshot, settings: Settings): DataTable[] {
  const out: DataTable[] = [];
  for (const sheet of wb.sheets) {
    for (const m of findHeaderRows(sheet, TRAJECT_SCHEMA, { maxRows: 30 })) {
      if (m.confidence < 0.3 || isIgnored(settings, sheet.name, m.row + 1)) continue;
      const fields = applyColumnOverrides(m.columns, settings, sheet.name, m.row + 1, TRAJECT_KIND, TRAJECT_FIELDS);
      out.push(tableFrom(sheet, m.row, m.labels, fields, m.confidence));
      break;
    }
  }
  return out.sort((a, b) => b.confidence - a.confidence || b.lastRow - a.lastRow);
}

export const REGISTRATION_KIND = 'registrations';

/**
 * A registration table: counts of contacts, participants or visits per
 * period or activity (seed 002's "registratie"), with or without a date
 * column. Recognised by a header row that has a count column and a label
 * column, and none of the budget, risk or indicator words other features own.
 */
const COUNT_HEADER = /^(aantal\b|contacten\b|deelnemers\b|bezoekers\b|bereik\b|uren\b|huisbezoeken\b|gesprekken\b|cursisten\b|vrijwilligers\b)/;
const LABEL_HEADER = /^(maand|periode|week|kwartaal|jaar|datum|activiteit|product|dienst|team|werksoort|locatie|wijk|kern|soort|onderdeel|instelling)\b/;
const OTHER_FEATURES = /\b(begro(ot|ting)|realisatie|prognose|bedrag|subsidie|fte|kans|schade|risico|indicator|norm)\b/;

export function detectRegistrationTables(wb: WorkbookSnapshot, settings: Settings, except: Set<string>): DataTable[] {
  const out: DataTable[] = [];
  for (const sheet of wb.sheets) {
    if (except.has(sheet.name)) continue;
    for (let r = 0; r < Math.min(30, sheet.rowCount); r++) {
      const cells = rowValues(sheet, r);
      const labels: Record<number, string> = {};
      cells.forEach((v, c) => {
        if (typeof v === 'string' && v.trim() && v.length <= 80) labels[c] = v.trim();
      });
      const texts = Object.values(labels).map(normaliseHeader);
      if (texts.length < 2 || texts.some((h) => OTHER_FEATURES.test(h))) continue;
      if (!texts.some((h) => COUNT_HEADER.test(h)) || !texts.some((h) => LABEL_HEADER.test(h))) continue;
      if (isIgnored(settings, sheet.name, r + 1)) break;
      const t = tableFrom(sheet, r, labels, {}, Math.min(1, texts.filter((h) => COUNT_HEADER.test(h) || LABEL_HEADER.test(h)).length / texts.length));
      if (t.dataRowCount > 0) out.push(t);
      break;
    }
  }
  return out;
}

/** Any sheet as a table: the header is the first of the top rows with most text cells. */
export function genericTable(sheet: SheetSnapshot): DataTable | null {
  let best = -1;
  let bestCount = 0;
  for (let r = 0; r < Math.min(30, sheet.rowCount); r++) {
    const count = (rowValues(sheet, r)).filter((v) => typeof v === 'string' && v.trim() !== '').length;
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
  }
  if (best < 0 || bestCount < 2) return null;
  const labels: Record<number, string> = {};
  (rowValues(sheet, best)).forEach((v, c) => {
    if (typeof v === 'string' && v.trim()) labels[c] = v.trim();
  });
  return tableFrom(sheet, best, labels, {}, 0);
}

/** The table for a norm's "Gegevensblad": the named sheet, or the detected trajectory table. */
export function tableForSheet(wb: WorkbookSnapshot, name: string, trajects: DataTable[], cache?: Map<SheetSnapshot, DataTable | null>): DataTable | null {
  if (!name) return trajects[0] ?? null;
  const detected = trajects.find((t) => t.sheet.name.toLowerCase() === name.toLowerCase());
  if (detected) return detected;
  const sheet = findSheet(wb, name) ?? wb.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sheet) return null;
  // One table per sheet, so norms on the same sheet share it (and it is listed once).
  if (!cache) return genericTable(sheet);
  if (!cache.has(sheet)) cache.set(sheet, genericTable(sheet));
  return cache.get(sheet) ?? null;
}

/** Column index for a reference, or null. */
export function resolveColumn(table: DataTable, ref: ColumnRef): number | null {
  const want = normaliseHeader(ref);
  for (const [col, label] of Object.entries(table.labels)) if (normaliseHeader(label) === want) return Number(col);
  // The reference read as a header: "Terugkeer zelfde vraag binnen 1 jaar" finds the field whose column says "Terugkeer".
  for (const f of TRAJECT_FIELDS) {
    const col = table.fields[f];
    if (col !== undefined && matchesField(ref, TRAJECT_SCHEMA[f])) return col;
  }
  // A column letter: "kolom F" or a bare capital "F" (lower-case words are header texts).
  const letter = /^(?:kolom\s+\$?([A-Za-z]{1,3})|\$?([A-Z]{1,3}))$/i.exec(ref.trim());
  const letters = letter ? (letter[1] ?? (/^\$?[A-Z]{1,3}$/.test(ref.trim()) ? letter[2] : undefined)) : undefined;
  if (letters) {
    const col = columnIndex(letters);
    if (col < 16384) return col;
  }
  return null;
}

export function tableRange(t: DataTable): string {
  const cols = Object.keys(t.labels).map(Number);
  return rangeA1({ top: t.headerRow, left: Math.min(...cols), bottom: Math.max(t.lastRow, t.headerRow), right: Math.max(...cols) });
}

/** Header text of a column, for messages. */
export function columnLabel(t: DataTable, col: number): string {
  return t.labels[col] ?? cellText(cellValue(t.sheet, t.headerRow, col));
}
