// Node's native zlib for the command line: inflating and deflating in C is
// several times faster than the pure-JavaScript default the task pane uses.

import * as zlib from 'zlib';
import type { ZipCodec } from '../hosts/xlsx/codec';
import { tableCrc32 } from '../hosts/xlsx/codec';

/** zlib.crc32 exists from Node 20.15 / 22.2; the table version is the fallback. */
const nativeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;

export const nodeCodec: ZipCodec = {
  inflateRaw: (data) => zlib.inflateRawSync(data),
  deflateRaw: (data) => zlib.deflateRawSync(data, { level: 3 }),
  crc32: (data) => (nativeCrc32 ? nativeCrc32(data) >>> 0 : tableCrc32(data)),
};
