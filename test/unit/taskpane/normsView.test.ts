// The pane's norms list: status colours and number formatting.

import { formatNorm, formatNormValue, STATUS_BADGE, statusKey } from '../../../src/taskpane/normsView';
import { STRINGS } from '../../../src/taskpane/i18n/strings';

describe('norms view', () => {
  it('maps the statuses TB Normen writes to badge colours; anything else counts as no data', () => {
    expect(['Behaald', 'Bijna', 'Niet behaald', 'Geen gegevens', 'Geen norm', '???'].map((s) => STATUS_BADGE[statusKey(s)])).toEqual(['success', 'warning', 'danger', 'subtle', 'informative', 'subtle']);
  });

  it('names every status in both languages', () => {
    expect(STRINGS.nl.norms.status[statusKey('Niet behaald')]).toBe('Niet behaald');
    expect(STRINGS.en.norms.status[statusKey('Bijna')]).toBe('Almost');
  });

  it('writes fractions as percentages, counts whole and other numbers with two decimals, per language', () => {
    expect(formatNormValue(0.88871, 'fraction', 'nl')).toBe('88,9%');
    expect(formatNormValue(0.88871, 'fraction', 'en')).toBe('88.9%');
    expect(formatNormValue(1234, 'count', 'nl')).toBe('1.234');
    expect(formatNormValue(6.2125, 'number', 'nl')).toBe('6,21');
    expect(formatNormValue(null, 'fraction', 'nl')).toBe('–');
    expect(formatNorm({ norm: { op: '≥', value: 0.9 }, unit: 'fraction' }, 'nl')).toBe('≥ 90,0%');
    expect(formatNorm({ norm: null, unit: 'count' }, 'nl')).toBe('–');
  });
});
