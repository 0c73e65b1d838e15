// The command line's "regional overview" job: find the workbooks, read them in
// parallel (worker threads, up to the number of cores), consolidate, and
// write a new workbook with the TB Regio sheets plus its JSON summary.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { RegioResult, SourceContribution } from '../core/regio';
import { consolidate, unreadableSource } from '../core/regio';
import { applyPlan } from '../hosts/exceljs/applyPlan';
import { samePath, writeAtomically } from './fileSystem';
import { readSource } from './regioSource';
import { ReportError } from './reportError';
import type { Summary } from './summary';
import { summarise } from './summary';

export interface RegioOptions {
  /** Worker threads; the number of cores by default, 0 reads in this thread. */
  jobs?: number;
  /** Called after each file is read. */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface RegioRun {
  result: RegioResult;
  summary: Summary;
  /** Every file was read (the exit code says so). */
  allRead: boolean;
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** Files as given, folders expanded to their workbooks (sorted; Excel's ~$ lock files and hidden files skipped). */
export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(input);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) {
      const names = fs.readdirSync(input).filter((n) => WORKBOOK.test(n) && !n.startsWith('~$') && !n.startsWith('.')).sort((a, b) => a.localeCompare(b, 'nl'));
      out.push(...names.map((n) => path.join(input, n)));
    } else out.push(input);
  }
  return out;
}

/** The worker module next to this one, when running compiled; under ts-jest there is none and reading stays in-process. */
function workerScript(): string | null {
  const js = path.join(__dirname, 'regioWorker.js');
  return __filename.endsWith('.js') && fs.existsSync(js) ? js : null;
}

/** A 100.000-row workbook takes about this much memory while it is checked (bench: ~330 MB for report). */
const MEMORY_PER_JOB = 512 * 1024 * 1024;

/** One worker per core, but no more than the free memory holds, so a big machine with little memory does not swap. */
export function defaultJobs(): number {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  return Math.max(1, Math.min(cores, Math.floor(os.freemem() / MEMORY_PER_JOB)));
}

export async function readSources(files: string[], opts: RegioOptions = {}): Promise<SourceContribution[]> {
  const out: SourceContribution[] = new Array(files.length);
  let done = 0;
  const finish = (i: number, s: SourceContribution) => {
    out[i] = s;
    opts.onProgress?.(++done, files.length, files[i]);
  };
  const script = workerScript();
  const jobs = Math.min(files.length, opts.jobs ?? defaultJobs());
  if (!script || jobs <= 0) {
    for (let i = 0; i < files.length; i++) finish(i, await readSource(files[i]));
    return out;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: jobs }, () => {
      return new Promise<void>((resolve) => {
        const worker = new Worker(script);
        let current = -1;
        const feed = () => {
          if (next >= files.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          current = next++;
          worker.postMessage({ index: current, file: files[current] });
        };
        worker.on('message', (msg: { index: number; source: SourceContribution }) => {
          finish(msg.index, msg.source);
          feed();
        });
        // A worker that dies (out of memory on one huge file) costs that file, not the batch.
        worker.on('error', (e) => {
          if (current >= 0 && out[current] === undefined) finish(current, unreadableSource(path.basename(files[current]), `Het lezen is afgebroken (${e.message.split('\n')[0]}).`));
          current = -1;
          resolve(runRest());
        });
        feed();
      });
    }),
  );
  return out;

  // After a worker crash, the files nobody took yet are read in this thread.
  async function runRest(): Promise<void> {
    while (next < files.length) {
      const i = next++;
      finish(i, await readSource(files[i]));
    }
  }
}

export function regioSummary(result: RegioResult): Summary {
  return summarise(result);
}

export async function regioFiles(inputs: string[], output: string, jsonOut?: string, opts: RegioOptions = {}): Promise<RegioRun> {
  if (inputs.some((f) => samePath(f, output))) throw new ReportError('--out mag niet een van de invoerbestanden zijn: Toetsblad wijzigt de invoer nooit.', 2);
  // An overview written into the folder it reads (a second run) is not a source of itself.
  const files = expandInputs(inputs).filter((f) => !samePath(f, output));
  if (files.length === 0) throw new ReportError('Geen werkmappen (.xlsx) gevonden in de opgegeven mappen.', 2);
  if (jsonOut && (samePath(jsonOut, output) || files.some((f) => samePath(f, jsonOut)))) throw new ReportError('--json moet een ander bestand zijn dan de invoer en --out.', 2);
  const sources = await readSources(files, opts);
  const result = consolidate(sources);
  const { Workbook } = await import('exceljs');
  const wb = new Workbook();
  applyPlan(wb, result.plan);
  await writeAtomically(output, (tmp) => wb.xlsx.writeFile(tmp));
  const summary = regioSummary(result);
  if (jsonOut) await writeAtomically(jsonOut, async (tmp) => fs.writeFileSync(tmp, `${JSON.stringify(summary, null, 2)}\n`));
  return { result, summary, allRead: sources.every((s) => s.status !== 'unreadable') };
}
