// A minimal ZIP reader/writer for .xlsx packages. Reading inflates only the
// entries asked for (with Node's native zlib); writing copies untouched
// entries as their original compressed bytes, so the user's sheets leave the
// report byte for byte as they came in, without being inflated or deflated.

import * as zlib from 'zlib';

export class ZipFormatError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Offset of the compressed data in the archive. */
  dataOffset: number;
  /** General-purpose flags (bit 11: UTF-8 names). */
  flags: number;
}

export interface ZipArchive {
  buffer: Buffer;
  entries: Map<string, ZipEntry>;
  /** Entry names in archive order. */
  order: string[];
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

export function readZip(buffer: Buffer): ZipArchive {
  // The end-of-central-directory record sits in the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('geen zip-archief');
  const count = buffer.readUInt16LE(eocd + 10);
  const cdSize = buffer.readUInt32LE(eocd + 12);
  let p = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || p === 0xffffffff) throw new ZipFormatError('zip64 wordt niet ondersteund');
  const entries = new Map<string, ZipEntry>();
  const order: string[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== CEN) throw new ZipFormatError('beschadigde centrale map');
    const flags = buffer.readUInt16LE(p + 8);
    const method = buffer.readUInt16LE(p + 10);
    const crc32 = buffer.readUInt32LE(p + 16);
    const compressedSize = buffer.readUInt32LE(p + 20);
    const size = buffer.readUInt32LE(p + 24);
    const nameLen = buffer.readUInt16LE(p + 28);
    const extraLen = buffer.readUInt16LE(p + 30);
    const commentLen = buffer.readUInt16LE(p + 32);
    const local = buffer.readUInt32LE(p + 42);
    const name = buffer.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    if (flags & 1) throw new ZipFormatError('versleutelde werkmap');
    if (method !== 0 && method !== 8) throw new ZipFormatError(`onbekende compressie ${method}`);
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOC) throw new ZipFormatError('beschadigde lokale kop');
    const dataOffset = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    if (dataOffset + compressedSize > buffer.length) throw new ZipFormatError('afgebroken archief');
    const entry = { name, method, crc32, compressedSize, size, dataOffset, flags };
    entries.set(name, entry);
    order.push(name);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { buffer, entries, order };
}

export function entryData(zip: ZipArchive, name: string): Buffer {
  const e = zip.entries.get(name);
  if (!e) throw new ZipFormatError(`onderdeel ${name} ontbreekt`);
  const raw = zip.buffer.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  return e.method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw);
}

export function entryText(zip: ZipArchive, name: string): string {
  return entryData(zip, name).toString('utf8');
}

/** An entry for the output: either copied as-is from an archive, or new content. */
export type OutEntry = { name: string; copyFrom: ZipArchive } | { name: string; data: Buffer | string };

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** zlib.crc32 exists from Node 20.15 / 22.2; the table version is the fallback. */
const nativeCrc32 = (zlib as unknown as { crc32?: (data: Buffer) => number }).crc32;

export function crc32(buf: Buffer): number {
  if (nativeCrc32) return nativeCrc32(buf) >>> 0;
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

// A fixed timestamp (1980-01-01) keeps the output reproducible: same input, same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function writeZip(entries: OutEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    let method: number;
    let crc: number;
    let size: number;
    let data: Buffer;
    if ('copyFrom' in entry) {
      const e = entry.copyFrom.entries.get(entry.name);
      if (!e) throw new ZipFormatError(`onderdeel ${entry.name} ontbreekt`);
      method = e.method;
      crc = e.crc32;
      size = e.size;
      data = entry.copyFrom.buffer.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    } else {
      const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
      method = 8;
      crc = crc32(raw);
      size = raw.length;
      // Level 3: about twice as fast as the default on generated sheets, for ~10% more bytes.
      data = zlib.deflateRawSync(raw, { level: 3 });
    }
    const name = Buffer.from(entry.name, 'utf8');
    if (offset > 0xfffffff0 || data.length > 0xfffffff0) throw new ZipFormatError('uitvoer te groot voor zip zonder zip64');
    const fields = { method, crc, compressed: data.length, size, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOC, 0);
    writeSharedHeader(local, 4, fields);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(CEN, 0);
    cen.writeUInt16LE(20, 4); // version made by
    writeSharedHeader(cen, 6, fields);
    cen.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(cen, name);
    offset += local.length + name.length + data.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

/**
 * The run of fields a local header (from byte 4) and a central directory
 * header (from byte 6) share: version needed, UTF-8 flag, method, time, date,
 * CRC, sizes and name length. The extra-field length after it stays 0.
 */
function writeSharedHeader(buf: Buffer, at: number, f: { method: number; crc: number; compressed: number; size: number; nameLength: number }): void {
  buf.writeUInt16LE(20, at);
  buf.writeUInt16LE(0x800, at + 2);
  buf.writeUInt16LE(f.method, at + 4);
  buf.writeUInt16LE(DOS_TIME, at + 6);
  buf.writeUInt16LE(DOS_DATE, at + 8);
  buf.writeUInt32LE(f.crc, at + 10);
  buf.writeUInt32LE(f.compressed, at + 14);
  buf.writeUInt32LE(f.size, at + 18);
  buf.writeUInt16LE(f.nameLength, at + 22);
}
