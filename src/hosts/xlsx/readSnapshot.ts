// .xlsx package -> WorkbookSnapshot without building a spreadsheet object
// model: the sheet XML is scanned once with indexOf. The result matches the
// ExcelJS host's readWorkbook cell for cell where ExcelJS reads a file
// correctly (test/unit/xlsx checks that), so the core cannot tell which
// reader ran; where ExcelJS misreads (1904 durations, CDATA, _xHHHH_ escapes,
// empty <v></v>), this reader follows the standard.

import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/workbook/snapshot';
import { sheetFromRows } from '../../core/workbook/fromRows';
import { emptySheet } from '../../core/workbook/snapshot';
import type { XlsxPackage } from './package';
import { partText, readRels } from './package';
import { slideFormula } from './sharedFormula';
import { ZipFormatError } from './zip';
import type { StyleTable } from './styles';
import { readStyleTable } from './styles';
import { attrs, element, elements, rootPrefix, stringItemText, textContent, unescapeXstring } from './xml';

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Days between the 1900 and 1904 date systems' day 0. */
const DAYS_1904 = 1462;

export function readSharedStrings(pkg: XlsxPackage): string[] {
  if (!pkg.sharedStringsPart) return [];
  const xml = partText(pkg.zip, pkg.sharedStringsPart).text;
  const P = rootPrefix(xml);
  const open = `<${P}si`;
  const close = `</${P}si>`;
  const out: string[] = [];
  let p = 0;
  for (;;) {
    const s = xml.indexOf(open, p);
    if (s < 0) break;
    const next = xml.charCodeAt(s + open.length);
    if (next !== 62 /* > */ && next !== 47 /* / */ && next !== 32 && next !== 9 && next !== 10 && next !== 13) {
      p = s + open.length;
      continue;
    }
    const gt = xml.indexOf('>', s);
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push('');
      p = gt + 1;
      continue;
    }
    const e = xml.indexOf(close, gt);
    if (e < 0) break;
    out.push(stringItemText(xml.slice(gt + 1, e)));
    p = e + close.length;
  }
  return out;
}

function colNumber(ref: string, end: number): number {
  let c = 0;
  for (let i = 0; i < end; i++) c = c * 26 + (ref.charCodeAt(i) - 64);
  return c;
}

/** Split "AB12" (or "$AB$12") into 0-based column and 1-based row. */
function splitRef(ref: string): [number, number] {
  const r = ref.replace(/\$/g, '').toUpperCase();
  let i = 0;
  while (i < r.length && r.charCodeAt(i) >= 65) i++;
  return [colNumber(r, i) - 1, Number(r.slice(i))];
}

function colLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** An attribute of a start tag without entities (r, s, t, hidden), in either quote style. */
function plainAttr(head: string, name: string): string | undefined {
  let i = head.indexOf(`${name}=`);
  while (i > 0 && !isSpace(head.charCodeAt(i - 1))) i = head.indexOf(`${name}=`, i + 1);
  if (i < 0) return undefined;
  const from = i + name.length + 2;
  return head.slice(from, head.indexOf(head[from - 1], from));
}

/** 0-based column of a cell reference such as "AB12". */
function refColumn(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    let code = ref.charCodeAt(i);
    if (code >= 97) code -= 32;
    if (code < 65 || code > 90) break;
    c = c * 26 + (code - 64);
  }
  return c - 1;
}

interface MergeIndex {
  /** Cells inside a merge that are not its top-left: Excel reports them empty. */
  isSlave(row: number, col: number): boolean;
  refs: string[];
}

function readMerges(tail: string): MergeIndex {
  const refs: string[] = [];
  const boxes: [number, number, number, number][] = [];
  for (const m of elements(tail, 'mergeCell')) {
    const ref = attrs(m.tag).ref;
    if (!ref) continue;
    const [a, b = a] = ref.split(':');
    const [c1, r1] = splitRef(a);
    const [c2, r2] = splitRef(b);
    if (!(c1 >= 0 && c2 >= 0 && r1 > 0 && r2 > 0)) continue;
    boxes.push([Math.min(r1, r2) - 1, Math.min(c1, c2), Math.max(r1, r2) - 1, Math.max(c1, c2)]);
    refs.push(a === b ? a : `${a}:${b}`);
  }
  // Many merges: index them by row, so a cell costs the merges of its own row, not all of them.
  const byRow = new Map<number, [number, number, number, number][]>();
  const tall: [number, number, number, number][] = [];
  if (boxes.length > 16) {
    for (const box of boxes) {
      if (box[2] - box[0] > 1000) tall.push(box);
      else for (let r = box[0]; r <= box[2]; r++) (byRow.get(r) ?? byRow.set(r, []).get(r)!).push(box);
    }
  }
  const inBox = (row: number, col: number, [t, l, b, r]: [number, number, number, number]) => row >= t && row <= b && col >= l && col <= r && (row !== t || col !== l);
  return {
    refs,
    isSlave:
      boxes.length > 16
        ? (row, col) => (byRow.get(row) ?? []).some((box) => inBox(row, col, box)) || tall.some((box) => inBox(row, col, box))
        : (row, col) => boxes.some((box) => inBox(row, col, box)),
  };
}

