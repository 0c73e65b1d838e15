// The reader follows the OOXML/OPC rules, not one writer's habits. Each case
// builds a small package by hand, in the shape a real writer produces it, and
// states the values a reader must find in it.

import { buildReport } from '../../../src/core/report';
import { openXlsx, writeXlsxReport } from '../../../src/hosts/xlsx';
import { decodeXml } from '../../../src/hosts/xlsx/bytes';
import { entryData, entryText, rawData, readZip } from '../../../src/hosts/xlsx/zip';
import { writeZip } from '../../../src/hosts/xlsx/zipWrite';
import { sheetToRows } from '../../../src/core/workbook/fromRows';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const CT = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;

function rootRels(rel = REL): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
}

function pack(parts: Record<string, string | Uint8Array>): Uint8Array {
  return writeZip(Object.entries({ '[Content_Types].xml': CT, '_rels/.rels': rootRels(), ...parts }).map(([name, data]) => ({ name, data })));
}

function plainWorkbook(sheetData: string, extra: { workbookPr?: string; styles?: string; sst?: string } = {}): Uint8Array {
  const rels = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`];
  const parts: Record<string, string> = {};
  if (extra.styles) {
    rels.push(`<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>`);
    parts['xl/styles.xml'] = extra.styles;
  }
  if (extra.sst) {
    rels.push(`<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts['xl/sharedStrings.xml'] = extra.sst;
  }
  return pack({
    'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${extra.workbookPr ?? ''}<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`,
    'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`,
    ...parts,
  });
}

const values = (bytes: Uint8Array, sheet = 0) => sheetToRows(openXlsx(bytes).snapshot.sheets[sheet]).values;

