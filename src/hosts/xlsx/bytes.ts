// Little-endian integers and text from a Uint8Array, in a form that runs in
// the browser as well as in Node (no Node-only byte methods).

export function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

export function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

/** A 64-bit field as a number (exact below 2^53, which any real file is). */
export function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

const utf8 = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

export function decodeUtf8(b: Uint8Array): string {
  return utf8.decode(b);
}

export function decodeLatin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/**
 * An XML part's text. XML allows UTF-8 and UTF-16; the encoding is known from
 * a byte-order mark or, without one, from how "<?" is written (XML 1.0 appendix F).
 */
export function decodeXml(b: Uint8Array): { text: string; encoding: TextEncoding } {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: utf8.decode(b.subarray(3)), encoding: 'utf-8-bom' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: utf16le.decode(b.subarray(2)), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: utf16be.decode(b.subarray(2)), encoding: 'utf-16be' };
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return { text: utf16le.decode(b), encoding: 'utf-16le' };
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return { text: utf16be.decode(b), encoding: 'utf-16be' };
  return { text: utf8.decode(b), encoding: 'utf-8' };
}

const utf8Encoder = new TextEncoder();

/** Text back to bytes in the encoding the part came in (with its byte-order mark), so its declaration stays true. */
export function encodeXml(text: string, encoding: TextEncoding = 'utf-8'): Uint8Array {
  if (encoding === 'utf-8') return utf8Encoder.encode(text);
  if (encoding === 'utf-8-bom') {
    const body = utf8Encoder.encode(text);
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const out = new Uint8Array(2 + text.length * 2);
  const le = encoding === 'utf-16le';
  out[0] = le ? 0xff : 0xfe;
  out[1] = le ? 0xfe : 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
    out[2 + 2 * i + (le ? 1 : 0)] = c >>> 8;
  }
  return out;
}
