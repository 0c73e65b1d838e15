// The built-in number formats (ECMA-376 part 1, 18.8.30) that a cell style can
// name by id alone, and which of them show dates.

/** The formats Excel writes without a <numFmt> entry, as ExcelJS reads them (so both readers agree). */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** ExcelJS's test for a date-or-time format; the snapshot keeps agreeing with the ExcelJS reader. */
export function isDateOrTimeFormat(fmt: string): boolean {
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/**
 * A format that shows a calendar date (a year, a day, or a month that is not
 * minutes), as opposed to a time of day or a duration such as [hh]:mm:ss. Only
 * these move when a 1904-based workbook's serials are brought to the 1900 system.
 */
export function showsCalendarDate(fmt: string): boolean {
  const f = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*]/g, '')
    .toLowerCase();
  if (/[ydeg]/.test(f.replace(/am\/pm|a\/p/g, ''))) return true;
  // "m" right after an hour or before seconds is minutes; elsewhere it is a month.
  const minutes = f.replace(/h+[^a-z]*m+|m+(?=[^a-z]*s)/g, '');
  return /m/.test(minutes);
}