describe('namespaces', () => {
  it('reads SpreadsheetML under any prefix (Open XML SDK writes x:, relationships as ns0:)', () => {
    const bytes = pack({
      'xl/workbook.xml': `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheets><x:sheet name="Risico" sheetId="1" rel:id="R1"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels': `<ns0:Relationships xmlns:ns0="${PKG_REL}"><ns0:Relationship Id="R1" Type="${REL}/worksheet" Target="/xl/worksheets/s1.xml"/><ns0:Relationship Id="R2" Type="${REL}/sharedStrings" Target="/xl/sst.xml"/></ns0:Relationships>`,
      'xl/worksheets/s1.xml': `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>2.5</x:v></x:c></x:row><x:row r="3"><x:c r="C3" t="inlineStr"><x:is><x:t>laag</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
      'xl/sst.xml': `<x:sst xmlns:x="${MAIN}"><x:si><x:r><x:t>Ka</x:t></x:r><x:r><x:t>ns</x:t></x:r></x:si></x:sst>`,
    });
    const snap = openXlsx(bytes).snapshot;
    expect(snap.sheets[0].name).toBe('Risico');
    expect(sheetToRows(snap.sheets[0]).values).toEqual([['Kans', 2.5], [], [null, null, 'laag']]);
  });

  it('reads an x:-prefixed sheet under an unprefixed workbook', () => {
    const bytes = plainWorkbook('').slice();
    const zip = readZip(bytes);
    const sheet = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="2"><x:c r="B2"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const rebuilt = writeZip(zip.entries.map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, data: sheet } : { copy: e, from: zip })));
    expect(values(rebuilt)).toEqual([[], [null, 7]]);
  });

  it('reads Strict OOXML and writes its generated sheets in Strict namespaces', () => {
    const bytes = writeZip(
      Object.entries({
        '[Content_Types].xml': CT,
        '_rels/.rels': rootRels(STRICT_REL),
        'xl/workbook.xml': `<workbook xmlns="${STRICT_MAIN}" xmlns:r="${STRICT_REL}" conformance="strict"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${STRICT_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        'xl/worksheets/sheet1.xml': `<worksheet xmlns="${STRICT_MAIN}"><sheetData><row r="1"><c r="A1" t="d"><v>2022-04-22T00:00:00</v></c><c r="B1"><v>3</v></c></row></sheetData></worksheet>`,
      }).map(([name, data]) => ({ name, data })),
    );
    const opened = openXlsx(bytes);
    // t="d" is an ISO date; 22-04-2022 is day 44673 in Excel's 1900 system.
    expect(sheetToRows(opened.snapshot.sheets[0]).values).toEqual([[44673, 3]]);
    const out = readZip(writeXlsxReport(opened, buildReport(opened.snapshot).plan));
    const rels = entryText(out, 'xl/_rels/workbook.xml.rels');
    expect(rels).toContain(`Type="${STRICT_REL}/worksheet" Target="/xl/worksheets/sheet2.xml"`);
    expect(rels).not.toContain('schemas.openxmlformats.org/officeDocument');
    expect(entryText(out, 'xl/worksheets/sheet2.xml')).toContain(`<worksheet xmlns="${STRICT_MAIN}" xmlns:r="${STRICT_REL}"`);
  });
});

describe('parts', () => {
  it('finds parts whatever the case of their names', () => {
    const bytes = pack({
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/Sheet1.XML"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
      'xl/SharedStrings.xml': `<sst xmlns="${MAIN}"><si><t>Werksoort</t></si></sst>`,
    });
    expect(values(bytes)).toEqual([['Werksoort']]);
  });

  it('reads UTF-16 parts and writes an edited part back in its own encoding', () => {
    const utf16 = (s: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);
    const bytes = pack({
      'xl/workbook.xml': utf16(`<?xml version="1.0" encoding="UTF-16"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Één" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': utf16(`<?xml version="1.0" encoding="UTF-16"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
      'xl/worksheets/sheet1.xml': utf16(`<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>€ 15.000</t></is></c></row></sheetData></worksheet>`),
    });
    const opened = openXlsx(bytes);
    expect(sheetToRows(opened.snapshot.sheets[0])).toMatchObject({ name: 'Één', values: [['€ 15.000']] });
    const out = readZip(writeXlsxReport(opened, buildReport(opened.snapshot).plan));
    const wb = entryData(out, 'xl/workbook.xml');
    expect([wb[0], wb[1]]).toEqual([0xff, 0xfe]);
    expect(decodeXml(wb).text).toMatch(/<sheet name="Één"[^>]*\/><sheet name="TB Overzicht"/);
  });

  it('treats styles and shared strings as optional: a styles part is created when the package has none', () => {
    const opened = openXlsx(plainWorkbook('<row r="1"><c r="A1"><v>1</v></c></row>'));
    const out = readZip(writeXlsxReport(opened, buildReport(opened.snapshot).plan));
    const rels = entryText(out, 'xl/_rels/workbook.xml.rels');
    expect(rels).toMatch(new RegExp(`Type="${REL}/styles" Target="/xl/styles.xml"`));
    expect(entryText(out, '[Content_Types].xml')).toContain('<Override PartName="/xl/styles.xml"');
    const styles = entryText(out, 'xl/styles.xml');
    // Excel's reserved defaults first: one font, fills none and gray125, one border, one cell format.
    expect(styles).toMatch(/<fills count="\d+"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/><\/fill><fill>/);
    expect(styles).toMatch(/<cellXfs count="\d+"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/><xf /);
  });

  it('keeps a sheet without a part (an old VBA module, r:id="") as an empty sheet, and a non-self-closing <sheet>', () => {
    const bytes = pack({
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"></sheet><sheet name="Module1" sheetId="2" r:id=""/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>4</v></c></row></sheetData></worksheet>`,
    });
    const opened = openXlsx(bytes);
    expect(opened.snapshot.sheets.map((s) => [s.name, s.rowCount])).toEqual([['Data', 1], ['Module1', 0]]);
    const out = readZip(writeXlsxReport(opened, buildReport(opened.snapshot).plan));
    expect(entryText(out, 'xl/workbook.xml')).toContain('<sheet name="Module1" sheetId="2" r:id=""/>');
  });
});

