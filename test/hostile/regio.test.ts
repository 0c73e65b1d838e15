// The whole hostile corpus as one regional batch, next to two good
// institutions: every file ends as a source line (read, or unreadable with a
// Dutch reason naming it), nothing throws, and the good files' regional
// figures are exactly what they are on their own.

import * as fs from 'fs';
import * as path from 'path';
import { consolidate, REGIO_SHEET } from '../../src/core/regio';
import { readSources } from '../../src/files/regio';
import { writeSeed004Files } from '../support/regioWorkbooks';
import { tmpDir } from '../support/workbooks';
import { HOSTILE_CASES, writeCorpus } from './corpus';

jest.setTimeout(300_000);

test('hostile workbooks in a regional batch become findings, never a failure', async () => {
  const dir = tmpDir('tb-hostile-regio-');
  const corpus = await writeCorpus(path.join(dir, 'corpus'));
  fs.mkdirSync(path.join(dir, 'good'));
  const good = (await writeSeed004Files(path.join(dir, 'good'))).files.slice(0, 2);
  const all = await readSources([...good, ...corpus.map((c) => c.file)], { jobs: 0 });
  const result = consolidate(all);
  expect(result.generatedSheets).toEqual(Object.values(REGIO_SHEET));
  corpus.forEach((c, i) => {
    const line = result.sources[2 + i];
    expect(line.file).toBe(`${c.case.id}.xlsx`);
    if (c.case.outcome === 'unreadable') {
      expect([c.case.id, line.status]).toEqual([c.case.id, 'unreadable']);
      const f = result.findings.find((x) => x.rule === 'regio.unreadable' && x.message.startsWith(`${line.file} kon niet worden gelezen: `));
      expect([c.case.id, f?.severity]).toEqual([c.case.id, 'error']);
    } else {
      expect([c.case.id, line.status]).not.toEqual([c.case.id, 'unreadable']);
    }
  });
  expect(HOSTILE_CASES.length).toBe(corpus.length);
  // No hostile file counts as a double of the good ones, and the good ones' own figures are unchanged.
  const alone = consolidate(await readSources(good, { jobs: 0 }));
  expect(result.sources.slice(0, 2).map((s) => s.counts)).toEqual([true, true]);
  const fig = (r: typeof result, key: string) => r.figures.find((f) => f.key === key)?.value;
  for (const key of ['ons_welzijn.isw_eerste_gesprek_binnen_28d_pct', 'welzijn_de_meierij.budget_begroot_totaal', 'ons_welzijn.risk_band_hoog_count']) {
    expect([key, fig(result, key)]).toEqual([key, fig(alone, key)]);
    expect(fig(alone, key)).not.toBeUndefined();
  }
});
