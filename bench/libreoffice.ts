// Headless LibreOffice as the peer: load with forced recalculation, save as
// .xlsx. One process per file, so each time stands alone.

import * as fs from 'fs';
import * as path from 'path';
import { convertArgs, makeProfile, sofficePath } from '../test/support/libreoffice';
import type { Run } from './measure';
import { mustSucceed, timed } from './measure';

export function hasLibreOffice(): boolean {
  try {
    sofficePath();
    return true;
  } catch {
    return false;
  }
}

/** A fresh profile that never recalculates on load: what loading and saving alone cost. */
function noRecalcProfile(): string {
  const dir = makeProfile();
  const xcu = path.join(dir, 'user', 'registrymodifications.xcu');
  fs.writeFileSync(xcu, fs.readFileSync(xcu, 'utf8').replace(/<value>0<\/value>/g, '<value>1</value>'));
  return dir;
}

export function recalcWithLibreOffice(file: string, outDir: string, recalc = true): Run {
  fs.mkdirSync(outDir, { recursive: true });
  const profile = recalc ? makeProfile() : noRecalcProfile();
  try {
    const run = timed(sofficePath(), convertArgs(profile, outDir, [file]), { timeoutMs: 300_000 });
    mustSucceed(`LibreOffice on ${path.basename(file)}`, run);
    if (!fs.existsSync(path.join(outDir, path.basename(file)))) throw new Error(`LibreOffice wrote no output for ${file}`);
    return run;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** The first run of soffice on a machine is slow (it unpacks its profile); do it once up front. */
export function warmUp(dir: string, sample: string): void {
  recalcWithLibreOffice(sample, path.join(dir, 'warmup'));
}
