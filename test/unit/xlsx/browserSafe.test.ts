// The reader runs in the task pane too (issue 15 reads picked files there):
// openXlsx and everything it imports must do without Node's fs, zlib and
// Buffer. Node's modules are made to throw here and Buffer is taken away
// while the example is read through the pure-JavaScript codec.

import * as path from 'path';

jest.mock('zlib', () => {
  throw new Error('the reader imported zlib');
});
jest.mock('fs', () => {
  throw new Error('the reader imported fs');
});

const realFs = jest.requireActual<typeof import('fs')>('fs');
const ROOT = path.join(__dirname, '..', '..', '..');
const EXAMPLE = path.join(ROOT, 'examples', 'oss-2022-halfjaar.xlsx');

/** Every source file the module imports, transitively (relative imports only), and the bare modules it names. */
function importGraph(entry: string): { files: string[]; bare: Set<string> } {
  const files: string[] = [];
  const bare = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (files.includes(file)) continue;
    files.push(file);
    const text = realFs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)'([^']+)'/g)) {
      const spec = m[1];
      if (!spec.startsWith('.')) {
        bare.add(spec);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const hit = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => realFs.existsSync(f));
      if (hit) todo.push(hit);
    }
  }
  return { files, bare };
}

describe('browser-safe reading path', () => {
  it('imports no Node module and uses no Buffer method', () => {
    const { files, bare } = importGraph(path.join(ROOT, 'src', 'hosts', 'xlsx', 'index.ts'));
    expect(files.length).toBeGreaterThan(5);
    // fflate is the only package: pure JavaScript, and it ships a browser build.
    expect([...bare].filter((b) => !b.startsWith('../'))).toEqual(['fflate']);
    for (const file of files) expect({ file, buffer: /\bBuffer\b/.test(realFs.readFileSync(file, 'utf8')) }).toEqual({ file, buffer: false });
  });

  it('reads the example without zlib, fs or Buffer', () => {
    const bytes = new Uint8Array(realFs.readFileSync(EXAMPLE));
    const savedBuffer = globalThis.Buffer;
    // Loaded here, after the mocks above are in place.
    const { openXlsx } = require('../../../src/hosts/xlsx') as typeof import('../../../src/hosts/xlsx');
    let opened: ReturnType<typeof openXlsx>;
    try {
      (globalThis as { Buffer?: unknown }).Buffer = undefined;
      opened = openXlsx(bytes);
    } finally {
      globalThis.Buffer = savedBuffer;
    }
    const { sheets } = opened.snapshot;
    expect(sheets.map((s) => s.name)).toEqual(["Risico's", 'Financiering', 'Indicatoren', 'Trajecten']);
    // Values the example's own expected-figures file was computed from: a date serial and a header.
    expect(sheets[3].value(1, 3)).toBe(44673);
    expect(sheets.every((s) => s.rowCount > 0)).toBe(true);
  });
});
