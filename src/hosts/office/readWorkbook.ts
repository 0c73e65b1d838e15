// Excel (Office.js) -> core WorkbookSnapshot, in a fixed number of round trips:
// one to list the sheets, one for their used ranges, then one per read chunk.
// A chunk holds at most READ_CELL_BUDGET cells so each response stays far
// below Excel's 5 MB limit, whatever the size of the workbook. A sheet whose
// used range is huge but sparse (a stray value in XFD1048576) costs one more
// round trip to find its non-empty areas, which are then read instead.

import type { SheetRows } from '../../core/workbook/fromRows';
import { sheetFromRows } from '../../core/workbook/fromRows';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../../core/workbook/snapshot';

/** A sheet while its chunks arrive: row arrays filled in place, turned into a snapshot at the end. */
type SheetDraft = Required<SheetRows>;
import type { RangeRef } from '../../core/workbook/address';
import { hiddenRowsFrom, parseArea, splitAreas, stripSheet } from './addresses';
import { CancelledError, classifyError } from './errors';
import type { ApiSupport } from './requirements';
import { FULL_SUPPORT } from './requirements';

/** Cells per read request: values + formulas + number formats at ~40 bytes each stays under ~3 MB. */
export const READ_CELL_BUDGET = 25_000;
/** Above this many cells in a sheet's used range, read only its non-empty areas. */
export const SPARSE_SHEET_CELLS = 4_000_000;

const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

export interface ReadOptions {
  support?: ApiSupport;
  /** Cells per request; tests lower it to exercise chunking. */
  cellBudget?: number;
  /** Called after each round trip; the total is known after the second. */
  onProgress?: (done: number, total: number) => void;
  /** Checked before each round trip. Reading changes nothing, so stopping is always clean. */
  signal?: AbortSignal;
}

export interface ReadStats {
  syncs: number;
  chunks: number;
}

/** One rectangular block of one sheet, read in one request. */
export interface ReadChunk {
  sheet: number;
  startRow: number;
  startCol: number;
  rowCount: number;
  colCount: number;
}

/** Split rectangles into row blocks and pack the blocks into requests of at most `budget` cells. */
export function packRects(rects: { sheet: number; rect: RangeRef }[], budget = READ_CELL_BUDGET): ReadChunk[][] {
  const requests: ReadChunk[][] = [];
  let current: ReadChunk[] = [];
  let cells = 0;
  for (const { sheet, rect } of rects) {
    const cols = rect.right - rect.left + 1;
    const rows = rect.bottom - rect.top + 1;
    if (rows <= 0 || cols <= 0) continue;
    const rowsPerBlock = Math.max(1, Math.floor(budget / cols));
    for (let start = 0; start < rows; start += rowsPerBlock) {
      const n = Math.min(rowsPerBlock, rows - start);
      if (cells > 0 && cells + n * cols > budget) {
        requests.push(current);
        current = [];
        cells = 0;
      }
      current.push({ sheet, startRow: rect.top + start, startCol: rect.left, rowCount: n, colCount: cols });
      cells += n * cols;
    }
  }
  if (current.length) requests.push(current);
  return requests;
}

/** Read requests that fail for size are retried in halves, at most this many times in all. */
const MAX_READ_RETRIES = 64;

/** One request's chunks as two requests of about half the cells each (null when it is a single row). */
export function halve(request: ReadChunk[]): ReadChunk[][] | null {
  if (request.length > 1) {
    const mid = Math.ceil(request.length / 2);
    return [request.slice(0, mid), request.slice(mid)];
  }
  const [c] = request;
  if (!c || c.rowCount < 2) return null;
  const top = Math.ceil(c.rowCount / 2);
  return [[{ ...c, rowCount: top }], [{ ...c, startRow: c.startRow + top, rowCount: c.rowCount - top }]];
}

/** Requests for whole sheets read from A1 (the usual, dense case). */
export function planReadChunks(sizes: { rows: number; cols: number }[], budget = READ_CELL_BUDGET): ReadChunk[][] {
  return packRects(
    sizes.map(({ rows, cols }, sheet) => ({ sheet, rect: { top: 0, left: 0, bottom: rows - 1, right: cols - 1 } })),
    budget,
  );
}

