// Every generated sheet as LibreOffice prints it (PDF, fresh profile, forced
// recalculation), on the example and on workbooks of other shapes:
// - TB Overzicht prints on one A4 landscape page, with its three charts;
// - every TB sheet prints on A4 landscape, one page wide: its first page holds
//   the sheet's rightmost column, and every page repeats the table header;
// - no cell's text is wider than its column unless it wraps in a row tall
//   enough, measured with the font LibreOffice draws with (DejaVu Sans here),
//   not with Toetsblad's own estimate.

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SHEET } from '../../src/core/generatedSheets';
import type { PositionedCell, SheetSpec } from '../../src/core/plan/plan';
import { LOOKS } from '../../src/core/plan/styles';
import { a1, parseRange } from '../../src/core/workbook/address';
import type { ReportResult } from '../../src/core/report';
import { reportFile } from '../../src/files/reportFile';
import { makeProfile, sofficePath } from '../support/libreoffice';
import { seed001Workbook } from '../support/seed001Workbook';
import { EXAMPLE, tmpDir } from '../support/workbooks';
import { englishFivePoint } from '../unit/risk/registers';
import type { FontMetrics } from './support/fontMetrics';
import { loadFontMetrics } from './support/fontMetrics';

jest.setTimeout(300_000);

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
/** Points per line of 11-point text, as Excel and LibreOffice lay it out. */
const LINE = 15;

interface Rendered {
  name: string;
  result: ReportResult;
  pdf: string;
  /** Text of each page, whitespace collapsed. */
  pages: string[];
  /** Size of each page in points. */
  sizes: { width: number; height: number }[];
}

function pdfPages(pdf: string): string[] {
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const out: string[] = [];
  for (let p = 1; p <= count; p++) out.push(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-']).toString().replace(/\s+/g, ' ').trim());
  return out;
}

/** Pages of one sheet: the header carries the sheet name as its first text. */
const pagesOf = (r: Rendered, sheet: string) => r.pages.filter((t) => t.startsWith(`${sheet} `));

/** What a number looks like in the cell (Dutch separators), computed here rather than by the engine. */
function shown(c: PositionedCell): string {
  const v = c.v;
  if (typeof v === 'number') {
    const fmt = c.fmt ?? 'General';
    const decimals = /\.(0+)/.exec(fmt)?.[1].length ?? (fmt === 'General' ? 4 : 0);
    if (fmt.includes('%')) return `${(v * 100).toLocaleString('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}%`;
    const n = v.toLocaleString('nl-NL', { minimumFractionDigits: fmt === 'General' ? 0 : decimals, maximumFractionDigits: decimals, useGrouping: fmt.includes(',') });
    return fmt.includes('€') ? `€ ${n}` : n;
  }
  return v === null || v === undefined ? '' : String(v);
}

function fitProblems(spec: SheetSpec, regular: FontMetrics, bold: FontMetrics): string[] {
  const widths = new Map(spec.columnWidths.map((w) => [w.col, w.width]));
  const heights = new Map((spec.rowHeights ?? []).map((h) => [h.row, h.height]));
  const merged = new Set<string>();
  for (const m of spec.merges) {
    const r = parseRange(m);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) merged.add(`${row}:${col}`);
  }
  const filled = new Set(spec.cells.filter((c) => c.v !== null && c.v !== undefined && c.v !== '').map((c) => `${c.row}:${c.col}`));
  const problems: string[] = [];
  for (const c of spec.cells) {
    const text = shown(c);
    if (!text || merged.has(`${c.row}:${c.col}`)) continue;
    const look = c.style ? LOOKS[c.style] : undefined;
    const font = look?.bold ? bold : regular;
    const scale = (look?.size ?? 11) / 11;
    // Excel's column width leaves about one '0' for the cell's margins.
    const room = (widths.get(c.col) ?? 8.43) - 0.6;
    const width = (line: string) => font.zeroWidths(line) * scale;
    if (c.wrap) {
      let lines = 0;
      for (const para of text.split('\n')) {
        let line = 0;
        let n = 1;
        for (const word of para.split(' ')) {
          const w = width(word);
          const next = line === 0 ? w : line + width(' ') + w;
          if (next <= room) line = next;
          else {
            n += line === 0 ? 0 : 1;
            n += Math.max(0, Math.ceil(w / room) - 1);
            line = w > room ? w % room : w;
          }
        }
        lines += n;
      }
      const height = heights.get(c.row) ?? LINE;
      if (height < lines * LINE * scale) problems.push(`${a1(c.row, c.col)} wraps over ${lines} lines in a row of ${height} pt: "${text.slice(0, 40)}"`);
    } else if (typeof c.v === 'number' || filled.has(`${c.row}:${c.col + 1}`)) {
      const w = Math.max(...text.split('\n').map(width));
      if (w > room) problems.push(`${a1(c.row, c.col)} is ${w.toFixed(1)} wide in a column of ${room.toFixed(1)}: "${text.slice(0, 40)}"`);
    }
  }
  return problems;
}

