// .xlsx package -> WorkbookSnapshot without building a spreadsheet object
// model: the sheet XML is scanned once with indexOf. The result matches the
// ExcelJS host's readWorkbook cell for cell (test/unit/xlsx checks that), so
// the core cannot tell which reader ran.

import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/workbook/snapshot';
import { emptySheet } from '../../core/workbook/snapshot';
import type { XlsxPackage } from './package';
import { readRels, REL_TYPES } from './package';
import type { StyleTable } from './styles';
import { readStyleTable } from './styles';
import { entryText } from './zip';
import { attr, attrs, decode, stringItemText } from './xml';

// ExcelJS translates shared formulas with this; using the same keeps the snapshots identical.
const { slideFormula } = require('exceljs/lib/utils/shared-formula') as { slideFormula(f: string, from: string, to: string): string };

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function readSharedStrings(pkg: XlsxPackage): string[] {
  if (!pkg.sharedStringsPart || !pkg.zip.entries.has(pkg.sharedStringsPart)) return [];
  const xml = entryText(pkg.zip, pkg.sharedStringsPart);
  const out: string[] = [];
  let p = 0;
  for (;;) {
    const s = xml.indexOf('<si', p);
    if (s < 0) break;
    const gt = xml.indexOf('>', s);
    if (xml[gt - 1] === '/') {
      out.push('');
      p = gt + 1;
      continue;
    }
    const e = xml.indexOf('</si>', gt);
    out.push(stringItemText(xml.slice(gt + 1, e)));
    p = e + 5;
  }
  return out;
}

function colIndex(ref: string, end: number): number {
  let c = 0;
  for (let i = 0; i < end; i++) c = c * 26 + (ref.charCodeAt(i) - 64);
  return c - 1;
}

/** Split "AB12" into 0-based column and 1-based row. */
function splitRef(ref: string): [number, number] {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65) i++;
  return [colIndex(ref, i), Number(ref.slice(i))];
}

function colLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** An unescaped attribute (r, s, t, hidden) of a start tag; `needle` is e.g. ' r="'. */
function plainAttr(head: string, needle: string): string | undefined {
  const i = head.indexOf(needle);
  if (i < 0) return undefined;
  const from = i + needle.length;
  return head.slice(from, head.indexOf('"', from));
}

/** 0-based column of a cell reference such as "AB12". */
function refColumn(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65) break;
    c = c * 26 + (code - 64);
  }
  return c - 1;
}

interface MergeIndex {
  /** Cells inside a merge that are not its top-left: Excel reports them empty. */
  isSlave(row: number, col: number): boolean;
  refs: string[];
}

function readMerges(xml: string): MergeIndex {
  const refs: string[] = [];
  const boxes: [number, number, number, number][] = [];
  for (const m of xml.matchAll(/<mergeCell\b[^>]*>/g)) {
    const ref = attr(m[0], 'ref');
    if (!ref) continue;
    const [a, b = a] = ref.split(':');
    const [c1, r1] = splitRef(a);
    const [c2, r2] = splitRef(b);
    boxes.push([Math.min(r1, r2) - 1, Math.min(c1, c2), Math.max(r1, r2) - 1, Math.max(c1, c2)]);
    refs.push(a === b ? a : `${a}:${b}`);
  }
  return {
    refs,
    isSlave: (row, col) => boxes.some(([t, l, b, r]) => row >= t && row <= b && col >= l && col <= r && (row !== t || col !== l)),
  };
}

function readTables(pkg: XlsxPackage, part: string): { name: string; ref: string }[] {
  return readRels(pkg.zip, part)
    .filter((r) => r.type === REL_TYPES.table && !r.external && pkg.zip.entries.has(r.target))
    .map((r) => {
      const tag = /<table\b[^>]*>/.exec(entryText(pkg.zip, r.target))?.[0] ?? '';
      const a = attrs(tag);
      return { name: a.name ?? a.displayName ?? '', ref: a.ref ?? '' };
    });
}

/** A child element of one cell; `xml` is just that cell's content, so a missing child costs nothing. */
function inner(xml: string, tag: string): { attrs: string; text: string | null } | null {
  const open = xml.indexOf(`<${tag}`);
  if (open < 0) return null;
  const gt = xml.indexOf('>', open);
  const head = xml.slice(open, gt + 1);
  if (xml[gt - 1] === '/') return { attrs: head, text: null };
  const close = xml.indexOf(`</${tag}>`, gt);
  return { attrs: head, text: xml.slice(gt + 1, close) };
}

