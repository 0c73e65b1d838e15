// Bounded cost on hostile text (issue 11 item 4): one 1 MB shared string used
// by 100.000 cells must not make header detection or any per-cell text pass
// scan 100 GB. The limit is the issue's own: 5 s for the whole report.

import { buildReport } from '../../../src/core/report';
import { openXlsx, writeXlsxReport } from '../../../src/hosts/xlsx';
import { writeZip } from '../../../src/hosts/xlsx/zipWrite';
import { sheetToRows } from '../../../src/core/workbook/fromRows';

jest.setTimeout(60_000);

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A workbook whose cells all share one huge string, laid out as `rows` rows of the given columns (s = the string, a number otherwise). */
function hostile(headers: string[], rows: number, layout: ('s' | 'n')[]): Uint8Array {
  const huge = `Kans ${'x'.repeat(1024 * 1024)}`;
  const cols = 'ABCDEFGH';
  const out: string[] = [`<row r="1">${headers.map((h, i) => `<c r="${cols[i]}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`];
  for (let r = 2; r <= rows + 1; r++) {
    out.push(`<row r="${r}">${layout.map((k, i) => (k === 's' ? `<c r="${cols[i]}${r}" t="s"><v>0</v></c>` : `<c r="${cols[i]}${r}"><v>${r % 5}</v></c>`)).join('')}</row>`);
  }
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Risico's" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<sst xmlns="${MAIN}"><si><t>${huge}</t></si></sst>`,
    'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData>${out.join('')}</sheetData></worksheet>`,
  };
  return writeZip(Object.entries(parts).map(([name, data]) => ({ name, data })));
}

describe.each([
  // The issue's case. (A risk register or budget table whose every row holds the string is bounded per cell too, but
  // produces one finding or one copied label per row; at 25.000+ rows that output alone takes longer: see docs/reader.md.)
  ['every cell of one column', ['Omschrijving'], 100_000, ['s'] as ('s' | 'n')[]],
  ['every cell of one column under a risk header', ['Kans'], 100_000, ['s'] as ('s' | 'n')[]],
])('a 1 MB string in %s', (_, headers, rows, layout) => {
  it('is read, checked and written within 5 s', () => {
    const bytes = hostile(headers, rows, layout);
    const started = Date.now();
    const opened = openXlsx(bytes);
    const cells = sheetToRows(opened.snapshot.sheets[0]).values.flat().filter((v) => typeof v === 'string' && v.length > 1_000_000).length;
    const result = buildReport(opened.snapshot);
    writeXlsxReport(opened, result.plan);
    const seconds = (Date.now() - started) / 1000;
    expect(cells).toBe(rows * layout.filter((k) => k === 's').length);
    expect(cells).toBe(100_000);
    expect(seconds).toBeLessThanOrEqual(5);
  });
});
