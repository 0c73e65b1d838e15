// How heavy the task pane's first load is: the scripts taskpane.html loads
// itself (not chunks loaded later), raw and gzipped. The benchmark reuses this.

import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

export interface BundleSize {
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
}

export function initialBundleSize(distDir: string, html = 'taskpane.html'): BundleSize {
  const page = fs.readFileSync(path.join(distDir, html), 'utf8');
  const srcs = [...page.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
  const files = srcs.map((src) => {
    const buf = fs.readFileSync(path.join(distDir, src));
    return { file: src, bytes: buf.length, gzipBytes: zlib.gzipSync(buf, { level: 9 }).length };
  });
  return { files, bytes: files.reduce((n, f) => n + f.bytes, 0), gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0) };
}