describe('cells', () => {
  it('decodes _xHHHH_ escapes, CDATA, rich and inline strings, and reads <v></v> as empty', () => {
    const sst = `<sst xmlns="${MAIN}"><si><t>regel 1_x000D_</t></si><si><r><t xml:space="preserve">vet </t></r><r><t>gewoon</t></r><rPh><t>furigana</t></rPh></si><si><t>_x005F_x000D_ blijft</t></si></sst>`;
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[a < b & c]]></t></is></c><c r="B2"><v></v></c><c r="C2" t="n"><v/></c><c r="D2" t="str"><v>x_x0009_y</v></c></row>';
    expect(values(plainWorkbook(rows, { sst }))).toEqual([
      ['regel 1\r', 'vet gewoon', '_x000D_ blijft'],
      ['a < b & c', null, null, 'x\ty'],
    ]);
  });

  it('keeps formula text without a cached value as value null, and cached errors as errors', () => {
    const rows = '<row r="1"><c r="A1"><f>NA()</f></c><c r="B1"><f>1/0</f><v></v></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D1" t="e"><v>#REF!</v></c></row>';
    const sheet = openXlsx(plainWorkbook(rows)).snapshot.sheets[0];
    expect(sheetToRows(sheet).values[0]).toEqual([null, null, { error: '#DIV/0!' }, { error: '#REF!' }]);
    expect(sheetToRows(sheet).formulas[0]).toEqual(['NA()', '1/0', '1/0', undefined]);
  });

  it('moves 1904-based dates to the 1900 system but leaves durations and times of day alone', () => {
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="[hh]:mm:ss"/></numFmts><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="20"/></cellXfs></styleSheet>`;
    const rows = '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43210</v></c><c r="C1" s="2"><v>1.5</v></c><c r="D1" s="3"><v>0.25</v></c></row>';
    // 1 January 1904 is day 1462 of the 1900 system; 43210 days later is 1462 + 43210.
    expect(values(plainWorkbook(rows, { styles, workbookPr: '<workbookPr date1904="1"/>' }))).toEqual([[1462, 44672, 1.5, 0.25]]);
    expect(values(plainWorkbook(rows, { styles }))).toEqual([[0, 43210, 1.5, 0.25]]);
  });
});

describe('zip container', () => {
  const base = () => plainWorkbook('<row r="1"><c r="A1"><v>42</v></c></row>');

  it('reads zip64 end records', () => {
    const b = Buffer.from(base());
    const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const count = b.readUInt16LE(eocd + 10);
    const cdSize = b.readUInt32LE(eocd + 12);
    const cdOffset = b.readUInt32LE(eocd + 16);
    // The zip64 end record and its locator go between the central directory and the classic end record, which then says "see zip64".
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(count), 24);
    rec.writeBigUInt64LE(BigInt(count), 32);
    rec.writeBigUInt64LE(BigInt(cdSize), 40);
    rec.writeBigUInt64LE(BigInt(cdOffset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(eocd), 8);
    loc.writeUInt32LE(1, 16);
    const end = Buffer.from(b.subarray(eocd));
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
    const zip64 = Buffer.concat([b.subarray(0, eocd), rec, loc, end]);
    expect(values(zip64)).toEqual([[42]]);
  });

  it('carries both entries of a duplicated name into the output, byte for byte', () => {
    const zip = readZip(base());
    const sheet = zip.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const other = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>43</v></c></row></sheetData></worksheet>`;
    const dup = writeZip([...zip.entries.map((e) => ({ copy: e, from: zip })), { name: sheet.name, data: other }]);
    const opened = openXlsx(dup);
    // The last entry of a name wins, as in LibreOffice.
    expect(sheetToRows(opened.snapshot.sheets[0]).values).toEqual([[43]]);
    const out = readZip(writeXlsxReport(opened, buildReport(opened.snapshot).plan));
    const copies = out.entries.filter((e) => e.name === sheet.name).map((e) => Buffer.from(rawData(out, e)));
    const inputs = readZip(dup).entries.filter((e) => e.name === sheet.name).map((e) => Buffer.from(rawData(readZip(dup), e)));
    expect(copies).toEqual(inputs);
  });

  it('refuses a part whose checksum does not match, and a local header that contradicts the directory', () => {
    const b = Buffer.from(base());
    const zip = readZip(b);
    const sheet = zip.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const crc = Buffer.from(b);
    crc[sheet.dataOffset + 2] ^= 0x01;
    expect(() => openXlsx(crc)).toThrow(/beschadigd/);
    const header = Buffer.from(b);
    // The name in the local header (30 bytes before the name ends at dataOffset) no longer matches.
    header[sheet.dataOffset - 1] = 'X'.charCodeAt(0);
    expect(() => openXlsx(header)).toThrow(/lokale kop/);
  });
});
