// What applyPlan adds after the cells of a generated sheet are written:
// print setup (where the host has ExcelApi 1.9), charts (on a sheet created
// in this run: clearing a sheet in place keeps its charts, which still point
// at the same cells), and bringing the overview to the front.

import type { Plan, SheetSpec } from '../../core/plan/plan';
import { addChart } from './charts';
import { applyPageLayout } from './pageLayout';
import type { ApiSupport } from './requirements';

export function presentSheet(ws: Excel.Worksheet, spec: SheetSpec, support: ApiSupport, created: boolean): void {
  if (spec.pageSetup && support.printLayout) applyPageLayout(ws, spec.pageSetup);
  if (created) (spec.charts ?? []).forEach((chart, i) => addChart(ws, chart, i));
}

/** The sheet the workbook should show after the run, if the plan names a visible one. */
export function activeSpecIndex(plan: Plan): number {
  return plan.sheets.findIndex((s) => s.name === plan.activeSheet && !s.hidden);
}
