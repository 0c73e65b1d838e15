// The command line's job as a function: read an .xlsx, run the core, write the
// report atomically. Tests call this directly; the CLI wraps it.

import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { ReportOptions, ReportResult } from '../../core/report';
import { buildReport } from '../../core/report';
import { applyPlan } from './applyPlan';
import { readWorkbook } from './readWorkbook';

/** A failure the user can act on, with a one-line Dutch message. */
export class ReportError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

export interface Summary {
  generatedSheets: string[];
  figures: { key: string; label: string; value: number | null; unit: string; sheet: string; cell: string }[];
  findings: { rule: string; severity: string; sheet: string; cell: string; message: string; expected?: number | string; actual?: number | string }[];
}

export function summarise(result: ReportResult): Summary {
  return {
    generatedSheets: result.generatedSheets,
    figures: result.figures.map(({ key, label, value, unit, sheet, cell }) => ({ key, label, value, unit, sheet, cell })),
    findings: result.findings.map(({ rule, severity, sheet, cell, message, expected, actual }) => ({
      rule,
      severity,
      sheet,
      cell,
      message,
      ...(expected !== undefined ? { expected } : {}),
      ...(actual !== undefined ? { actual } : {}),
    })),
  };
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ReportError(`Invoerbestand niet gevonden: ${file}`, 1);
  }
  if (!stat.isFile()) throw new ReportError(`Invoer is geen bestand: ${file}`, 1);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new ReportError(`Kan ${path.basename(file)} niet lezen als Excel-werkmap (.xlsx): ${why}`, 1);
  }
  return wb;
}

function samePath(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    return fs.realpathSync(ra) === fs.realpathSync(rb);
  } catch {
    return false;
  }
}

/** Write via a temporary file in the same folder, then rename: never a half-written report. */
export async function writeAtomically(target: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(tmp);
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* nothing was written */
    }
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new ReportError(`Kan ${target} niet schrijven: ${why}`, 1);
  }
}

export interface FileReport {
  result: ReportResult;
  summary: Summary;
}

export async function reportFile(input: string, output: string, jsonOut?: string, opts: ReportOptions = {}): Promise<FileReport> {
  if (samePath(input, output)) throw new ReportError('--out mag niet hetzelfde bestand zijn als de invoer: Toetsblad wijzigt de invoer nooit.', 2);
  if (jsonOut && (samePath(jsonOut, input) || samePath(jsonOut, output))) throw new ReportError('--json moet een ander bestand zijn dan de invoer en --out.', 2);
  const wb = await loadWorkbook(input);
  const result = buildReport(readWorkbook(wb), opts);
  applyPlan(wb, result.plan);
  await writeAtomically(output, (tmp) => wb.xlsx.writeFile(tmp));
  const summary = summarise(result);
  if (jsonOut) await writeAtomically(jsonOut, async (tmp) => fs.writeFileSync(tmp, `${JSON.stringify(summary, null, 2)}\n`));
  return { result, summary };
}
