// How budget tables are recognised: header synonyms for the columns and the
// label patterns of subtotal, total and footnote rows.

import type { HeaderSchema } from '../../detect/headers';
import { normaliseHeader } from '../../detect/headers';

export type BudgetField = 'besparing' | 'fte' | 'begroot' | 'realisatie' | 'prognose' | 'toelichting' | 'label';

export const BUDGET_SCHEMA: HeaderSchema<BudgetField> = {
  // First: "Gerealiseerde besparing" is a saving, not the realisatie.
  besparing: {
    synonyms: ['besparing', 'besparingen', 'bezuiniging', 'bezuinigingen', 'gerealiseerde besparing', 'gerealiseerde bezuiniging'],
  },
  fte: { synonyms: ['fte', 'fte s', 'formatie', 'aantal fte', 'inzet fte', 'inzet in fte', 'formatie fte'] },
  begroot: {
    synonyms: ['begroot', 'begroting', 'begrote kosten', 'budget', 'bedrag', 'bedragen', 'subsidie', 'toegekend', 'beschikt', 'beschikking', 'primitieve begroting'],
  },
  realisatie: {
    synonyms: ['realisatie', 'gerealiseerd', 'werkelijk', 'werkelijke kosten', 'besteed', 'uitgaven', 'actual', 'actuals', 'realisatie tot nu toe'],
  },
  prognose: { synonyms: ['prognose', 'verwachting', 'verwacht', 'forecast', 'eindejaarsprognose', 'verwachte realisatie', 'prognose eind'] },
  toelichting: { synonyms: ['toelichting', 'verklaring', 'analyse', 'oorzaak', 'opmerking', 'opmerkingen', 'explanation', 'verklaring verschil', 'toelichting verschil'] },
  label: {
    synonyms: [
      'onderdeel', 'omschrijving', 'activiteit', 'activiteiten', 'post', 'kostenpost', 'kostensoort', 'werksoort', 'product', 'dienst', 'regel', 'item', 'description',
      'maatregel', 'maatregelen', 'deelopdracht', 'deelopdrachten', 'resultaatgebied', 'instelling', 'organisatie', 'aanbieder',
    ],
  },
};

/** Dutch column names for messages. */
export const FIELD_LABELS: Record<Exclude<BudgetField, 'label'>, string> = {
  besparing: 'Besparing',
  fte: 'Fte',
  begroot: 'Begroot',
  realisatie: 'Realisatie',
  prognose: 'Prognose',
  toelichting: 'Toelichting',
};

/** A year column header: 2016, "2016", "2016*". */
export function yearOf(v: unknown): number | null {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().replace(/\*+$/, '') : '';
  if (!/^(19|20)\d\d$/.test(text)) return null;
  return Number(text);
}

export function isSubtotalLabel(label: string): boolean {
  return /^sub\s*-?\s*totaal|^subtotal/.test(normaliseHeader(label));
}

export function isTotalLabel(label: string): boolean {
  return /^(totaal|total|eindtotaal|generaal totaal|grand total|totale)\b/.test(normaliseHeader(label));
}

export type SavingsKind = 'task' | 'realised' | 'remaining';

/**
 * The rows of a savings task: "Taakstelling", "Gerealiseerde besparing", "Nog te
 * realiseren". They state amounts but are not budget lines.
 */
export function savingsKind(label: string): SavingsKind | null {
  const t = normaliseHeader(label.replace(/[*¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, ' '));
  if (/^(nog te realiseren|nog in te vullen|resterende? (taakstelling|besparing|bezuiniging)|restant( taakstelling)?|openstaande? taakstelling|nog te besparen|nog te bezuinigen)\b/.test(t)) return 'remaining';
  if (/^(gerealiseerde?|gerealiseerd totaal|totaal gerealiseerde?|ingevulde?|totale?) (besparing|besparingen|bezuiniging|bezuinigingen|invulling)\b|^(besparing|bezuiniging) gerealiseerd\b|^invulling taakstelling\b/.test(t)) return 'realised';
  if (/^((financiele|totale) )?(taakstelling|bezuinigingsopdracht|besparingsopdracht|bezuinigingstaakstelling|besparingsdoel)\b/.test(t)) return 'task';
  return null;
}

/** "* Voor opzetten TalentCentraal", "¹ Bernheze", "Bron: ...", "N.B. ...". */
export function isFootnoteLabel(label: string): boolean {
  const t = label.trim();
  return /^(\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d+\)|\d+\)|noot\b|bron\b|bron:|n\.?b\.?\b|toelichting:)/i.test(t);
}

/** The words that mark a baten/lasten (revenue/cost) budget side. */
export function balanceSide(text: string): 'baten' | 'lasten' | null {
  const t = normaliseHeader(text);
  if (/^(baten|opbrengsten|inkomsten)$/.test(t)) return 'baten';
  if (/^(lasten|kosten|uitgaven)$/.test(t)) return 'lasten';
  return null;
}

/** Revenue lines have the opposite good direction from cost lines. */
export function isRevenueText(text: string): boolean {
  return /\b(baten|opbrengst|opbrengsten|inkomsten|bijdragen|revenue|income)\b/.test(normaliseHeader(text));
}

/** Stable lower-case key of a row label: footnote marks and spacing removed. */
export function labelKey(label: string): string {
  return normaliseHeader(label.replace(/[*¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, ' '));
}

export function slug(text: string): string {
  return labelKey(text)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}
