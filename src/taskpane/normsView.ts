// What the pane's norms list shows, as pure functions: the badge colour for a
// status, and realisation and norm written the way TB Normen formats them.

import type { NormStatusLine } from '../core/features/norms/summary';
import type { Lang } from './i18n/strings';

export type NormStatusKey = 'met' | 'near' | 'notMet' | 'noData' | 'noNorm';

/** The status texts TB Normen writes (Dutch, also in the English pane: they come from the sheet). */
const STATUS_KEYS: Record<string, NormStatusKey> = {
  Behaald: 'met',
  Bijna: 'near',
  'Niet behaald': 'notMet',
  'Geen gegevens': 'noData',
  'Geen norm': 'noNorm',
};

export function statusKey(status: string): NormStatusKey {
  return STATUS_KEYS[status] ?? 'noData';
}

export const STATUS_BADGE: Record<NormStatusKey, 'success' | 'warning' | 'danger' | 'subtle' | 'informative'> = {
  met: 'success',
  near: 'warning',
  notMet: 'danger',
  noData: 'subtle',
  noNorm: 'informative',
};

/** A realisation or norm value: fractions as a percentage with one decimal, counts whole, other numbers with two decimals. */
export function formatNormValue(value: number | null, unit: NormStatusLine['unit'], lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
  if (unit === 'fraction') return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  if (unit === 'count') return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

export function formatNorm(line: Pick<NormStatusLine, 'norm' | 'unit'>, lang: Lang): string {
  return line.norm ? `${line.norm.op} ${formatNormValue(line.norm.value, line.unit, lang)}` : '–';
}
