// Open an .xlsx file with ExcelJS, turning its failures into Dutch lines.

import * as path from 'path';
import type ExcelJS from 'exceljs';
import { checkInputFile, legacyWorkbookMessage } from '../../files/fileSystem';
import { ReportError } from '../../files/reportError';

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const name = path.basename(file);
  if (checkInputFile(file) === 'ole') throw new ReportError(legacyWorkbookMessage(name), 1);
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
