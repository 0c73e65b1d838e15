// Header synonyms for risk registers, Dutch and English. Specific fields
// (net scores) come first and the generic "risico" last: the first field
// that matches a header wins.

import type { HeaderSchema } from '../../detect/headers';

export type RiskField =
  | 'kansNetto'
  | 'schadeNetto'
  | 'effectNetto'
  | 'nr'
  | 'werksoort'
  | 'risico'
  | 'kans'
  | 'schade'
  | 'effect'
  | 'randvoorwaarde'
  | 'verantwoordelijk';

const NET = ['netto', 'na maatregel', 'na maatregelen', 'na randvoorwaarde', 'rest', 'restrisico', 'residueel', 'residual', 'net', 'after'];
const net = (bases: string[]) => bases.flatMap((b) => NET.flatMap((n) => [`${b} ${n}`, `${n} ${b}`]));

export const RISK_SCHEMA: HeaderSchema<RiskField> = {
  kansNetto: { synonyms: net(['kans', 'waarschijnlijkheid', 'likelihood', 'probability']) },
  schadeNetto: { synonyms: net(['schade', 'impact', 'gevolg', 'ernst', 'severity']) },
  effectNetto: { synonyms: net(['effect', 'risicoscore', 'risico score', 'score', 'risk score']) },
  nr: { synonyms: ['nr', 'nummer', 'no', 'id', 'risico nr', 'risiconr', 'risiconummer', 'code', 'ref', '#', 'risk id'] },
  werksoort: { synonyms: ['werksoort', 'dienst', 'domein', 'service line', 'service', 'programma', 'onderdeel', 'team'] },
  // Before kans: "Kans x schade" is the effect, not the kans.
  effect: {
    synonyms: ['effect', 'risicoscore', 'risico score', 'score', 'risk score', 'kans x schade', 'effect bruto', 'bruto effect', 'risiconiveau'],
  },
  kans: { synonyms: ['kans', 'waarschijnlijkheid', 'likelihood', 'probability', 'kans bruto', 'bruto kans'], required: true },
  schade: { synonyms: ['schade', 'impact', 'gevolg', 'gevolgen', 'ernst', 'severity', 'consequence', 'schade bruto', 'bruto schade', 'impact bruto'], required: true },
  randvoorwaarde: {
    synonyms: ['randvoorwaarde', 'randvoorwaarden', 'beheersmaatregel', 'beheersmaatregelen', 'maatregel', 'maatregelen', 'mitigation', 'mitigating condition', 'control', 'controls', 'beheersing'],
  },
  verantwoordelijk: {
    synonyms: ['verantwoordelijk', 'verantwoordelijke', 'eigenaar', 'risico eigenaar', 'risicoeigenaar', 'owner', 'risk owner', 'responsible', 'wie'],
  },
  // Last: "risk" would otherwise claim "Risk score" and "Risk owner".
  risico: {
    synonyms: ['risico', 'risico omschrijving', 'risicoomschrijving', 'omschrijving', 'beschrijving', 'risk', 'risk description', 'description', 'gebeurtenis'],
  },
};

export const RISK_FIELDS = Object.keys(RISK_SCHEMA) as RiskField[];

/** Dutch names of the fields, for messages and the mapping editor. */
export const RISK_FIELD_LABELS: Record<RiskField, string> = {
  kansNetto: 'Kans (netto)',
  schadeNetto: 'Schade (netto)',
  effectNetto: 'Effect (netto)',
  nr: 'Nr',
  werksoort: 'Werksoort',
  risico: 'Risico',
  kans: 'Kans',
  schade: 'Schade',
  effect: 'Effect',
  randvoorwaarde: 'Randvoorwaarde',
  verantwoordelijk: 'Verantwoordelijk',
};
