// The reporting period of the realisation, read from the workbook's own
// words: the realisatie column's header first, then the title rows above the
// table, then its notes. Explicit words ("t/m 30 juni", "1e halfjaar", "Q3")
// win over a bare year ("Realisatie 2020", "jaarrekening": a whole year).
// When nothing says it, the half year is assumed and an info finding says so.

import type { Finding } from '../../findings/finding';
import { a1 } from '../../workbook/address';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { cellText, findSheet, rowValues } from '../../workbook/snapshot';
import { normaliseHeader } from '../../detect/headers';
import type { BudgetConfig } from './settings';
import type { BudgetTable } from './table';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const ORDINALS: Record<string, number> = { eerste: 1, tweede: 2, derde: 3, vierde: 4 };

/** Months covered by the realisation: "t/m 30 juni" → 6, "1e halfjaar" → 6, "derde kwartaal" → 9; else null. */
export function monthsFromText(text: string): number | null {
  const t = text.toLowerCase();
  const m = /(?:t\/m|tot en met|tot|per|einde|eind)\s+(?:\d{1,2}\s+)?([a-z]+)/.exec(t);
  if (m) {
    const i = MONTHS.findIndex((name) => name === m[1] || name.slice(0, 3) === m[1]);
    if (i >= 0) return i + 1;
  }
  if (/(1e|eerste)\s+halfjaar|halfjaar\s*1\b|\bh1\b/.test(t)) return 6;
  if (/(2e|tweede)\s+halfjaar|halfjaar\s*2\b|\bh2\b/.test(t)) return 12;
  const q = /(?:\bq([1-4])\b|\b([1-4])e\s+kwartaal|\b(eerste|tweede|derde|vierde)\s+kwartaal|\bkwartaal\s+([1-4])\b)/.exec(t);
  if (q) return 3 * (q[3] ? ORDINALS[q[3]] : Number(q[1] ?? q[2] ?? q[4]));
  if (/\bhalfjaar(rapportage|verslag|cijfers|monitor)?\b/.test(t)) return 6;
  return null;
}

/**
 * A whole year: "jaarrekening", "jaarverslag", or (where the text is about the
 * realisation) a year with no shorter period: "Realisatie 2020".
 */
export function isAnnualText(text: string, aboutRealisation: boolean): boolean {
  const t = normaliseHeader(text);
  if (/\b(jaarrekening|jaarverslag|jaarcijfers|jaarverantwoording|gehele jaar|heel jaar|hele jaar)\b/.test(t)) return true;
  if (!/\b(19|20)\d\d\b/.test(t)) return false;
  return aboutRealisation || /\b(realisatie|gerealiseerd|werkelijk|verantwoording)\b/.test(t);
}

export interface PeriodEvidence {
  text: string;
  sheet: string;
  cell: string;
}

export interface Period {
  months: number;
  source: 'setting' | 'header' | 'default';
  /** The words the period was read from. */
  evidence?: PeriodEvidence;
  /** Where the finding for an assumed period points (the first realisatie header). */
  assumedAt?: { sheet: string; cell: string };
}

/** The texts that can state a table's period, most specific first. */
function periodTexts(wb: WorkbookSnapshot, t: BudgetTable, tables: BudgetTable[]): { ev: PeriodEvidence; aboutRealisation: boolean }[] {
  const sheet = findSheet(wb, t.sheet);
  const out: { ev: PeriodEvidence; aboutRealisation: boolean }[] = [];
  if (t.columns.realisatie !== undefined && t.realisatieHeader) {
    out.push({ ev: { text: t.realisatieHeader, sheet: t.sheet, cell: a1(t.headerRow, t.columns.realisatie) }, aboutRealisation: true });
  }
  if (!sheet) return out;
  // Title rows: up to six rows above the header, not into the table above.
  const above = tables.filter((o) => o.sheet === t.sheet && o.lastRow < t.headerRow).reduce((m, o) => Math.max(m, o.lastRow), -1);
  const texts = (r: number) => {
    (rowValues(sheet, r)).forEach((v, c) => {
      if (typeof v === 'string' && v.trim()) out.push({ ev: { text: cellText(v), sheet: t.sheet, cell: a1(r, c) }, aboutRealisation: false });
    });
  };
  for (let r = Math.max(above + 1, t.headerRow - 6); r < t.headerRow; r++) texts(r);
  // Notes inside the table, then up to three rows below it.
  for (const row of t.rows) if (row.kind === 'note') texts(row.row);
  const below = tables.filter((o) => o.sheet === t.sheet && o.headerRow > t.lastRow).reduce((m, o) => Math.min(m, o.headerRow), sheet.rowCount);
  for (let r = t.lastRow + 1; r < Math.min(below, t.lastRow + 4); r++) texts(r);
  return out;
}

export function periodOf(wb: WorkbookSnapshot, tables: BudgetTable[], all: BudgetTable[], cfg: BudgetConfig): Period {
  if (cfg.periodMonths !== null) return { months: cfg.periodMonths, source: 'setting' };
  const candidates = tables.flatMap((t) => periodTexts(wb, t, all));
  for (const c of candidates) {
    const m = monthsFromText(c.ev.text);
    if (m !== null) return { months: m, source: 'header', evidence: c.ev };
  }
  for (const c of candidates) if (isAnnualText(c.ev.text, c.aboutRealisation)) return { months: 12, source: 'header', evidence: c.ev };
  const first = tables.find((t) => t.columns.realisatie !== undefined);
  return { months: 6, source: 'default', assumedAt: first ? { sheet: first.sheet, cell: a1(first.headerRow, first.columns.realisatie!) } : undefined };
}

/** An assumed period changes which deviations need an explanation: say so, and where to change it. */
export function periodFinding(p: Period): Finding | null {
  if (p.source !== 'default' || !p.assumedAt) return null;
  return {
    rule: 'budget.period-assumed',
    severity: 'info',
    kind: 'budget',
    sheet: p.assumedAt.sheet,
    cell: p.assumedAt.cell,
    message: `De verslagperiode van de realisatie staat niet in de kop, de titel of de noten (bijvoorbeeld "t/m 30 juni", "1e halfjaar", "Q3" of "Realisatie 2020"); Toetsblad gaat uit van 6 maanden (halfjaar). Klopt dat niet, vul dan het aantal maanden in bij budget.periodMonths in "TB Instellingen".`,
    expected: 6,
  };
}
