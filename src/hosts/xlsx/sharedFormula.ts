// Shared formulas: a cell that shares the formula of its master carries only
// an index; its own text is the master's, with relative references moved by
// the distance between the two cells. The same translation ExcelJS applies, so
// both readers agree.

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function colNumber(l: string): number {
  let c = 0;
  for (let i = 0; i < l.length; i++) c = c * 26 + (l.charCodeAt(i) - 64);
  return c;
}

function decodeRef(ref: string): { col: number; row: number } {
  const m = CELL.exec(ref.replace(/\$/g, ''));
  return m ? { col: colNumber(m[2].toUpperCase()), row: Number(m[4]) } : { col: 1, row: 1 };
}

export function slideFormula(formula: string, from: string, to: string): string {
  const a = decodeRef(from);
  const b = decodeRef(to);
  return formula.replace(CANDIDATE, (whole, sheet: string | undefined, _name, addr: string, paren: string | undefined) => {
    if (paren) return whole;
    const m = CELL.exec(addr);
    if (!m) return whole;
    const colStr = m[2].toUpperCase();
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return whole;
    let col = colNumber(colStr);
    let row = parseInt(m[4], 10);
    if (!m[1]) col += b.col - a.col;
    if (!m[3]) row += b.row - a.row;
    return `${sheet ?? ''}${m[1] ?? ''}${letters(col)}${m[3] ?? ''}${row}`;
  });
}