describe('printed TB sheets (LibreOffice PDF)', () => {
  const rendered: Rendered[] = [];
  let regular: FontMetrics;
  let bold: FontMetrics;

  beforeAll(async () => {
    regular = loadFontMetrics(path.join(FONT_DIR, 'DejaVuSans.ttf'));
    bold = loadFontMetrics(path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
    const dir = tmpDir('tb-visual-');
    const inputs: Record<string, string> = { voorbeeld: EXAMPLE };
    for (const [name, wb] of Object.entries({ regionaal: seed001Workbook().workbook, vijfpunts: englishFivePoint() })) {
      inputs[name] = path.join(dir, `${name}.xlsx`);
      await wb.xlsx.writeFile(inputs[name]);
    }
    const reports: { name: string; out: string; result: ReportResult }[] = [];
    for (const [name, input] of Object.entries(inputs)) {
      const out = path.join(dir, `rapport-${name}.xlsx`);
      const { result } = await reportFile(input, out, undefined, { runDate: new Date(Date.UTC(2026, 11, 1)) });
      reports.push({ name, out, result });
    }
    const profile = makeProfile();
    try {
      execFileSync(sofficePath(), [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...reports.map((r) => r.out)], {
        stdio: 'pipe',
        timeout: 240_000,
      });
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
    }
    for (const r of reports) {
      const pdf = r.out.replace(/\.xlsx$/, '.pdf');
      const pages = pdfPages(pdf);
      const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages.length), pdf]).toString();
      const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
      rendered.push({ name: r.name, result: r.result, pdf, pages, sizes });
    }
  });

  it('prints TB Overzicht on one A4 landscape page, with its charts', () => {
    for (const r of rendered) {
      const pages = pagesOf(r, SHEET.overview);
      expect({ workbook: r.name, pages: pages.length }).toEqual({ workbook: r.name, pages: 1 });
      const spec = r.result.plan.sheets.find((s) => s.name === SHEET.overview)!;
      for (const chart of spec.charts ?? []) expect(pages[0]).toContain(chart.title);
      expect(pages[0]).toContain('pagina');
    }
  });

  it('prints every page of every TB sheet on A4 landscape (842 × 595 points)', () => {
    for (const r of rendered) {
      r.pages.forEach((text, i) => {
        if (!r.result.plan.sheets.some((s) => text.startsWith(`${s.name} `))) return;
        expect({ page: `${r.name} ${i + 1}`, width: Math.round(r.sizes[i].width), height: Math.round(r.sizes[i].height) }).toEqual({ page: `${r.name} ${i + 1}`, width: 842, height: 595 });
      });
    }
  });

  it('prints every TB sheet one page wide, repeating its table header on every page', () => {
    for (const r of rendered) {
      for (const spec of r.result.plan.sheets.filter((s) => !s.hidden)) {
        const pages = pagesOf(r, spec.name);
        expect({ sheet: `${r.name}/${spec.name}`, printed: pages.length > 0 }).toEqual({ sheet: `${r.name}/${spec.name}`, printed: true });
        // The rightmost written column: its topmost text must already be on the first page.
        const maxCol = Math.max(...spec.cells.filter((c) => shown(c) !== '').map((c) => c.col));
        const rightmost = spec.cells.filter((c) => c.col === maxCol && shown(c) !== '').sort((a, b) => a.row - b.row)[0];
        const word = shown(rightmost).split(/\s+/)[0];
        expect({ sheet: `${r.name}/${spec.name}`, firstPageHas: word, found: pages[0].includes(word) }).toEqual({ sheet: `${r.name}/${spec.name}`, firstPageHas: word, found: true });
        const titles = spec.pageSetup?.printTitleRows;
        if (!titles || pages.length < 2) continue;
        const titleCells = spec.cells.filter((c) => c.row === titles.last && shown(c) !== '');
        expect(titleCells.length).toBeGreaterThan(0);
        const first = shown(titleCells[0]).split(/\s+/)[0];
        const last = shown(titleCells[titleCells.length - 1]).split(/\s+/)[0];
        pages.forEach((text, i) => expect({ sheet: spec.name, page: i + 1, header: [first, last].every((w) => text.includes(w)) }).toEqual({ sheet: spec.name, page: i + 1, header: true }));
      }
    }
  });

  it('has no cell text wider than its column unless it wraps in a tall enough row', () => {
    // The check itself can fail: a long text beside a filled cell in a narrow column, and an unwrapped-height wrapped text.
    const control: SheetSpec = {
      name: 'control',
      cells: [
        { row: 0, col: 0, v: 'Realisatie − pro rata begroot' },
        { row: 0, col: 1, v: 1 },
        { row: 1, col: 0, v: 'Een lange melding die over meerdere regels loopt in een smalle kolom', wrap: true },
      ],
      columnWidths: [{ col: 0, width: 12 }],
      merges: [],
      conditionalFormats: [],
      dataValidations: [],
    };
    expect(fitProblems(control, regular, bold)).toHaveLength(2);
    for (const r of rendered) {
      for (const spec of r.result.plan.sheets.filter((s) => !s.hidden)) {
        expect({ sheet: `${r.name}/${spec.name}`, problems: fitProblems(spec, regular, bold) }).toEqual({ sheet: `${r.name}/${spec.name}`, problems: [] });
      }
    }
  });
});
