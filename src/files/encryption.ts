// Workbooks encrypted with Excel's default password ("VelvetSweatshop"), which
// Excel and LibreOffice open without asking: an OLE compound file holding
// EncryptionInfo and EncryptedPackage (ECMA-376 / MS-OFFCRYPTO standard and
// agile encryption). Toetsblad decrypts the package, and encrypts the report
// again with the same key, so the output is protected as the input was.
// Node's crypto does the ciphers; the `cfb` package reads and writes the container.

import * as CFB from 'cfb';
import * as crypto from 'crypto';

export const DEFAULT_PASSWORD = 'VelvetSweatshop';

export type OleContent =
  | { kind: 'legacy' }
  | { kind: 'encrypted'; open(password: string): EncryptedWorkbook | null }
  | { kind: 'unknown' };

export interface EncryptedWorkbook {
  /** The decrypted .xlsx package. */
  package: Uint8Array;
  /** A new package encrypted with the same key and settings, in a copy of the container. */
  encrypt(pkg: Uint8Array): Uint8Array;
}

const u32 = (b: Buffer, at: number) => b.readUInt32LE(at);
const le32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** What an OLE compound file holds: an encrypted .xlsx, an old binary workbook, or something else. */
export function inspectOle(bytes: Uint8Array): OleContent {
  let cfb: CFB.CFB$Container;
  try {
    cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
  } catch {
    return { kind: 'unknown' };
  }
  const info = CFB.find(cfb, 'EncryptionInfo');
  const pkg = CFB.find(cfb, 'EncryptedPackage');
  if (info && pkg) return { kind: 'encrypted', open: (password) => openEncrypted(cfb, info, pkg, password) };
  if (CFB.find(cfb, 'Workbook') || CFB.find(cfb, 'Book')) return { kind: 'legacy' };
  return { kind: 'unknown' };
}

function asBuffer(content: CFB.CFB$Blob): Buffer {
  return Buffer.isBuffer(content) ? content : Buffer.from(content as number[]);
}

function write(cfb: CFB.CFB$Container, entry: CFB.CFB$Entry, content: Buffer): void {
  entry.content = content;
  entry.size = content.length;
  void cfb;
}

function openEncrypted(cfb: CFB.CFB$Container, infoEntry: CFB.CFB$Entry, pkgEntry: CFB.CFB$Entry, password: string): EncryptedWorkbook | null {
  const info = asBuffer(infoEntry.content);
  const encrypted = asBuffer(pkgEntry.content);
  const major = info.readUInt16LE(0);
  const minor = info.readUInt16LE(2);
  const scheme = minor === 4 && major === 4 ? agile(info, password) : minor === 2 && (major === 3 || major === 4) ? standard(info, password) : null;
  if (!scheme) return null;
  const size = encrypted.readUInt32LE(0) + encrypted.readUInt32LE(4) * 0x1_0000_0000;
  const plain = scheme.decrypt(encrypted.subarray(8)).subarray(0, size);
  return {
    package: new Uint8Array(plain.buffer, plain.byteOffset, plain.byteLength),
    encrypt(pkg) {
      const body = scheme.encrypt(Buffer.from(pkg.buffer, pkg.byteOffset, pkg.byteLength));
      const stream = Buffer.concat([le32(pkg.length), le32(Math.floor(pkg.length / 0x1_0000_0000)), body]);
      write(cfb, pkgEntry, stream);
      write(cfb, infoEntry, scheme.info(stream));
      const out = CFB.write(cfb, { type: 'buffer' }) as Buffer;
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    },
  };
}

interface Scheme {
  decrypt(data: Buffer): Buffer;
  encrypt(data: Buffer): Buffer;
  /** The EncryptionInfo stream for an EncryptedPackage stream (agile signs it; standard does not change). */
  info(encryptedPackage: Buffer): Buffer;
}

function aes(mode: 'ecb' | 'cbc', key: Buffer, iv: Buffer | null, data: Buffer, decrypt: boolean): Buffer {
  const name = `aes-${key.length * 8}-${mode}`;
  const c = decrypt ? crypto.createDecipheriv(name, key, iv) : crypto.createCipheriv(name, key, iv);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(data), c.final()]);
}

function padTo(data: Buffer, block: number): Buffer {
  const rest = data.length % block;
  return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(block - rest)]);
}

/** Standard encryption (MS-OFFCRYPTO 2.3.4.5): AES-ECB, key from SHA-1 over 50.000 rounds. */
function standard(info: Buffer, password: string): Scheme | null {
  const headerSize = u32(info, 8);
  const header = 12;
  const algId = u32(info, header + 8);
  const keyBits = u32(info, header + 16);
  if (![0x660e, 0x660f, 0x6610].includes(algId)) return null;
  const v = header + headerSize;
  const saltSize = u32(info, v);
  const salt = info.subarray(v + 4, v + 4 + saltSize);
  const encVerifier = info.subarray(v + 4 + saltSize, v + 20 + saltSize);
  const encVerifierHash = info.subarray(v + 24 + saltSize, v + 24 + saltSize + 32);
  const sha1 = (...parts: Buffer[]) => crypto.createHash('sha1').update(Buffer.concat(parts)).digest();
  let h = sha1(salt, Buffer.from(password, 'utf16le'));
  for (let i = 0; i < 50_000; i++) h = sha1(le32(i), h);
  h = sha1(h, le32(0));
  const x = (fill: number) => {
    const b = Buffer.alloc(64, fill);
    for (let i = 0; i < h.length; i++) b[i] ^= h[i];
    return sha1(b);
  };
  const key = Buffer.concat([x(0x36), x(0x5c)]).subarray(0, keyBits / 8);
  const verifier = aes('ecb', key, null, encVerifier, true);
  const verifierHash = aes('ecb', key, null, encVerifierHash, true).subarray(0, 20);
  if (!sha1(verifier).equals(verifierHash)) return null;
  return {
    decrypt: (data) => aes('ecb', key, null, data.subarray(0, data.length - (data.length % 16)), true),
    encrypt: (data) => aes('ecb', key, null, padTo(data, 16), false),
    info: () => info,
  };
}

