// A copy of an .xlsx without the "recalculate everything on load" flag, so
// LibreOffice with recalculation switched off only loads and saves it.

import { nodeCodec } from '../src/files/nodeCodec';
import { entryText, readZip } from '../src/hosts/xlsx/zip';
import { writeZip } from '../src/hosts/xlsx/zipWrite';
import type { OutEntry } from '../src/hosts/xlsx/zipWrite';

export function withoutFullCalcOnLoad(xlsx: Buffer): Buffer {
  const zip = readZip(xlsx, nodeCodec);
  const entries: OutEntry[] = zip.entries.map((e) =>
    e.name === 'xl/workbook.xml' ? { name: e.name, data: entryText(zip, e.name).replace(/ fullCalcOnLoad="[^"]*"/g, '') } : { copy: e, from: zip },
  );
  return Buffer.from(writeZip(entries, nodeCodec));
}
