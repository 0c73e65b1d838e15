// Bad input never stops the batch: a corrupt file, a duplicate provider,
// another period, a workbook without any recognised table and a different
// norm set each become a finding on TB Regio Bronnen; the others are still
// consolidated, and the command's exit code says whether everything was read.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { EXIT_PARTLY_READ, main } from '../../../src/cli/toetsblad';
import { REGIO_SHEET } from '../../../src/core/regio';
import { checkBatch } from '../../../src/core/regio/batch';
import type { SourceContribution } from '../../../src/core/regio/source';
import { unreadableSource } from '../../../src/core/regio/source';
import { figure, grid, regioOf } from '../../support/regioRun';
import { makeProvider, providerWorkbook, writeSeed004Files } from '../../support/regioWorkbooks';
import { loadXlsx, saveXlsx, tmpDir, workbookFrom } from '../../support/workbooks';

const BIN = path.join(__dirname, '..', '..', '..', 'bin', 'toetsblad.js');
const quiet = () => undefined;

describe('a batch with bad files', () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = tmpDir('tb-regio-bad-');
    files = (await writeSeed004Files(dir)).files.slice(0, 3);
    const corrupt = path.join(dir, 'kapot.xlsx');
    fs.writeFileSync(corrupt, fs.readFileSync(files[0]).subarray(0, 2000));
    const duplicate = path.join(dir, 'ons-welzijn-kopie.xlsx');
    fs.copyFileSync(files[0], duplicate);
    const later = makeProvider(3);
    const laterWb = providerWorkbook({ ...later, name: 'Farent' }, 0);
    laterWb.getWorksheet("Risico's")!.getCell('A1').value = 'Monitoring welzijn 2e halfjaar 2022';
    laterWb.getWorksheet('Financiering')!.getCell('A1').value = 'Financieel overzicht 2e halfjaar 2022';
    const otherPeriod = await saveXlsx(laterWb, path.join(dir, 'farent-h2-2022.xlsx'));
    const memo = await saveXlsx(workbookFrom({ Memo: [['Toelichting bij de rapportage'], ['Zie de bijlage voor de cijfers.']] }), path.join(dir, 'memo.xlsx'));
    files = [...files, corrupt, duplicate, otherPeriod, memo];
  }, 120_000);

  test('each problem is a finding naming the file; the three good files are consolidated', async () => {
    const result = await regioOf(files);
    const byFile = (file: string) => result.sources.find((s) => s.file === file)!;
    expect(byFile('kapot.xlsx')).toMatchObject({ status: 'unreadable', counts: false });
    expect(byFile('ons-welzijn-kopie.xlsx')).toMatchObject({ status: 'checked', counts: false });
    expect(byFile('farent-h2-2022.xlsx')).toMatchObject({ counts: false, remark: 'Andere periode (2e halfjaar 2022)' });
    expect(byFile('memo.xlsx')).toMatchObject({ counts: false, remark: 'Geen tabel herkend' });
    expect(result.sources.filter((s) => s.counts).map((s) => s.name)).toEqual(['ONS Welzijn', 'Welzijn De Meierij', 'MEE']);
    const rule = (r: string) => result.findings.filter((f) => f.rule === r);
    expect(rule('regio.unreadable')).toHaveLength(1);
    expect(rule('regio.unreadable')[0]).toMatchObject({ severity: 'error', sheet: REGIO_SHEET.sources });
    expect(rule('regio.unreadable')[0].message).toMatch(/^kapot\.xlsx kon niet worden gelezen: Kan kapot\.xlsx niet lezen/);
    expect(rule('regio.duplicate')[0].message).toContain('ons-welzijn-h1-2022.xlsx en ons-welzijn-kopie.xlsx');
    expect(rule('regio.other-period')[0].message).toContain('farent-h2-2022.xlsx gaat over 2e halfjaar 2022');
    expect(rule('regio.nothing-recognised')[0].message).toContain('memo.xlsx');
    // Each finding points at the status cell of its own file's row.
    const sources = grid(result.plan, REGIO_SHEET.sources);
    for (const f of result.findings.filter((x) => x.sheet === REGIO_SHEET.sources)) {
      const row = Number(f.cell.slice(1)) - 1;
      expect(f.message).toContain(String(sources.rows[row][1]));
    }
    expect(figure(result, 'regio_bronnen_totaal')).toBe(7);
    expect(figure(result, 'regio_bronnen_gelezen')).toBe(6);
    expect(figure(result, 'regio_bronnen_meegeteld')).toBe(3);
  }, 120_000);

  test('the regional figures are those of the good files alone: the duplicate does not count twice', async () => {
    const good = await regioOf(files.slice(0, 3));
    const all = await regioOf(files);
    for (const key of ['regio_isw_eerste_gesprek_binnen_28d_pct', 'regio_budget_begroot_totaal', 'regio_risk_count_total', 'regio_cjg_overschrijdingen_14d_aantal']) {
      expect(figure(all, key)).toBe(figure(good, key));
    }
  }, 120_000);

  test('toetsblad regio writes the overview and exits 3 when a file was unreadable, 0 when all were read', async () => {
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = path.join(dir, 'regio.xlsx');
    const json = path.join(dir, 'regio.json');
    const before = fs.readFileSync(files[0]);
    expect(await main(['regio', ...files, '--out', out, '--json', json], quiet)).toBe(EXIT_PARTLY_READ);
    expect(fs.readFileSync(files[0]).equals(before)).toBe(true);
    const summary = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(summary.generatedSheets).toEqual(Object.values(REGIO_SHEET));
    expect(summary.findings.find((f: { rule: string }) => f.rule === 'regio.unreadable').message).toContain('kapot.xlsx');
    const keys = summary.figures.map((f: { key: string }) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['regio_isw_eerste_gesprek_binnen_28d_pct', 'regio_budget_begroot_totaal', 'regio_budget_realisatie_totaal', 'ons_welzijn.isw_eerste_gesprek_binnen_28d_pct']));
    const wb = await loadXlsx(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(REGIO_SHEET));
    expect(await main(['regio', ...files.slice(0, 3), '--out', out], quiet)).toBe(0);
    expect(await main(['regio', files[0], '--out', files[0]], quiet)).toBe(2);
    expect(await main(['regio', '--out', out], quiet)).toBe(2);
    // Written into the folder it reads, a second run does not read its own overview as a source.
    const inbox = path.join(dir, 'inbox');
    fs.mkdirSync(inbox, { recursive: true });
    for (const f of files.slice(0, 2)) fs.copyFileSync(f, path.join(inbox, path.basename(f)));
    const own = path.join(inbox, 'regio.xlsx');
    const inboxJson = path.join(dir, 'inbox.json');
    expect(await main(['regio', inbox, '--out', own], quiet)).toBe(0);
    expect(await main(['regio', inbox, '--out', own, '--json', inboxJson], quiet)).toBe(0);
    expect(JSON.parse(fs.readFileSync(inboxJson, 'utf8')).figures.find((f: { key: string }) => f.key === 'regio_bronnen_totaal').value).toBe(2);
    jest.restoreAllMocks();
  }, 180_000);

  test('the built command reads a folder in worker threads', () => {
    const folder = path.join(dir, 'map');
    fs.mkdirSync(folder, { recursive: true });
    for (const f of files) fs.copyFileSync(f, path.join(folder, path.basename(f)));
    fs.writeFileSync(path.join(folder, '~$ons-welzijn-h1-2022.xlsx'), 'Excel lock file');
    const out = path.join(dir, 'map.xlsx');
    const r = spawnSync('node', [BIN, 'regio', folder, '--out', out, '--jobs', '2'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(EXIT_PARTLY_READ);
    expect(r.stdout).toContain('7 bestanden, 3 tellen mee, 1 onleesbaar');
    expect(fs.existsSync(out)).toBe(true);
  }, 180_000);
});

