// Finds risk registers anywhere in the workbook and reads their rows.

import type { HeaderMatch } from '../../detect/headers';
import { matchHeaderRow } from '../../detect/headers';
import { applyColumnOverrides, isIgnored, overriddenKind } from '../../detect/mapping';
import type { Settings } from '../../settings/settings';
import { a1, rangeA1 } from '../../workbook/address';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import { cellText, cellValue, isBlank, rowValues } from '../../workbook/snapshot';
import type { RiskField } from './schema';
import { RISK_FIELDS, RISK_SCHEMA } from './schema';

export const RISK_KIND = 'risk-register';

export interface RiskRow {
  /** 0-based sheet row. */
  row: number;
  cells: Partial<Record<RiskField, CellValue>>;
}

export interface RiskRegister {
  sheet: string;
  /** 0-based header row. */
  headerRow: number;
  firstRow: number;
  lastRow: number;
  columns: Partial<Record<RiskField, number>>;
  labels: Record<number, string>;
  rows: RiskRow[];
  confidence: number;
  /** Scale stated in the text above the header ("schaal 1-3"), if any. */
  statedScale?: number;
  /** Title text above the header, e.g. the sheet's "Risico's 2e halfjaar 2021". */
  title: string;
}

function isDataRow(sheet: SheetSnapshot, row: number, cols: Partial<Record<RiskField, number>>): boolean {
  const v = (f: RiskField) => (cols[f] === undefined ? null : cellValue(sheet, row, cols[f]!));
  if (!isBlank(v('kans')) || !isBlank(v('schade'))) return true;
  const named = !isBlank(v('nr')) || !isBlank(v('risico'));
  return named && (!isBlank(v('effect')) || !isBlank(v('randvoorwaarde')) || (!isBlank(v('nr')) && !isBlank(v('risico'))));
}

/**
 * Text in the few rows above a header, over the register's own columns: the
 * title, and maybe "schaal 1-5". Blank rows right above the header are
 * skipped; scanning stops at `floor` (the end of a register above).
 */
function readTitle(sheet: SheetSnapshot, headerRow: number, left: number, right: number, floor: number): { title: string; statedScale?: number } {
  const lines: string[] = [];
  for (let r = headerRow - 1; r >= Math.max(floor, headerRow - 3); r--) {
    const texts = rowValues(sheet, r, left, right).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (texts.length === 0 && lines.length > 0) break;
    lines.unshift(...texts.map((t) => t.trim()));
  }
  const all = lines.join(' ');
  const m = /schaal\s*(?:van\s*)?1\s*(?:-|–|t\/m|tot(?:\s+en\s+met)?)\s*(\d)/i.exec(all) ?? /scale\s*(?:of\s*)?1\s*(?:-|–|to)\s*(\d)/i.exec(all);
  return { title: lines[0] ?? '', statedScale: m ? Number(m[1]) : undefined };
}

function buildRegister(sheet: SheetSnapshot, match: HeaderMatch<RiskField>, headerRows: Set<number>, floor: number): RiskRegister {
  const cols = match.columns;
  const span = Object.keys(match.labels).map(Number).concat(Object.values(cols) as number[]);
  const rows: RiskRow[] = [];
  let r = match.row + 1;
  // A register ends at the first row that is neither data nor the next register's header.
  while (r < sheet.rowCount && !headerRows.has(r) && isDataRow(sheet, r, cols)) {
    const cells: Partial<Record<RiskField, CellValue>> = {};
    for (const f of RISK_FIELDS) if (cols[f] !== undefined) cells[f] = cellValue(sheet, r, cols[f]!);
    rows.push({ row: r, cells });
    r++;
  }
  return {
    sheet: sheet.name,
    headerRow: match.row,
    firstRow: match.row + 1,
    lastRow: r - 1,
    columns: cols,
    labels: match.labels,
    rows,
    confidence: baseConfidence(cols),
    ...readTitle(sheet, match.row, Math.min(...span), Math.max(...span), floor),
  };
}

/** Share of the core fields found: the optional net-score columns do not lower confidence. */
const CORE_FIELDS: RiskField[] = ['nr', 'werksoort', 'risico', 'kans', 'schade', 'effect', 'randvoorwaarde', 'verantwoordelijk'];
function baseConfidence(cols: Partial<Record<RiskField, number>>): number {
  return CORE_FIELDS.filter((f) => cols[f] !== undefined).length / CORE_FIELDS.length;
}

/** Header rows the user declared as risk registers in the mapping table. */
function declaredHeaders(sheet: SheetSnapshot, settings: Settings): HeaderMatch<RiskField>[] {
  const rows = new Set(
    settings.mappings.filter((m) => m.sheet === sheet.name && m.kind === RISK_KIND).map((m) => m.headerRow - 1),
  );
  const out: HeaderMatch<RiskField>[] = [];
  for (const row of rows) {
    const auto = matchHeaderRow(sheet, row, { ...RISK_SCHEMA, kans: { ...RISK_SCHEMA.kans, required: false }, schade: { ...RISK_SCHEMA.schade, required: false } });
    out.push(auto ?? { row, columns: {}, labels: {}, confidence: 0, unmatched: [], duplicates: [] });
  }
  return out;
}

