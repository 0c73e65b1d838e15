// The command line's "report a file" job: read an .xlsx, run the core, write
// the report atomically. It picks the host: the xlsx splice path first, the
// ExcelJS path where that cannot read the package. Tests call this directly;
// the CLI wraps it.

import * as fs from 'fs';
import type { ReportOptions, ReportResult } from '../core/report';
import type { WorkbookSnapshot } from '../core/workbook/snapshot';
import { buildReport } from '../core/report';
import { applyPlan } from '../hosts/exceljs/applyPlan';
import { loadWorkbook } from '../hosts/exceljs/loadWorkbook';
import { readWorkbook } from '../hosts/exceljs/readWorkbook';
import { openXlsx, writeXlsxReport } from '../hosts/xlsx';
import { samePath, writeAtomically } from './fileSystem';
import { ReportError } from './reportError';
import type { Summary } from './summary';
import { summarise } from './summary';

export interface FileReport {
  result: ReportResult;
  summary: Summary;
}

/**
 * The fast path (src/hosts/xlsx): read the package directly and splice the
 * generated sheets into it, copying the user's parts byte for byte. Null when
 * the file is anything it does not handle; the ExcelJS path then does the job
 * and gives the Dutch error for unreadable files. TOETSBLAD_WRITER=exceljs forces that path.
 */
function fastReport(input: string, opts: ReportOptions): { result: ReportResult; bytes: Buffer } | null {
  if (process.env.TOETSBLAD_WRITER === 'exceljs') return null;
  try {
    const opened = openXlsx(fs.readFileSync(input));
    if (opened.snapshot.sheets.length === 0) return null;
    const result = buildReport(opened.snapshot, opts);
    return { result, bytes: writeXlsxReport(opened, result.plan) };
  } catch {
    return null;
  }
}

/**
 * Read a workbook file into a snapshot the way `report` does: the fast reader
 * first, ExcelJS where that cannot read the package (which also gives the
 * Dutch error for files that are no workbook at all).
 */
export async function readWorkbookFile(input: string): Promise<WorkbookSnapshot> {
  if (process.env.TOETSBLAD_WRITER !== 'exceljs') {
    try {
      const opened = openXlsx(fs.readFileSync(input));
      if (opened.snapshot.sheets.length > 0) return opened.snapshot;
    } catch {
      /* the ExcelJS path below decides */
    }
  }
  return readWorkbook(await loadWorkbook(input));
}

export async function reportFile(input: string, output: string, jsonOut?: string, opts: ReportOptions = {}): Promise<FileReport> {
  if (samePath(input, output)) throw new ReportError('--out mag niet hetzelfde bestand zijn als de invoer: Toetsblad wijzigt de invoer nooit.', 2);
  if (jsonOut && (samePath(jsonOut, input) || samePath(jsonOut, output))) throw new ReportError('--json moet een ander bestand zijn dan de invoer en --out.', 2);
  const fast = fastReport(input, opts);
  let result: ReportResult;
  if (fast) {
    result = fast.result;
    await writeAtomically(output, async (tmp) => fs.writeFileSync(tmp, fast.bytes));
  } else {
    const wb = await loadWorkbook(input);
    result = buildReport(readWorkbook(wb), opts);
    applyPlan(wb, result.plan);
    await writeAtomically(output, (tmp) => wb.xlsx.writeFile(tmp));
  }
  const summary = summarise(result);
  if (jsonOut) await writeAtomically(jsonOut, async (tmp) => fs.writeFileSync(tmp, `${JSON.stringify(summary, null, 2)}\n`));
  return { result, summary };
}
