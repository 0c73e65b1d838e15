// Node only: a FakeExcel loaded from an .xlsx file through the ExcelJS host.

import ExcelJS from 'exceljs';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import type { FakeExcelOptions } from './index';
import { FakeExcel } from './index';

export async function snapshotFromXlsx(file: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return readWorkbook(wb);
}

export async function fakeExcelFromXlsx(file: string, opts?: FakeExcelOptions): Promise<FakeExcel> {
  return FakeExcel.fromSnapshot(await snapshotFromXlsx(file), opts);
}
