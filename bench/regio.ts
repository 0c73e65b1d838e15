// The regional overview at scale: 60 workbooks of the example's shape
// (5 providers × 6 municipalities × 2 half years) consolidated in at most
// 1,5 × the slowest single `report` × 60 ÷ cores, and 60 workbooks of
// 100.000 rows under 1 GB peak memory (consolidation keeps each source's
// figures, never its rows).

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateWorkbook, MUNICIPALITIES } from './generate';
import { mustSucceed, timed } from './measure';
import type { Figure } from './report';

export interface RegioBenchOptions {
  /** Workbooks in the batch (60: 5 providers × 6 municipalities × 2 half years). */
  workbooks: number;
  /** Trajectory rows of the memory run's workbooks. */
  bigRows: number;
  /** Single reports timed to find the slowest one. */
  sample: number;
}

export const REGIO_DEFAULTS: RegioBenchOptions = { workbooks: 60, bigRows: 100_000, sample: 5 };

const PROVIDERS = ['ons-welzijn', 'welzijn-de-meierij', 'mee', 'farent', 'lumens'];
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** File names of the batch: provider, municipality, half year. */
function batchNames(n: number): string[] {
  const out: string[] = [];
  for (const half of ['h1', 'h2']) for (const p of PROVIDERS) for (const m of MUNICIPALITIES) out.push(`${p}-${m.toLowerCase()}-${half}-2022.xlsx`);
  for (let i = out.length; i < n; i++) out.push(`extra-${i + 1}-h1-2022.xlsx`);
  return out.slice(0, n);
}

export async function benchRegio(root: string, dir: string, opts: RegioBenchOptions = REGIO_DEFAULTS): Promise<Figure[]> {
  const bin = path.join(root, 'bin', 'toetsblad.js');
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const figures: Figure[] = [];
  const names = batchNames(opts.workbooks);

  // 1. Speed: workbooks of the example's size (1.200 trajectories, 28 risks, budget lines per municipality), each with its own data.
  const batch = path.join(dir, 'regio-batch');
  fs.mkdirSync(batch, { recursive: true });
  const t0 = Date.now();
  for (const [i, name] of names.entries()) await generateWorkbook(path.join(batch, name), { trajectories: 1200, risks: 28, budgetLines: 60, seed: 1000 + i });
  console.log(`\nRegio: ${names.length} werkmappen in de vorm van het voorbeeld gegenereerd in ${round((Date.now() - t0) / 1000, 1)} s`);
  let slowest = 0;
  for (const name of names.slice(0, opts.sample)) {
    const single = mustSucceed('toetsblad report', timed(process.execPath, [bin, 'report', path.join(batch, name), '--out', path.join(dir, `regio-single-${name}`), '--quiet']));
    slowest = Math.max(slowest, single.seconds);
  }
  const regio = timed(process.execPath, [bin, 'regio', batch, '--out', path.join(dir, 'regio.xlsx'), '--json', path.join(dir, 'regio.json'), '--quiet']);
  // Exit 3 means a file was unreadable: then the run measured less than it should.
  mustSucceed('toetsblad regio', regio);
  const budget = (slowest * names.length) / cores;
  figures.push(
    { id: 'regio.single.slowestSeconds', label: `toetsblad report, traagste van ${Math.min(opts.sample, names.length)} werkmappen (voorbeeldvorm)`, value: round(slowest), unit: 's' },
    { id: 'regio.seconds', label: `toetsblad regio, ${names.length} werkmappen, ${cores} cores`, value: round(regio.seconds), unit: 's', note: `peak ${regio.peakRssMb ?? '?'} MB` },
    {
      id: 'regio.vsSingle',
      label: `toetsblad regio / (traagste report × ${names.length} ÷ ${cores} cores)`,
      value: round(regio.seconds / budget),
      unit: '×',
      target: { max: 1.5 },
      note: `${round(regio.seconds)} s tegen ${round(budget)} s`,
    },
  );
  fs.rmSync(batch, { recursive: true, force: true });

  // 2. Memory: the same number of workbooks at 100.000 rows. One is generated and copied: reading is what is measured.
  const big = path.join(dir, 'regio-groot');
  fs.mkdirSync(big, { recursive: true });
  const model = path.join(dir, `regio-model-${opts.bigRows}.xlsx`);
  await generateWorkbook(model, { trajectories: opts.bigRows, risks: 1000, budgetLines: 2000 });
  for (const name of names) fs.copyFileSync(model, path.join(big, name));
  const heavy = mustSucceed('toetsblad regio (groot)', timed(process.execPath, [bin, 'regio', big, '--out', path.join(dir, 'regio-groot.xlsx'), '--quiet'], { timeoutMs: 3_600_000 }));
  figures.push(
    { id: 'regio.big.seconds', label: `toetsblad regio, ${names.length} werkmappen van ${opts.bigRows} rijen`, value: round(heavy.seconds), unit: 's' },
    { id: 'regio.big.peakRssMb', label: `toetsblad regio piek-RSS, ${names.length} werkmappen van ${opts.bigRows} rijen`, value: heavy.peakRssMb, unit: 'MB', target: { max: 1024 } },
  );
  fs.rmSync(big, { recursive: true, force: true });
  return figures;
}
