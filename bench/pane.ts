// Task pane weight: gzipped size of the JavaScript taskpane.html loads up
// front, and the time until the pane is rendered (its scan button visible)
// in headless Chromium, with office.js served locally and the fake Excel host
// behind Excel.run. Reports "niet gemeten" when there is no pane build.

import * as fs from 'fs';
import * as path from 'path';
import type { Figure } from './report';

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function notMeasured(why: string): Figure[] {
  return [
    { id: 'pane.initialJsGzipKb', label: 'Taakvenster: initiële JS (gzip)', value: null, unit: 'KB', target: { max: 300 }, note: `niet gemeten: ${why}` },
    { id: 'pane.renderSeconds', label: 'Taakvenster: tijd tot getoond venster (headless Chromium)', value: null, unit: 's', note: `niet gemeten: ${why}` },
  ];
}

const PANE_ORIGIN = 'https://toetsblad.test';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'application/javascript', '.png': 'image/png', '.css': 'text/css' };

/** The built pane at a fake origin, office.js from node_modules in place of the CDN; nothing else. */
async function servePane(page: import('playwright-core').Page, root: string): Promise<void> {
  const serve = (dir: string, rel: string) => {
    const file = path.normalize(path.join(dir, rel));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return null;
    return { path: file, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream' };
  };
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const hit = url.href.startsWith(OFFICE_CDN)
      ? serve(path.join(root, 'node_modules', '@microsoft', 'office-js', 'dist'), decodeURIComponent(url.pathname.slice('/lib/1/hosted/'.length)))
      : url.origin === PANE_ORIGIN
        ? serve(path.join(root, 'dist'), decodeURIComponent(url.pathname.slice(1)))
        : null;
    return hit ? route.fulfill({ ...hit, headers: { 'Access-Control-Allow-Origin': '*' } }) : route.fulfill({ status: 404, body: '' });
  });
}

export async function measurePane(root: string): Promise<Figure[]> {
  const dist = path.join(root, 'dist');
  if (!fs.existsSync(path.join(dist, 'taskpane.html'))) return notMeasured('geen dist/taskpane.html');
  const { initialBundleSize } = await import('../test/browser/support/bundleSize');
  const size = initialBundleSize(dist);
  const figures: Figure[] = [
    {
      id: 'pane.initialJsGzipKb',
      label: 'Taakvenster: initiële JS (gzip)',
      value: round(size.gzipBytes / 1024, 1),
      unit: 'KB',
      target: { max: 300 },
      note: `${size.files.map((f) => f.file).join(', ')}; ongecomprimeerd ${round(size.bytes / 1024, 0)} KB; office.js niet meegeteld`,
    },
  ];
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromiumPath)) return [...figures, notMeasured('geen Chromium')[1]];
  try {
    const [{ chromium }, { bundleForBrowser }, { openXlsx }, { workbookToRows }] = await Promise.all([
      import('playwright-core'),
      import('../test/browser/support/bundle'),
      import('../src/hosts/xlsx'),
      import('../src/core/workbook/fromRows'),
    ]);
    const snapshot = openXlsx(fs.readFileSync(path.join(root, 'examples', 'oss-2022-halfjaar.xlsx'))).snapshot;
    const fakeBundle = await bundleForBrowser(path.join(root, 'test', 'browser', 'support', 'fakeHostEntry.ts'));
    const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_FLAGS });
    const times: number[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
        await servePane(page, root);
        await page.addInitScript(`window.__tbSnapshot = ${JSON.stringify(workbookToRows(snapshot))};\n${fakeBundle}`);
        const t0 = Date.now();
        await page.goto(`${PANE_ORIGIN}/taskpane.html`);
        await page.getByRole('button', { name: 'Werkmap scannen' }).waitFor({ timeout: 30_000 });
        times.push((Date.now() - t0) / 1000);
        await page.close();
      }
    } finally {
      await browser.close();
    }
    times.sort((a, b) => a - b);
    figures.push({
      id: 'pane.renderSeconds',
      label: 'Taakvenster: tijd tot getoond venster (headless Chromium)',
      value: round(times[1]),
      unit: 's',
      note: `mediaan van 3 (${times.map((t) => round(t)).join(' / ')} s), office.js lokaal geserveerd`,
    });
  } catch (e) {
    figures.push(notMeasured(e instanceof Error ? e.message.split('\n')[0] : String(e))[1]);
  }
  return figures;
}
