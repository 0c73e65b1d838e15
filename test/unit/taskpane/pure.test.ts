import type { Detection } from '../../../src/core/features/feature';
import type { Finding } from '../../../src/core/findings/finding';
import { emptySettings } from '../../../src/core/settings/settings';
import { groupFindings, withAcceptance } from '../../../src/taskpane/findingGroups';
import { STRINGS } from '../../../src/taskpane/i18n/strings';
import { columnsOf, withMapping } from '../../../src/taskpane/mappingEdit';
import { themeFor } from '../../../src/taskpane/theme';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';

const f = (severity: Finding['severity'], kind: Finding['kind'], cell: string): Finding => ({ rule: `r.${cell}`, severity, kind, sheet: 'S', cell, message: cell });

describe('findings grouping', () => {
  it('groups by severity (errors first) then kind, with counts and open counts', () => {
    const findings = [f('info', 'budget', 'A1'), f('error', 'risk', 'B2'), f('warning', 'norm', 'C3'), f('error', 'risk', 'B3'), f('error', 'budget', 'A9')];
    const settings = withAcceptance(emptySettings(), findings[1], 'ok');
    const groups = groupFindings(findings, settings);
    expect(groups.map((g) => [g.severity, g.count, g.open])).toEqual([
      ['error', 3, 2],
      ['warning', 1, 1],
      ['info', 1, 1],
    ]);
    expect(groups[0].kinds.map((k) => [k.kind, k.findings.map((x) => x.cell), k.open])).toEqual([
      ['budget', ['A9'], 1],
      ['risk', ['B2', 'B3'], 1],
    ]);
  });

  it('accepting twice replaces the reason; null withdraws', () => {
    const x = f('error', 'risk', 'B2');
    const once = withAcceptance(emptySettings(), x, 'eerste');
    const twice = withAcceptance(once, x, 'tweede');
    expect(twice.acceptances).toEqual([{ rule: 'r.B2', sheet: 'S', cell: 'B2', reason: 'tweede' }]);
    expect(withAcceptance(twice, x, null).acceptances).toEqual([]);
  });
});

describe('mapping edits', () => {
  const d: Detection = { feature: 'risk', kind: 'risk-register', sheet: 'R', range: 'B4:E10', headerRow: 4, confidence: 0.9, columns: { kans: 'C', schade: 'D' }, fields: ['kans', 'schade', 'effect'] };

  it('offers the columns the table spans', () => {
    expect(columnsOf(d)).toEqual(['B', 'C', 'D', 'E']);
  });

  it('stores only what differs from detection, and replaces earlier overrides of the same table', () => {
    const prior = { ...emptySettings(), mappings: [{ sheet: 'R', headerRow: 4, kind: 'risk-register', field: 'kans', column: 'B' }, { sheet: 'X', headerRow: 1, kind: 'ignore', field: '', column: '' }] };
    const s = withMapping(prior, d, { kind: 'risk-register', columns: { kans: 'C', schade: 'D', effect: 'E' } });
    expect(s.mappings).toEqual([
      { sheet: 'X', headerRow: 1, kind: 'ignore', field: '', column: '' },
      { sheet: 'R', headerRow: 4, kind: 'risk-register', field: 'kans', column: 'C' },
      { sheet: 'R', headerRow: 4, kind: 'risk-register', field: 'effect', column: 'E' },
    ]);
  });

  it('a kind change is stored as a kind-only override', () => {
    expect(withMapping(emptySettings(), d, { kind: 'ignore', columns: {} }).mappings).toEqual([{ sheet: 'R', headerRow: 4, kind: 'ignore', field: '', column: '' }]);
  });
});

describe('strings and theme', () => {
  it('English has every key Dutch has', () => {
    const keys = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(STRINGS.en).sort()).toEqual(keys(STRINGS.nl).sort());
  });

  it('follows a dark Office theme and defaults to light', () => {
    expect(themeFor('#1f1f1f')).toBe(webDarkTheme);
    expect(themeFor('#ffffff')).toBe(webLightTheme);
    expect(themeFor(undefined)).toBe(webLightTheme);
  });
});
