import fc from 'fast-check';
import { daysInMonth, edate, formatDateNl, monthKey, parseDateCell, parseDateText, serialToYmd, ymdToSerial } from '../../../src/core/parse/date';

describe('date serials', () => {
  it('match Excel for known dates', () => {
    expect(ymdToSerial(2022, 1, 31)).toBe(44592);
    expect(ymdToSerial(1900, 3, 1)).toBe(61);
    expect(ymdToSerial(2021, 7, 1)).toBe(44378);
    expect(serialToYmd(44673)).toEqual({ year: 2022, month: 4, day: 22 });
    expect(serialToYmd(44673.75)).toEqual({ year: 2022, month: 4, day: 22 });
    expect(monthKey(44378)).toBe('2021-07');
  });

  it('round-trip for every day from 1900-03-01 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), (serial) => {
        const { year, month, day } = serialToYmd(serial);
        expect(ymdToSerial(year, month, day)).toBe(serial);
      }),
      { numRuns: 1000 },
    );
  });

  it('EDATE clamps to the end of a shorter month, as Excel does', () => {
    expect(formatDateNl(edate(ymdToSerial(2021, 8, 31), 6))).toBe('28-02-2022');
    expect(formatDateNl(edate(ymdToSerial(2023, 8, 31), 6))).toBe('29-02-2024');
    expect(formatDateNl(edate(ymdToSerial(2021, 12, 15), 6))).toBe('15-06-2022');
    expect(formatDateNl(edate(ymdToSerial(2022, 3, 31), -1))).toBe('28-02-2022');
    expect(daysInMonth(2024, 2)).toBe(29);
  });
});

describe('parseDateCell', () => {
  it('takes real date cells as they are', () => {
    expect(parseDateCell(44673)).toEqual({ serial: 44673, source: 'number' });
    expect(parseDateCell(null)).toBeNull();
    expect(parseDateCell(-3)).toBeNull();
    expect(parseDateCell(true)).toBeNull();
  });

  it.each([
    ['31-01-2022', 44592],
    ['31/01/2022', 44592],
    ['31.01.2022', 44592],
    ['1-2-2022', 44593],
    ['2022-01-31', 44592],
    ['2022-01-31T00:00:00', 44592],
    ['31 januari 2022', 44592],
    ['3 mrt 2022', 44623],
    [' 44592 ', 44592],
  ])('reads text %p as a date stored as text', (text, serial) => {
    expect(parseDateCell(text)).toEqual({ serial, source: 'text' });
  });

  it.each(['31-02-2022', '29-02-2023', '00-01-2022', '12-13-2022', '2022-02-30', '32 januari 2022', 'gisteren', '', '31-01-22', '0', '9999999'])(
    'refuses %p',
    (text) => {
      expect(parseDateText(text)).toBeNull();
    },
  );

  it('reads every valid day written dd-mm-yyyy back to its serial, and refuses impossible days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const text = `${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}-${y}`;
        const got = parseDateText(text);
        if (d <= daysInMonth(y, m)) expect(got).toBe(ymdToSerial(y, m, d));
        else expect(got).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});
