// The built task pane in headless Chromium against a fake Excel host loaded
// from the example workbook: Scan → Generate all → click a finding → accept
// → remove, asserting after each action on what the pane and the workbook show.

import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { BUILT_IN_NORMS } from '../../src/core/features/norms/catalogue';
import { normStatuses } from '../../src/core/features/norms/summary';
import { buildReport } from '../../src/core/report';
import { SHEET } from '../../src/core/generatedSheets';
import type { ReportResult } from '../../src/core/report';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { snapshotFromXlsx } from '../support/fakeExcel/fromXlsx';
import { EXAMPLE, EXPECTED } from '../support/workbooks';
import { bundleForBrowser } from './support/bundle';
import { OFFICE_CDN, PANE_ORIGIN, servePane } from './support/paneServer';
import type { Traffic } from './support/paneServer';
import { sheetFromRows, sheetToRows, workbookToRows } from '../../src/core/workbook/fromRows';

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
const DOCS = path.join(ROOT, 'docs');
const USER_SHEETS = ["Risico's", 'Financiering', 'Indicatoren', 'Trajecten'];

let browser: Browser;
let page: Page;
let fakeBundle: string;
let traffic: Traffic;
let snapshot: WorkbookSnapshot;
let expected: ReportResult;
const pageErrors: string[] = [];

/** The example with two planted risk errors, so there are findings to click whatever else the features report. */
function plantErrors(snap: WorkbookSnapshot): WorkbookSnapshot {
  const at = snap.sheets.findIndex((s) => s.name === "Risico's");
  const risks = sheetToRows(snap.sheets[at]);
  risks.values[8][3] = 4; // D9: kans 4 on a 1-3 scale
  risks.values[11][5] = 5; // F12: effect 5 where kans × schade = 6
  snap.sheets[at] = sheetFromRows(risks);
  return snap;
}

async function workbook(): Promise<{ sheets: string[]; selection: { sheet: string; address: string } | null; syncs: number }> {
  return page.evaluate(() => (window as unknown as { __tbWorkbook: () => never }).__tbWorkbook());
}

async function cells(sheet: string): Promise<Record<string, string | number | boolean> | null> {
  return page.evaluate((s) => (window as unknown as { __tbCells: (s: string) => never }).__tbCells(s), sheet);
}

async function axeViolations(): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { html: string }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Result> } }).axe;
    // Fluent's focus manager (Tabster) adds 1px focus sentinels, aria-hidden on purpose so screen readers skip
    // them while keyboard focus wraps correctly; axe cannot know that, so those sentinels alone are left out.
    const r = await axe.run({ include: [['body']], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.html.slice(0, 200)) }));
  });
}

