// The fast .xlsx path of the command line: read a snapshot straight from the
// package, write the report by splicing generated sheets into it.

import type { Plan } from '../../core/plan/plan';
import type { WorkbookSnapshot } from '../../core/workbook/snapshot';
import type { XlsxPackage } from './package';
import { openPackage } from './package';
import { readSnapshot } from './readSnapshot';
import { spliceReport } from './splice';
import { readZip } from './zip';

export { UnsupportedPackageError } from './package';
export { ZipFormatError } from './zip';

export interface OpenedWorkbook {
  pkg: XlsxPackage;
  snapshot: WorkbookSnapshot;
}

export function openXlsx(buffer: Buffer): OpenedWorkbook {
  const pkg = openPackage(readZip(buffer));
  return { pkg, snapshot: readSnapshot(pkg) };
}

export function writeXlsxReport(opened: OpenedWorkbook, plan: Plan): Buffer {
  return spliceReport(opened.pkg, plan);
}
