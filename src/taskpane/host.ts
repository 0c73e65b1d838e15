// The only door from the pane to Excel. Components call a WorkbookHost; the
// Office implementation runs the adapter inside Excel.run. Tests and the
// browser test give it a fake Excel.run, so they drive the same code.

import type { Plan } from '../core/plan/plan';
import type { WorkbookSnapshot } from '../core/workbook/snapshot';
import { applyPlan, readWorkbook, removeGenerated, selectCell } from '../hosts/office';
import type { ApiSupport, ApplyStats, SheetShape } from '../hosts/office';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ApplyRequest {
  ownedSheets: string[];
  /** The user's sheets as the plan's snapshot saw them: a change in between stops the write. */
  expectedShapes?: SheetShape[];
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface ReadRequest {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface WorkbookHost {
  readonly support: ApiSupport;
  read(req?: ReadRequest): Promise<WorkbookSnapshot>;
  apply(plan: Plan, req: ApplyRequest): Promise<ApplyStats>;
  remove(sheets: string[]): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
}

export function excelHost(run: ExcelRun, support: ApiSupport): WorkbookHost {
  return {
    support,
    read: (req) => run(async (ctx) => (await readWorkbook(ctx, { support, ...req })).snapshot),
    apply: (plan, req) => run((ctx) => applyPlan(ctx, plan, { support, ...req })),
    remove: (sheets) => run(async (ctx) => void (await removeGenerated(ctx, sheets))),
    select: (sheet, cell) => run((ctx) => selectCell(ctx, sheet, cell)),
  };
}
