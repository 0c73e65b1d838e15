// Running a child process and measuring its wall time and peak RSS.
// Peak RSS comes from GNU time (getrusage of the whole process tree that was
// waited for), so it also covers LibreOffice's soffice.bin behind its script.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface Run {
  seconds: number;
  /** Peak resident set size in MB, or null when GNU time is not installed. */
  peakRssMb: number | null;
  status: number | null;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

export function timed(cmd: string, args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): Run {
  const useTime = fs.existsSync(GNU_TIME);
  const out = path.join(os.tmpdir(), `tb-bench-time-${process.pid}-${Date.now()}.txt`);
  const [c, a] = useTime ? [GNU_TIME, ['-f', '%M', '-o', out, cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(c, a, { cwd: opts.cwd, encoding: 'utf8', timeout: opts.timeoutMs ?? 600_000, maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let peakRssMb: number | null = null;
  if (useTime && fs.existsSync(out)) {
    const kb = Number(fs.readFileSync(out, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb)) peakRssMb = Math.round(kb / 1024);
    fs.rmSync(out, { force: true });
  }
  return { seconds, peakRssMb, status: r.status, stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

export function mustSucceed(what: string, run: Run): Run {
  if (run.status !== 0) throw new Error(`${what} failed (exit ${run.status}): ${run.stderr.slice(0, 2000)}`);
  return run;
}
