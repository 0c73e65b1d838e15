// A copy of an .xlsx without the "recalculate everything on load" flag, so
// LibreOffice with recalculation switched off only loads and saves it.

import { entryText, readZip, writeZip } from '../src/hosts/xlsx/zip';
import type { OutEntry } from '../src/hosts/xlsx/zip';

export function withoutFullCalcOnLoad(xlsx: Buffer): Buffer {
  const zip = readZip(xlsx);
  const entries: OutEntry[] = zip.order.map((name) =>
    name === 'xl/workbook.xml' ? { name, data: entryText(zip, name).replace(/ fullCalcOnLoad="[^"]*"/g, '') } : { name, copyFrom: zip },
  );
  return writeZip(entries);
}
