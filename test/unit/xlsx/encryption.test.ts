// Encrypted workbooks (ECMA-376 standard and agile encryption), checked on
// files other tools encrypted: excelize's test files (password "password")
// and POI's protect.xlsx (Excel's default password, which Excel and
// LibreOffice open without asking, so Toetsblad must too).

import * as CFB from 'cfb';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_PASSWORD, inspectOle } from '../../../src/files/encryption';
import { reportFile } from '../../../src/files/reportFile';
import { openXlsx } from '../../../src/hosts/xlsx';
import { rawData, readZip } from '../../../src/hosts/xlsx/zip';
import { writeZip } from '../../../src/hosts/xlsx/zipWrite';
import { tmpDir } from '../../support/workbooks';

jest.setTimeout(60_000);

const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'realworld');
const file = (f: string) => new Uint8Array(fs.readFileSync(path.join(CORPUS, f)));

function open(bytes: Uint8Array, password: string) {
  const ole = inspectOle(bytes);
  if (ole.kind !== 'encrypted') throw new Error(`not encrypted: ${ole.kind}`);
  return ole.open(password);
}

describe.each([
  ['excelize/encryptAES.xlsx', 'standard (AES-128, SHA-1)'],
  ['excelize/encryptSHA1.xlsx', 'agile (AES, SHA-1)'],
  ['excelize/encryptSHA512.xlsx', 'agile (AES, SHA-512)'],
])('%s: %s', (name) => {
  it('decrypts with its password to a package whose every checksum holds, and refuses the default password', () => {
    const wb = open(file(name), 'password');
    expect(wb).not.toBeNull();
    const { snapshot } = openXlsx(wb!.package);
    expect(snapshot.sheets.length).toBeGreaterThan(0);
    expect(open(file(name), DEFAULT_PASSWORD)).toBeNull();
  });

  it('encrypts a changed package again so that it decrypts to exactly that package', () => {
    const wb = open(file(name), 'password')!;
    const zip = readZip(wb.package);
    const changed = writeZip([...zip.entries.map((e) => ({ copy: e, from: zip })), { name: 'customXml/toetsblad.xml', data: '<x>toetsblad</x>' }]);
    const again = open(wb.encrypt(changed), 'password');
    expect(again).not.toBeNull();
    expect(Buffer.from(again!.package).equals(Buffer.from(changed))).toBe(true);
  });
});

describe('agile re-encryption against an independent writer', () => {
  it("reproduces excelize's EncryptedPackage and its signed EncryptionInfo (HMAC) byte for byte from the decrypted package", () => {
    // excelize pads with zeros as Toetsblad does, so the same key gives the same bytes; the HMAC then proves the derivation.
    const bytes = file('excelize/encryptSHA512.xlsx');
    const stream = (container: Uint8Array, name: string) => Buffer.from(CFB.find(CFB.read(Buffer.from(container), { type: 'buffer' }), name)!.content as Uint8Array);
    const wb = open(bytes, 'password')!;
    const again = wb.encrypt(wb.package);
    expect(stream(again, 'EncryptedPackage').equals(stream(bytes, 'EncryptedPackage'))).toBe(true);
    expect(stream(again, 'EncryptionInfo').equals(stream(bytes, 'EncryptionInfo'))).toBe(true);
  });
});

describe("Excel's default password", () => {
  it('reports on apache-poi/poifs/protect.xlsx and writes the report encrypted the same way, user parts unchanged inside', async () => {
    const dir = tmpDir('tb-encrypted-');
    const out = path.join(dir, 'rapport.xlsx');
    const { summary } = await reportFile(path.join(CORPUS, 'apache-poi/poifs/protect.xlsx'), out);
    const written = new Uint8Array(fs.readFileSync(out));
    // An OLE compound file again, not a plain zip.
    expect([...written.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const inside = open(written, DEFAULT_PASSWORD)!;
    const sheets = openXlsx(inside.package).snapshot.sheets.map((s) => s.name);
    expect(sheets).toEqual(expect.arrayContaining(summary.generatedSheets));
    const before = readZip(open(file('apache-poi/poifs/protect.xlsx'), DEFAULT_PASSWORD)!.package);
    const after = readZip(inside.package);
    for (const e of before.entries.filter((x) => x.name.includes('worksheets/'))) {
      expect(Buffer.from(rawData(after, after.find(e.name)!)).equals(Buffer.from(rawData(before, e)))).toBe(true);
    }
  });

  it('says in one line that a real password must be removed first', async () => {
    const dir = tmpDir('tb-encrypted-');
    await expect(reportFile(path.join(CORPUS, 'excelize/encryptAES.xlsx'), path.join(dir, 'x.xlsx'))).rejects.toThrow(/versleuteld met een wachtwoord.*Versleutelen met wachtwoord/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