function readTables(pkg: XlsxPackage, part: string): { name: string; ref: string }[] {
  return readRels(pkg.zip, part)
    .filter((r) => r.kind === 'table' && !r.external && pkg.zip.has(r.target))
    .map((r) => {
      const xml = partText(pkg.zip, r.target).text;
      const a = attrs(element(xml, 'table')?.tag ?? '');
      return { name: a.name ?? a.displayName ?? '', ref: a.ref ?? '' };
    });
}

/** A child element of one cell; `xml` is just that cell's content, so a missing child costs nothing. */
function inner(xml: string, tag: string): { head: string; text: string | null } | null {
  let open = xml.indexOf(`<${tag}`);
  while (open >= 0) {
    const next = xml.charCodeAt(open + tag.length + 1);
    if (next === 62 || next === 47 || isSpace(next)) break;
    open = xml.indexOf(`<${tag}`, open + 1);
  }
  if (open < 0) return null;
  const gt = xml.indexOf('>', open);
  const head = xml.slice(open, gt + 1);
  if (xml.charCodeAt(gt - 1) === 47) return { head, text: null };
  const close = xml.indexOf(`</${tag}>`, gt);
  return { head, text: xml.slice(gt + 1, close < 0 ? xml.length : close) };
}

/** An ISO 8601 date (cells of type "d", Strict's way of writing dates) as a 1900-system serial. */
function isoToSerial(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) + Math.round(Number(m[6] ?? 0) * 1000);
  const serial = (ms - EXCEL_EPOCH_MS) / MS_PER_DAY;
  // Excel's 1900 system counts a 29 February 1900 that never was: serials before March 1900 are one lower.
  return serial < 61 ? serial - 1 : serial;
}

/** The cached value of a cell by its type; null when there is none. Text that is not what its type says stays text. */
function cellValueOf(t: string, raw: string | null, strings: string[]): CellValue {
  if (raw === null) return null;
  const text = raw.indexOf('<') >= 0 || raw.indexOf('&') >= 0 ? textContent(raw) : raw;
  switch (t) {
    case 's': {
      if (text.trim() === '') return null;
      return strings[parseInt(text, 10)] ?? null;
    }
    case 'str':
    case 'inlineStr':
      return unescapeXstring(text);
    case 'b': {
      const b = text.trim().toLowerCase();
      if (b === '') return null;
      return b === 'true' ? true : b === 'false' ? false : Number(b) !== 0;
    }
    case 'e':
      return text.trim() === '' ? null : { error: text.trim() };
    case 'd': {
      if (text.trim() === '') return null;
      return isoToSerial(text) ?? text;
    }
    default: {
      if (text.trim() === '') return null;
      const n = Number(text);
      return Number.isNaN(n) ? text : n;
    }
  }
}

