// Reading the ZIP container of an .xlsx package. Works on a Uint8Array with
// an injected codec, so the same code runs in the task pane and in Node.
// Every entry's headers are checked when the archive is opened; an entry's
// CRC is checked when it is inflated (and `verifyAll` checks the rest), so a
// corrupt package never yields a report built on garbage.

import type { ZipCodec } from './codec';
import { pureCodec } from './codec';
import { decodeLatin1, decodeUtf8, decodeXml, u16, u32, u64 } from './bytes';

/** A package that is not a readable ZIP archive; the message is Dutch and ends up after "Kan X niet lezen: ". */
export class ZipFormatError extends Error {}

export interface ZipEntry {
  name: string;
  /** The name exactly as stored, written back unchanged when the entry is copied. */
  nameBytes: Uint8Array;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Offset of the compressed data in the archive. */
  dataOffset: number;
  /** General-purpose flags (bit 0: encrypted, bit 3: data descriptor, bit 11: UTF-8 names). */
  flags: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  codec: ZipCodec;
  /** Every entry in central-directory order, duplicates included. */
  entries: ZipEntry[];
  /** Part lookup: exact name first, else case-insensitive (OPC part names are); a duplicated name gives its last entry. */
  find(name: string): ZipEntry | undefined;
  has(name: string): boolean;
  /** Entries whose CRC has been checked. */
  verified: Set<ZipEntry>;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

function findEocd(b: Uint8Array): number {
  // The end-of-central-directory record sits in the last 22 + 65535 bytes.
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && u32(b, i) === EOCD) return i;
  }
  return -1;
}

/** The zip64 extended-information extra field: the 64-bit values of the fields that are 0xFFFFFFFF in the header. */
function zip64Extra(b: Uint8Array, from: number, length: number, want: { size: boolean; compressed: boolean; offset: boolean }) {
  const out: { size?: number; compressed?: number; offset?: number } = {};
  for (let p = from; p + 4 <= from + length; ) {
    const id = u16(b, p);
    const len = u16(b, p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const end = q + len;
      if (want.size && q + 8 <= end) {
        out.size = u64(b, q);
        q += 8;
      }
      if (want.compressed && q + 8 <= end) {
        out.compressed = u64(b, q);
        q += 8;
      }
      if (want.offset && q + 8 <= end) out.offset = u64(b, q);
      return out;
    }
    p += 4 + len;
  }
  return out;
}

export function readZip(bytes: Uint8Array, codec: ZipCodec = pureCodec): ZipArchive {
  const b = bytes;
  const eocd = findEocd(b);
  if (eocd < 0) throw new ZipFormatError('het is geen zip-archief of het is afgebroken');
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let p = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || p === 0xffffffff) {
    // zip64: the locator right before the record points at the 64-bit end record.
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== EOCD64_LOCATOR) throw new ZipFormatError('de zip64-gegevens ontbreken');
    const rec = u64(b, loc + 8);
    if (rec + 56 > b.length || u32(b, rec) !== EOCD64) throw new ZipFormatError('de zip64-gegevens zijn beschadigd');
    count = u64(b, rec + 32);
    cdSize = u64(b, rec + 40);
    p = u64(b, rec + 48);
  }
  if (p + cdSize > b.length) throw new ZipFormatError('de inhoudsopgave van het zip-archief valt buiten het bestand (afgebroken?)');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== CEN) throw new ZipFormatError('de inhoudsopgave van het zip-archief is beschadigd');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc32 = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let local = u32(b, p + 42);
    const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x800 ? decodeUtf8(nameBytes) : decodeLatin1(nameBytes);
    if (size === 0xffffffff || compressedSize === 0xffffffff || local === 0xffffffff) {
      const x = zip64Extra(b, p + 46 + nameLen, extraLen, { size: size === 0xffffffff, compressed: compressedSize === 0xffffffff, offset: local === 0xffffffff });
      size = x.size ?? size;
      compressedSize = x.compressed ?? compressedSize;
      local = x.offset ?? local;
    }
    if (flags & 1) throw new ZipFormatError(`onderdeel ${name} is versleuteld`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`onderdeel ${name} gebruikt een onbekende compressie (${method})`);
    if (local + 30 > b.length || u32(b, local) !== LOC) throw new ZipFormatError(`de lokale kop van ${name} ontbreekt of is beschadigd`);
    const localNameLen = u16(b, local + 26);
    const localName = b.subarray(local + 30, local + 30 + localNameLen);
    if (!sameBytes(localName, nameBytes) || u16(b, local + 8) !== method) {
      throw new ZipFormatError(`de lokale kop van ${name} spreekt de inhoudsopgave tegen`);
    }
    // Without a data descriptor the local header repeats CRC and sizes; they must agree.
    if (!(flags & 8)) {
      const lc = u32(b, local + 14);
      const lcs = u32(b, local + 18);
      const ls = u32(b, local + 22);
      if (lc !== crc32 || (lcs !== 0xffffffff && lcs !== compressedSize) || (ls !== 0xffffffff && ls !== size)) {
        throw new ZipFormatError(`de lokale kop van ${name} spreekt de inhoudsopgave tegen`);
      }
    }
    const dataOffset = local + 30 + localNameLen + u16(b, local + 28);
    if (dataOffset + compressedSize > b.length) throw new ZipFormatError(`onderdeel ${name} is afgebroken`);
    if (method === 0 && compressedSize !== size) throw new ZipFormatError(`onderdeel ${name} heeft tegenstrijdige lengtes`);
    entries.push({ name, nameBytes, method, crc32, compressedSize, size, dataOffset, flags });
    p += 46 + nameLen + extraLen + commentLen;
  }
  const exact = new Map<string, ZipEntry>();
  const folded = new Map<string, ZipEntry>();
  for (const e of entries) {
    exact.set(e.name, e);
    folded.set(e.name.toLowerCase(), e);
  }
  const find = (name: string) => exact.get(name) ?? folded.get(name.toLowerCase());
  return { bytes, codec, entries, find, has: (name) => find(name) !== undefined, verified: new Set() };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The stored (compressed) bytes of an entry, as they are copied into an output. */
export function rawData(zip: ZipArchive, e: ZipEntry): Uint8Array {
  return zip.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
}

function inflateChecked(zip: ZipArchive, e: ZipEntry): Uint8Array {
  const raw = rawData(zip, e);
  let data: Uint8Array;
  try {
    data = e.method === 0 ? raw : zip.codec.inflateRaw(raw, e.size);
  } catch {
    throw new ZipFormatError(`onderdeel ${e.name} is beschadigd (uitpakken mislukt)`);
  }
  if (data.length !== e.size || zip.codec.crc32(data) !== e.crc32) throw new ZipFormatError(`onderdeel ${e.name} is beschadigd (controlegetal klopt niet)`);
  zip.verified.add(e);
  return data;
}

export function entryData(zip: ZipArchive, name: string): Uint8Array {
  const e = zip.find(name);
  if (!e) throw new ZipFormatError(`onderdeel ${name} ontbreekt`);
  return inflateChecked(zip, e);
}

/** The text of an XML part (UTF-8 or UTF-16, by its byte-order mark or declaration). */
export function entryText(zip: ZipArchive, name: string): string {
  return decodeXml(entryData(zip, name)).text;
}

/** Check the CRC of every entry not yet read: a report is never built on a package with a damaged part. */
export function verifyAll(zip: ZipArchive): void {
  for (const e of zip.entries) if (!zip.verified.has(e)) inflateChecked(zip, e);
}
