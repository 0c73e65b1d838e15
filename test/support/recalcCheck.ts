// Compares what LibreOffice computed for every generated formula cell with
// the engine's own value (the dual computation check).

import ExcelJS from 'exceljs';
import type { Figure } from '../../src/core/plan/figure';
import type { Plan, Scalar } from '../../src/core/plan/plan';
import { a1 } from '../../src/core/workbook/address';

export interface Mismatch {
  sheet: string;
  cell: string;
  formula: string;
  engine: Scalar | undefined;
  spreadsheet: unknown;
  why: string;
}

export function computedValue(cell: ExcelJS.Cell): unknown {
  // cell.value drops falsy results (0, "", false); cell.result does not.
  if (cell.type === 6 /* Formula */) return cell.result;
  return cell.value;
}

function isError(v: unknown): boolean {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function sameValue(engine: Scalar | undefined, sheet: unknown, tolerance = 1e-6): boolean {
  const blank = (x: unknown) => x === null || x === undefined || x === '';
  if (blank(engine) && blank(sheet)) return true;
  if (typeof engine === 'number') {
    const n = typeof sheet === 'number' ? sheet : sheet instanceof Date ? NaN : Number(sheet);
    return Number.isFinite(n) && Math.abs(n - engine) <= tolerance * Math.max(1, Math.abs(engine));
  }
  if (typeof engine === 'boolean') return sheet === engine || sheet === (engine ? 1 : 0);
  return String(engine) === String(sheet);
}

/** Every formula cell the plan wrote: no error in the spreadsheet engine, and the same value as the engine. */
export async function compareRecalculated(file: string, plan: Plan, figures: Figure[] = []): Promise<Mismatch[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Mismatch[] = [];
  for (const spec of plan.sheets) {
    const ws = wb.getWorksheet(spec.name);
    if (!ws) {
      out.push({ sheet: spec.name, cell: '', formula: '', engine: undefined, spreadsheet: undefined, why: 'sheet missing' });
      continue;
    }
    for (const c of spec.cells) {
      if (c.f === undefined) continue;
      const got = computedValue(ws.getCell(c.row + 1, c.col + 1));
      const cell = a1(c.row, c.col);
      if (isError(got)) out.push({ sheet: spec.name, cell, formula: c.f, engine: c.v, spreadsheet: got, why: 'error value' });
      else if (!sameValue(c.v, got)) out.push({ sheet: spec.name, cell, formula: c.f, engine: c.v, spreadsheet: got, why: 'differs' });
    }
  }
  for (const f of figures) {
    const ws = wb.getWorksheet(f.sheet);
    const got = ws ? computedValue(ws.getCell(f.cell)) : undefined;
    if (!sameValue(f.value, got)) out.push({ sheet: f.sheet, cell: f.cell, formula: f.key, engine: f.value, spreadsheet: got, why: 'figure differs' });
  }
  return out;
}

/** Cached values of a whole sheet after recalculation, for tests that look at one cell. */
export async function readRecalculated(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
