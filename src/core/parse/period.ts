// Reporting periods named in text: "2e halfjaar 2021", "H1 2022", "Q3 2022", "2022".
// Used for the risk trend between periods and for the period of a whole workbook.

import { normaliseHeader } from '../detect/headers';

export interface Period {
  /** Sortable: year * 100 + last month of the period. */
  key: number;
  label: string;
}

const HALF = /\b([12])\s*(?:e|ste|de)?\s*half\s*jaar\b|\b(eerste|tweede)\s*half\s*jaar\b|\bh([12])\b|\bhj\s*([12])\b/;
const QUARTER = /\bq([1-4])\b|\b([1-4])\s*(?:e|ste|de)?\s*kwartaal\b|\bkwartaal\s*([1-4])\b/;

/** "Risico's 2e halfjaar 2021" -> 2021-12; "H1 2022" -> 2022-06; "Q3 2022" -> 2022-09; "2022" -> 2022-12. */
export function periodOf(text: string): Period | null {
  const t = normaliseHeader(text);
  const year = /\b(20\d{2})\b/.exec(t);
  if (!year) return null;
  const y = Number(year[1]);
  const h = HALF.exec(t);
  if (h) {
    const half = h[2] ? (h[2] === 'eerste' ? 1 : 2) : Number(h[1] ?? h[3] ?? h[4]);
    return { key: y * 100 + half * 6, label: `${half}e halfjaar ${y}` };
  }
  const q = QUARTER.exec(t);
  if (q) {
    const quarter = Number(q[1] ?? q[2] ?? q[3]);
    return { key: y * 100 + quarter * 3, label: `${quarter}e kwartaal ${y}` };
  }
  return { key: y * 100 + 12, label: String(y) };
}

