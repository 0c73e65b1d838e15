// Headless LibreOffice as an independent spreadsheet engine: it opens our
// output with forced recalculation and saves it, so every formula's value
// comes from LibreOffice, not from the cached result we wrote.

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function sofficePath(): string {
  for (const p of ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/usr/local/bin/soffice']) {
    if (fs.existsSync(p)) return p;
  }
  throw new Error('LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui');
}

/** A fresh user profile that forces recalculation of OOXML files on load. */
export function makeProfile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-lo-profile-'));
  fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
  return dir;
}

/** soffice arguments: open each file with the given profile and save it as .xlsx in outDir. */
export function convertArgs(profile: string, outDir: string, files: string[]): string[] {
  return [
    `-env:UserInstallation=file://${profile}`,
    '--headless',
    '--norestore',
    '--nolockcheck',
    '--convert-to',
    'xlsx:Calc MS Excel 2007 XML',
    '--outdir',
    outDir,
    ...files.map((f) => path.resolve(f)),
  ];
}

/**
 * Recalculate .xlsx files in LibreOffice and save them as .xlsx again.
 * Returns the paths of the recalculated copies (same base names, in outDir).
 */
export function recalculate(files: string[], outDir?: string): string[] {
  const dir = outDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tb-lo-out-'));
  fs.mkdirSync(dir, { recursive: true });
  const profile = makeProfile();
  try {
    execFileSync(sofficePath(), convertArgs(profile, dir, files), { stdio: 'pipe', timeout: 300_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const out = files.map((f) => path.join(dir, path.basename(f).replace(/\.[^.]+$/, '.xlsx')));
  for (const f of out) if (!fs.existsSync(f)) throw new Error(`LibreOffice did not write ${f}`);
  return out;
}
