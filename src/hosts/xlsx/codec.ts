// The three byte-level operations a package needs: raw inflate, raw deflate
// and CRC-32. The default is pure JavaScript (fflate), so the reader runs in
// the task pane as well as in Node; the command line injects Node's native
// zlib, which is faster (src/files/nodeCodec.ts).

import { deflateSync, inflateSync } from 'fflate';

export interface ZipCodec {
  /** Inflate raw DEFLATE data; `size` is the length the archive claims (a hint, checked afterwards). */
  inflateRaw(data: Uint8Array, size: number): Uint8Array;
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function tableCrc32(buf: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A claimed size above this is not trusted for preallocation (a hostile header could ask for gigabytes). */
const PREALLOCATE_MAX = 256 * 1024 * 1024;

export const pureCodec: ZipCodec = {
  // With a preallocated buffer fflate writes in place; a lying size shows up in the length and CRC check after.
  inflateRaw: (data, size) => (size > 0 && size <= PREALLOCATE_MAX ? inflateSync(data, { out: new Uint8Array(size) }) : inflateSync(data)),
  // Level 3: about twice as fast as the default on generated sheets, for ~10% more bytes.
  deflateRaw: (data) => deflateSync(data, { level: 3 }),
  crc32: tableCrc32,
};
