// Run the report on a workbook, write it, recalculate it in LibreOffice and
// compare: the dual-computation check every feature's recalc test uses.

import * as path from 'path';
import type ExcelJS from 'exceljs';
import type { ReportOptions, ReportResult } from '../../src/core/report';
import { buildReport } from '../../src/core/report';
import { applyPlan } from '../../src/hosts/exceljs/applyPlan';
import { readWorkbook } from '../../src/hosts/exceljs/readWorkbook';
import { recalculate } from './libreoffice';
import type { Mismatch } from './recalcCheck';
import { compareRecalculated, readRecalculated } from './recalcCheck';
import { tmpDir } from './workbooks';

export interface Recalculated {
  result: ReportResult;
  /** The report as Toetsblad wrote it. */
  written: string;
  /** The same file after LibreOffice recalculated and saved it. */
  recalculated: string;
  mismatches: Mismatch[];
  workbook: ExcelJS.Workbook;
}

/** Report each workbook, then recalculate all of them in one LibreOffice start. */
export async function reportAndRecalculate(workbooks: Record<string, ExcelJS.Workbook>, opts: ReportOptions = {}): Promise<Record<string, Recalculated>> {
  const dir = tmpDir('tb-recalc-');
  const staged: { name: string; result: ReportResult; file: string }[] = [];
  for (const [name, wb] of Object.entries(workbooks)) {
    const result = buildReport(readWorkbook(wb), opts);
    applyPlan(wb, result.plan);
    const file = path.join(dir, `${name}.xlsx`);
    await wb.xlsx.writeFile(file);
    staged.push({ name, result, file });
  }
  const outs = recalculate(staged.map((s) => s.file), path.join(dir, 'recalculated'));
  const done: Record<string, Recalculated> = {};
  for (let i = 0; i < staged.length; i++) {
    const { name, result, file } = staged[i];
    done[name] = {
      result,
      written: file,
      recalculated: outs[i],
      mismatches: await compareRecalculated(outs[i], result.plan, result.figures),
      workbook: await readRecalculated(outs[i]),
    };
  }
  return done;
}
