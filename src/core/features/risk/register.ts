// Finds risk registers anywhere in the workbook and reads their rows.

import type { HeaderMatch } from '../../detect/headers';
import { findHeaderRows, matchHeaderRow } from '../../detect/headers';
import { applyColumnOverrides, isIgnored, overriddenKind } from '../../detect/mapping';
import type { Settings } from '../../settings/settings';
import { a1, rangeA1 } from '../../workbook/address';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import { cellText, isBlank } from '../../workbook/snapshot';
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
  const v = (f: RiskField) => (cols[f] === undefined ? null : (sheet.values[row]?.[cols[f]!] ?? null));
  if (!isBlank(v('kans')) || !isBlank(v('schade'))) return true;
  const named = !isBlank(v('nr')) || !isBlank(v('risico'));
  return named && (!isBlank(v('effect')) || !isBlank(v('randvoorwaarde')) || (!isBlank(v('nr')) && !isBlank(v('risico'))));
}

/** Text in the few rows above a header: the title, and maybe "schaal 1-5". */
function readTitle(sheet: SheetSnapshot, headerRow: number): { title: string; statedScale?: number } {
  const lines: string[] = [];
  for (let r = Math.max(0, headerRow - 3); r < headerRow; r++) {
    for (const v of sheet.values[r] ?? []) if (typeof v === 'string' && v.trim()) lines.push(v.trim());
  }
  const all = lines.join(' ');
  const m = /schaal\s*(?:van\s*)?1\s*(?:-|–|t\/m|tot(?:\s+en\s+met)?)\s*(\d)/i.exec(all) ?? /scale\s*(?:of\s*)?1\s*(?:-|–|to)\s*(\d)/i.exec(all);
  return { title: lines[0] ?? '', statedScale: m ? Number(m[1]) : undefined };
}

function buildRegister(sheet: SheetSnapshot, match: HeaderMatch<RiskField>): RiskRegister {
  const cols = match.columns;
  const rows: RiskRow[] = [];
  let r = match.row + 1;
  while (r < sheet.rowCount && isDataRow(sheet, r, cols)) {
    const cells: Partial<Record<RiskField, CellValue>> = {};
    for (const f of RISK_FIELDS) if (cols[f] !== undefined) cells[f] = sheet.values[r]?.[cols[f]!] ?? null;
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
    confidence: match.confidence,
    ...readTitle(sheet, match.row),
  };
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

export function detectRiskRegisters(wb: WorkbookSnapshot, settings: Settings): RiskRegister[] {
  const out: RiskRegister[] = [];
  for (const sheet of wb.sheets) {
    const matches = new Map<number, HeaderMatch<RiskField>>();
    for (const m of findHeaderRows(sheet, RISK_SCHEMA)) matches.set(m.row, m);
    for (const m of declaredHeaders(sheet, settings)) if (!matches.has(m.row)) matches.set(m.row, m);
    for (const m of [...matches.values()].sort((a, b) => a.row - b.row)) {
      const headerRow1 = m.row + 1;
      if (isIgnored(settings, sheet.name, headerRow1)) continue;
      const kind = overriddenKind(settings, sheet.name, headerRow1);
      if (kind && kind !== RISK_KIND) continue;
      const columns = applyColumnOverrides(m.columns, settings, sheet.name, headerRow1, RISK_KIND, RISK_FIELDS);
      if (columns.kans === undefined || columns.schade === undefined) continue;
      const reg = buildRegister(sheet, { ...m, columns });
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
