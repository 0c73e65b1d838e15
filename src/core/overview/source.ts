// Who and when the overview is about: the provider (a setting, since
// workbooks rarely say it in one place) and the period (the setting, or
// the first "1e halfjaar 2022"-like phrase in the titles above the tables).

import type { SettingDef, Settings } from '../settings/settings';
import { getString } from '../settings/settings';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { cellText, rowValues } from '../workbook/snapshot';

export const OVERVIEW_SETTINGS = {
  provider: { key: 'overzicht.aanbieder', default: '', label: 'Naam van de aanbieder, bovenaan TB Overzicht.', labelEn: 'Provider name shown on the overview.' },
  period: {
    key: 'overzicht.periode',
    default: 'auto',
    label: 'Verslagperiode op TB Overzicht, bijv. "1e halfjaar 2022". "auto" zoekt die in de titels boven de tabellen.',
    labelEn: 'Reporting period on the overview; "auto" finds it in the titles above the tables.',
  },
} satisfies Record<string, SettingDef>;

const PERIOD_PATTERNS = [
  /\b([12])e\s+halfjaar\s+(\d{4})\b/i,
  /\b(eerste|tweede)\s+halfjaar\s+(\d{4})\b/i,
  /\b([1-4])e\s+kwartaal\s+(\d{4})\b/i,
  /\bt\/m\s+\d{1,2}\s+[a-z]+\s+(\d{4})\b/i,
];

/** The period a workbook's titles name, e.g. "1e halfjaar 2022"; "" when none does. */
export function periodFromTitles(wb: WorkbookSnapshot): string {
  for (const pattern of PERIOD_PATTERNS) {
    for (const sheet of wb.sheets) {
      for (let r = 0; r < Math.min(5, sheet.rowCount); r++) {
        for (const v of rowValues(sheet, r)) {
          const m = pattern.exec(cellText(v ?? null));
          if (m) return m[0].replace(/^eerste/i, '1e').replace(/^tweede/i, '2e');
        }
      }
    }
  }
  return '';
}

export function overviewSource(wb: WorkbookSnapshot, settings: Settings): { provider: string; period: string } {
  const period = getString(settings, OVERVIEW_SETTINGS.period);
  return {
    provider: getString(settings, OVERVIEW_SETTINGS.provider).trim(),
    period: period.trim().toLowerCase() === 'auto' ? periodFromTitles(wb) : period.trim(),
  };
}
