// Hostile-input properties of the date parser (its round trips are tested
// with the parser itself): arbitrary text never throws and never yields a
// date outside Excel's calendar, impossible dates are refused, and the
// privacy scan reads day-month-year text exactly as the parser does.

import fc from 'fast-check';
import { MAX_SERIAL, parseDateCell, parseDateText } from '../../../src/core/parse/date';
import { dateValue } from '../../../src/core/features/privacy/scan';
import { NUM_RUNS } from './runs';

const opts = { numRuns: NUM_RUNS };

const dateLike = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.stringMatching(/^\s?\d{0,4}[-/. ]?\d{0,4}[-/. ]?\d{0,5}\s?$/),
  fc.stringMatching(/^\d{1,2} (jan|feb|mrt|maart|mei|okt|december|foo)\.? \d{4}$/),
);

/** Days in a month by the calendar, computed here without the parser. */
const realDays = (y: number, m: number) => [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

describe('parseDateText on hostile text', () => {
  it('never throws; a result is a serial within Excel’s calendar', () => {
    fc.assert(
      fc.property(dateLike, (s) => {
        const v = parseDateText(s);
        return v === null || (Number.isFinite(v) && v >= 1 && v <= MAX_SERIAL);
      }),
      opts,
    );
  });

  it('refuses days past the end of the month (31-02-2022, 31-04-2023, 29-02-2023)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 9 }), (y, m, extra) => {
        const d = realDays(y, m) + extra;
        if (d > 99) return true;
        return parseDateText(`${d}-${m}-${y}`) === null && parseDateCell(`${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}-${y}`) === null;
      }),
      opts,
    );
  });

  it('the privacy scan reads d-m-yyyy text to the same serial as the parser', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.constantFrom('-', '/', '.'), (y, m, d, sep) => {
        const text = `${d}${sep}${m}${sep}${y}`;
        return dateValue(text, 'General') === parseDateText(text);
      }),
      opts,
    );
  });
});
