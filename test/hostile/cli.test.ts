// Every hostile workbook through the real command line, as a separate
// process: exit 0 with a report, or exit 1 with one Dutch line on stderr and
// nothing written. Never a stack trace, never a partial output file, and the
// input file is byte for byte what it was.

import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { sheetFingerprint, loadXlsx, tmpDir } from '../support/workbooks';
import type { CorpusFile, HostileCase } from './corpus';
import { HOSTILE_CASES, writeCorpus } from './corpus';
import { failedFeatures, findingProblems, missingFindings } from './expectations';

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '..', '..');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  dir: string;
  input: string;
  inputBytes: Buffer;
  out: string;
  json: string;
}

/**
 * The CLI compiled from the current sources into a private folder, so the
 * test never runs a stale dist/ and never races another build of it.
 */
function buildCli(): string {
  const outDir = tmpDir('tb-hostile-cli-');
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.cli.json'), '--outDir', outDir], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // Type errors elsewhere in the tree still emit JavaScript; the check below is what matters.
  }
  const cli = path.join(outDir, 'cli', 'toetsblad.js');
  if (!fs.existsSync(cli)) throw new Error(`CLI did not compile to ${cli}`);
  return cli;
}

function run(cli: string, c: CorpusFile): Promise<Run> {
  const dir = tmpDir(`tb-cli-${c.case.id}-`);
  const input = path.join(dir, path.basename(c.file));
  fs.copyFileSync(c.file, input);
  const inputBytes = fs.readFileSync(input);
  const out = path.join(dir, 'rapport.xlsx');
  const json = path.join(dir, 'samenvatting.json');
  return new Promise((resolve) => {
    // NODE_PATH lets the private build find the project's node_modules.
    const child = spawn(process.execPath, [cli, 'report', input, '--out', out, '--json', json], {
      cwd: dir,
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr, dir, input, inputBytes, out, json }));
  });
}

/** Run all cases, two processes at a time (the machine is shared). */
async function runAll(cli: string, files: CorpusFile[]): Promise<Map<string, Run>> {
  const results = new Map<string, Run>();
  const queue = [...files];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) results.set(c.case.id, await run(cli, c));
  };
  await Promise.all([worker(), worker()]);
  return results;
}

let runs: Map<string, Run>;

beforeAll(async () => {
  const cli = buildCli();
  const files = await writeCorpus(path.join(tmpDir('tb-hostile-'), 'corpus'));
  runs = await runAll(cli, files);
});

const STACK_TRACE = /\n\s+at |\bat \S+ \(.*:\d+:\d+\)|\.(ts|js):\d+/;

function expectUntouchedInput(r: Run) {
  expect(fs.readFileSync(r.input).equals(r.inputBytes)).toBe(true);
}

const reportCases = HOSTILE_CASES.filter((c) => c.outcome === 'report').map((c) => [c.id, c] as [string, HostileCase]);
const unreadableCases = HOSTILE_CASES.filter((c) => c.outcome === 'unreadable').map((c) => [c.id, c] as [string, HostileCase]);

describe.each(reportCases)('toetsblad report: %s', (id, hostile) => {
  it('exits 0 with a one-line summary, a readable report and the input unchanged', async () => {
    const r = runs.get(id)!;
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/^Rapport geschreven naar .*rapport\.xlsx: \d+ bladen/);
    expectUntouchedInput(r);
    // Only the input, the report and the summary: no temporary files left behind.
    expect(fs.readdirSync(r.dir).sort()).toEqual([path.basename(r.input), 'rapport.xlsx', 'samenvatting.json'].sort());

    const summary = JSON.parse(fs.readFileSync(r.json, 'utf8'));
    const input = await loadXlsx(r.input);
    const output = await loadXlsx(r.out);
    const names = input.worksheets.map((w) => w.name);
    expect(failedFeatures(summary.findings)).toEqual([]);
    expect(findingProblems(summary.findings, [...names, ...summary.generatedSheets])).toEqual([]);
    expect(missingFindings(summary.findings, hostile.expectFindings)).toEqual([]);
    for (const ws of input.worksheets) expect(sheetFingerprint(output.getWorksheet(ws.name)!)).toEqual(sheetFingerprint(ws));
    for (const name of summary.generatedSheets) expect(output.getWorksheet(name)).toBeDefined();
  });
});

describe.each(unreadableCases)('toetsblad report: %s', (id) => {
  it('exits 1 with one Dutch line, no stack trace, and writes nothing', () => {
    const r = runs.get(id)!;
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^toetsblad: Kan ${id}\\.xlsx niet lezen`));
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expectUntouchedInput(r);
    expect(fs.readdirSync(r.dir)).toEqual([path.basename(r.input)]);
  });
});
