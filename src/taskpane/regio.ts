// The pane's regional overview: picked .xlsx files are read here, in the
// browser, with the command line's own reader and report (nothing is
// uploaded), consolidated by the core, and the TB Regio sheets written into
// the open workbook through the same WorkbookHost as every other action.

import { generatedSheetNames } from '../core/generatedSheets';
import type { RegioResult, SourceContribution } from '../core/regio';
import { consolidate, sourceContribution, unreadableSource } from '../core/regio';
import { buildReport } from '../core/report';
import type { WorkbookSnapshot } from '../core/workbook/snapshot';
import { CancelledError } from '../hosts/office/errors';
import { openXlsx, UnsupportedPackageError, ZipFormatError } from '../hosts/xlsx';
import type { WorkbookHost } from './host';

/** A file the user picked: its name and a way to get its bytes (a browser File, or a buffer in tests). */
export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type RegioPhase = 'files' | 'read' | 'write';

export interface RegioControl {
  onProgress?: (done: number, total: number, phase: RegioPhase) => void;
  signal?: AbortSignal;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * One picked file through the reader and the report; never throws: an
 * unreadable file becomes a finding, in the command line's words for the same
 * problem (src/files/fileSystem.ts and reportFile.ts).
 */
export async function readPickedSource(file: PickedFile): Promise<SourceContribution> {
  const name = file.name;
  const unreadable = (why: string) => unreadableSource(name, why);
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.length === 0) return unreadable(`Kan ${name} niet lezen: het bestand is leeg (0 bytes).`);
    if (startsWith(bytes, OLE)) return unreadable(`Kan ${name} niet lezen: dit is een oud Excel-bestand (.xls) of een werkmap met een wachtwoord. Open het in Excel en sla het op als .xlsx zonder wachtwoord.`);
    if (!startsWith(bytes, ZIP)) return unreadable(`Kan ${name} niet lezen als Excel-werkmap (.xlsx): het is een ander soort bestand (tekst, pdf of html?). Open het in Excel en sla het op als .xlsx.`);
    let opened;
    try {
      opened = openXlsx(bytes);
    } catch (e) {
      const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      if (e instanceof ZipFormatError || e instanceof UnsupportedPackageError) return unreadable(`Kan ${name} niet lezen als Excel-werkmap (.xlsx): ${why}. Open het in Excel of LibreOffice en sla het opnieuw op.`);
      return unreadable(`Kan ${name} niet lezen als Excel-werkmap (.xlsx): onverwachte fout (${why}). Meld dit aan de beheerder van Toetsblad.`);
    }
    if (opened.snapshot.sheets.length === 0) return unreadable(`Kan ${name} niet lezen: er staat geen werkblad in; het is geen of een beschadigde Excel-werkmap.`);
    return sourceContribution(name, opened.snapshot, buildReport(opened.snapshot));
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    return unreadable(`Kan ${name} niet lezen: onverwachte fout (${why}). Meld dit aan de beheerder van Toetsblad.`);
  }
}

/** Let the pane paint progress and see Annuleren between files. */
const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function userShapes(snapshot: WorkbookSnapshot) {
  const generated = new Set(generatedSheetNames(snapshot));
  return snapshot.sheets.filter((s) => !generated.has(s.name)).map((s) => ({ name: s.name, rowCount: s.rowCount, colCount: s.colCount }));
}

export async function regioOverview(host: WorkbookHost, files: PickedFile[], control: RegioControl = {}): Promise<RegioResult> {
  const sources: SourceContribution[] = [];
  for (const [i, file] of files.entries()) {
    if (control.signal?.aborted) throw new CancelledError();
    control.onProgress?.(i, files.length, 'files');
    await nextTick();
    sources.push(await readPickedSource(file));
  }
  control.onProgress?.(files.length, files.length, 'files');
  if (control.signal?.aborted) throw new CancelledError();
  const snapshot = await host.read({ signal: control.signal, onProgress: (d, n) => control.onProgress?.(d, n, 'read') });
  const result = consolidate(sources, { existing: snapshot });
  await host.apply(result.plan, {
    ownedSheets: generatedSheetNames(snapshot),
    expectedShapes: userShapes(snapshot),
    signal: control.signal,
    onProgress: (d, n) => control.onProgress?.(d, n, 'write'),
  });
  return result;
}
