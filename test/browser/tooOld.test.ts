// The "Excel te oud / Excel too old" screen appears wherever the main bundle
// cannot run: in Internet Explorer and EdgeHTML (recognised by their user
// agent), and wherever loading the bundle fails (here: a bundle the browser
// cannot parse), instead of a pane stuck on "Toetsblad wordt geladen…".

import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { PANE_ORIGIN, servePane } from './support/paneServer';

jest.setTimeout(120_000);

let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(__dirname, '..', '..', 'dist', 'taskpane.html'))) throw new Error('Build the pane first: npm run build.');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
});

async function tooOldScreen(opts: { userAgent?: string; brokenBundle?: boolean }) {
  const page = await browser.newPage({ userAgent: opts.userAgent });
  const traffic = await servePane(page);
  if (opts.brokenBundle) {
    // Syntax newer than this engine reads, as an old webview would see the real bundle.
    await page.route(`${PANE_ORIGIN}/taskpane.js`, (route) => route.fulfill({ contentType: 'application/javascript', body: 'const x = (a) => a ?.. b;' }));
  }
  await page.goto(`${PANE_ORIGIN}/taskpane.html`);
  const screen = page.getByTestId('too-old');
  await screen.waitFor({ timeout: 20_000 });
  const text = (await screen.textContent()) ?? '';
  await page.close();
  return { text, traffic };
}

describe('start-up guard', () => {
  it('shows Excel te oud / Excel too old in Internet Explorer 11 (Office 2016/2019 volume licence)', async () => {
    const { text, traffic } = await tooOldScreen({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko' });
    expect(text).toContain('Excel te oud');
    expect(text).toContain('Excel too old');
    expect(text).toContain('Excel voor het web');
    expect(traffic.foreign).toEqual([]);
  });

  it('shows it in EdgeHTML (Office 2019 retail without WebView2)', async () => {
    const ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041';
    expect((await tooOldScreen({ userAgent: ua })).text).toContain('Excel too old');
  });

  it('shows it when the main bundle cannot be parsed', async () => {
    expect((await tooOldScreen({ brokenBundle: true })).text).toContain('Excel te oud');
  });
});
