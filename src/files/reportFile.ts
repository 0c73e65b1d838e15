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
import type { EncryptedWorkbook } from './encryption';
import { DEFAULT_PASSWORD, inspectOle } from './encryption';
import { checkInputFile, legacyWorkbookMessage, samePath, writeAtomically } from './fileSystem';
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

/** An input read for a report; `encrypt` is set when it came encrypted with Excel's default password. */
export interface OpenedInput extends OpenedWorkbook {
  encrypt?: (pkg: Uint8Array) => Uint8Array;
}

/** The package inside an OLE file: decrypted when Excel's default password opens it, else a Dutch refusal. */
function decryptDefault(bytes: Uint8Array, name: string): { pkg: Uint8Array; encrypt: (pkg: Uint8Array) => Uint8Array } {
  const ole = inspectOle(bytes);
  if (ole.kind === 'legacy') throw new ReportError(`Kan ${name} niet lezen: dit is een oud Excel-bestand (.xls). Open het in Excel en sla het op als Excel-werkmap (.xlsx).`, 1);
  if (ole.kind !== 'encrypted') throw new ReportError(legacyWorkbookMessage(name), 1);
  let workbook: EncryptedWorkbook | null;
  try {
    workbook = ole.open(DEFAULT_PASSWORD);
  } catch (e) {
    throw new ReportError(`Kan ${name} niet lezen: de versleutelde werkmap is beschadigd (${firstLine(e)}).`, 1);
  }
  if (!workbook) {
    throw new ReportError(
      `Kan ${name} niet lezen: de werkmap is versleuteld met een wachtwoord. Open hem in Excel, kies Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord, maak het wachtwoord leeg en sla op; Toetsblad kan het bestand dan lezen.`,
      1,
    );
  }
  return { pkg: workbook.package, encrypt: workbook.encrypt };
}

/** Read the input, or say in one Dutch line why it cannot be read. */
export function openInput(input: string): OpenedInput {
  const kind = checkInputFile(input);
  const name = path.basename(input);
  let bytes: Uint8Array = fs.readFileSync(input);
  let encrypt: OpenedInput['encrypt'];
  if (kind === 'ole') ({ pkg: bytes, encrypt } = decryptDefault(bytes, name));
  let opened: OpenedWorkbook;
  try {
    opened = openXlsx(bytes, { codec: nodeCodec });
  } catch (e) {
    if (e instanceof ZipFormatError || e instanceof UnsupportedPackageError) {
      throw new ReportError(`Kan ${name} niet lezen als Excel-werkmap (.xlsx): ${firstLine(e)}. Open het in Excel of LibreOffice en sla het opnieuw op.`, 1);
    }
    throw new ReportError(`Kan ${name} niet lezen als Excel-werkmap (.xlsx): onverwachte fout (${firstLine(e)}). Meld dit aan de beheerder van Toetsblad.`, 1);
  }
  // Excel refuses a workbook without sheets too.
  if (opened.snapshot.sheets.length === 0) throw new ReportError(`Kan ${name} niet lezen: er staat geen werkblad in; het is geen of een beschadigde Excel-werkmap.`, 1);
  return { ...opened, encrypt };
}

export async function reportFile(input: string, output: string, jsonOut?: string, opts: ReportOptions = {}): Promise<FileReport> {
  if (samePath(input, output)) throw new ReportError('--out mag niet hetzelfde bestand zijn als de invoer: Toetsblad wijzigt de invoer nooit.', 2);
  if (jsonOut && (samePath(jsonOut, input) || samePath(jsonOut, output))) throw new ReportError('--json moet een ander bestand zijn dan de invoer en --out.', 2);
  const opened = openInput(input);
  const { encrypt } = opened;
  const result = buildReport(opened.snapshot, opts);
  let bytes: Uint8Array;
  try {
    bytes = writeXlsxReport(opened, result.plan, { codec: nodeCodec });
    // Encrypted in, encrypted out: the report is as protected as the workbook it came from.
    if (encrypt) bytes = encrypt(bytes);
  } catch (e) {
    const why = e instanceof UnsupportedPackageError || e instanceof ZipFormatError ? firstLine(e) : `onverwachte fout (${firstLine(e)})`;
    throw new ReportError(`Kan ${path.basename(input)} niet veilig aanvullen met de Toetsblad-bladen: ${why}. Er is niets geschreven.`, 1);
  }
  await writeAtomically(output, async (tmp) => fs.writeFileSync(tmp, bytes));
  const summary = summarise(result);
  if (jsonOut) await writeAtomically(jsonOut, async (tmp) => fs.writeFileSync(tmp, `${JSON.stringify(summary, null, 2)}\n`));
  return { result, summary };
}
