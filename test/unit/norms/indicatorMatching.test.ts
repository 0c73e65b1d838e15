// Matching a provider's indicator line to a recomputable figure respects the
// werksoort or team it names and the direction of its wording.

import type { IndicatorRow } from '../../../src/core/features/norms/indicators';
import { matchIndicator, refersTo } from '../../../src/core/features/norms/indicators';

const row = (werksoort: string, indicator: string, r = 6, sheet = 'Indicatoren'): IndicatorRow => ({
  sheet,
  row: r,
  werksoort,
  indicator,
  normText: '',
  norm: null,
  realisationText: '',
  realisation: null,
  percent: true,
  normCell: `C${r + 1}`,
  realisationCell: `D${r + 1}`,
});

describe('matchIndicator', () => {
  it('reads "niet terug" as the complement of the return share', () => {
    expect(matchIndicator(row('Individueel sociaal werk', 'Terugkeer met dezelfde hulpvraag'))).toEqual({ key: 'isw_terugkeer_pct', complement: false });
    expect(matchIndicator(row('Sociaal team', 'Cliënten komen niet binnen 3 maanden terug met dezelfde vraag'))).toEqual({ key: 'isw_terugkeer_pct', complement: true });
    expect(matchIndicator(row('', '90% komt na afronding niet terug met dezelfde vraag'))).toEqual({ key: 'isw_terugkeer_pct', complement: true });
  });

  it('does not compare a BJG or CJG line with a figure computed for individual social work, nor the reverse', () => {
    expect(matchIndicator(row('BJG', 'Niet binnen 3 maanden terug met dezelfde vraag'))).toEqual({ elsewhere: expect.stringMatching(/jeugd \(CJG\/BJG\).*individueel sociaal werk/) });
    expect(matchIndicator(row('Sociaal Team', 'Hulpvraag binnen twee weken in behandeling'))).toEqual({ elsewhere: expect.stringMatching(/^Niet vergelijkbaar/) });
    expect(matchIndicator(row('Jeugd (CJG)', 'Hulpvraag binnen twee weken in behandeling'))).toEqual({ key: 'cjg_in_behandeling_binnen_14d_pct', complement: false });
  });
});

describe('refersTo (Indicatorregel aanbieder)', () => {
  const r = row('BJG', 'Uitstroom BJG naar specialistische zorg', 4);
  it.each([
    ['Indicatoren!D5', true],
    ["'Indicatoren'!C5", true],
    ['D5', true],
    ['rij 5', true],
    ['5', true],
    ['Indicatoren!D6', false],
    ['Andere!D5', false],
    ['uitstroom bjg naar Specialistische zorg', true],
    ['Uitstroom ST naar specialistische zorg', false],
  ])('%s -> %s', (ref, want) => {
    expect(refersTo(ref, r)).toBe(want);
  });
});
