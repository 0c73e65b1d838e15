// The budget feature's settings (stored in "TB Instellingen") and their
// resolved values. Every threshold the checks and the reconciliation sheet use
// is read here, so a changed setting changes both the same way.

import type { SettingDef, Settings } from '../../settings/settings';
import { getBoolean, getNumber, getString } from '../../settings/settings';
import { parseNumberText } from '../../parse/number';

export const BUDGET_SETTINGS = {
  periodMonths: {
    key: 'budget.periodMonths',
    default: 'auto',
    label: 'Aantal maanden van de verslagperiode voor de pro-rata begroting (6 = halfjaar, 12 = heel jaar). "auto" leest het uit de kop van de realisatiekolom, de titel of de noten ("t/m 30 juni", "Q3", "Realisatie 2020"), anders 6.',
    labelEn: 'Months in the reporting period for the pro-rata budget (6 = half year). "auto" reads it from the actuals header, else 6.',
    type: 'choice',
    choices: ['auto', '3', '6', '9', '12'],
  },
  explainPct: {
    key: 'budget.explainPct',
    default: 0.05,
    label: 'Toelichting verplicht vanaf dit verschil in procenten (bijvoorbeeld 5%).',
    labelEn: 'Explanation required from this difference in percent (e.g. 5%).',
    type: 'percent',
  },
  explainEur: {
    key: 'budget.explainEur',
    default: 15000,
    label: 'Toelichting verplicht vanaf dit verschil in euro.',
    labelEn: 'Explanation required from this difference in euro.',
    type: 'eur',
  },
  explainBoth: {
    key: 'budget.explainBoth',
    default: true,
    label: 'Ja: toelichting verplicht als het verschil beide drempels overschrijdt (% én €). Nee: als het één van beide overschrijdt.',
    labelEn: 'Yes: explanation required when the difference exceeds both thresholds; no: when it exceeds either.',
  },
  explainRealisation: {
    key: 'budget.explainRealisation',
    default: true,
    label: 'Ja: ook de realisatie tegenover de pro-rata begroting van de periode vraagt om een toelichting boven de drempels.',
    labelEn: 'Yes: the actuals against the pro-rata budget also require an explanation above the thresholds.',
  },
  toleranceEur: {
    key: 'budget.toleranceEur',
    default: 1,
    label: 'Optelverschillen tot en met dit bedrag (euro) gelden als afrondingsverschil (info).',
    labelEn: 'Sum differences up to this amount (euro) count as rounding (info).',
    type: 'eur',
  },
  toleranceFte: {
    key: 'budget.toleranceFte',
    default: 0.01,
    label: 'Optelverschillen in fte tot en met dit aantal gelden als afrondingsverschil (info).',
    labelEn: 'Sum differences in fte up to this number count as rounding (info).',
    type: 'number',
  },
  fteRate: {
    key: 'budget.fteRate',
    default: 'auto',
    label: 'Normprijs per fte in euro; "auto" bepaalt het tarief dat de meeste regels gebruiken.',
    labelEn: 'Normative price per fte in euro; "auto" finds the rate most lines use.',
    type: 'eur',
  },
  shareIndividualMax: {
    key: 'budget.shareIndividualMax',
    default: 0.3,
    label: 'Norm: maximaal aandeel individueel sociaal werk in het budget voor sociaal werk (bijvoorbeeld 30%).',
    labelEn: 'Norm: maximum share of individual social work in the social work budget (e.g. 30%).',
    type: 'percent',
  },
  shareIndividualSections: {
    key: 'budget.shareIndividualSections',
    default: 'individueel',
    label: 'Werksoorten die als individueel sociaal werk tellen (delen van de naam, gescheiden door ;).',
    labelEn: 'Sections that count as individual social work (name parts, separated by ;).',
  },
  shareCollectiveSections: {
    key: 'budget.shareCollectiveSections',
    default: 'collectief;informele ondersteuning;informeel;vrijwilligers;mantelzorg',
    label: 'Werksoorten die als collectief sociaal werk of informele ondersteuning tellen (delen van de naam, gescheiden door ;).',
    labelEn: 'Sections that count as collective social work or informal support (name parts, separated by ;).',
  },
} satisfies Record<string, SettingDef>;

export interface BudgetConfig {
  /** null: detect from the realisatie header, falling back to 6. */
  periodMonths: number | null;
  explainPct: number;
  explainEur: number;
  explainBoth: boolean;
  explainRealisation: boolean;
  toleranceEur: number;
  toleranceFte: number;
  /** null: detect the dominant rate. */
  fteRate: number | null;
  shareIndividualMax: number;
  shareIndividualSections: string[];
  shareCollectiveSections: string[];
}

/** A number setting; Dutch text ("15.000", "0,05") is read too. */
function numberSetting(s: Settings, def: SettingDef): number {
  const v = s.values[def.key];
  if (typeof v === 'string') {
    const p = parseNumberText(v);
    if (p) return p.value;
  }
  return getNumber(s, def);
}

/** A percentage setting typed as 0,05, 5 or "5%" means 0,05. */
function fraction(s: Settings, def: SettingDef): number {
  const v = s.values[def.key];
  const p = typeof v === 'string' ? parseNumberText(v) : null;
  if (p?.percent) return p.value;
  const n = numberSetting(s, def);
  return Math.abs(n) > 1 ? n / 100 : n;
}

function positiveOrNull(s: Settings, def: SettingDef): number | null {
  const raw = getString(s, def).trim().toLowerCase();
  if (raw === '' || raw === 'auto') return null;
  const p = parseNumberText(raw);
  return p && !p.percent && p.value > 0 ? p.value : null;
}

const parts = (text: string) =>
  text
    .split(';')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);

export function budgetConfig(s: Settings): BudgetConfig {
  const months = positiveOrNull(s, BUDGET_SETTINGS.periodMonths);
  return {
    periodMonths: months !== null && months <= 12 ? months : null,
    explainPct: fraction(s, BUDGET_SETTINGS.explainPct),
    explainEur: numberSetting(s, BUDGET_SETTINGS.explainEur),
    explainBoth: getBoolean(s, BUDGET_SETTINGS.explainBoth),
    explainRealisation: getBoolean(s, BUDGET_SETTINGS.explainRealisation),
    toleranceEur: Math.abs(numberSetting(s, BUDGET_SETTINGS.toleranceEur)),
    toleranceFte: Math.abs(numberSetting(s, BUDGET_SETTINGS.toleranceFte)),
    fteRate: positiveOrNull(s, BUDGET_SETTINGS.fteRate),
    shareIndividualMax: fraction(s, BUDGET_SETTINGS.shareIndividualMax),
    shareIndividualSections: parts(getString(s, BUDGET_SETTINGS.shareIndividualSections)),
    shareCollectiveSections: parts(getString(s, BUDGET_SETTINGS.shareCollectiveSections)),
  };
}
