// File-system rules of the command line's jobs: what an input file is before
// it is parsed, never writing over the input, and never a half-written output.

import * as fs from 'fs';
import * as path from 'path';
import { ReportError } from './reportError';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Check that the input exists and is a zip (an .xlsx package) or an OLE
 * compound file (an old .xls, or an encrypted workbook), so the message can
 * say what to do with anything else.
 */
export function checkInputFile(file: string): 'zip' | 'ole' {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ReportError(`Invoerbestand niet gevonden: ${file}`, 1);
  }
  if (!stat.isFile()) throw new ReportError(`Invoer is geen bestand: ${file}`, 1);
  const name = path.basename(file);
  if (stat.size === 0) throw new ReportError(`Kan ${name} niet lezen: het bestand is leeg (0 bytes).`, 1);
  const head = Buffer.alloc(8);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 8, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.equals(OLE_MAGIC)) return 'ole';
  if (!head.subarray(0, 4).equals(ZIP_MAGIC)) {
    if (name.startsWith('~$')) throw new ReportError(`Kan ${name} niet lezen: dit is een tijdelijk vergrendelingsbestand dat Excel naast een geopende werkmap zet, geen werkmap. Kies de werkmap zelf (zonder ~$).`, 1);
    throw new ReportError(`Kan ${name} niet lezen als Excel-werkmap (.xlsx): het is een ander soort bestand (tekst, pdf of html?). Open het in Excel en sla het op als .xlsx.`, 1);
  }
  return 'zip';
}

/** The message for an OLE file that is not a workbook Toetsblad can open. */
export function legacyWorkbookMessage(name: string): string {
  return `Kan ${name} niet lezen: dit is een oud Excel-bestand (.xls) of een werkmap met een wachtwoord. Open het in Excel en sla het op als .xlsx zonder wachtwoord.`;
}

export function samePath(a: string, b: string): boolean {
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
