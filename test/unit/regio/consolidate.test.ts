// Consolidation rules on hand-made contributions: what adds up and what does not.

import { consolidate, REGIO_SHEET } from '../../../src/core/regio';
import type { SourceContribution } from '../../../src/core/regio/source';
import { unreadableSource } from '../../../src/core/regio/source';

function source(file: string, name: string, riskScale: number, count: (k: number, s: number) => number, bands: Record<string, number>): SourceContribution {
  const cells: SourceContribution['riskCells'] = {};
  for (let k = 1; k <= riskScale; k++) for (let s = 1; s <= riskScale; s++) cells[`K${k}S${s}`] = { value: count(k, s), sheet: 'TB Risicokaart', cell: 'C11' };
  return {
    ...unreadableSource(file, ''),
    error: undefined,
    name,
    nameFrom: 'title',
    status: 'checked',
    recognised: ['risk-register'],
    period: { key: 202206, label: '1e halfjaar 2022' },
    riskCells: cells,
    riskBands: Object.fromEntries(Object.entries(bands).map(([b, v]) => [b, { value: v, sheet: 'TB Risicokaart', cell: 'B17' }])),
  };
}

test('risk maps on another scale are left out of the combined map, with a finding; their bands still count', () => {
  const a = source('a.xlsx', 'A', 3, (k, s) => k + s, { laag: 3, midden: 4 });
  const b = source('b.xlsx', 'B', 3, (k, s) => k * s, { laag: 1, hoog: 2 });
  const c = source('c.xlsx', 'C', 5, () => 1, { laag: 10, zeer_hoog: 15 });
  const r = consolidate([a, b, c]);
  const fig = (key: string) => r.figures.find((f) => f.key === key)?.value;
  for (let k = 1; k <= 3; k++) for (let s = 1; s <= 3; s++) expect(fig(`regio_risk_count_K${k}S${s}`)).toBe(k + s + k * s);
  expect(fig('regio_risk_count_K5S5')).toBeUndefined();
  expect(fig('regio_risk_count_total')).toBe([1, 2, 3].reduce((t, k) => t + [1, 2, 3].reduce((u, s) => u + k + s + k * s, 0), 0));
  expect(fig('regio_risk_band_laag_count')).toBe(14);
  expect(fig('regio_risk_band_zeer_hoog_count')).toBe(15);
  const f = r.findings.filter((x) => x.rule === 'regio.risk-scale-differs');
  expect(f).toHaveLength(1);
  expect(f[0].message).toMatch(/^c\.xlsx scoort kans en schade op een schaal van 1-5, de meeste bronnen op 1-3/);
  expect(f[0].sheet).toBe(REGIO_SHEET.sources);
});

test('an empty batch of readable files still gives every sheet, with notes instead of tables', () => {
  const r = consolidate([unreadableSource('weg.xlsx', 'Kan weg.xlsx niet lezen.')]);
  expect(r.generatedSheets).toEqual(Object.values(REGIO_SHEET));
  expect(r.findings.map((x) => x.rule)).toEqual(['regio.unreadable']);
  const norms = r.plan.sheets.find((s) => s.name === REGIO_SHEET.norms)!;
  expect(norms.cells.some((c) => c.v === 'Geen normen in de bronnen die meetellen.')).toBe(true);
  // Counts over the one-row table still point at a valid range, and say what the engine says.
  const sources = r.plan.sheets.find((s) => s.name === REGIO_SHEET.sources)!;
  const counted = sources.cells.find((c) => c.f?.startsWith('COUNTIF('))!;
  expect([counted.f, counted.v]).toEqual(['COUNTIF($F$9:$F$9,"Ja")', 0]);
});
