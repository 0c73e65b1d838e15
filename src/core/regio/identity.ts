// Who and when a source workbook is: the provider or municipality from its
// own title rows (a labelled cell, or "gemeente X" in a title), else from the
// file name; the period from its titles, sheet names and file name.

import { normaliseHeader } from '../detect/headers';
import type { Period } from '../parse/period';
import { periodOf } from '../parse/period';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { cellText, rowValues } from '../workbook/snapshot';

/** Rows at the top of a sheet that hold titles. */
const TITLE_ROWS = 5;

const NAME_LABELS = new Set([
  'aanbieder',
  'naam aanbieder',
  'zorgaanbieder',
  'welzijnsaanbieder',
  'organisatie',
  'naam organisatie',
  'instelling',
  'naam instelling',
  'subsidieontvanger',
  'gemeente',
  'provider',
  'organisation',
  'organization',
]);

/** Capitalised words after "gemeente": "… 2016 gemeente Sint-Michielsgestel" -> "Sint-Michielsgestel". */
const MUNICIPALITY = /\bgemeente\s+((?:[A-ZÀ-Ý'][^\s,;:()]*)(?:\s+(?:[A-ZÀ-Ý][^\s,;:()]*|aan|op|en|de))*)/;

function titleTexts(wb: WorkbookSnapshot): { row: string[]; sheet: string }[] {
  const out: { row: string[]; sheet: string }[] = [];
  for (const s of wb.sheets) {
    for (let r = 0; r < Math.min(TITLE_ROWS, s.rowCount); r++) {
      out.push({ sheet: s.name, row: (rowValues(s, r)).map((v) => cellText(v ?? null).trim()) });
    }
  }
  return out;
}

export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').trim() || base;
}

/** The name a file name gives: "lumens-h1-2022.xlsx" -> "Lumens" (period words and separators dropped). */
export function nameFromFile(file: string): string {
  const stem = fileStem(file);
  const words = stem
    .split(/[\s_-]+/)
    .filter((w) => w && !/^(h[12]|hj[12]|q[1-4]|(19|20)\d\d|\d(e|ste|de)?|halfjaar|kwartaal|rapportage|monitoring|v\d+|def(initief)?|concept)$/i.test(w));
  const name = words.join(' ') || stem;
  return name === name.toLowerCase() ? name[0].toUpperCase() + name.slice(1) : name;
}

export function sourceName(file: string, wb: WorkbookSnapshot | null): { name: string; from: 'title' | 'file' } {
  if (wb) {
    const rows = titleTexts(wb);
    for (const { row } of rows) {
      for (let c = 0; c < row.length; c++) {
        const own = /^([^:]{3,30}):\s*(.+)$/.exec(row[c]);
        if (own && NAME_LABELS.has(normaliseHeader(own[1]))) return { name: own[2].trim(), from: 'title' };
        if (!NAME_LABELS.has(normaliseHeader(row[c].replace(/:$/, '')))) continue;
        const next = row.slice(c + 1).find((t) => t !== '');
        if (next && /[A-Za-zÀ-ÿ]/.test(next)) return { name: next, from: 'title' };
      }
    }
    const municipalities = new Set<string>();
    for (const { row } of rows) for (const t of row) {
      const m = MUNICIPALITY.exec(t);
      if (m) municipalities.add(m[1].replace(/\s+(aan|op|en|de)$/, ''));
    }
    // Several municipalities named (one sheet each): the workbook is not about one of them.
    if (municipalities.size === 1) return { name: [...municipalities][0], from: 'title' };
  }
  return { name: nameFromFile(file), from: 'file' };
}

/**
 * The period the titles name most often, preferring a half year or quarter
 * over a bare year ("Begroot 2022" in a header says less than "1e halfjaar 2022").
 */
export function sourcePeriod(file: string, wb: WorkbookSnapshot | null): Period | null {
  const texts = [fileStem(file)];
  if (wb) {
    for (const s of wb.sheets) texts.push(s.name);
    for (const { row } of titleTexts(wb)) for (const t of row) if (t) texts.push(t);
  }
  const found = new Map<number, { period: Period; n: number }>();
  for (const t of texts) {
    const p = periodOf(t);
    if (!p) continue;
    const e = found.get(p.key) ?? { period: p, n: 0 };
    e.n++;
    found.set(p.key, e);
  }
  const specific = (p: Period) => !/^\d{4}$/.test(p.label);
  const ranked = [...found.values()].sort((a, b) => Number(specific(b.period)) - Number(specific(a.period)) || b.n - a.n || b.period.key - a.period.key);
  return ranked[0]?.period ?? null;
}

/** Two periods are the same reporting period; a bare year fits any half year or quarter of it. */
export function samePeriod(a: Period, b: Period): boolean {
  if (a.key === b.key) return true;
  const year = (p: Period) => Math.floor(p.key / 100);
  return year(a) === year(b) && (/^\d{4}$/.test(a.label) || /^\d{4}$/.test(b.label));
}

/** Names compared for duplicates: case, accents, punctuation and a leading "gemeente" ignored. */
export function nameKey(name: string): string {
  return normaliseHeader(name).replace(/^(gemeente|stichting)\s+/, '');
}

/** "Welzijn De Meierij" -> "welzijn_de_meierij": the prefix of a source's own figures in the summary. */
export function nameSlug(name: string): string {
  return nameKey(name).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'bron';
}
