// Switching norms off from the task pane: the setting "norms.disabled" in
// 'TB Instellingen' holds the keys of norms that are off, separated by ';'.
// A norm is computed only when both this list and column Aan of
// 'TB Normdefinities' leave it on.

import type { SettingDef, Settings } from '../../settings/settings';
import { getString } from '../../settings/settings';

export const DISABLED_SETTING = {
  key: 'norms.disabled',
  default: '',
  label: 'Normen die uit staan: sleutels uit TB Normdefinities, gescheiden door ; (ook te kiezen in het taakvenster).',
  labelEn: 'Norms switched off: keys from TB Normdefinities, separated by ; (also chosen in the task pane).',
} satisfies SettingDef;

/** Keys compare case-insensitively, as a user typing in the settings sheet would expect. */
const canonical = (key: string) => key.trim().toLowerCase();

/** The keys as written in the setting, trimmed, in order, without empties (';', ',' or line breaks separate). */
export function disabledKeyList(settings: Settings): string[] {
  return getString(settings, DISABLED_SETTING)
    .split(/[;,\r\n]+/)
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

/** Whether the setting switches the norm with this key off. */
export function disabledBySetting(settings: Settings): (key: string) => boolean {
  const off = new Set(disabledKeyList(settings).map(canonical));
  return (key) => off.has(canonical(key));
}

/**
 * The setting's new value after switching one norm on or off. Keys keep the
 * order of `order` (the definitions), so the same choices always give the same
 * text; keys the definitions do not know are kept at the end.
 */
export function withNormDisabled(settings: Settings, key: string, off: boolean, order: readonly string[]): Settings {
  const current = new Set(disabledKeyList(settings).map(canonical));
  if (off) current.add(canonical(key));
  else current.delete(canonical(key));
  const known = order.filter((k) => current.has(canonical(k)));
  const knownSet = new Set(known.map(canonical));
  const unknown = new Map<string, string>();
  for (const k of [...disabledKeyList(settings), ...(off ? [key.trim()] : [])]) {
    if (current.has(canonical(k)) && !knownSet.has(canonical(k)) && !unknown.has(canonical(k))) unknown.set(canonical(k), k);
  }
  return { ...settings, values: { ...settings.values, [DISABLED_SETTING.key]: [...known, ...unknown.values()].join(';') } };
}
