// The built pane's "Regio-overzicht" in headless Chromium: the user picks
// seven .xlsx files (the five institutions of seed 004, a corrupt file and a
// duplicate), the pane checks them in the browser with the command line's
// reader and report — no request leaves the page — and writes the TB Regio
// sheets into the open workbook (a fake Excel host), exactly as the core plans them.

import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { consolidate, REGIO_SHEET } from '../../src/core/regio';
import type { RegioResult } from '../../src/core/regio';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { readSources } from '../../src/files/regio';
import { writeSeed004Files } from '../support/regioWorkbooks';
import { tmpDir } from '../support/workbooks';
import { bundleForBrowser } from './support/bundle';
import { PANE_ORIGIN, servePane } from './support/paneServer';
import type { Traffic } from './support/paneServer';
import { sheetFromRows, workbookToRows } from '../../src/core/workbook/fromRows';

jest.setTimeout(240_000);

const ROOT = path.join(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
const DOCS = path.join(ROOT, 'docs');

/** The controller's own workbook the overview is written into: one notes sheet, which must stay as it is. */
const OWN: WorkbookSnapshot = {
  sheets: [sheetFromRows({ name: 'Notities', values: [['Regio Meierijstad, 1e halfjaar 2022', null], ['Controle door', 'afdeling control']] })],
};

let browser: Browser;
let page: Page;
let traffic: Traffic;
let files: string[];
let expected: RegioResult;
const pageErrors: string[] = [];

async function cells(sheet: string): Promise<Record<string, string | number | boolean> | null> {
  return page.evaluate((s) => (window as unknown as { __tbCells: (s: string) => never }).__tbCells(s), sheet);
}

async function sheets(): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __tbWorkbook: () => { sheets: string[] } }).__tbWorkbook().sheets);
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!fs.existsSync(path.join(ROOT, 'dist', 'taskpane.html'))) throw new Error('Build the pane first: npm run build (npm run test:browser does).');
  const dir = tmpDir('tb-regio-pane-');
  files = (await writeSeed004Files(dir)).files;
  const corrupt = path.join(dir, 'kapot.xlsx');
  fs.writeFileSync(corrupt, fs.readFileSync(files[1]).subarray(0, 4000));
  const duplicate = path.join(dir, 'ons-welzijn-kopie.xlsx');
  fs.copyFileSync(files[0], duplicate);
  files = [...files, corrupt, duplicate];
  // What the command line's engine makes of the same files, for comparing cell by cell.
  expected = consolidate(await readSources(files, { jobs: 0 }), { existing: OWN });
  const fakeBundle = await bundleForBrowser(path.join(__dirname, 'support', 'fakeHostEntry.ts'));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 420, height: 900 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  traffic = await servePane(page);
  await page.addInitScript(`window.__tbSnapshot = ${JSON.stringify(workbookToRows(OWN))};\n${fakeBundle}`);
  await page.goto(`${PANE_ORIGIN}/taskpane.html`);
  try {
    await page.getByRole('tab', { name: 'Regio' }).waitFor({ timeout: 20_000 });
  } catch (e) {
    fs.writeFileSync(path.join(ARTIFACTS, 'regio-load-failure.html'), `${await page.content()}\n<!-- ${pageErrors.join('\n')} -->`);
    throw e;
  }
});

afterAll(async () => {
  await browser?.close();
});

