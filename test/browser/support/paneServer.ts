// Serves the built pane from dist/ at a fake origin and office.js from the
// @microsoft/office-js package in place of Microsoft's CDN, inside Playwright.
// Every other request is refused and recorded, so a test can assert there were none.

import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';

export const PANE_ORIGIN = 'https://toetsblad.test';
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const ROOT = path.join(__dirname, '..', '..', '..');
const DIST = path.join(ROOT, 'dist');
const OFFICE_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'application/javascript', '.png': 'image/png', '.xml': 'application/xml', '.css': 'text/css' };

function serveFrom(dir: string, rel: string) {
  const file = path.normalize(path.join(dir, rel));
  if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return null;
  return { path: file, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream' };
}

export interface Traffic {
  /** Requests to anything but the pane's origin and the (locally served) Office CDN. */
  foreign: string[];
  /** Office CDN files requested (served from node_modules). */
  office: string[];
}

export async function servePane(page: Page): Promise<Traffic> {
  const traffic: Traffic = { foreign: [], office: [] };
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_CDN)) {
      const rel = decodeURIComponent(new URL(url).pathname.slice('/lib/1/hosted/'.length));
      traffic.office.push(rel);
      const hit = serveFrom(OFFICE_DIST, rel);
      return hit ? route.fulfill({ ...hit, headers: { 'Access-Control-Allow-Origin': '*' } }) : route.fulfill({ status: 404, body: '' });
    }
    if (url.startsWith(PANE_ORIGIN)) {
      const hit = serveFrom(DIST, decodeURIComponent(new URL(url).pathname.slice(1)));
      return hit ? route.fulfill(hit) : route.fulfill({ status: 404, body: '' });
    }
    traffic.foreign.push(url);
    return route.abort('blockedbyclient');
  });
  return traffic;
}
