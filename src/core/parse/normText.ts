// Norm texts as providers write them: "≥ 90%", "minimaal 80%", "max. 10%",
// "> 6,0", "ten minste 85", "hoger dan 6", "100%", "80% of meer".
// A bare value ("100%", "85") is a target to reach, so it reads as ≥.

import { parseNumberText } from './number';

export type NormOperator = '>=' | '>' | '<=' | '<' | '=';

export interface ParsedNorm {
  op: NormOperator;
  /** The norm value; a fraction when the text had a percent sign (90% -> 0.9). */
  value: number;
  percent: boolean;
}

export const OPERATOR_SYMBOL: Record<NormOperator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** Symbols and phrases, longest first so "ten minste" wins over shorter prefixes. */
const PREFIXES: [string, NormOperator][] = (
  [
    ['niet minder dan', '>='],
    ['niet meer dan', '<='],
    ['niet lager dan', '>='],
    ['niet hoger dan', '<='],
    ['ten minste', '>='],
    ['tenminste', '>='],
    ['ten hoogste', '<='],
    ['minimaal', '>='],
    ['minimum', '>='],
    ['minstens', '>='],
    ['maximaal', '<='],
    ['maximum', '<='],
    ['hoogstens', '<='],
    ['hoger dan', '>'],
    ['groter dan', '>'],
    ['meer dan', '>'],
    ['boven', '>'],
    ['lager dan', '<'],
    ['kleiner dan', '<'],
    ['minder dan', '<'],
    ['onder', '<'],
    ['gelijk aan', '='],
    ['min.', '>='],
    ['max.', '<='],
    ['min', '>='],
    ['max', '<='],
    ['>=', '>='],
    ['=>', '>='],
    ['<=', '<='],
    ['=<', '<='],
    ['≥', '>='],
    ['≤', '<='],
    ['⩾', '>='],
    ['⩽', '<='],
    ['>', '>'],
    ['<', '<'],
    ['=', '='],
  ] as [string, NormOperator][]
).sort((a, b) => b[0].length - a[0].length);

const SUFFIXES: [RegExp, NormOperator][] = [
  [/\s+of\s+(meer|hoger|beter)$/, '>='],
  [/\s+of\s+(minder|lager)$/, '<='],
];

/** Parse a Dutch norm text; null when it cannot be read (the caller reports a finding). */
export function parseNormText(raw: string): ParsedNorm | null {
  let s = raw.replace(/[\u00a0\u202f]/g, ' ').trim().toLowerCase().replace(/\s+/g, ' ');
  if (s === '') return null;
  let op: NormOperator | null = null;
  for (const [word, o] of PREFIXES) {
    if (!s.startsWith(word)) continue;
    const rest = s.slice(word.length);
    // A word operator must end at a word boundary: "onder" yes, "onderdeel" no.
    if (/[a-z]$/.test(word) && /^[a-z]/.test(rest)) continue;
    op = o;
    s = rest.trim();
    break;
  }
  for (const [re, o] of SUFFIXES) {
    if (!re.test(s)) continue;
    if (op !== null) return null;
    op = o;
    s = s.replace(re, '').trim();
  }
  s = s.replace(/\s*(procent|pct\.?)$/, '%');
  const n = parseNumberText(s);
  if (!n || n.source === 'dash') return null;
  return { op: op ?? '>=', value: n.value, percent: n.percent };
}

/** "≥ 90%" / "> 6,0": how Toetsblad writes a norm back. */
export function formatNorm(n: ParsedNorm): string {
  const v = n.percent ? n.value * 100 : n.value;
  const text = String(Number(v.toPrecision(12))).replace('.', ',');
  return `${OPERATOR_SYMBOL[n.op]} ${text}${n.percent ? '%' : ''}`;
}

/** Whether a value meets a norm (the engine's side of the status formula). */
export function meets(value: number, op: NormOperator, norm: number): boolean {
  switch (op) {
    case '>=':
      return value >= norm;
    case '>':
      return value > norm;
    case '<=':
      return value <= norm;
    case '<':
      return value < norm;
    default:
      return Math.abs(value - norm) < 1e-9;
  }
}
