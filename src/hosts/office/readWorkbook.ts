// Excel (Office.js) -> core WorkbookSnapshot, in a fixed number of round trips:
// one to learn the sheets and their used ranges, then one per read chunk. A
// chunk holds at most READ_CELL_BUDGET cells so each response stays far below
// Excel's 5 MB response limit, whatever the size of the workbook.

import type { CellValue, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from '../../core/workbook/snapshot';
import { emptySheet } from '../../core/workbook/snapshot';
import { hiddenRowsFrom, splitAreas, stripSheet } from './addresses';
import type { ApiSupport } from './requirements';
import { FULL_SUPPORT } from './requirements';

/** Cells per read request: values + formulas + number formats at ~40 bytes each stays under ~3 MB. */
export const READ_CELL_BUDGET = 25_000;

const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

export interface ReadOptions {
  support?: ApiSupport;
  /** Cells per request; tests lower it to exercise chunking. */
  cellBudget?: number;
}

export interface ReadStats {
  syncs: number;
  chunks: number;
}

/** One rectangular block of one sheet, read in one request. */
export interface ReadChunk {
  sheet: number;
  startRow: number;
  rowCount: number;
  colCount: number;
}

/** Split sheets of the given sizes into row blocks, then pack blocks into requests of at most `budget` cells. */
export function planReadChunks(sizes: { rows: number; cols: number }[], budget = READ_CELL_BUDGET): ReadChunk[][] {
  const requests: ReadChunk[][] = [];
  let current: ReadChunk[] = [];
  let cells = 0;
  sizes.forEach(({ rows, cols }, sheet) => {
    if (rows === 0 || cols === 0) return;
    const rowsPerBlock = Math.max(1, Math.floor(budget / cols));
    for (let start = 0; start < rows; start += rowsPerBlock) {
      const n = Math.min(rowsPerBlock, rows - start);
      if (cells > 0 && cells + n * cols > budget) {
        requests.push(current);
        current = [];
        cells = 0;
      }
      current.push({ sheet, startRow: start, rowCount: n, colCount: cols });
      cells += n * cols;
    }
  });
  if (current.length) requests.push(current);
  return requests;
}

function toCellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' && ERROR_VALUE.test(v)) return { error: v };
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
  const support = opts.support ?? FULL_SUPPORT;
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
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
  await context.sync();
  let syncs = 2;

  const snaps: SheetSnapshot[] = proxies.map(({ ws, used, visible, merged }) => {
    const s = emptySheet(ws.name);
    s.visible = ws.visibility === 'Visible';
    s.protected = ws.protection.protected;
    // Snapshot rows and columns run from A1 to the used range's bottom-right corner.
    const rows = used.rowIndex + used.rowCount;
    const cols = used.columnIndex + used.columnCount;
    // An empty sheet reports A1 as its used range.
    s.rowCount = rows;
    s.colCount = cols;
    if (visible && !visible.isNullObject) s.hiddenRows = hiddenRowsFrom(splitAreas(visible.address), rows);
    else if (visible) s.hiddenRows = Array.from({ length: rows }, (_, i) => i);
    if (merged && !merged.isNullObject) s.merges = splitAreas(merged.address);
    return s;
  });

  const requests = planReadChunks(snaps.map((s) => ({ rows: s.rowCount, cols: s.colCount })), opts.cellBudget);
  const tableRanges: { sheet: number; name: string; range: Excel.Range }[] = [];
  for (let i = 0; i < requests.length; i++) {
    const loaded = requests[i].map((chunk) => {
      const range = proxies[chunk.sheet].ws.getRangeByIndexes(chunk.startRow, 0, chunk.rowCount, chunk.colCount);
      range.load('values,formulas,numberFormat');
      return { chunk, range };
    });
    if (i === 0) {
      // Table ranges ride along with the first chunk instead of costing a round trip of their own.
      proxies.forEach((p, sheet) =>
        p.tables.items.forEach((t) => {
          const range = t.getRange();
          range.load('address');
          tableRanges.push({ sheet, name: t.name, range });
        }),
      );
    }
    await context.sync();
    syncs++;
    for (const { chunk, range } of loaded) fillChunk(snaps[chunk.sheet], chunk, range);
  }
  if (requests.length === 0 && proxies.some((p) => p.tables.items.length > 0)) {
    proxies.forEach((p, sheet) => p.tables.items.forEach((t) => tableRanges.push({ sheet, name: t.name, range: t.getRange().load('address') })));
    await context.sync();
    syncs++;
  }
  for (const t of tableRanges) snaps[t.sheet].tables.push({ name: t.name, ref: stripSheet(t.range.address) } satisfies TableSnapshot);
  for (const s of snaps) trimEmptySheet(s);
  return { snapshot: { sheets: snaps }, stats: { syncs, chunks: requests.length } };
}

function fillChunk(s: SheetSnapshot, chunk: ReadChunk, range: Excel.Range): void {
  const values = range.values as unknown[][];
  const formulas = range.formulas as unknown[][];
  const formats = range.numberFormat as unknown[][];
  for (let i = 0; i < chunk.rowCount; i++) {
    const r = chunk.startRow + i;
    const vRow = values[i] ?? [];
    const row: CellValue[] = new Array(chunk.colCount);
    let fRow: (string | null)[] | undefined;
    let nRow: string[] | undefined;
    for (let c = 0; c < chunk.colCount; c++) {
      row[c] = toCellValue(vRow[c]);
      const f = formulas[i]?.[c];
      if (typeof f === 'string' && f.startsWith('=') && f.length > 1) {
        fRow ??= [];
        fRow[c] = f.slice(1);
      }
      const fmt = formats[i]?.[c];
      if (typeof fmt === 'string' && fmt !== 'General' && fmt !== '') {
        nRow ??= [];
        nRow[c] = fmt;
      }
    }
    s.values[r] = row;
    if (fRow) s.formulas[r] = fRow;
    if (nRow) s.numberFormats[r] = nRow;
  }
}

/** Excel reports A1 as the used range of a blank sheet; the core expects 0 x 0 there. */
function trimEmptySheet(s: SheetSnapshot): void {
  if (s.rowCount === 1 && s.colCount === 1 && s.values[0]?.[0] === null && !s.formulas[0]) {
    s.rowCount = 0;
    s.colCount = 0;
    s.values = [];
    s.hiddenRows = [];
  }
}