async function expectAccessible(label: string): Promise<void> {
  // Colour contrast is only meaningful once open/fade animations have finished.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const violations = await axeViolations();
  fs.writeFileSync(path.join(ARTIFACTS, `axe-${label}.json`), JSON.stringify(violations, null, 2));
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

async function screenshot(name: string, toDocs: boolean): Promise<void> {
  // The full pane goes to the artefacts; the README gets what a user sees in the pane's viewport.
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-full.png`), fullPage: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  // docs/ holds the committed README pictures: written when missing or on request, so test runs leave git clean.
  const doc = path.join(DOCS, `${name}.png`);
  if (toDocs && (!fs.existsSync(doc) || process.env.TB_UPDATE_SCREENSHOTS === '1')) fs.copyFileSync(file, doc);
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.mkdirSync(DOCS, { recursive: true });
  if (!fs.existsSync(path.join(ROOT, 'dist', 'taskpane.html'))) throw new Error('Build the pane first: npm run build (npm run test:browser does).');
  snapshot = plantErrors(await snapshotFromXlsx(EXAMPLE));
  expected = buildReport(snapshot);
  fakeBundle = await bundleForBrowser(path.join(__dirname, 'support', 'fakeHostEntry.ts'));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 420, height: 900 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => fs.appendFileSync(path.join(ARTIFACTS, 'console.log'), `${m.type()}: ${m.text()}\n`));
  traffic = await servePane(page);
  await page.addInitScript(`window.__tbSnapshot = ${JSON.stringify(workbookToRows(snapshot))};\n${fakeBundle}`);
  await page.goto(`${PANE_ORIGIN}/taskpane.html`);
  try {
    await page.getByRole('button', { name: 'Werkmap scannen' }).waitFor({ timeout: 20_000 });
  } catch (e) {
    fs.writeFileSync(path.join(ARTIFACTS, 'load-failure.html'), `${await page.content()}\n<!-- ${pageErrors.join('\n')} -->`);
    throw e;
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('task pane in a real browser', () => {
  it('loads in Dutch with office.js served locally and no other network traffic', async () => {
    expect(await page.getByRole('heading', { name: 'Toetsblad', level: 1 }).isVisible()).toBe(true);
    expect(await page.getByRole('tab', { name: 'Scannen' }).getAttribute('aria-selected')).toBe('true');
    expect(traffic.office).toContain('office.js');
    expect(traffic.foreign).toEqual([]);
    expect((await workbook()).sheets).toEqual(USER_SHEETS);
    await expectAccessible('start');
  });

  it('scan shows the recognised tables with sheet, range and confidence, and changes nothing', async () => {
    await page.getByRole('button', { name: 'Werkmap scannen' }).click();
    await page.getByText(/tabel(len)? herkend/).waitFor();
    const cards = page.getByTestId('detection');
    const scan = expected.detections;
    expect(await cards.count()).toBe(scan.length);
    const risk = scan.find((d) => d.kind === 'risk-register')!;
    const card = cards.filter({ hasText: 'Risicoregister' }).first();
    await expect(card.textContent()).resolves.toContain(`Blad: ${risk.sheet} · Bereik: ${risk.range}`);
    await expect(card.textContent()).resolves.toContain(`${Math.round(risk.confidence * 100)}%`);
    const wb = await workbook();
    expect(wb.sheets).toEqual(USER_SHEETS);
    // Reading costs a fixed number of round trips: sheets, used ranges, one chunk for this small workbook.
    expect(wb.syncs).toBe(3);
    await screenshot('scan', true);
    await expectAccessible('scan');
  });

  it('the mapping editor is reachable and labelled, and cancelling stores nothing', async () => {
    await page.getByRole('button', { name: /^Toewijzing wijzigen: Risicoregister/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Soort tabel' }).inputValue()).toBe('risk-register');
    expect(await dialog.getByRole('combobox', { name: 'Kolom voor Kans', exact: true }).inputValue()).toBe('D');
    await expectAccessible('mapping');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await workbook()).sheets).toEqual(USER_SHEETS);
  });

  it('"Alles vernieuwen" writes exactly the generated sheets and leaves the user sheets as they were', async () => {
    await page.getByRole('tab', { name: 'Genereren' }).click();
    await expectAccessible('generate');
    await page.getByRole('button', { name: 'Alles vernieuwen' }).click();
    await page.getByText(/^Klaar:|Er ging iets mis/).waitFor();
    await screenshot('generate', false);
    expect(await page.getByRole('alert').count()).toBe(0);
    const wb = await workbook();
    expect(wb.sheets).toEqual([...USER_SHEETS, ...expected.generatedSheets]);
    // The findings sheet lists the engine's findings; the planted ones are there with their cells.
    const findings = (await cells(SHEET.findings))!;
    const rows = Object.entries(findings).filter(([k]) => k.endsWith(',3')).map(([, v]) => v); // column D: Cel
    expect(rows).toEqual(expect.arrayContaining(['D9', 'F12']));
    expect(findings['1,0']).toMatch(/^Gegenereerd door Toetsblad/);
    // Every cell of every generated sheet is what the engine planned: formulas as formulas, text as literal text.
    for (const spec of expected.plan.sheets) {
      const got = (await cells(spec.name))!;
      const want: Record<string, unknown> = {};
      for (const c of spec.cells) {
        const v = c.f !== undefined ? `=${c.f}` : c.v;
        if (v !== null && v !== undefined && v !== '') want[`${c.row},${c.col}`] = v;
      }
      expect([spec.name, got]).toEqual([spec.name, want]);
    }
    // User sheets: same cells as before.
    for (const name of USER_SHEETS) {
      const got = (await cells(name))!;
      const sheet = snapshot.sheets.find((s) => s.name === name)!;
      const want: Record<string, unknown> = {};
      sheetToRows(sheet).values.forEach((row, r) => row.forEach((v, c) => v !== null && (want[`${r},${c}`] = typeof v === 'object' ? v.error : v)));
      expect(got).toEqual(want);
    }
  });

  it('after the run the Genereren tab lists the norms with status, realisation, norm and population; a click selects the cell on TB Normen', async () => {
    const want = normStatuses(expected.plan, expected.figures, SHEET.norms);
    const items = page.getByTestId('norm');
    expect(await items.count()).toBe(want.length);
    expect(await page.getByRole('heading', { name: `Normen (${want.length} normen)`, level: 3 }).isVisible()).toBe(true);
    const dutch: Record<string, string> = { met: 'Behaald', near: 'Bijna', notMet: 'Niet behaald', noData: 'Geen gegevens', noNorm: 'Geen norm' };
    const shown = await items.evaluateAll((els) => els.map((e) => [e.getAttribute('data-status'), e.textContent]));
    expect(shown.map(([status, text]) => `${dutch[status!]}|${text!.startsWith(dutch[status!])}`)).toEqual(want.map((l) => `${l.status}|true`));
    // 88,87% first talks within four weeks (the provider's own figure in the fixture) against ≥ 90%: almost.
    const first = items.filter({ hasText: 'Eerste vraagverhelderingsgesprek binnen 4 weken' });
    const pct = (EXPECTED.trajecten.isw_eerste_gesprek_binnen_28d_pct as number).toFixed(1).replace('.', ',');
    expect(await first.textContent()).toBe(`BijnaEerste vraagverhelderingsgesprek binnen 4 weken na aanmeldingRealisatie: ${pct}% · Norm: ≥ 90,0% · Populatie: 593`);
    const line = want.find((l) => l.key === 'cjg_in_behandeling_binnen_14d_pct')!;
    const cjg = items.filter({ hasText: line.label });
    expect(await cjg.getAttribute('data-status')).toBe('notMet');
    await cjg.getByRole('button').click();
    await page.waitForFunction((cell) => (window as unknown as { __tbWorkbook: () => { selection: { address: string } | null } }).__tbWorkbook().selection?.address === cell, line.cell);
    expect((await workbook()).selection).toEqual({ sheet: SHEET.norms, address: line.cell });
    await screenshot('norms', false);
    await expectAccessible('norms');
  });

  it('lists findings by severity and kind with counts; clicking one selects its cell', async () => {
    await page.getByRole('tab', { name: 'Bevindingen' }).click();
    const total = page.getByTestId('findings-total');
    await total.waitFor();
    expect(await total.textContent()).toBe(`${expected.findings.length} bevindingen, ${expected.findings.length} open`);
    const errors = expected.findings.filter((f) => f.severity === 'error').length;
    expect(await page.getByTestId('severity-error').getByRole('heading', { level: 3 }).textContent()).toBe(`${errors}Fout`);
    expect(await page.getByTestId('finding').count()).toBe(expected.findings.length);
    await page.getByRole('button', { name: /^Risico's!F12 / }).click();
    await page.waitForFunction(() => (window as unknown as { __tbWorkbook: () => { selection: { address: string } | null } }).__tbWorkbook().selection?.address === 'F12');
    expect((await workbook()).selection).toEqual({ sheet: "Risico's", address: 'F12' });
    await screenshot('findings', true);
    await expectAccessible('findings');
  });

  it('accepting a finding stores the reason in the workbook and shows it on the findings sheet', async () => {
    await page.getByRole('button', { name: "Accepteren: Risico's!F12" }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Reden/ }).fill('Afgerond in de bron; bevestigd door aanbieder');
    await dialog.getByRole('button', { name: 'Accepteren en opslaan' }).click();
    await page.getByText('Opgeslagen in de werkmap.').waitFor();
    const settings = Object.values((await cells(SHEET.settings))!);
    expect(settings).toEqual(expect.arrayContaining(['risk.effect-mismatch', 'F12', 'Afgerond in de bron; bevestigd door aanbieder']));
    const findings = (await cells(SHEET.findings))!;
    const row = Object.entries(findings).find(([k, v]) => k.endsWith(',3') && v === 'F12')![0].split(',')[0];
    expect(findings[`${row},8`]).toBe('Ja');
    expect(findings[`${row},9`]).toBe('Afgerond in de bron; bevestigd door aanbieder');
    expect(await page.getByTestId('findings-total').textContent()).toBe(`${expected.findings.length} bevindingen, ${expected.findings.length - 1} open`);
  });

  it('is usable from the keyboard: Tab order reaches the tabs, arrow keys switch them, Enter activates', async () => {
    await page.getByRole('tab', { name: 'Scannen' }).click();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Genereren' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Alles vernieuwen' }).waitFor();
    // From the tabs, Tab passes at most the status message's OK button, then reaches the first action.
    const focused: string[] = [];
    for (let i = 0; i < 3 && focused[focused.length - 1] !== 'Alles vernieuwen'; i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement?.textContent ?? ''));
    }
    expect(focused[focused.length - 1]).toBe('Alles vernieuwen');
    expect(focused.length).toBeLessThanOrEqual(2);
    await page.keyboard.press('Shift+Tab');
    await page.getByRole('tab', { name: 'Bevindingen' }).click();
  });

  it('settings are edited in the pane and stored in the workbook', async () => {
    await page.getByRole('tab', { name: 'Instellingen' }).click();
    const field = page.getByText('budget.explainEur', { exact: true }).locator('xpath=..');
    const input = field.getByRole('textbox');
    // Dutch digit grouping, as a controller writes an amount.
    expect(await input.inputValue()).toBe('15.000');
    await expectAccessible('settings');
    await screenshot('settings', false);
    await input.fill('20.000');
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByText('Opgeslagen in de werkmap.').waitFor();
    const stored = (await cells(SHEET.settings))!;
    const row = Object.entries(stored).find(([k, v]) => k.endsWith(',2') && v === 'budget.explainEur')![0].split(',')[0];
    expect(stored[`${row},1`]).toBe(20000);
    // The acceptance saved earlier is still there.
    expect(Object.values(stored)).toContain('Afgerond in de bron; bevestigd door aanbieder');
  });

  it('a norm switched off in the settings is stored in TB Instellingen and leaves TB Normen and the norms list at the next refresh', async () => {
    const key = 'isw_terugkeer_pct';
    const label = 'Terugkeer met dezelfde hulpvraag na afsluiting';
    await page.getByRole('button', { name: 'OK' }).click();
    const toggle = page.getByRole('switch', { name: new RegExp(`^${label}`) });
    expect(await toggle.isChecked()).toBe(true);
    expect(await page.getByTestId('norm-switch').getByRole('switch').count()).toBe(BUILT_IN_NORMS.length);
    await toggle.click();
    expect(await page.getByRole('switch', { name: `${label} (Uit)`, exact: true }).isChecked()).toBe(false);
    await expectAccessible('settings-norms');
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByText('Opgeslagen in de werkmap.').waitFor();
    const stored = (await cells(SHEET.settings))!;
    const row = Number(Object.entries(stored).find(([k, v]) => k.endsWith(',2') && v === 'norms.disabled')![0].split(',')[0]);
    expect(stored[`${row},1`]).toBe(key);
    // Listed with the other norms settings, as a known setting (with its description), not as a stray key.
    expect(stored[`${row - 1},2`]).toBe('norms.indicatorTolerance');
    expect(stored[`${row},0`]).toMatch(/^Normen die uit staan/);
    // Saving alone leaves TB Normen as it was; the refresh takes the norm off.
    expect(Object.values((await cells(SHEET.norms))!)).toContain(key);
    await page.getByRole('tab', { name: 'Genereren' }).click();
    await page.getByRole('button', { name: 'Alles vernieuwen' }).click();
    await page.getByText(/^Klaar:|Er ging iets mis/).waitFor();
    const norms = Object.values((await cells(SHEET.norms))!);
    expect(norms).not.toContain(key);
    expect(norms).toContain('isw_zelfstandig_of_netwerk_pct');
    const want = normStatuses(expected.plan, expected.figures, SHEET.norms).filter((l) => l.key !== key);
    expect(await page.getByTestId('norm').count()).toBe(want.length);
    expect(await page.getByTestId('norm').filter({ hasText: label }).count()).toBe(0);
    // The settings tab still shows the norm as off, and switching it back on is one click.
    await page.getByRole('tab', { name: 'Instellingen' }).click();
    expect(await page.getByRole('switch', { name: new RegExp(`^${label}`) }).isChecked()).toBe(false);
  });

  it('switches to English', async () => {
    await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
    expect(await page.getByRole('tab', { name: 'Findings' }).isVisible()).toBe(true);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
  });

  it('"Verwijder Toetsblad-bladen" asks first, says it cannot be undone, then removes only generated sheets', async () => {
    await page.getByRole('tab', { name: 'Genereren' }).click();
    await page.getByRole('button', { name: 'Verwijder Toetsblad-bladen' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('niet ongedaan maken');
    await expectAccessible('remove-dialog');
    await dialog.getByRole('checkbox', { name: /Instellingen en normdefinities bewaren/ }).uncheck();
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByText(/blad\(en\) verwijderd/).waitFor();
    expect((await workbook()).sheets).toEqual(USER_SHEETS);
  });

  it('a mapping saved in the editor is stored in the workbook and used by the next scan', async () => {
    await page.getByRole('tab', { name: 'Scannen' }).click();
    await page.getByRole('button', { name: 'Werkmap scannen' }).click();
    await page.getByText(/tabel(len)? herkend/).waitFor();
    await page.getByRole('button', { name: /^Toewijzing wijzigen: Risicoregister/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Kolom voor Effect', exact: true }).selectOption('');
    await dialog.getByRole('button', { name: 'Opslaan in werkmap' }).click();
    await page.getByText(/De toewijzing staat in het blad/).waitFor();
    const stored = Object.entries((await cells(SHEET.settings))!);
    // Stored with the Dutch names the pane shows.
    const row = stored.find(([k, v]) => k.endsWith(',3') && v === 'Effect')![0].split(',')[0];
    expect(Object.fromEntries(stored.filter(([k]) => k.startsWith(`${row},`)))).toEqual({ [`${row},0`]: "Risico's", [`${row},1`]: 4, [`${row},2`]: 'Risicoregister', [`${row},3`]: 'Effect', [`${row},4`]: '-' });
    const card = page.getByTestId('detection').filter({ hasText: 'Risicoregister' });
    expect(await card.textContent()).not.toContain('effect F');
    expect(await card.textContent()).toContain('kans D');
  });

  it('made no network request except office.js (and its own helper files) from the local copy', async () => {
    expect(traffic.foreign).toEqual([]);
    expect(traffic.office.every((f) => fs.existsSync(path.join(ROOT, 'node_modules/@microsoft/office-js/dist', f)))).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});

describe('a slow host', () => {
  it('shows progress while generating and "Annuleren" stops it with nothing written', async () => {
    const p = await browser.newPage({ viewport: { width: 420, height: 600 } });
    await servePane(p);
    // Slow enough that the click lands while reading even on a loaded machine: once writing has started, a cancel lets it finish.
    await p.addInitScript(`window.__tbSyncDelayMs = 1500; window.__tbSnapshot = ${JSON.stringify(workbookToRows(snapshot))};\n${fakeBundle}`);
    await p.goto(`${PANE_ORIGIN}/taskpane.html`);
    await p.getByRole('tab', { name: 'Genereren' }).click();
    await p.getByRole('button', { name: 'Alles vernieuwen' }).click();
    await p.getByText(/^Werkmap lezen: stap \d van 3$/).waitFor();
    expect(await p.getByRole('progressbar').count()).toBe(1);
    await p.getByRole('button', { name: 'Annuleren' }).click();
    try {
      await p.getByText('Geannuleerd. Er is niets half geschreven.').waitFor();
    } catch (e) {
      await p.screenshot({ path: path.join(ARTIFACTS, 'cancel-failure.png'), fullPage: true });
      fs.writeFileSync(path.join(ARTIFACTS, 'cancel-failure.txt'), (await p.textContent('body')) ?? '');
      throw e;
    }
    const wb = await p.evaluate(() => (window as unknown as { __tbWorkbook: () => { sheets: string[] } }).__tbWorkbook());
    expect(wb.sheets).toEqual(USER_SHEETS);
    // The buttons work again afterwards.
    expect(await p.getByRole('button', { name: 'Alles vernieuwen' }).isEnabled()).toBe(true);
    await p.close();
  });
});

describe('refreshing in place', () => {
  it("keeps a user's formula that points at a generated sheet, and asks Excel to wait while a cell is being edited", async () => {
    const p = await browser.newPage({ viewport: { width: 420, height: 600 } });
    await servePane(p);
    await p.addInitScript(`window.__tbSnapshot = ${JSON.stringify(workbookToRows(snapshot))};\n${fakeBundle}`);
    await p.goto(`${PANE_ORIGIN}/taskpane.html`);
    await p.getByRole('tab', { name: 'Genereren' }).click();
    const refresh = async () => {
      await p.getByRole('button', { name: 'Alles vernieuwen' }).click();
      await p.getByText(/^Klaar:|Er ging iets mis/).waitFor();
      expect(await p.getByRole('alert').count()).toBe(0);
    };
    await refresh();
    type Win = { __tbSetFormula(s: string, a: string, f: string): void; __tbSheetIds(): Record<string, string>; __tbCells(s: string): Record<string, unknown> };
    const normsSheet = expected.generatedSheets.find((n) => n.includes('Normen'))!;
    await p.evaluate((sheet) => (window as unknown as Win).__tbSetFormula("Risico's", 'A60', `='${sheet}'!E6`), normsSheet);
    const ids = await p.evaluate(() => (window as unknown as Win).__tbSheetIds());
    await p.getByRole('button', { name: 'OK', exact: true }).click();
    await refresh();
    const after = await p.evaluate(() => (window as unknown as Win).__tbSheetIds());
    // The same sheets, not deleted and re-added, and the reference is as the user typed it.
    expect(after).toEqual(ids);
    const risks = await p.evaluate(() => (window as unknown as Win).__tbCells("Risico's"));
    expect(risks['59,0']).toBe(`='${normsSheet}'!E6`);
    const wb = await p.evaluate(() => (window as unknown as { __tbWorkbook: () => { runOptions: unknown } }).__tbWorkbook());
    expect(wb.runOptions).toEqual({ delayForCellEdit: true });
    await p.close();
  });
});

describe('hosts without the needed API sets', () => {
  async function openWith(apiVersion: number, syncDelayMs = 0): Promise<Page> {
    const p = await browser.newPage({ viewport: { width: 420, height: 600 } });
    await servePane(p);
    await p.addInitScript(`window.__tbApiVersion = ${apiVersion}; window.__tbSyncDelayMs = ${syncDelayMs}; window.__tbSnapshot = ${JSON.stringify(workbookToRows(snapshot))};\n${fakeBundle}`);
    await p.goto(`${PANE_ORIGIN}/taskpane.html`);
    return p;
  }

  it('below ExcelApi 1.7 the pane says Excel is too old, and what is needed', async () => {
    const p = await openWith(1.6);
    await p.getByText('Deze Excel-versie is te oud voor Toetsblad').waitFor();
    expect(await p.textContent('body')).toContain('Excel API 1.7 of hoger');
    expect(await p.getByRole('button', { name: 'Werkmap scannen' }).count()).toBe(0);
    await p.close();
  });

  it('on ExcelApi 1.7 the pane works and names what is limited', async () => {
    const p = await openWith(1.7);
    await p.getByRole('button', { name: 'Werkmap scannen' }).waitFor();
    const text = await p.textContent('body');
    expect(text).toContain('keuzelijsten in gegenereerde bladen (ExcelApi 1.8)');
    expect(text).toContain('samengevoegde cellen herkennen (ExcelApi 1.13)');
    await p.getByRole('button', { name: 'Werkmap scannen' }).click();
    await p.getByText(/tabel(len)? herkend/).waitFor();
    await p.close();
  });
});

describe('the task pane HTML', () => {
  it('carries a Content-Security-Policy that allows scripts only from itself and Microsoft\'s office.js CDN', () => {
    const html = fs.readFileSync(path.join(ROOT, 'dist', 'taskpane.html'), 'utf8');
    const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(html).toMatch(new RegExp(`<script src="?${OFFICE_CDN.replace(/[.]/g, '\\.')}office\\.js"?>`));
  });
});
