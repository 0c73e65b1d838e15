// The built pane parses at its declared language level (webpack.config.js
// LANGUAGE_LEVEL), so syntax a supported webview cannot read (?. ??= regex
// lookbehind …) cannot slip back in through our code or a dependency; the
// start-up guard parses as ES5, so it runs even where the main bundle cannot.

import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'acorn';
import type { ecmaVersion as EcmaVersion } from 'acorn';

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const { LANGUAGE_LEVEL } = require('../../webpack.config.js') as { LANGUAGE_LEVEL: string };
const level = Number(LANGUAGE_LEVEL.replace(/^ES/i, '')) as EcmaVersion;

function parseError(file: string, ecmaVersion: EcmaVersion): string | null {
  const src = fs.readFileSync(path.join(DIST, file), 'utf8');
  try {
    parse(src, { ecmaVersion, sourceType: 'script' });
    return null;
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0;
    return `${file}: ${(e as Error).message} near …${src.slice(Math.max(0, pos - 60), pos + 40)}…`;
  }
}

describe('bundle language level', () => {
  it('is declared as a year the parser knows', () => {
    expect(level).toBeGreaterThanOrEqual(2015);
    // The check can fail: newer syntax is refused at the declared level.
    expect(() => parse('a?.b ?? c', { ecmaVersion: level })).toThrow();
    expect(() => parse('/(?<!x)y/', { ecmaVersion: level })).toThrow();
  });

  it('every script the pane and the commands page load parses at the declared level', () => {
    const scripts = fs.readdirSync(DIST).filter((f) => f.endsWith('.js') && f !== 'bootstrap.js');
    expect(scripts).toEqual(expect.arrayContaining(['taskpane.js', 'commands.js']));
    expect(scripts.map((f) => parseError(f, level)).filter(Boolean)).toEqual([]);
  });

  it('the start-up guard is ES5 and loads before the main bundle', () => {
    expect(parseError('bootstrap.js', 5)).toBeNull();
    const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
    const order = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?[^>]*>/g)].map((m) => [path.basename(m[1]), /\bdefer\b/.test(m[0])]);
    const guard = order.findIndex(([f]) => f === 'bootstrap.js');
    const main = order.findIndex(([f]) => f === 'taskpane.js');
    expect(guard).toBeGreaterThanOrEqual(0);
    // A classic script runs before deferred ones wherever it stands; if the main bundle is not deferred it must come later.
    expect(order[guard][1]).toBe(false);
    expect(order[main][1] || main > guard).toBe(true);
  });
});
