// Properties of the Dutch number parser: it never throws, whatever the text;
// what it returns is a finite number; and it reads back what formatDutch,
// formatEuro and formatPercent write, in every notation a workbook uses.

import fc from 'fast-check';
import { formatDutch, formatEuro, formatPercent, parseNumberCell, parseNumberText } from '../../../src/core/parse/number';
import { NUM_RUNS } from './runs';

const opts = { numRuns: NUM_RUNS };

/** Amounts in whole cents, up to a hundred billion euro either way. */
const cents = fc.integer({ min: -10_000_000_000_000, max: 10_000_000_000_000 });

/** Text as it arrives: any unicode, and fragments that look almost like numbers. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.stringMatching(/^[-+(€ ]{0,3}[0-9.,%\s]{0,16}[)€%]{0,2}$/),
  fc.constantFrom('hoog', 'n.v.t.', '€ 1.2.3', '1,2,3', '--5', '%', '€', '()', '(-)', '1e400', '-1e400', 'NaN', 'Infinity', '0x10', '١٢٣', '１２'),
);

describe('parseNumberText properties', () => {
  it('never throws and returns null or a finite number', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const p = parseNumberText(s);
        return p === null || (Number.isFinite(p.value) && !Object.is(p.value, -0));
      }),
      opts,
    );
  });

  it('reads back every amount formatDutch writes (Dutch grouping, decimal comma)', () => {
    fc.assert(
      fc.property(cents, (c) => {
        const n = c / 100;
        const p = parseNumberText(formatDutch(n, 2));
        return p !== null && p.source === 'text' && !p.percent && Math.abs(p.value - n) <= 1e-9 * Math.max(1, Math.abs(n));
      }),
      opts,
    );
  });

  it('reads euro amounts with the sign before or after the euro sign, and accounting brackets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_000_000 }), (c) => {
        const n = c / 100;
        const text = formatDutch(n, 2);
        const values = [formatEuro(n), `€ -${text}`, `-€ ${text}`, `(${text})`, `€${text}`, `${text} €`].map((s) => parseNumberText(s)?.value);
        const [euro, minusAfter, minusBefore, brackets, tight, trailing] = values;
        return euro === n && minusAfter === -n && minusBefore === -n && brackets === -n && tight === n && trailing === n;
      }),
      opts,
    );
  });

  it('reads English grouping the same as Dutch grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000_00, max: 10_000_000_000_000 }), (c) => {
        const n = c / 100;
        const dutch = formatDutch(n, 2);
        const english = dutch.replace(/\./g, '#').replace(',', '.').replace(/#/g, ',');
        return parseNumberText(english)?.value === parseNumberText(dutch)?.value;
      }),
      opts,
    );
  });

  it('reads percentages as fractions: formatPercent round-trips to a fraction', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (k) => {
        const fraction = k / 100_000; // 0,001% steps
        const p = parseNumberText(formatPercent(fraction, 3));
        return p !== null && p.percent && Math.abs(p.value - fraction) <= 1e-12;
      }),
      opts,
    );
  });

  it('ignores spaces, non-breaking spaces and narrow spaces around and inside the text', () => {
    const space = fc.constantFrom('', ' ', '\u00a0', '\u202f', '\t', '  ');
    fc.assert(
      fc.property(cents, space, space, (c, before, after) => {
        const text = formatDutch(c / 100, 2);
        return parseNumberText(`${before}${text}${after}`)?.value === parseNumberText(text)?.value;
      }),
      opts,
    );
  });

  it('gives every real number cell back unchanged, and nothing for other cell types', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), (d, b) => {
        const p = parseNumberCell(d);
        return p !== null && p.value === d && p.source === 'number' && parseNumberCell(b) === null && parseNumberCell({ error: '#N/A' }) === null;
      }),
      opts,
    );
  });
});
