// Keeps personal data out of everything Toetsblad writes. Findings quote the
// cells they are about ("Kans is geen getal ("…")"); when the quoted text is
// a value from a personal-data column it is masked, and numbers that pass the
// BSN elfproef are masked in findings and in every literal text of the
// generated sheets. A generated cell that copies a personal value whole is
// masked too, but only for values of more than one word or with a digit
// ("Jansen, Pietje", "Kerkstraat 12", "12-03-1951"): a single word such as
// "Norm" may be one of Toetsblad's own labels that someone also typed there.

import type { Finding } from '../../findings/finding';
import type { SheetSpec } from '../../plan/plan';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { cellText, cellValue, findSheet, isBlank } from '../../workbook/snapshot';
import { personalColumns } from './detect';
import { bsnDigits, passesElfproef } from './elfproef';

export const MASK = '[persoonsgegeven verwijderd]';
export const BSN_MASK = '[BSN verwijderd]';

/**
 * Nine digits, possibly grouped as 1234.56.782 or 1234 56 782, not part of a longer number.
 * The character before is matched (group 1) rather than looked behind at: lookbehind is ES2018,
 * which the task pane's bundle must not need (Safari before 16.4 cannot parse it).
 */
const BSN_LIKE = /(^|[^\d.,])(\d{4}[ .]?\d{2}[ .]?\d{3}|\d{8})(?![\d,]|\.\d)/g;
/** Quoted fragments in messages: that is where findings put user text. */
const QUOTED = /"([^"]*)"/g;

/** The texts found in personal-data columns, as they appear in cells. */
export function personalValues(wb: WorkbookSnapshot): Set<string> {
  const out = new Set<string>();
  for (const p of personalColumns(wb)) {
    const sheet = findSheet(wb, p.sheet);
    if (!sheet) continue;
    // Values under the header only: text above it (titles, the header itself) is not personal data.
    for (let r = p.header ? p.row + 1 : p.row; r <= p.lastRow; r++) {
      if (p.records && !p.records.has(r)) continue;
      const v = cellValue(sheet, r, p.col);
      if (v === undefined || isBlank(v)) continue;
      const text = cellText(v);
      if (typeof v === 'string' && text.length >= 3) out.add(text);
      const digits = bsnDigits(v);
      if (digits) out.add(digits);
    }
  }
  return out;
}

export class Redactor {
  constructor(private readonly values: Set<string>) {}

  /** Numbers that pass the elfproef, wherever they stand in the text. */
  bsn(s: string): string {
    return s.replace(BSN_LIKE, (_m, before: string, m: string) => {
      const d = bsnDigits(m.replace(/[ .]/g, ''));
      return before + (d && passesElfproef(d) ? BSN_MASK : m);
    });
  }

  /** BSNs anywhere, and personal values when they are the whole text or a quoted part of it. */
  text(s: string): string {
    let out = this.bsn(s);
    if (this.values.size === 0) return out;
    if (this.values.has(out.trim())) return MASK;
    out = out.replace(QUOTED, (m, inner: string) => (this.values.has(inner.trim()) ? `"${MASK}"` : m));
    return out;
  }

  finding(f: Finding): Finding {
    const out: Finding = { ...f, message: this.text(f.message) };
    if (typeof f.expected === 'string') out.expected = this.text(f.expected);
    if (typeof f.actual === 'string') out.actual = this.text(f.actual);
    return out;
  }

  /** Text of a generated cell: BSNs anywhere, and a copied personal value that cannot be a label of ours. */
  cellText(s: string): string {
    const t = s.trim();
    if (/[\s\d]/.test(t) && this.values.has(t)) return MASK;
    return this.bsn(s);
  }

  /** Literal text cells only: formulas and their engine values are aggregates. */
  sheet(spec: SheetSpec): SheetSpec {
    return { ...spec, cells: spec.cells.map((c) => (c.f === undefined && typeof c.v === 'string' ? { ...c, v: this.cellText(c.v) } : c)) };
  }
}

export function redactorFor(wb: WorkbookSnapshot): Redactor {
  return new Redactor(personalValues(wb));
}

/** Mask personal data in findings and generated sheets, in place (the report's last step before writing). */
export function redactPersonalData(wb: WorkbookSnapshot, findings: Finding[], sheets: SheetSpec[]): void {
  try {
    const r = redactorFor(wb);
    // Element by element: spreading 100.000 findings into one call would overflow the stack.
    for (let i = 0; i < findings.length; i++) findings[i] = r.finding(findings[i]);
    for (let i = 0; i < sheets.length; i++) sheets[i] = r.sheet(sheets[i]);
  } catch (e) {
    // Never crash the report; say so, like any other failing part.
    findings.push({
      rule: 'internal.feature-failed',
      severity: 'error',
      kind: 'input',
      sheet: '',
      cell: '',
      message: `Onderdeel Privacy kon persoonsgegevens niet afschermen (${e instanceof Error ? e.message : String(e)}). Deel dit rapport niet voordat u het hebt nagekeken; meld dit aan de beheerder van Toetsblad.`,
    });
  }
}