const BLOCK = {
  verifierInput: Buffer.from([0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79]),
  verifierValue: Buffer.from([0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e]),
  key: Buffer.from([0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6]),
  hmacKey: Buffer.from([0x5f, 0xb2, 0xad, 0x01, 0x0c, 0xb9, 0xe1, 0xf6]),
  hmacValue: Buffer.from([0xa0, 0x67, 0x7f, 0x02, 0xb2, 0x2c, 0x84, 0x33]),
};

function xmlAttrs(xml: string, element: string): Record<string, string> | null {
  const tag = new RegExp(`<(?:\\w+:)?${element}\\b[^>]*>`).exec(xml)?.[0];
  if (!tag) return null;
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

/** Fit a derived value to a length: truncate, or pad with 0x36 (MS-OFFCRYPTO 2.3.4.11). */
function fit(b: Buffer, length: number): Buffer {
  return b.length >= length ? b.subarray(0, length) : Buffer.concat([b, Buffer.alloc(length - b.length, 0x36)]);
}

/** Agile encryption (MS-OFFCRYPTO 2.3.4.10): AES-CBC in 4096-byte segments, keys from a salted hash over spinCount rounds. */
function agile(info: Buffer, password: string): Scheme | null {
  const xml = info.subarray(8).toString('utf8');
  const keyData = xmlAttrs(xml, 'keyData');
  const integrity = xmlAttrs(xml, 'dataIntegrity');
  const pk = xmlAttrs(xml, 'encryptedKey');
  if (!keyData || !pk || keyData.cipherAlgorithm !== 'AES' || pk.cipherAlgorithm !== 'AES') return null;
  const hashName = (h: string) => h.toLowerCase().replace('-', '');
  const hash = (alg: string, ...parts: Buffer[]) => crypto.createHash(hashName(alg)).update(Buffer.concat(parts)).digest();
  const b64 = (s: string) => Buffer.from(s, 'base64');
  const pkSalt = b64(pk.saltValue);
  const pkKeyBytes = Number(pk.keyBits) / 8;
  let h = hash(pk.hashAlgorithm, pkSalt, Buffer.from(password, 'utf16le'));
  for (let i = 0, n = Number(pk.spinCount); i < n; i++) h = hash(pk.hashAlgorithm, le32(i), h);
  const keyFor = (block: Buffer) => fit(hash(pk.hashAlgorithm, h, block), pkKeyBytes);
  const verifierInput = aes('cbc', keyFor(BLOCK.verifierInput), pkSalt, b64(pk.encryptedVerifierHashInput), true).subarray(0, Number(pk.saltSize));
  const verifierHash = aes('cbc', keyFor(BLOCK.verifierValue), pkSalt, b64(pk.encryptedVerifierHashValue), true).subarray(0, Number(pk.hashSize));
  if (!hash(pk.hashAlgorithm, verifierInput).equals(verifierHash)) return null;
  const secret = aes('cbc', keyFor(BLOCK.key), pkSalt, b64(pk.encryptedKeyValue), true).subarray(0, Number(keyData.keyBits) / 8);
  const salt = b64(keyData.saltValue);
  const blockSize = Number(keyData.blockSize);
  const ivFor = (block: Buffer) => fit(hash(keyData.hashAlgorithm, salt, block), blockSize);
  const segments = (data: Buffer, decrypt: boolean) => {
    const out: Buffer[] = [];
    for (let i = 0, at = 0; at < data.length; i++, at += 4096) {
      const chunk = data.subarray(at, Math.min(at + 4096, data.length));
      out.push(aes('cbc', secret, ivFor(le32(i)), decrypt ? chunk.subarray(0, chunk.length - (chunk.length % blockSize)) : padTo(chunk, blockSize), decrypt));
    }
    return Buffer.concat(out);
  };
  return {
    decrypt: (data) => segments(data, true),
    encrypt: (data) => segments(data, false),
    info(encryptedPackage) {
      if (!integrity) return info;
      // The HMAC over the encrypted package proves it was not altered; a new package needs a new one.
      const hashSize = Number(keyData.hashSize);
      const hmacKey = aes('cbc', secret, ivFor(BLOCK.hmacKey), b64(integrity.encryptedHmacKey), true).subarray(0, hashSize);
      const hmac = crypto.createHmac(hashName(keyData.hashAlgorithm), hmacKey).update(encryptedPackage).digest();
      const value = aes('cbc', secret, ivFor(BLOCK.hmacValue), padTo(hmac, blockSize), false).toString('base64');
      const newXml = xml.replace(/(encryptedHmacValue=")[^"]*(")/, `$1${value}$2`);
      return Buffer.concat([info.subarray(0, 8), Buffer.from(newXml, 'utf8')]);
    },
  };
}
