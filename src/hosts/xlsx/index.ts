// The .xlsx host: read a snapshot straight from the package, write the report
// by splicing generated sheets into it. Reading runs in the browser as well
// as in Node (Uint8Array in, pure-JavaScript inflate unless a codec is
// given); the command line passes Node's zlib.

import type { Plan } from '../../core/plan/plan';
import type { WorkbookSnapshot } from '../../core/workbook/snapshot';
import type { ZipCodec } from './codec';
import type { XlsxPackage } from './package';
import { openPackage } from './package';
import { readSnapshot } from './readSnapshot';
import { spliceReport } from './splice';
import { readZip, verifyAll } from './zip';

export type { ZipCodec } from './codec';
export { pureCodec } from './codec';
export { UnsupportedPackageError } from './package';
export { ZipFormatError } from './zip';

export interface OpenedWorkbook {
  pkg: XlsxPackage;
  snapshot: WorkbookSnapshot;
}

export interface OpenOptions {
  codec?: ZipCodec;
}

/**
 * Read a workbook. Throws ZipFormatError (a damaged or foreign package) or
 * UnsupportedPackageError, both with a Dutch reason. Every part's checksum is
 * verified, including parts the snapshot does not need, since a report is
 * written on top of them.
 */
export function openXlsx(bytes: Uint8Array, options: OpenOptions = {}): OpenedWorkbook {
  const zip = readZip(bytes, options.codec);
  const pkg = openPackage(zip);
  const snapshot = readSnapshot(pkg);
  verifyAll(zip);
  return { pkg, snapshot };
}

export function writeXlsxReport(opened: OpenedWorkbook, plan: Plan, options: OpenOptions = {}): Uint8Array {
  return spliceReport(opened.pkg, plan, options);
}