export function readSheetXml(name: string, xml: string, strings: string[], styles: StyleTable, date1904: boolean): SheetSnapshot {
  const hiddenRows: number[] = [];
  const P = rootPrefix(xml);
  const sharedMasters = new Map<string, { formula: string; address: string }>();
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  let rowCount = 0;
  let colCount = 0;
  let row = 0;
  let rowHidden = false;
  let col = -1;
  const rowOpen = `<${P}row`;
  const cellOpen = `<${P}c`;
  const cellClose = `</${P}c>`;
  const start = xml.indexOf(`<${P}sheetData`);
  const selfClosed = start >= 0 && xml.charCodeAt(xml.indexOf('>', start) - 1) === 47;
  const end = start < 0 || selfClosed ? -1 : xml.indexOf(`</${P}sheetData>`, start);
  if (start >= 0 && !selfClosed && end < 0) throw new ZipFormatError(`blad ${name} is onvolledig`);
  let p = start < 0 ? xml.length : xml.indexOf('>', start) + 1;
  const limit = end < 0 ? p : end;
  const merges = readMerges(xml.slice(limit));
  const [fTag, vTag, isTag] = [`${P}f`, `${P}v`, `${P}is`];
  let vals: CellValue[] | null = null;
  const flushRow = () => {
    if (!vals) return;
    for (let i = 0; i < vals.length; i++) if (vals[i] === undefined) vals[i] = null;
    values[row - 1] = vals;
    if (rowHidden) hiddenRows.push(row - 1);
    rowCount = row;
    vals = null;
  };
  while (p < limit) {
    const lt = xml.indexOf('<', p);
    if (lt < 0 || lt >= limit) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) break;
    if (xml.startsWith(rowOpen, lt) && (isSpace(xml.charCodeAt(lt + rowOpen.length)) || xml.charCodeAt(lt + rowOpen.length) === 62 || xml.charCodeAt(lt + rowOpen.length) === 47)) {
      flushRow();
      const head = xml.slice(lt, gt + 1);
      const r = plainAttr(head, 'r');
      row = r ? Number(r) : row + 1;
      const h = plainAttr(head, 'hidden');
      rowHidden = h === '1' || h === 'true';
      col = -1;
      p = gt + 1;
      continue;
    }
    const after = xml.charCodeAt(lt + cellOpen.length);
    if (!xml.startsWith(cellOpen, lt) || !(isSpace(after) || after === 62 || after === 47)) {
      p = gt + 1;
      continue;
    }
    // A cell.
    const head = xml.slice(lt, gt + 1);
    const ref = plainAttr(head, 'r');
    col = ref ? refColumn(ref) : col + 1;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const close = selfClosing ? gt : xml.indexOf(cellClose, gt);
    if (close < 0) break;
    p = selfClosing ? gt + 1 : close + cellClose.length;
    if (selfClosing || row < 1 || col < 0) continue;
    const t = plainAttr(head, 't') ?? 'n';
    const s = Number(plainAttr(head, 's') ?? 0);
    const body = xml.slice(gt + 1, close);
    const f = inner(body, fTag);
    const v = inner(body, vTag);
    let formula: string | null = null;
    if (f) {
      const address = ref ?? `${colLetters(col)}${row}`;
      const text = f.text === null ? null : textContent(f.text);
      const fa = attrs(f.head);
      const shared = fa.t === 'shared';
      if (shared && fa.si !== undefined && fa.ref !== undefined && text) sharedMasters.set(fa.si, { formula: text, address });
      if (text) formula = text;
      else if (shared && fa.si !== undefined) {
        const master = sharedMasters.get(fa.si);
        formula = master ? slideFormula(master.formula, master.address, address) : null;
      }
    }
    let value: CellValue;
    if (t === 'inlineStr' && !f) {
      const is = inner(body, isTag);
      // An inline string belongs in <is>; a writer that put it in <v> still meant that text.
      value = is ? (is.text === null ? null : stringItemText(is.text)) : cellValueOf('str', v?.text ?? null, strings);
    } else {
      value = cellValueOf(t, v?.text ?? null, strings);
    }
    if (value === null && formula === null) continue;
    if (merges.refs.length && merges.isSlave(row - 1, col)) continue;
    const fmt = s > 0 ? styles.numFmt(s) : undefined;
    if (typeof value === 'number' && fmt && styles.isDate(s)) {
      // A 1904-based workbook's dates move to the 1900 system; its durations and times of day do not.
      const shift = date1904 && styles.isCalendarDate(s) ? DAYS_1904 : 0;
      // ExcelJS turns these into Dates (rounded to the millisecond) and readWorkbook back into serials.
      const ms = Math.round((value - 25569 + shift) * 24 * 3600 * 1000);
      value = (ms - EXCEL_EPOCH_MS) / MS_PER_DAY;
    }
    vals ??= [];
    vals[col] = value;
    if (formula !== null) (formulas[row - 1] ??= [])[col] = formula;
    if (fmt && fmt !== 'General') (numberFormats[row - 1] ??= [])[col] = fmt;
    if (col + 1 > colCount) colCount = col + 1;
  }
  flushRow();
  for (let r = 0; r < rowCount; r++) values[r] ??= [];
  const protection = element(xml.slice(limit), 'sheetProtection');
  const prot = protection ? attrs(protection.tag).sheet : undefined;
  return sheetFromRows({ name, values, formulas, numberFormats, hiddenRows, merges: merges.refs, rowCount, colCount, protected: prot === '1' || prot === 'true' });
}

export function readSnapshot(pkg: XlsxPackage): WorkbookSnapshot {
  const strings = readSharedStrings(pkg);
  const styles = readStyleTable(pkg);
  const sheets = pkg.sheets.map((s) => {
    // Chart sheets, dialogs, macro sheets and sheets without a part have no cells: the snapshot shows them empty.
    if (!s.part || s.kind !== 'worksheet') {
      const empty = emptySheet(s.name);
      empty.visible = s.state === 'visible';
      return empty;
    }
    const snap = readSheetXml(s.name, partText(pkg.zip, s.part).text, strings, styles, pkg.date1904);
    snap.visible = s.state === 'visible';
    snap.tables = readTables(pkg, s.part);
    return snap;
  });
  return { sheets };
}

