import { formatDutch, parseNumberCell, parseNumberText } from '../../../src/core/parse/number';

describe('parseNumberText', () => {
  it.each([
    ['€ 1.609.966,35', 1609966.35],
    ['1,95', 1.95],
    ['1.234', 1234],
    ['1,234.50', 1234.5],
    ['12', 12],
    ['-1.250,00', -1250],
    ['(1.250,00)', -1250],
    ['€ -17.493', -17493],
    ['0,5', 0.5],
    ['1.5', 1.5],
  ])('%s -> %d', (text, expected) => {
    expect(parseNumberText(text)?.value).toBeCloseTo(expected, 10);
  });

  it('reads percentages as fractions', () => {
    expect(parseNumberText('87%')).toEqual({ value: 0.87, source: 'text', percent: true });
    expect(parseNumberText('12,5%')?.value).toBe(0.125);
  });

  it('reads a lone dash as nil', () => {
    expect(parseNumberText('-')).toEqual({ value: 0, source: 'dash', percent: false });
    expect(parseNumberText(' – ')?.source).toBe('dash');
  });

  it.each(['hoog', 'n.v.t.', '€ 1.2.3', '1,2,3', '', '12 fte', '--5'])('rejects %p', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });
});

describe('parseNumberCell', () => {
  it('keeps real numbers and marks their source', () => {
    expect(parseNumberCell(3)).toEqual({ value: 3, source: 'number', percent: false });
    expect(parseNumberCell('3')?.source).toBe('text');
    expect(parseNumberCell(null)).toBeNull();
    expect(parseNumberCell({ error: '#REF!' })).toBeNull();
    expect(parseNumberCell(true)).toBeNull();
  });
});

describe('formatDutch', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatDutch(1609966.35)).toBe('1.609.966,35');
    expect(formatDutch(-0.001)).toBe('0,00');
    expect(formatDutch(107331.09)).toBe('107.331,09');
  });
});
