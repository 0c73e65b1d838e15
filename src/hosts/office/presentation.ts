// What applyPlan adds after the cells of a generated sheet are written:
// print setup (where the host has ExcelApi 1.9), charts (on a sheet created
// in this run: clearing a sheet in place keeps its charts, which still point
// at the same cells), and bringing the overview to the front. Each is a
// WriteOp measured on the recorder like every other write, so requests stay
// within their budget.

import type { Plan, SheetSpec } from '../../core/plan/plan';
import { addChart } from './charts';
import { applyPageLayout } from './pageLayout';
import type { ApiSupport } from './requirements';
import type { WriteOp } from './sheetOps';
import { measureWire } from './wireSize';

function op(run: (ws: Excel.Worksheet) => void): WriteOp {
  return { size: measureWire(run as (ws: never) => void).bytes, run };
}

/**
 * Presentation operations of one sheet. `created` tells, when the op runs, whether the
 * sheet was added in this run (charts are only added then); the size counts the charts either way.
 */
export function presentationOps(spec: SheetSpec, support: ApiSupport, created: () => boolean, active: boolean): WriteOp[] {
  const ops: WriteOp[] = [];
  const setup = spec.pageSetup;
  if (setup && support.printLayout) ops.push(op((ws) => applyPageLayout(ws, setup)));
  (spec.charts ?? []).forEach((chart, i) => {
    const add = op((ws) => addChart(ws, chart, i));
    ops.push({ size: add.size, run: (ws) => created() && add.run(ws) });
  });
  if (active) ops.push(op((ws) => ws.activate()));
  return ops;
}

/** The sheet the workbook should show after the run, if the plan names a visible one. */
export function activeSpecIndex(plan: Plan): number {
  return plan.sheets.findIndex((s) => s.name === plan.activeSheet && !s.hidden);
}
