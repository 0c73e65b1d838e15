// The names a controller reads and types in the column mapping of "TB
// Instellingen": Dutch names of table kinds and fields, the same ones the pane
// shows. The internal (English) names keep working, so a mapping written by an
// older version still applies. Kinds and fields a newer feature adds without a
// Dutch name here are shown as their internal name, humanised.

import { normaliseHeader } from '../detect/headers';

/** Dutch names of the table kinds. */
export const KIND_NAMES: Record<string, string> = {
  'risk-register': 'Risicoregister',
  'budget-table': 'Begrotingstabel',
  'budget-balance': 'Baten en lasten',
  indicators: 'Indicatorentabel',
  trajectories: 'Trajectgegevens',
  ignore: 'Negeren',
};

/** Dutch names of the fields per kind. */
export const FIELD_NAMES: Record<string, Record<string, string>> = {
  'risk-register': {
    nr: 'Nr',
    werksoort: 'Werksoort',
    risico: 'Risico',
    kans: 'Kans',
    schade: 'Schade',
    effect: 'Effect',
    kansNetto: 'Kans (netto)',
    schadeNetto: 'Schade (netto)',
    effectNetto: 'Effect (netto)',
    randvoorwaarde: 'Randvoorwaarde',
    verantwoordelijk: 'Verantwoordelijk',
  },
  'budget-table': {
    label: 'Omschrijving',
    fte: 'Fte',
    begroot: 'Begroot',
    realisatie: 'Realisatie',
    prognose: 'Prognose',
    toelichting: 'Toelichting',
    besparing: 'Besparing',
  },
  'budget-balance': { baten: 'Baten', lasten: 'Lasten' },
  indicators: { werksoort: 'Werksoort', indicator: 'Indicator', norm: 'Norm', realisatie: 'Realisatie', toelichting: 'Toelichting' },
  trajectories: {
    dossiernr: 'Dossiernummer',
    werksoort: 'Werksoort',
    wijk: 'Wijk',
    aanmelding: 'Datum aanmelding',
    eersteGesprek: 'Datum eerste gesprek',
    afsluiting: 'Datum afsluiting',
    uitstroom: 'Uitstroom',
    terugkeer: 'Terugkeer',
    aantalGesprekken: 'Aantal gesprekken',
    cijferStart: 'Cijfer start',
    cijferEind: 'Cijfer eind',
    tevredenheid: 'Tevredenheid',
  },
};

/** "eersteGesprek" → "Eerste gesprek", "risk-register" → "Risk register". */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function kindName(kind: string): string {
  return KIND_NAMES[kind] ?? humanise(kind);
}

export function fieldName(kind: string, field: string): string {
  return FIELD_NAMES[kind]?.[field] ?? humanise(field);
}

const same = (a: string, b: string) => normaliseHeader(a) === normaliseHeader(b);

/** The internal kind for a Dutch or internal name; null when unknown. */
export function resolveKind(text: string, known: string[] = Object.keys(KIND_NAMES)): string | null {
  const t = text.trim();
  if (!t) return null;
  const all = [...new Set([...Object.keys(KIND_NAMES), ...known])];
  return all.find((k) => k === t || same(k, t) || same(kindName(k), t)) ?? null;
}

/** The internal field of a kind for a Dutch or internal name; null when unknown. */
export function resolveField(kind: string, text: string, known: string[] = []): string | null {
  const t = text.trim();
  if (!t) return null;
  const all = [...new Set([...Object.keys(FIELD_NAMES[kind] ?? {}), ...known])];
  return all.find((f) => f === t || same(f, t) || same(fieldName(kind, f), t)) ?? null;
}

/** Every Dutch kind name, for the drop-down in TB Instellingen. */
export function kindNames(): string[] {
  return Object.keys(KIND_NAMES).map(kindName);
}

/** Every Dutch field name of a kind. */
export function fieldNames(kind: string): string[] {
  return Object.keys(FIELD_NAMES[kind] ?? {}).map((f) => fieldName(kind, f));
}

/** Edit distance between two short strings (Levenshtein). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/**
 * The names closest to what was typed, best first, for "bedoelt u …?": names
 * that contain it or are contained in it, then those within a few typing
 * mistakes. At most `max`.
 */
export function closestNames(text: string, names: string[], max = 3): string[] {
  const t = normaliseHeader(text);
  if (!t) return [];
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(names)) {
    const n = normaliseHeader(name);
    if (!n) continue;
    const d = editDistance(t, n);
    const contains = n.includes(t) || t.includes(n);
    const limit = Math.max(2, Math.floor(Math.max(t.length, n.length) / 3));
    if (contains || d <= limit) scored.push({ name, score: contains ? d / 10 : d });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, max)
    .map((s) => s.name);
}

/** ' Bedoelt u "A" of "B"?' or ''. */
export function didYouMean(suggestions: string[]): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((s) => `"${s}"`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} of ${quoted[quoted.length - 1]}`;
  return ` Bedoelt u ${list}?`;
}
