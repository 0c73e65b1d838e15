// Formula injection: user text that starts with =, +, - or @ and is copied
// into a generated sheet (risk descriptions in the heatmap's lists, quoted
// cells in findings) must stay literal text. Checked in the written file's
// XML (no <f>, no external hyperlink) and after LibreOffice recalculated it.

import * as fs from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { PositionedCell } from '../../src/core/plan/plan';
import { a1 } from '../../src/core/workbook/address';
import { computedValue } from '../support/recalcCheck';
import { reportAndRecalculate } from '../support/pipeline';
import { fill, INJECTION_TEXTS, RISK_HEADER } from './corpus';

jest.setTimeout(240_000);

const STARTS_LIKE_FORMULA = /^[=+\-@]/;

function injectionWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Risico'), [
    ['Risicoregister (schaal 1-3)'],
    [],
    RISK_HEADER,
    // Each text as description, werksoort, condition and owner, with a high score so it is listed;
    // and once more as a kans score, so a finding quotes it.
    ...INJECTION_TEXTS.map((t, i) => [`R${i + 1}`, t, t, 3, 3, 9, t, t]),
    ...INJECTION_TEXTS.map((t, i) => [`K${i + 1}`, 'Jeugd', `Score ${i}`, t, 2, 4, 'Plan', 'Aanbieder']),
  ]);
  return wb;
}

/** Sheet name -> path of its XML part inside the xlsx. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const out = new Map<string, string>();
  for (const m of wbXml.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const t = target.get(m[2])!;
    out.set(unescape(m[1]), t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  return out;
}

/** Each cell's XML by address. */
function cellsXml(sheetXml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sheetXml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) out.set(m[1], m[0]);
  return out;
}

describe('formula injection', () => {
  it('user text starting with =, +, - or @ stays literal text in every generated sheet, before and after recalculation', async () => {
    const { inj } = await reportAndRecalculate({ inj: injectionWorkbook() });
    expect(inj.mismatches).toEqual([]);

    // The literal cells of the plan that start like a formula: copied user text.
    const literal: { sheet: string; cell: PositionedCell }[] = [];
    for (const s of inj.result.plan.sheets) for (const c of s.cells) if (c.f === undefined && typeof c.v === 'string' && STARTS_LIKE_FORMULA.test(c.v)) literal.push({ sheet: s.name, cell: c });
    // Every payload was copied somewhere, so the test really exercises the writer.
    for (const t of INJECTION_TEXTS) expect(literal.some((l) => l.cell.v === t)).toBe(true);

    const zip = await JSZip.loadAsync(fs.readFileSync(inj.written));
    const parts = await sheetParts(zip);
    const sharedStrings = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    for (const name of inj.result.generatedSheets) {
      const path = parts.get(name)!;
      const xml = await zip.file(path)!.async('string');
      const cells = cellsXml(xml);
      for (const l of literal.filter((x) => x.sheet === name)) {
        const addr = a1(l.cell.row, l.cell.col);
        const c = cells.get(addr)!;
        expect({ addr, formula: /<f[\s>]/.test(c) }).toEqual({ addr, formula: false });
        expect(c).toMatch(/t="(s|inlineStr|str)"/);
      }
      // No formula anywhere carries a payload.
      for (const f of xml.matchAll(/<f[^>]*>([\s\S]*?)<\/f>/g)) expect(f[1]).not.toMatch(/cmd\||IMPORTXML|example\.invalid/);
      // Hyperlinks only point inside the workbook (ExcelJS writes those as "#Sheet!A1" targets).
      const relsFile = zip.file(path.replace(/worksheets\/(sheet\d+\.xml)$/, 'worksheets/_rels/$1.rels'));
      const rels = relsFile ? await relsFile.async('string') : '';
      const targets = [...rels.matchAll(/<Relationship [^>]*Type="[^"]*\/hyperlink"[^>]*Target="([^"]*)"/g)].map((m) => m[1]);
      expect(targets.filter((t) => !t.startsWith('#'))).toEqual([]);
    }
    expect(sharedStrings).toContain('=1+1');

    // LibreOffice opened, recalculated and saved the report: the texts are still texts.
    for (const l of literal) {
      const cell = inj.workbook.getWorksheet(l.sheet)!.getCell(l.cell.row + 1, l.cell.col + 1);
      expect({ at: `${l.sheet}!${cell.address}`, type: cell.type === ExcelJS.ValueType.Formula ? 'formula' : 'value', value: computedValue(cell) }).toEqual({
        at: `${l.sheet}!${cell.address}`,
        type: 'value',
        value: l.cell.link ? expect.anything() : l.cell.v,
      });
    }
  });
});
