// Writing the report's ZIP container. Copied entries keep their original
// compressed bytes and stored name, so the user's parts leave the report byte
// for byte as they came in, without being inflated or deflated.

import type { ZipCodec } from './codec';
import { pureCodec } from './codec';
import type { ZipArchive, ZipEntry } from './zip';
import { rawData, ZipFormatError } from './zip';

/** An entry for the output: copied as-is from an archive, or new content. */
export type OutEntry = { copy: ZipEntry; from: ZipArchive } | { name: string; data: Uint8Array | string };

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

// A fixed timestamp (1980-01-01) keeps the output reproducible: same input, same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

interface Fields {
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  nameLength: number;
}

function put16(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
}

function put32(b: Uint8Array, at: number, v: number): void {
  put16(b, at, v & 0xffff);
  put16(b, at + 2, (v >>> 16) & 0xffff);
}

/**
 * The run of fields a local header (from byte 4) and a central directory
 * header (from byte 6) share: version needed, flags, method, time, date,
 * CRC, sizes and name length. The extra-field length after it stays 0.
 */
function writeSharedHeader(buf: Uint8Array, at: number, f: Fields): void {
  put16(buf, at, 20);
  put16(buf, at + 2, f.flags);
  put16(buf, at + 4, f.method);
  put16(buf, at + 6, DOS_TIME);
  put16(buf, at + 8, DOS_DATE);
  put32(buf, at + 10, f.crc);
  put32(buf, at + 14, f.compressed);
  put32(buf, at + 18, f.size);
  put16(buf, at + 22, f.nameLength);
}

const encoder = new TextEncoder();

export function writeZip(entries: OutEntry[], codec: ZipCodec = pureCodec): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    let fields: Omit<Fields, 'nameLength'>;
    let data: Uint8Array;
    let name: Uint8Array;
    if ('copy' in entry) {
      const e = entry.copy;
      data = rawData(entry.from, e);
      name = e.nameBytes;
      // Only the UTF-8 name flag carries over: the sizes now stand in the header, not in a data descriptor.
      fields = { flags: e.flags & 0x800, method: e.method, crc: e.crc32, compressed: data.length, size: e.size };
    } else {
      const raw = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data;
      data = codec.deflateRaw(raw);
      name = encoder.encode(entry.name);
      fields = { flags: 0x800, method: 8, crc: codec.crc32(raw), compressed: data.length, size: raw.length };
    }
    if (offset > 0xfffffff0 || data.length > 0xfffffff0 || fields.size > 0xfffffff0) throw new ZipFormatError('de uitvoer wordt te groot voor een zip-archief zonder zip64');
    const f = { ...fields, nameLength: name.length };
    const local = new Uint8Array(30);
    put32(local, 0, LOC);
    writeSharedHeader(local, 4, f);
    const cen = new Uint8Array(46);
    put32(cen, 0, CEN);
    put16(cen, 4, 20); // version made by
    writeSharedHeader(cen, 6, f);
    put32(cen, 42, offset);
    parts.push(local, name, data);
    central.push(cen, name);
    offset += local.length + name.length + data.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = new Uint8Array(22);
  put32(end, 0, EOCD);
  put16(end, 8, entries.length);
  put16(end, 10, entries.length);
  put32(end, 12, cdSize);
  put32(end, 16, offset);
  const out = new Uint8Array(offset + cdSize + end.length);
  let p = 0;
  for (const b of [...parts, ...central, end]) {
    out.set(b, p);
    p += b.length;
  }
  return out;
}