describe('batch checks on contributions', () => {
  let distinct = 0;
  const base = (file: string, name: string, keys: string[], value = 0.5 + ++distinct / 100): SourceContribution => ({
    ...unreadableSource(file, ''),
    name,
    nameFrom: 'title',
    status: 'checked',
    error: undefined,
    recognised: ['trajectories'],
    period: { key: 202206, label: '1e halfjaar 2022' },
    norms: keys.map((key) => ({ key, label: key, value, unit: 'fraction', status: 'Behaald', norm: null, population: 10, sheet: 'TB Normen', cell: 'E6' })),
  });

  test('a source with a different norm set is named with what is missing and what is extra', () => {
    const { findings, batch } = checkBatch([base('a.xlsx', 'A', ['n1', 'n2', 'n3']), base('b.xlsx', 'B', ['n1', 'n2', 'n3']), base('c.xlsx', 'C', ['n1', 'n4'])], 8);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ index: 2, rule: 'regio.norm-set-differs' });
    expect(findings[0].message).toContain('ontbreken n2, n3; extra zijn n4');
    // A different norm set still counts: each norm is pooled over the sources that have it.
    expect(batch.every((b) => b.counts)).toBe(true);
  });

  test('the same figures under another file name and provider name are a duplicate too', () => {
    const a = base('oss-h1.xlsx', 'Oss', ['n1', 'n2'], 0.42);
    const copy = base('kopie van oss-h1.xlsx', 'Kopie van oss', ['n1', 'n2'], 0.42);
    const other = base('uden-h1.xlsx', 'Uden', ['n1', 'n2'], 0.7);
    const { findings, batch } = checkBatch([a, copy, other], 8);
    expect(batch.map((x) => x.counts)).toEqual([true, false, true]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ index: 1, rule: 'regio.duplicate-content' });
    expect(findings[0].message).toContain('kopie van oss-h1.xlsx bevat precies dezelfde cijfers als oss-h1.xlsx');
  });

  test('the same provider under another spelling is a duplicate; a bare year fits its half years', () => {
    const a = base('a.xlsx', 'Gemeente Oss', ['n1']);
    const b = { ...base('b.xlsx', 'OSS', ['n1']) };
    const c = { ...base('c.xlsx', 'Uden', ['n1']), period: { key: 202212, label: '2022' } };
    const { findings, batch } = checkBatch([a, b, c], 8);
    expect(batch.map((x) => x.counts)).toEqual([true, false, true]);
    expect(findings.map((f) => f.rule)).toEqual(['regio.duplicate']);
  });
});
