import fc from 'fast-check';
import type { NormOperator } from '../../../src/core/parse/normText';
import { formatNorm, meets, parseNormText } from '../../../src/core/parse/normText';

describe('parseNormText: the texts providers write', () => {
  it.each([
    ['≥ 90%', '>=', 0.9, true],
    ['>= 90%', '>=', 0.9, true],
    ['100%', '>=', 1, true],
    ['minimaal 80%', '>=', 0.8, true],
    ['Minimaal 85', '>=', 85, false],
    ['ten minste 75', '>=', 75, false],
    ['tenminste 12,5%', '>=', 0.125, true],
    ['max. 10%', '<=', 0.1, true],
    ['max 50%', '<=', 0.5, true],
    ['maximaal 30%', '<=', 0.3, true],
    ['ten hoogste 2', '<=', 2, false],
    ['> 6,0', '>', 6, false],
    ['hoger dan 6,0', '>', 6, false],
    ['lager dan 5%', '<', 0.05, true],
    ['< 3', '<', 3, false],
    ['≤ 14', '<=', 14, false],
    ['= 0', '=', 0, false],
    ['80% of meer', '>=', 0.8, true],
    ['10 procent of minder', '<=', 0.1, true],
    ['+1,0', '>=', 1, false],
    ['minimaal 1.000', '>=', 1000, false],
    ['\u00a0≥\u00a090 %', '>=', 0.9, true],
  ] as [string, NormOperator, number, boolean][])('%s', (text, op, value, percent) => {
    const p = parseNormText(text)!;
    expect(p).not.toBeNull();
    expect(p.op).toBe(op);
    expect(p.value).toBeCloseTo(value, 12);
    expect(p.percent).toBe(percent);
  });

  it.each(['', 'n.v.t.', 'hoog', 'minimaal', '≥', '90% of 95%', '-', 'ongeveer 80%', 'onderdeel 5', 'max 10% of meer'])('does not read %p', (text) => {
    expect(parseNormText(text)).toBeNull();
  });
});

// ---- Property tests: generated norm texts in every spelling we support.

const OPERATOR_WORDS: Record<NormOperator, string[]> = {
  '>=': ['≥', '>=', '=>', 'minimaal', 'Minimaal', 'min.', 'min', 'ten minste', 'tenminste', 'minstens', 'niet minder dan'],
  '>': ['>', 'hoger dan', 'meer dan', 'groter dan', 'boven'],
  '<=': ['≤', '<=', '=<', 'maximaal', 'max.', 'max', 'Max.', 'ten hoogste', 'hoogstens', 'niet meer dan'],
  '<': ['<', 'lager dan', 'minder dan', 'kleiner dan', 'onder'],
  '=': ['=', 'gelijk aan'],
};

/** A value as a Dutch text, and the number it stands for. */
const dutchNumber = fc
  .tuple(fc.integer({ min: 0, max: 99_999 }), fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }), fc.boolean())
  .map(([int, dec, grouped]) => {
    const intText = grouped && int >= 1000 ? int.toLocaleString('de-DE') : String(int);
    const text = dec === undefined ? intText : `${intText},${String(dec).padStart(2, '0')}`;
    const value = dec === undefined ? int : int + dec / 100;
    return { text, value };
  });

const spaces = fc.constantFrom('', ' ', '  ', '\u00a0');

describe('parseNormText properties', () => {
  it('reads operator + number + optional percent in any supported spelling', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(OPERATOR_WORDS) as NormOperator[])),
        fc.nat(),
        dutchNumber,
        fc.boolean(),
        spaces,
        spaces,
        (op, pick, num, percent, before, between) => {
          const words = OPERATOR_WORDS[op];
          const word = words[pick % words.length];
          // Word operators need a space before the number; symbols may touch it.
          const gap = /[a-z.]$/i.test(word) && between === '' ? ' ' : between;
          const text = `${before}${word}${gap}${num.text}${percent ? '%' : ''}`;
          const p = parseNormText(text);
          expect(p).not.toBeNull();
          expect(p!.op).toBe(op);
          expect(p!.percent).toBe(percent);
          expect(p!.value).toBeCloseTo(percent ? num.value / 100 : num.value, 9);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads a bare value as a target to reach (≥)', () => {
    fc.assert(
      fc.property(dutchNumber, fc.boolean(), (num, percent) => {
        const p = parseNormText(`${num.text}${percent ? '%' : ''}`)!;
        expect(p.op).toBe('>=');
        expect(p.value).toBeCloseTo(percent ? num.value / 100 : num.value, 9);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips through formatNorm', () => {
    fc.assert(
      fc.property(fc.constantFrom<NormOperator>('>=', '>', '<=', '<', '='), dutchNumber, fc.boolean(), (op, num, percent) => {
        const first = { op, value: percent ? num.value / 100 : num.value, percent };
        const again = parseNormText(formatNorm(first))!;
        expect(again.op).toBe(op);
        expect(again.percent).toBe(percent);
        expect(again.value).toBeCloseTo(first.value, 9);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws, and anything it reads has a finite value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const p = parseNormText(s);
        if (p) expect(Number.isFinite(p.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects text with letters after the number', () => {
    fc.assert(
      fc.property(dutchNumber, fc.constantFrom('x', 'cliënten', 'weken', 'of 95%'), (num, tail) => {
        expect(parseNormText(`minimaal ${num.text} ${tail}`)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});

describe('meets', () => {
  it('agrees with the operator for every pair', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (v, n) => {
        expect(meets(v, '>=', n)).toBe(v >= n);
        expect(meets(v, '>', n)).toBe(v > n);
        expect(meets(v, '<=', n)).toBe(v <= n);
        expect(meets(v, '<', n)).toBe(v < n);
        expect(meets(v, '=', n)).toBe(Math.abs(v - n) < 1e-9);
      }),
      { numRuns: 1000 },
    );
  });
});
