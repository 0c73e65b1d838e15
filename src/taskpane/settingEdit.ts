// Showing and reading a setting in the pane the way a controller types it: a
// percentage as "5%" (stored as the fraction 0,05), amounts and numbers with
// Dutch digit grouping ("15.000"), anything else as text. Pure, so it is
// tested without a browser.

import { parseNumberText } from '../core/parse/number';
import type { SettingDef, SettingValue } from '../core/settings/settings';
import type { Lang } from './i18n/strings';

const format = (x: number, lang: Lang, maxDecimals: number) =>
  new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: maxDecimals, useGrouping: true }).format(x);

/** The text the pane's field shows for a stored value. */
export function displayValue(def: SettingDef, value: SettingValue | undefined, lang: Lang): string {
  const v = value ?? def.default;
  if (typeof v !== 'number') return String(v);
  if (def.type === 'percent') return `${format(Math.abs(v) > 1 ? v : v * 100, lang, 2)}%`;
  if (def.type === 'eur' || def.type === 'number' || typeof def.default === 'number') return format(v, lang, 6);
  return String(v);
}

/**
 * The value to store for what was typed. A percentage may be typed as "5%",
 * "5" or the fraction "0,05": all store 0,05. A number in Dutch or English
 * notation stores the number; anything else ("auto") is kept as text.
 */
export function parseInput(def: SettingDef, text: string): SettingValue {
  const t = text.trim();
  const numeric = def.type === 'percent' || def.type === 'eur' || def.type === 'number' || typeof def.default === 'number';
  if (!numeric || t === '') return t;
  const p = parseNumberText(t);
  if (!p) return t;
  if (def.type === 'percent') return p.percent ? p.value : Math.abs(p.value) > 1 ? Number((p.value / 100).toPrecision(15)) : p.value;
  return p.percent ? t : p.value;
}

/** The choices a drop-down offers: the defined ones, and the current value if it is another. */
export function choicesFor(def: SettingDef, value: SettingValue | undefined): string[] {
  const current = String(value ?? def.default);
  const list = def.choices ?? [];
  return list.includes(current) ? list : [...list, current];
}
