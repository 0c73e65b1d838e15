// The text form of a norm definition, as it stands in a row of
// 'TB Normdefinities' (and as the built-in catalogue is written), and its
// parser. Bad text gives errors per column, never an exception.

import { parseNumberCell } from '../../parse/number';
import type { NormOperator } from '../../parse/normText';
import { parseNormText } from '../../parse/normText';
import type { CellValue } from '../../workbook/snapshot';
import { cellText } from '../../workbook/snapshot';
import type { Clause, CompareOp, Measure, MeasureKind, NormDef, NormTarget } from './model';
import { unitOf } from './model';

/** The columns of the definitions table, in sheet order. */
export const DEFINITION_COLUMNS = [
  'aan',
  'sleutel',
  'indicator',
  'kernbeding',
  'blad',
  'filter',
  'meting',
  'kolommen',
  'voorwaarde',
  'grens',
  'perMaand',
  'operator',
  'norm',
  'marge',
  'hoortBij',
  'bron',
  'per',
  'indicatorregel',
] as const;

export type DefinitionColumn = (typeof DEFINITION_COLUMNS)[number];

export type DefinitionRow = Partial<Record<DefinitionColumn, CellValue>>;

export const DEFINITION_HEADERS: Record<DefinitionColumn, string> = {
  aan: 'Aan',
  sleutel: 'Sleutel',
  indicator: 'Indicator',
  kernbeding: 'Kernbeding',
  blad: 'Gegevensblad',
  filter: 'Filter (populatie)',
  meting: 'Meting',
  kolommen: 'Kolommen',
  voorwaarde: 'Voorwaarde',
  grens: 'Grens (dagen/maanden)',
  perMaand: 'Per maand van',
  operator: 'Operator',
  norm: 'Norm',
  marge: 'Marge (bijna)',
  hoortBij: 'Tweede trede van',
  bron: 'Bron',
  per: 'Per (uitsplitsing)',
  indicatorregel: 'Indicatorregel aanbieder',
};

export const MEASURE_NAMES: Record<MeasureKind, string> = {
  share: 'aandeel',
  withinDays: 'aandeel binnen dagen',
  withinMonths: 'aandeel binnen maanden',
  count: 'aantal',
  countOverDays: 'aantal boven dagen',
  mean: 'gemiddelde',
  meanDiff: 'gemiddeld verschil',
  ratio: 'verhouding',
  sum: 'som',
};

const MEASURE_ALIASES: Record<string, MeasureKind> = {
  ...Object.fromEntries(Object.entries(MEASURE_NAMES).map(([k, v]) => [v, k as MeasureKind])),
  percentage: 'share',
  'aandeel binnen termijn': 'withinDays',
  'aantal buiten dagen': 'countOverDays',
  'aantal over dagen': 'countOverDays',
  gemiddeld: 'mean',
  verschil: 'meanDiff',
  totaal: 'sum',
  optelling: 'sum',
  'som van': 'sum',
};

export const OPERATOR_CHOICES = ['≥', '>', '≤', '<', '='];

export interface DefinitionError {
  column: DefinitionColumn;
  message: string;
}

export type ParsedDefinition = { ok: true; def: NormDef } | { ok: false; errors: DefinitionError[] };

const text = (row: DefinitionRow, c: DefinitionColumn) => cellText(row[c] ?? null);