export function readSheetXml(name: string, xml: string, strings: string[], styles: StyleTable, date1904: boolean): SheetSnapshot {
  const sheet = emptySheet(name);
  const merges = readMerges(xml);
  const sharedMasters = new Map<string, { formula: string; address: string }>();
  const values = sheet.values;
  let rowCount = 0;
  let colCount = 0;
  let row = 0;
  let rowHidden = false;
  let col = -1;
  const start = xml.indexOf('<sheetData');
  const end = start < 0 ? -1 : xml.indexOf('</sheetData>', start);
  let p = start < 0 ? xml.length : xml.indexOf('>', start) + 1;
  const limit = end < 0 ? p : end;
  let vals: CellValue[] | null = null;
  const flushRow = () => {
    if (!vals) return;
    for (let i = 0; i < vals.length; i++) if (vals[i] === undefined) vals[i] = null;
    values[row - 1] = vals;
    if (rowHidden) sheet.hiddenRows.push(row - 1);
    rowCount = row;
    vals = null;
  };
  while (p < limit) {
    const lt = xml.indexOf('<', p);
    if (lt < 0 || lt >= limit) break;
    const gt = xml.indexOf('>', lt);
    const ch = xml.charCodeAt(lt + 1);
    if (ch === 114 /* r */ && xml.startsWith('<row', lt)) {
      flushRow();
      const head = xml.slice(lt, gt + 1);
      const r = plainAttr(head, ' r="');
      row = r ? Number(r) : row + 1;
      const h = plainAttr(head, ' hidden="');
      rowHidden = h === '1' || h === 'true';
      col = -1;
      p = gt + 1;
      continue;
    }
    if (ch !== 99 /* c */ || (xml.charCodeAt(lt + 2) !== 32 && xml.charCodeAt(lt + 2) !== 62 && xml.charCodeAt(lt + 2) !== 47)) {
      p = gt + 1;
      continue;
    }
    // A cell.
    const head = xml.slice(lt, gt + 1);
    const ref = plainAttr(head, ' r="');
    col = ref ? refColumn(ref) : col + 1;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const close = selfClosing ? gt : xml.indexOf('</c>', gt);
    p = selfClosing ? gt + 1 : close + 4;
    if (selfClosing) continue;
    const t = plainAttr(head, ' t="') ?? 'n';
    const s = Number(plainAttr(head, ' s="') ?? 0);
    const body = xml.slice(gt + 1, close);
    const f = inner(body, 'f');
    const v = inner(body, 'v');
    const raw = v?.text ?? null;
    let formula: string | null = null;
    if (f) {
      const address = ref ?? `${colLetters(col)}${row}`;
      const text = f.text === null ? null : decode(f.text);
      const shared = attr(f.attrs, 't') === 'shared';
      const si = attr(f.attrs, 'si');
      if (shared && si !== undefined && attr(f.attrs, 'ref') !== undefined && text !== null) sharedMasters.set(si, { formula: text, address });
      if (text) formula = text;
      else if (shared && si !== undefined) {
        const master = sharedMasters.get(si);
        formula = master ? slideFormula(master.formula, master.address, address) : null;
      }
      if (formula === null && !shared) formula = text;
    }
    let value: CellValue = null;
    if (f) {
      // Formula cells: an empty cached result reads as no value, as in ExcelJS.
      if (raw) {
        if (t === 'str') value = decode(raw);
        else if (t === 'b') value = parseInt(raw, 10) !== 0;
        else if (t === 'e') value = { error: decode(raw) };
        else value = parseFloat(raw);
      }
    } else if (t === 'inlineStr') {
      const is = inner(body, 'is');
      value = is?.text != null ? stringItemText(is.text) : null;
      if (is === null || is.text === null) value = null;
    } else if (raw !== null) {
      if (t === 's') value = strings[parseInt(raw, 10)] ?? null;
      else if (t === 'str') value = decode(raw);
      else if (t === 'b') value = parseInt(raw, 10) !== 0;
      else if (t === 'e') value = { error: decode(raw) };
      else value = parseFloat(raw);
    }
    if (value === null && f === null) continue;
    if (merges.refs.length && merges.isSlave(row - 1, col)) continue;
    const fmt = s > 0 ? styles.numFmt(s) : undefined;
    if (typeof value === 'number' && fmt && styles.isDate(s)) {
      // ExcelJS turns these into Dates (rounded to the millisecond) and readWorkbook back into serials.
      const ms = Math.round((value - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
      value = (ms - EXCEL_EPOCH_MS) / MS_PER_DAY;
    }
    if (f !== null && formula === null && value === null) continue;
    vals ??= [];
    vals[col] = value;
    if (formula !== null) (sheet.formulas[row - 1] ??= [])[col] = formula;
    if (fmt && fmt !== 'General') (sheet.numberFormats[row - 1] ??= [])[col] = fmt;
    if (col + 1 > colCount) colCount = col + 1;
  }
  flushRow();
  for (let r = 0; r < rowCount; r++) values[r] ??= [];
  sheet.rowCount = rowCount;
  sheet.colCount = colCount;
  sheet.merges = merges.refs;
  const protection = /<sheetProtection\b[^>]*>/.exec(xml.slice(limit))?.[0];
  const prot = protection ? attr(protection, 'sheet') : undefined;
  sheet.protected = prot === '1' || prot === 'true';
  return sheet;
}

export function readSnapshot(pkg: XlsxPackage): WorkbookSnapshot {
  const strings = readSharedStrings(pkg);
  const styles = readStyleTable(pkg);
  const sheets = pkg.sheets.map((s) => {
    if (!pkg.zip.entries.has(s.part) || !/\/worksheets?\//.test(`/${s.part}`)) {
      const empty = emptySheet(s.name);
      empty.visible = s.state === 'visible';
      return empty;
    }
    const snap = readSheetXml(s.name, entryText(pkg.zip, s.part), strings, styles, pkg.date1904);
    snap.visible = s.state === 'visible';
    snap.tables = readTables(pkg, s.part);
    return snap;
  });
  return { sheets };
}
