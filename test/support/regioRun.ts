// Helpers for the regional overview's tests: run it over files in-process and
// look up what its plan wrote.

import type { RegioResult } from '../../src/core/regio';
import { consolidate } from '../../src/core/regio';
import type { CellSpec, Plan } from '../../src/core/plan/plan';
import { a1 } from '../../src/core/workbook/address';
import { readSources } from '../../src/files/regio';

export async function regioOf(files: string[]): Promise<RegioResult> {
  return consolidate(await readSources(files, { jobs: 0 }));
}

export interface SheetGrid {
  at(cell: string): CellSpec | undefined;
  value(cell: string): unknown;
  /** Rows as arrays of values, for finding a row by its label. */
  rows: unknown[][];
  /** 0-based row index of the first row whose cells include all the given texts. */
  rowWith(...texts: string[]): number;
}

export function grid(plan: Plan, sheet: string): SheetGrid {
  const spec = plan.sheets.find((s) => s.name === sheet);
  if (!spec) throw new Error(`No sheet ${sheet}`);
  const cells = new Map(spec.cells.map((c) => [a1(c.row, c.col), c]));
  const rows: unknown[][] = [];
  for (const c of spec.cells) (rows[c.row] ??= [])[c.col] = c.v;
  return {
    at: (cell) => cells.get(cell),
    value: (cell) => cells.get(cell)?.v,
    rows,
    rowWith: (...texts) => rows.findIndex((r) => r !== undefined && texts.every((t) => r.includes(t))),
  };
}

export function figure(result: RegioResult, key: string): number | null {
  const f = result.figures.find((x) => x.key === key);
  if (!f) throw new Error(`No figure ${key}`);
  return f.value;
}