/** Split "a; b" (also on a line break). */
function list(s: string): string[] {
  return s
    .split(/[;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

function value(raw: string): string | number {
  const t = raw.trim().replace(/^"(.*)"$/, '$1');
  return /^-?\d+(,\d+)?$/.test(t) ? Number(t.replace(',', '.')) : t;
}

/** A number in a condition: "85", "6,5", "-1", "1.5". */
function numberIn(raw: string): number | null {
  const t = raw.trim();
  return /^[-+]?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : null;
}

const COMPARE_WORDS: Record<string, CompareOp> = { '>': 'gt', '>=': 'ge', '≥': 'ge', '=>': 'ge', '<': 'lt', '<=': 'le', '≤': 'le', '=<': 'le' };

/** "Cijfer start + 1", "Cijfer start - 0,5", "Cijfer start": another column plus an offset. */
function columnPlus(raw: string): { column: string; offset: number } {
  const m = /^(.+?)\s*([+-])\s*(\d+(?:[.,]\d+)?)$/.exec(raw.trim());
  if (m) return { column: m[1].trim(), offset: (m[2] === '-' ? -1 : 1) * Number(m[3].replace(',', '.')) };
  return { column: raw.trim(), offset: 0 };
}

/**
 * "Werksoort = Jeugd (CJG); Datum afsluiting is datum; Tevredenheid ≥ 85;
 * Cijfer tussen 6 en 8; Cijfer eind ≥ Cijfer start + 1" -> clauses.
 * The first operator in the text splits column from value, so a value may
 * hold other operator characters.
 */
export function parseClauses(s: string): Clause[] | string {
  const out: Clause[] = [];
  for (const part of list(s)) {
    const between = /^(.+?)\s+tussen\s+(\S+)\s+en\s+(\S+)$/i.exec(part);
    if (between) {
      const lo = numberIn(between[2]);
      const hi = numberIn(between[3]);
      if (lo === null || hi === null) return `"${part}": na "tussen" horen twee getallen, bijv. "Cijfer tussen 6 en 8"`;
      out.push({ column: between[1].trim(), kind: 'between', values: [Math.min(lo, hi), Math.max(lo, hi)] });
      continue;
    }
    let m = /^(.+?)\s+(is niet|is gelijk aan)\s+(.+)$/i.exec(part) ?? /^(.+?)\s*(<>|!=|≠|>=|=>|<=|=<|≥|≤|>|<|=)\s*(.+)$/.exec(part);
    if (m) {
      const column = m[1].trim();
      const word = m[2].toLowerCase();
      const sign = word === 'is niet' ? '<>' : word === 'is gelijk aan' ? '=' : m[2];
      const rest = m[3].trim();
      if (sign === '<>' || sign === '!=' || sign === '≠') {
        out.push({ column, kind: 'ne', values: [value(rest)] });
        continue;
      }
      if (sign === '=') {
        const values = rest.split('|').map(value).filter((v) => v !== '');
        if (values.length === 0) return `"${part}": geen waarde na =`;
        // "Cijfer eind = Cijfer start + 1" is a comparison of two columns; "Werksoort = Jeugd (CJG)" a value.
        const plus = columnPlus(rest);
        if (values.length === 1 && typeof values[0] === 'string' && /\s[+-]\s*\d/.test(rest)) {
          out.push({ column, kind: 'column', values: [plus.offset], other: plus.column, op: 'eq' });
          continue;
        }
        out.push({ column, kind: 'eq', values });
        continue;
      }
      const cmp = COMPARE_WORDS[sign];
      const n = numberIn(rest.replace(/%$/, ''));
      if (n !== null) {
        out.push({ column, kind: cmp, values: [rest.endsWith('%') ? n / 100 : n] });
        continue;
      }
      const plus = columnPlus(rest);
      if (!plus.column) return `"${part}": na "${sign}" hoort een getal of een kolom`;
      out.push({ column, kind: 'column', values: [plus.offset], other: plus.column, op: cmp });
      continue;
    }
    m = /^(.+?)\s+(ingevuld|gevuld|niet leeg|is datum|is getal|leeg)$/i.exec(part);
    if (m) {
      const word = m[2].toLowerCase();
      const kind = word === 'leeg' ? 'empty' : word.startsWith('is ') ? 'number' : 'filled';
      out.push({ column: m[1].trim(), kind, values: [] });
      continue;
    }
    return `"${part}" is geen voorwaarde; schrijf bijvoorbeeld "Werksoort = Jeugd (CJG)", "Uitstroom naar = Zelfstandig | Sociaal netwerk", "Datum afsluiting is datum", "Wijk <> Lith", "Tevredenheid ≥ 85", "Cijfer tussen 6 en 8" of "Cijfer eind ≥ Cijfer start + 1"`;
  }
  return out;
}

function parseOperator(s: string): NormOperator | null {
  const t = s.trim().toLowerCase();
  const map: Record<string, NormOperator> = { '≥': '>=', '>=': '>=', '>': '>', '≤': '<=', '<=': '<=', '<': '<', '=': '=', minimaal: '>=', maximaal: '<=' };
  return map[t] ?? null;
}

function parseTarget(row: DefinitionRow): NormTarget & { percent: boolean } | null | string {
  const opText = text(row, 'operator');
  const normCell = row.norm ?? null;
  const normText = cellText(normCell);
  if (normText === '') return opText === '' ? null : 'er staat een operator maar geen norm';
  if (opText === '') {
    if (typeof normCell === 'number') return { op: '>=', value: normCell, percent: false };
    const p = parseNormText(normText);
    return p ? { op: p.op, value: p.value, percent: p.percent } : `norm "${normText}" is niet te lezen (bijv. "≥ 90%", "minimaal 80%", "max. 10%", "> 6,0")`;
  }
  const op = parseOperator(opText);
  if (!op) return `operator "${opText}" is onbekend; kies ≥, >, ≤, < of =`;
  const n = parseNumberCell(normCell);
  if (!n || n.source === 'dash') return `norm "${normText}" is geen getal of percentage`;
  return { op, value: n.value, percent: n.percent };
}

function enabledOf(row: DefinitionRow): boolean {
  const v = row.aan ?? null;
  if (typeof v === 'boolean') return v;
  const t = cellText(v).toLowerCase();
  return !['nee', 'uit', 'n', 'no', 'false', 'onwaar', '0'].includes(t);
}

/** Parse one definitions row into a norm. */
export function parseDefinitionRow(row: DefinitionRow, source: NormDef['source'], definitionRow?: number): ParsedDefinition {
  const errors: DefinitionError[] = [];
  const err = (column: DefinitionColumn, message: string) => errors.push({ column, message });
  const key = text(row, 'sleutel');
  if (!/^[a-z0-9_][a-z0-9_.-]*$/i.test(key)) err('sleutel', key ? `sleutel "${key}" mag alleen letters, cijfers, _ . en - bevatten` : 'de sleutel ontbreekt');
  const population = parseClauses(text(row, 'filter'));
  if (typeof population === 'string') err('filter', population);
  const condition = parseClauses(text(row, 'voorwaarde'));
  if (typeof condition === 'string') err('voorwaarde', condition);
  // "aandeel per Instelling": the breakdown may be written in the measure itself.
  const measureText = text(row, 'meting').replace(/\s+/g, ' ');
  const perInMeasure = /^(.+?)\s+per\s+(.+)$/i.exec(measureText);
  const measureName = (perInMeasure ? perInMeasure[1] : measureText).toLowerCase();
  const groupBy = text(row, 'per').replace(/^per\s+/i, '') || perInMeasure?.[2].trim() || undefined;
  const kind = MEASURE_ALIASES[measureName];
  if (!kind) err('meting', measureName ? `meting "${measureName}" is onbekend; kies ${Object.values(MEASURE_NAMES).join(', ')}` : 'de meting ontbreekt');
  const cols = list(text(row, 'kolommen'));
  const grensCell = row.grens ?? null;
  const grens = parseNumberCell(grensCell);
  let measure: Measure | null = null;
  const needCols = (n: number, what: string) => {
    if (cols.length !== n) {
      err('kolommen', `meting "${measureName}" heeft ${n === 1 ? 'één kolom' : `${n} kolommen (gescheiden door ;)`} nodig: ${what}`);
      return false;
    }
    return true;
  };
  const needLimit = () => {
    if (!grens || grens.percent || grens.value < 0) {
      err('grens', `meting "${measureName}" heeft een grens in dagen of maanden nodig (een getal van 0 of meer)`);
      return null;
    }
    return grens.value;
  };
  const cond = typeof condition === 'string' ? [] : condition;
  switch (kind) {
    case 'share':
      if (cond.length === 0) err('voorwaarde', 'meting "aandeel" heeft een voorwaarde nodig, bijv. "Uitstroom naar = Maatwerkvoorziening Wmo"');
      measure = { kind, condition: cond };
      break;
    case 'count':
      measure = { kind, condition: cond };
      break;
    case 'withinDays':
    case 'withinMonths':
    case 'countOverDays': {
      const ok = needCols(2, 'de begindatum en de einddatum');
      const limit = needLimit();
      if (ok && limit !== null) measure = { kind, from: cols[0], to: cols[1], limit };
      break;
    }
    case 'mean':
    case 'sum':
      if (needCols(1, 'de kolom met de waarden')) measure = { kind, column: cols[0] };
      break;
    case 'meanDiff':
      if (needCols(2, 'de eindwaarde en de beginwaarde')) measure = { kind, a: cols[0], b: cols[1] };
      break;
    case 'ratio':
      if (needCols(2, 'de teller en de noemer')) measure = { kind, numerator: cols[0], denominator: cols[1] };
      break;
  }
  const perMonth = text(row, 'perMaand') || undefined;
  if (perMonth && kind !== 'count' && kind !== 'countOverDays') err('perMaand', 'een uitsplitsing per maand kan alleen bij een meting "aantal" of "aantal boven dagen"');
  const target = parseTarget(row);
  if (typeof target === 'string') err(target.startsWith('operator') ? 'operator' : 'norm', target);
  // A share norm written without % ("80", or a margin "5") means percentage points.
  const fraction = measure !== null && unitOf(measure) === 'fraction';
  if (fraction && target && typeof target !== 'string' && !target.percent && target.value > 1) target.value /= 100;
  let margin = 0;
  const margeText = text(row, 'marge');
  if (margeText) {
    const m = parseNumberCell(row.marge ?? null);
    if (!m || m.value < 0) err('marge', `marge "${margeText}" is geen getal of percentage van 0 of meer`);
    else margin = fraction && !m.percent && m.value >= 1 ? m.value / 100 : m.value;
  }
  if (errors.length > 0 || !measure || typeof population === 'string') return { ok: false, errors };
  const def: NormDef = {
    key,
    label: text(row, 'indicator') || key,
    kernbeding: text(row, 'kernbeding'),
    source,
    enabled: enabledOf(row),
    sheet: text(row, 'blad'),
    population,
    measure,
    perMonth,
    target: target && typeof target !== 'string' ? { op: target.op, value: target.value } : null,
    margin,
    tierOf: text(row, 'hoortBij') || undefined,
    groupBy,
    indicatorRef: text(row, 'indicatorregel') || undefined,
    definitionRow,
  };
  return { ok: true, def };
}

/** Dutch one-line description of a definition, for the norms sheet. */
export function describeDefinition(row: DefinitionRow): string {
  const parts = [text(row, 'meting')];
  if (text(row, 'kolommen')) parts.push(`van ${text(row, 'kolommen')}`);
  if (text(row, 'grens')) parts.push(`grens ${text(row, 'grens')}`);
  if (text(row, 'voorwaarde')) parts.push(`waar ${text(row, 'voorwaarde')}`);
  if (text(row, 'filter')) parts.push(`populatie: ${text(row, 'filter')}`);
  if (text(row, 'per')) parts.push(`per ${text(row, 'per').replace(/^per\s+/i, '')}`);
  return parts.join(', ');
}