/** Runs of non-empty cells in a row, separated by at least one empty cell. */
function segments(cells: CellValue[]): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let c = 0; c <= cells.length; c++) {
    const filled = c < cells.length && !isBlank(cells[c] ?? null);
    if (filled && start < 0) start = c;
    if (!filled && start >= 0) {
      out.push([start, c - 1]);
      start = -1;
    }
  }
  return out;
}

/**
 * Registers side by side share a header row: Kans appears twice. Match each
 * block of adjacent headers on its own then.
 */
function splitSideBySide(sheet: SheetSnapshot, m: HeaderMatch<RiskField>): HeaderMatch<RiskField>[] {
  if (!m.duplicates.includes('kans') && !m.duplicates.includes('schade')) return [m];
  const cells = rowValues(sheet, m.row);
  const out: HeaderMatch<RiskField>[] = [];
  for (const [from, to] of segments(cells)) {
    // The same sheet seen with only this block of the header row.
    const block: SheetSnapshot = { ...sheet, value: (r, c) => (r === m.row && (c < from || c > to) ? null : sheet.value(r, c)) };
    const seg = matchHeaderRow(block, m.row, RISK_SCHEMA);
    if (seg) out.push(seg);
  }
  return out.length ? out : [m];
}

/** Whether an earlier register shares columns with these (stacked, not side by side). */
function overlaps(reg: RiskRegister, columns: Partial<Record<RiskField, number>>): boolean {
  const a = Object.values(reg.columns) as number[];
  const b = Object.values(columns) as number[];
  return Math.min(...a) <= Math.max(...b) && Math.min(...b) <= Math.max(...a);
}

const firstWords = (f: RiskField) => [...new Set(RISK_SCHEMA[f].synonyms.map((syn) => syn.split(' ')[0]))];
const KANS_WORDS = firstWords('kans');
const SCHADE_WORDS = firstWords('schade');

/**
 * Cheap pre-check before full header matching: some cell must mention a kans
 * word and some cell a schade word. Keeps detection fast on sheets with
 * 100,000 data rows, where full matching of every row costs seconds.
 */
function mayBeHeader(cells: CellValue[]): boolean {
  let kans = false;
  let schade = false;
  for (const v of cells) {
    if (typeof v !== 'string' || v.length > 80) continue;
    const t = v.toLowerCase();
    kans ||= KANS_WORDS.some((w) => t.includes(w));
    schade ||= SCHADE_WORDS.some((w) => t.includes(w));
    if (kans && schade) return true;
  }
  return false;
}

function findRiskHeaders(sheet: SheetSnapshot): HeaderMatch<RiskField>[] {
  const out: HeaderMatch<RiskField>[] = [];
  for (let row = 0; row < sheet.rowCount; row++) {
    if (!mayBeHeader(rowValues(sheet, row))) continue;
    const m = matchHeaderRow(sheet, row, RISK_SCHEMA);
    if (m) out.push(m);
  }
  return out;
}

const leftmost = (m: HeaderMatch<RiskField>) => Math.min(...(Object.values(m.columns) as number[]), Number.MAX_SAFE_INTEGER);

export function detectRiskRegisters(wb: WorkbookSnapshot, settings: Settings): RiskRegister[] {
  const out: RiskRegister[] = [];
  for (const sheet of wb.sheets) {
    const matches = new Map<string, HeaderMatch<RiskField>>();
    const headerRows = new Set<number>();
    for (const found of findRiskHeaders(sheet)) {
      headerRows.add(found.row);
      for (const m of splitSideBySide(sheet, found)) matches.set(`${m.row}:${leftmost(m)}`, m);
    }
    for (const m of declaredHeaders(sheet, settings)) if (!headerRows.has(m.row)) matches.set(`${m.row}:0`, m);
    for (const m of [...matches.values()].sort((a, b) => a.row - b.row || leftmost(a) - leftmost(b))) {
      const headerRow1 = m.row + 1;
      if (isIgnored(settings, sheet.name, headerRow1)) continue;
      const kind = overriddenKind(settings, sheet.name, headerRow1);
      if (kind && kind !== RISK_KIND) continue;
      const columns = applyColumnOverrides(m.columns, settings, sheet.name, headerRow1, RISK_KIND, RISK_FIELDS);
      if (columns.kans === undefined || columns.schade === undefined) continue;
      const floor = Math.max(0, ...out.filter((o) => o.sheet === sheet.name && overlaps(o, columns)).map((o) => o.lastRow + 1));
      const reg = buildRegister(sheet, { ...m, columns }, headerRows, floor);
      // A header whose table has no rows is a lone label, not a register.
      if (reg.rows.length > 0 || kind === RISK_KIND) out.push(reg);
    }
  }
  return out;
}

export function registerRange(reg: RiskRegister): string {
  const cols = Object.values(reg.columns) as number[];
  return rangeA1({ top: reg.headerRow, left: Math.min(...cols), bottom: Math.max(reg.lastRow, reg.headerRow), right: Math.max(...cols) });
}

export function fieldCell(reg: RiskRegister, row: number, field: RiskField): string {
  return a1(row, reg.columns[field] ?? 0);
}

/** Display id of a risk: its Nr, or "rij N" when there is none. */
export function riskId(reg: RiskRegister, r: RiskRow): string {
  const nr = cellText(r.cells.nr ?? null);
  return nr || `rij ${r.row + 1}`;
}