/**
 * A cell's value as the core sees it. Whether it is an error comes from Excel's valueTypes, so a
 * text cell reading "#N/A" stays text; without a type (older callers) the error spelling decides.
 */
function toCellValue(v: unknown, type?: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' && (type === undefined ? ERROR_VALUE.test(v) : type === 'Error')) return { error: v };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

interface SheetProxies {
  ws: Excel.Worksheet;
  used: Excel.Range;
  tables: Excel.TableCollection;
  visible?: Excel.RangeAreas;
  merged?: Excel.RangeAreas;
}

export async function readWorkbook(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<{ snapshot: WorkbookSnapshot; stats: ReadStats }> {
  try {
    return await read(context, opts);
  } catch (e) {
    throw classifyError(e);
  }
}

async function read(context: Excel.RequestContext, opts: ReadOptions): Promise<{ snapshot: WorkbookSnapshot; stats: ReadStats }> {
  const check = () => {
    if (opts.signal?.aborted) throw new CancelledError();
  };
  const support = opts.support ?? FULL_SUPPORT;
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  check();
  await context.sync();
  // Round trip 2: per sheet its used range (values only, so formatting a whole column does not make it huge),
  // protection, tables, and where the API allows merged areas and visible cells.
  const proxies: SheetProxies[] = sheets.items.map((ws) => {
    const used = ws.getUsedRange(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    ws.protection.load('protected');
    const tables = ws.tables;
    tables.load('items/name');
    const p: SheetProxies = { ws, used, tables };
    if (support.hiddenRows) {
      p.visible = used.getSpecialCellsOrNullObject('Visible');
      p.visible.load('address');
    }
    if (support.merges) {
      p.merged = used.getMergedAreasOrNullObject();
      p.merged.load('address');
    }
    return p;
  });
  check();
  await context.sync();
  let syncs = 2;

  const snaps: SheetDraft[] = proxies.map(({ ws, used, visible, merged }) => {
    const s: SheetDraft = { name: ws.name, visible: true, values: [], formulas: [], numberFormats: [], merges: [], tables: [], hiddenRows: [], protected: false, rowCount: 0, colCount: 0 };
    s.visible = ws.visibility === 'Visible';
    s.protected = ws.protection.protected;
    // Snapshot rows and columns run from A1 to the used range's bottom-right corner.
    // An empty sheet reports A1 as its used range.
    s.rowCount = used.rowIndex + used.rowCount;
    s.colCount = used.columnIndex + used.columnCount;
    if (visible && !visible.isNullObject) s.hiddenRows = hiddenRowsFrom(splitAreas(visible.address), s.rowCount);
    else if (visible) s.hiddenRows = Array.from({ length: s.rowCount }, (_, i) => i);
    if (merged && !merged.isNullObject) s.merges = splitAreas(merged.address);
    return s;
  });

  const rects = await readRects(context, proxies, snaps, support, check);
  if (rects.extraSync) syncs++;
  const requests = packRects(rects.rects, opts.cellBudget);
  const total = syncs + Math.max(1, requests.length);
  opts.onProgress?.(syncs, total);
  const tableRanges: { sheet: number; name: string; range: Excel.Range }[] = [];
  const queueTables = () =>
    proxies.forEach((p, sheet) =>
      p.tables.items.forEach((t) => {
        const range = t.getRange();
        range.load('address');
        tableRanges.push({ sheet, name: t.name, range });
      }),
    );
  let retries = 0;
  for (let i = 0; i < requests.length; i++) {
    const loaded = requests[i].map((chunk) => {
      const range = proxies[chunk.sheet].ws.getRangeByIndexes(chunk.startRow, chunk.startCol, chunk.rowCount, chunk.colCount);
      range.load('values,formulas,numberFormat,valueTypes');
      return { chunk, range };
    });
    // Table ranges ride along with the first chunk instead of costing a round trip of their own.
    if (i === 0) queueTables();
    check();
    try {
      await context.sync();
    } catch (e) {
      // Long texts can make an answer larger than Excel sends (5 MB): read the same cells in halves.
      const halves = classifyError(e).code === 'payload-too-large' ? halve(requests[i]) : null;
      if (!halves || retries >= MAX_READ_RETRIES) throw e;
      retries++;
      if (i === 0) tableRanges.length = 0;
      requests.splice(i, 1, ...halves);
      i--;
      continue;
    }
    syncs++;
    opts.onProgress?.(syncs, total + retries);
    for (const { chunk, range } of loaded) fillChunk(snaps[chunk.sheet], chunk, range);
  }
  if (requests.length === 0 && proxies.some((p) => p.tables.items.length > 0)) {
    queueTables();
    await context.sync();
    syncs++;
  }
  for (const t of tableRanges) snaps[t.sheet].tables.push({ name: t.name, ref: stripSheet(t.range.address) } satisfies TableSnapshot);
  for (const s of snaps) finishSheet(s);
  return { snapshot: { sheets: snaps.map(sheetFromRows) }, stats: { syncs, chunks: requests.length } };
}

/**
 * What to read: the whole block from A1 for ordinary sheets; for a huge,
 * sparse used range only the areas holding constants or formulas (ExcelApi 1.9;
 * without it, the top rows up to the sparse limit).
 */
async function readRects(context: Excel.RequestContext, proxies: SheetProxies[], snaps: SheetDraft[], support: ApiSupport, check: () => void) {
  const rects: { sheet: number; rect: RangeRef }[] = [];
  const sparse: { sheet: number; areas: Excel.RangeAreas[] }[] = [];
  snaps.forEach((s, sheet) => {
    const dense = { top: 0, left: 0, bottom: s.rowCount - 1, right: s.colCount - 1 };
    if (s.rowCount * s.colCount <= SPARSE_SHEET_CELLS) rects.push({ sheet, rect: dense });
    else if (!support.hiddenRows) rects.push({ sheet, rect: { ...dense, bottom: Math.max(0, Math.floor(SPARSE_SHEET_CELLS / s.colCount) - 1) } });
    else {
      // A range from getUsedRange() only lives for the request that made it (Office.js invalidates its
      // object path after that sync), so this later request addresses the same block by indexes.
      const block = proxies[sheet].ws.getRangeByIndexes(0, 0, s.rowCount, s.colCount);
      const areas = (['Constants', 'Formulas'] as const).map((t) => block.getSpecialCellsOrNullObject(t).load('address'));
      sparse.push({ sheet, areas });
    }
  });
  if (sparse.length === 0) return { rects, extraSync: false };
  check();
  await context.sync();
  for (const { sheet, areas } of sparse) {
    for (const a of areas) if (!a.isNullObject) for (const area of splitAreas(a.address)) rects.push({ sheet, rect: parseArea(area) });
  }
  return { rects, extraSync: true };
}

function fillChunk(s: SheetDraft, chunk: ReadChunk, range: Excel.Range): void {
  const values = range.values as unknown[][];
  const formulas = range.formulas as unknown[][];
  const formats = range.numberFormat as unknown[][];
  const types = range.valueTypes as unknown[][];
  for (let i = 0; i < chunk.rowCount; i++) {
    const r = chunk.startRow + i;
    const vRow = values[i] ?? [];
    const row: CellValue[] = (s.values[r] ??= []);
    for (let j = 0; j < chunk.colCount; j++) {
      const c = chunk.startCol + j;
      const v = toCellValue(vRow[j], types[i]?.[j]);
      // Sparse areas leave gaps; only write what is there, and never lengthen a row with trailing blanks.
      if (v !== null || c < row.length) row[c] = v;
      const f = formulas[i]?.[j];
      // Text typed as '=AVERAGE(…) (quote prefix) shows its text under formulas too: a formula's value differs from its text.
      if (typeof f === 'string' && f.startsWith('=') && f.length > 1 && f !== vRow[j]) (s.formulas[r] ??= [])[c] = f.slice(1);
      const fmt = formats[i]?.[j];
      if (typeof fmt === 'string' && fmt !== 'General' && fmt !== '') (s.numberFormats[r] ??= [])[c] = fmt;
    }
  }
}

/** Fill gaps with null, give every row an array, and make a blank sheet 0 x 0 as the core expects. */
function finishSheet(s: SheetDraft): void {
  for (let r = 0; r < s.rowCount; r++) {
    const row = (s.values[r] ??= []);
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  if (s.rowCount === 1 && s.colCount === 1 && s.values[0]?.[0] == null && !s.formulas[0]) {
    s.rowCount = 0;
    s.colCount = 0;
    s.values = [];
    s.hiddenRows = [];
  }
}