test('picked files are checked in the pane and the TB Regio sheets are written into the open workbook', async () => {
  await page.getByRole('tab', { name: 'Regio' }).click();
  await page.getByRole('heading', { name: 'Regio-overzicht' }).waitFor();
  await page.getByTestId('regio-files').setInputFiles(files);
  await page.getByText('7 werkmappen gekozen').waitFor();
  await page.getByRole('button', { name: 'Regio-overzicht maken' }).click();
  await page.getByText(/^Klaar: |niet geschreven/).waitFor({ timeout: 180_000 });
  expect(pageErrors).toEqual([]);
  expect(await page.getByText('Klaar: 5 van 7 werkmappen tellen mee in het regio-overzicht.').isVisible()).toBe(true);

  // The list of sources: the corrupt file unreadable, the copy not counted.
  const items = page.getByTestId('regio-source');
  expect(await items.count()).toBe(7);
  const shown = await items.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-status')}|${e.getAttribute('data-counts')}`));
  expect(shown).toEqual(expected.sources.map((s) => `${s.status}|${s.counts ? 'ja' : 'nee'}`));
  expect(shown[5]).toBe('unreadable|nee');
  expect(shown[6]).toBe('checked|nee');

  // The workbook: the user's sheet untouched, then exactly the planned sheets, cell by cell.
  expect(await sheets()).toEqual(['Notities', ...Object.values(REGIO_SHEET)]);
  expect(await cells('Notities')).toEqual({ '0,0': 'Regio Meierijstad, 1e halfjaar 2022', '1,0': 'Controle door', '1,1': 'afdeling control' });
  for (const spec of expected.plan.sheets) {
    const got = (await cells(spec.name))!;
    const want: Record<string, unknown> = {};
    for (const c of spec.cells) {
      const v = c.f !== undefined ? `=${c.f}` : c.v;
      if (v !== null && v !== undefined && v !== '') want[`${c.row},${c.col}`] = v;
    }
    expect([spec.name, got]).toEqual([spec.name, want]);
  }
  // Nothing left the page: the files were read in the browser.
  expect(traffic.foreign).toEqual([]);

  await page.screenshot({ path: path.join(ARTIFACTS, 'regio.png') });
  const doc = path.join(DOCS, 'regio-pane.png');
  if (!fs.existsSync(doc) || process.env.TB_UPDATE_SCREENSHOTS === '1') fs.copyFileSync(path.join(ARTIFACTS, 'regio.png'), doc);

  // A click on a sheet button selects it.
  await page.getByRole('button', { name: `Naar ${REGIO_SHEET.sources}` }).click();
  await page.waitForFunction((s) => (window as unknown as { __tbWorkbook: () => { selection: { sheet: string } | null } }).__tbWorkbook().selection?.sheet === s, REGIO_SHEET.sources);
});

test('a second run replaces the regional sheets in place', async () => {
  await page.getByTestId('regio-files').setInputFiles(files.slice(0, 2));
  await page.getByRole('button', { name: 'Regio-overzicht maken' }).click();
  await page.getByText('Klaar: 2 van 2 werkmappen tellen mee in het regio-overzicht.').waitFor({ timeout: 120_000 });
  expect(await sheets()).toEqual(['Notities', ...Object.values(REGIO_SHEET)]);
  const sources = (await cells(REGIO_SHEET.sources))!;
  expect(sources['8,1']).toBe(path.basename(files[0]));
  expect(sources['9,1']).toBe(path.basename(files[1]));
  expect(sources['10,1']).toBeUndefined();
  expect(traffic.foreign).toEqual([]);
});

test('Annuleren stops a run before anything is written', async () => {
  // A slow Excel (1,5 s per round trip) leaves time to press Annuleren while the open workbook is read.
  const slow = await browser.newPage({ viewport: { width: 420, height: 900 } });
  const errors: string[] = [];
  slow.on('pageerror', (e) => errors.push(String(e)));
  await servePane(slow);
  await slow.addInitScript(`window.__tbSnapshot = ${JSON.stringify(workbookToRows(OWN))}; window.__tbSyncDelayMs = 1500;\n${await bundleForBrowser(path.join(__dirname, 'support', 'fakeHostEntry.ts'))}`);
  await slow.goto(`${PANE_ORIGIN}/taskpane.html`);
  await slow.getByRole('tab', { name: 'Regio' }).click();
  await slow.getByTestId('regio-files').setInputFiles(files.slice(0, 2));
  await slow.getByRole('button', { name: 'Regio-overzicht maken' }).click();
  await slow.getByText(/^Deze werkmap lezen/).waitFor({ timeout: 60_000 });
  await slow.getByTestId('regio-cancel').click();
  await slow.getByText('Geannuleerd. Er is niets half geschreven.').waitFor({ timeout: 60_000 });
  const left = await slow.evaluate(() => (window as unknown as { __tbWorkbook: () => { sheets: string[] } }).__tbWorkbook().sheets);
  expect(left).toEqual(['Notities']);
  expect(errors).toEqual([]);
  await slow.close();
});
