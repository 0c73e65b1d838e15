import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../../src/cli/toetsblad';
import { EXAMPLE, loadXlsx, sheetFingerprint, tmpDir } from '../../support/workbooks';

const BIN = path.join(__dirname, '..', '..', '..', 'bin', 'toetsblad.js');
const quiet = () => undefined;

describe('toetsblad report', () => {
  let dir: string;
  beforeEach(() => {
    dir = tmpDir();
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes the input plus generated sheets, and leaves the input file untouched', async () => {
    const input = path.join(dir, 'in.xlsx');
    fs.copyFileSync(EXAMPLE, input);
    const before = fs.readFileSync(input);
    const out = path.join(dir, 'out.xlsx');
    const json = path.join(dir, 'summary.json');
    expect(await main(['report', input, '--out', out, '--json', json], quiet)).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true);

    const summary = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(summary.generatedSheets).toContain('TB Bevindingen');
    const src = await loadXlsx(input);
    const res = await loadXlsx(out);
    const names = res.worksheets.map((w) => w.name);
    expect(names.slice(0, src.worksheets.length)).toEqual(src.worksheets.map((w) => w.name));
    expect(names).toEqual(expect.arrayContaining(summary.generatedSheets));
    // The user's own sheets: identical in value, formula and number format.
    for (const ws of src.worksheets) expect(sheetFingerprint(res.getWorksheet(ws.name)!)).toEqual(sheetFingerprint(ws));
    // No temporary files are left behind.
    expect(fs.readdirSync(dir).sort()).toEqual(['in.xlsx', 'out.xlsx', 'summary.json']);
  });

  it('refuses --out equal to the input (exit 2) and writes nothing', async () => {
    const input = path.join(dir, 'in.xlsx');
    fs.copyFileSync(EXAMPLE, input);
    const before = fs.readFileSync(input);
    expect(await main(['report', input, '--out', path.join(dir, '.', 'in.xlsx')], quiet)).toBe(2);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it.each([[[]], [['rapport']], [['report']], [['report', 'x.xlsx']], [['report', 'x.xlsx', '--out']], [['report', 'a', 'b', '--out', 'c']]])(
    'usage errors exit 2: %j',
    async (args) => {
      expect(await main(args as string[], quiet)).toBe(2);
    },
  );

  it('exits 1 with one Dutch line for a file that is not a workbook, and writes no output', () => {
    const input = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(input, 'dit is geen werkmap');
    const out = path.join(dir, 'out.xlsx');
    const r = spawnSync('node', [BIN, 'report', input, '--out', out], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^toetsblad: Kan notes.xlsx niet lezen/);
    expect(r.stderr).not.toMatch(/\bat \S+:\d+/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('exits 1 when the output cannot be written', async () => {
    const out = path.join(dir, 'no-such-folder', 'out.xlsx');
    expect(await main(['report', EXAMPLE, '--out', out], quiet)).toBe(1);
  });

  it('prints a one-line summary through the bin', () => {
    const out = path.join(dir, 'out.xlsx');
    const stdout = execFileSync('node', [BIN, 'report', EXAMPLE, '--out', out], { encoding: 'utf8' });
    expect(stdout).toMatch(/^Rapport geschreven naar .*out\.xlsx: \d+ bladen/);
  });
});
