// Applies a core Plan to the open workbook through Office.js.
//
// Refresh in place: Toetsblad's existing sheets are cleared and rewritten,
// never deleted and re-added, so a user's formula, chart or name that points
// at `TB Normen` keeps working. Round trips: one to learn which sheets exist
// (and, when the caller says how the workbook looked when it was read, to
// check it has not changed since), then the writes, packed by their measured
// size on the wire into requests below REQUEST_BUDGET.
//
// Cancelling is honoured until the first write request goes out; after that
// the write runs to the end, so a cancel never leaves a half-written sheet.
// A write that Excel refuses halfway (a protected sheet, the user typing in a
// cell) leaves the sheets written so far: the error names them, and running
// again or "Verwijder Toetsblad-bladen" puts that right.
//
// Undo: before ExcelApi 1.19, any change an add-in makes through Office.js
// clears Excel's undo history, so Excel cannot undo a refresh (and never a
// sheet deletion). The pane says so next to the buttons.

import type { Plan, SheetSpec } from '../../core/plan/plan';
import { CancelledError, classifyError, HostError } from './errors';
import type { ApiSupport } from './requirements';
import { FULL_SUPPORT } from './requirements';
import type { WriteOp } from './sheetOps';
import { sheetOps } from './sheetOps';
import { ACTION_BYTES, PATH_BYTES } from './wireSize';
import { activeSpecIndex, presentationOps } from './presentation';

/** Bytes per write request: Excel on the web refuses 5 MB; our own ceiling is 4 MB, this leaves margin below it. */
export const REQUEST_BUDGET = 3_500_000;
/** Above this many formula cells in one request, Excel is asked not to recalculate until the request ends. */
const SUSPEND_CALC_FORMULAS = 1_000;

/** How a user sheet looked when the snapshot was read (rows and columns from A1). */
export interface SheetShape {
  name: string;
  rowCount: number;
  colCount: number;
}

export interface ApplyOptions {
  support?: ApiSupport;
  /** Generated sheets as the caller's fresh snapshot saw them; a same-named sheet not in this list is the user's. */
  ownedSheets?: string[];
  /** The user's sheets as the plan's snapshot saw them; if one changed before writing, nothing is written. */
  expectedShapes?: SheetShape[];
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Request size budget in bytes; tests lower it to force several requests. */
  requestBudget?: number;
}

export interface ApplyStats {
  syncs: number;
  /** Write requests (1 when the plan fits in one). */
  batches: number;
  /** Each write request's size as the adapter measured it, in bytes (an upper bound of the wire size). */
  batchBytes: number[];
  /** Sheets deleted (removal only): Excel cannot undo past these. */
  deletedSheets: number;
}

interface Batch {
  items: { sheet: number; op: WriteOp }[];
  size: number;
  formulas: number;
}

/** The fixed part of a write request: the worksheet paths and the request envelope. */
const REQUEST_BASE = 2_000;

function packBatches(specs: SheetSpec[], support: ApiSupport, budget: number, created: Set<number> = new Set(), active = -1): Batch[] {
  const batches: Batch[] = [];
  // The first request also resets every sheet: about a dozen paths and actions per sheet.
  let current: Batch = { items: [], size: REQUEST_BASE + specs.length * 12 * (PATH_BYTES + ACTION_BYTES), formulas: 0 };
  specs.forEach((spec, sheet) => {
    // Every write operation of a sheet, in order: cells and formats, then print setup, charts and activation.
    const ops: WriteOp[] = [...sheetOps(spec, support), ...presentationOps(spec, support, () => created.has(sheet), sheet === active)];
    for (const op of ops) {
      if (current.items.length > 0 && current.size + op.size > budget) {
        batches.push(current);
        current = { items: [], size: REQUEST_BASE + specs.length * (PATH_BYTES + ACTION_BYTES), formulas: 0 };
      }
      current.items.push({ sheet, op });
      current.size += op.size;
      current.formulas += op.formulas ?? 0;
    }
  });
  if (current.items.length > 0 || batches.length === 0) batches.push(current);
  return batches;
}

function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/**
 * Empties a sheet Toetsblad wrote before, keeping the sheet itself (and so every reference to it).
 * It is made visible first: Excel refuses to unfreeze panes on a hidden sheet (office-js#1463).
 */
