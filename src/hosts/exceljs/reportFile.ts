// The command line's job as a function: read an .xlsx, run the core, write the
// report atomically. Tests call this directly; the CLI wraps it.

import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import type { ReportOptions, ReportResult } from '../../core/report';
import { buildReport } from '../../core/report';
import { applyPlan } from './applyPlan';
import { readWorkbook } from './readWorkbook';
import { openXlsx, writeXlsxReport } from '../xlsx';

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
  const name = path.basename(file);
  refuseNonXlsx(file, name, stat.size);
  // Loaded on demand: requiring ExcelJS costs half a second the fast path does not need.
  const { Workbook } = await import('exceljs');
  const wb = new Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new ReportError(`Kan ${name} niet lezen als Excel-werkmap (.xlsx): het bestand is beschadigd of onvolledig (${why}).`, 1);
  }
  // A zip without a workbook part (or with an empty one) reads as zero sheets; Excel would refuse it too.
  if (wb.worksheets.length === 0) throw new ReportError(`Kan ${name} niet lezen: er staat geen werkblad in; het is geen of een beschadigde Excel-werkmap.`, 1);
  return wb;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Recognise what the file is before parsing, so the message can say what to do. */
function refuseNonXlsx(file: string, name: string, size: number): void {
  if (size === 0) throw new ReportError(`Kan ${name} niet lezen: het bestand is leeg (0 bytes).`, 1);
  const head = Buffer.alloc(8);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 8, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.equals(OLE_MAGIC)) {
    throw new ReportError(`Kan ${name} niet lezen: dit is een oud Excel-bestand (.xls) of een werkmap met een wachtwoord. Open het in Excel en sla het op als .xlsx zonder wachtwoord.`, 1);
  }
  if (!head.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new ReportError(`Kan ${name} niet lezen als Excel-werkmap (.xlsx): het is een ander soort bestand (tekst, pdf of html?). Open het in Excel en sla het op als .xlsx.`, 1);
  }
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
