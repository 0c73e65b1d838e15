// The command line's "report a file" job: read an .xlsx, run the core, write
// the report atomically. There is one writer, the splice path: the output is
// always the input package plus Toetsblad's parts. A package it cannot read
// or cannot extend safely is refused with one Dutch line, and nothing is
// written; there is no fallback that rewrites the user's workbook.

import * as fs from 'fs';
import * as path from 'path';
import type { ReportOptions, ReportResult } from '../core/report';
import { buildReport } from '../core/report';
import { openXlsx, UnsupportedPackageError, writeXlsxReport, ZipFormatError } from '../hosts/xlsx';
import type { OpenedWorkbook } from '../hosts/xlsx';
import { checkInputFile, samePath, writeAtomically } from './fileSystem';
import { nodeCodec } from './nodeCodec';
import { ReportError } from './reportError';
import type { Summary } from './summary';
import { summarise } from './summary';

export interface FileReport {
  result: ReportResult;
  summary: Summary;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/** Read the input, or say in one Dutch line why it cannot be read. */
export function openInput(input: string): OpenedWorkbook {
  checkInputFile(input);
  const name = path.basename(input);
  let opened: OpenedWorkbook;
  try {
    opened = openXlsx(fs.readFileSync(input), { codec: nodeCodec });
  } catch (e) {
    if (e instanceof ZipFormatError || e instanceof UnsupportedPackageError) {
      throw new ReportError(`Kan ${name} niet lezen als Excel-werkmap (.xlsx): ${firstLine(e)}. Open het in Excel of LibreOffice en sla het opnieuw op.`, 1);
    }
    throw new ReportError(`Kan ${name} niet lezen als Excel-werkmap (.xlsx): onverwachte fout (${firstLine(e)}). Meld dit aan de beheerder van Toetsblad.`, 1);
  }
  // Excel refuses a workbook without sheets too.
  if (opened.snapshot.sheets.length === 0) throw new ReportError(`Kan ${name} niet lezen: er staat geen werkblad in; het is geen of een beschadigde Excel-werkmap.`, 1);
  return opened;
}

export async function reportFile(input: string, output: string, jsonOut?: string, opts: ReportOptions = {}): Promise<FileReport> {
  if (samePath(input, output)) throw new ReportError('--out mag niet hetzelfde bestand zijn als de invoer: Toetsblad wijzigt de invoer nooit.', 2);
  if (jsonOut && (samePath(jsonOut, input) || samePath(jsonOut, output))) throw new ReportError('--json moet een ander bestand zijn dan de invoer en --out.', 2);
  const opened = openInput(input);
  const result = buildReport(opened.snapshot, opts);
  let bytes: Uint8Array;
  try {
    bytes = writeXlsxReport(opened, result.plan, { codec: nodeCodec });
  } catch (e) {
    const why = e instanceof UnsupportedPackageError || e instanceof ZipFormatError ? firstLine(e) : `onverwachte fout (${firstLine(e)})`;
    throw new ReportError(`Kan ${path.basename(input)} niet veilig aanvullen met de Toetsblad-bladen: ${why}. Er is niets geschreven.`, 1);
  }
  await writeAtomically(output, async (tmp) => fs.writeFileSync(tmp, bytes));
  const summary = summarise(result);
  if (jsonOut) await writeAtomically(jsonOut, async (tmp) => fs.writeFileSync(tmp, `${JSON.stringify(summary, null, 2)}\n`));
  return { result, summary };
}