function resetSheet(ws: Excel.Worksheet, support: ApiSupport): void {
  ws.visibility = 'Visible';
  const all = ws.getRange();
  all.conditionalFormats.clearAll();
  if (support.dataValidation) all.dataValidation.clear();
  all.clear('All');
  ws.freezePanes.unfreeze();
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export async function applyPlan(context: Excel.RequestContext, plan: Plan, opts: ApplyOptions = {}): Promise<ApplyStats> {
  const support = opts.support ?? FULL_SUPPORT;
  const budget = opts.requestBudget ?? REQUEST_BUDGET;
  // Sheets this run adds (known after the first request): only those get charts.
  const created = new Set<number>();
  const batches = packBatches(plan.sheets, support, budget, created, activeSpecIndex(plan));
  const total = batches.length + 1;
  const stats: ApplyStats = { syncs: 0, batches: batches.length, batchBytes: batches.map((b) => b.size), deletedSheets: 0 };
  let writing = false;
  try {
    checkCancelled(opts.signal);
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const shapes = (opts.expectedShapes ?? []).map((shape) => {
      const used = sheets.getItemOrNullObject(shape.name).getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      return { shape, used };
    });
    await context.sync();
    stats.syncs++;
    opts.onProgress?.(1, total);
    // Excel compares sheet names case-insensitively: "tb bevindingen" is the same sheet as "TB Bevindingen".
    const existing = new Map(sheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
    const changed = shapes.filter(({ shape, used }) => {
      const rows = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
      const cols = used.isNullObject ? 0 : used.columnIndex + used.columnCount;
      // An empty sheet reports A1 as its used range; the snapshot counts it as 0 x 0 or 1 x 1.
      return rows !== shape.rowCount && !(rows <= 1 && shape.rowCount <= 1) ? true : cols !== shape.colCount && !(cols <= 1 && shape.colCount <= 1);
    });
    if (changed.length) {
      const names = changed.map((c) => c.shape.name).join(', ');
      throw new HostError('workbook-changed', `The workbook changed while Toetsblad was working: ${names}`, names);
    }
    if (opts.ownedSheets) {
      const owned = new Set(opts.ownedSheets.map((n) => n.toLowerCase()));
      const foreign = [...plan.sheets.map((s) => s.name), ...plan.removeSheets].filter((n) => existing.has(n.toLowerCase()) && !owned.has(n.toLowerCase()));
      if (foreign.length) throw new HostError('sheet-not-ours', `Not generated by Toetsblad: ${foreign.join(', ')}`, foreign.join(', '));
    }
    checkCancelled(opts.signal);
    writing = true;
    const targets = plan.sheets.map((spec) => {
      const old = existing.get(spec.name.toLowerCase());
      if (old) {
        resetSheet(old, support);
        // Toetsblad's own spelling of the name, in case the user changed its case.
        if (old.name !== spec.name && sameName(old.name, spec.name)) old.name = spec.name;
        return old;
      }
      created.add(plan.sheets.indexOf(spec));
      return sheets.add(spec.name);
    });
    for (let b = 0; b < batches.length; b++) {
      if (batches[b].formulas > SUSPEND_CALC_FORMULAS) context.workbook.application.suspendApiCalculationUntilNextSync();
      for (const { sheet, op } of batches[b].items) op.run(targets[sheet]);
      if (b === batches.length - 1) {
        // Hidden last: panes can only be frozen on a visible sheet.
        plan.sheets.forEach((spec, i) => spec.hidden && (targets[i].visibility = 'Hidden'));
        stats.deletedSheets = removeSheets(plan.removeSheets, existing);
      }
      await context.sync();
      stats.syncs++;
      opts.onProgress?.(b + 2, total);
    }
    return stats;
  } catch (e) {
    const err = classifyError(e);
    // The first write request empties or creates every sheet of the plan; what is there now is incomplete.
    if (writing) err.leftBehind = plan.sheets.map((s) => s.name);
    throw err;
  }
}

function removeSheets(names: string[], existing: Map<string, Excel.Worksheet>): number {
  let n = 0;
  for (const name of names) {
    const ws = existing.get(name.toLowerCase());
    if (ws) {
      ws.delete();
      n++;
    }
  }
  return n;
}

/** "Verwijder Toetsblad-bladen": deletes the given generated sheets in one request. Excel cannot undo this. */
export async function removeGenerated(context: Excel.RequestContext, names: string[]): Promise<{ syncs: number; removed: number }> {
  try {
    let removed = 0;
    for (const n of names) {
      context.workbook.worksheets.getItem(n).delete();
      removed++;
    }
    await context.sync();
    return { syncs: 1, removed };
  } catch (e) {
    throw classifyError(e);
  }
}

/** Select a cell (a finding's location) and bring its sheet to the front. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  try {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell || 'A1').select();
    await context.sync();
  } catch (e) {
    throw classifyError(e);
  }
}
