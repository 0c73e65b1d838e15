// The splice writer: user parts leave byte for byte, generated sheets match
// what the ExcelJS path writes, reruns replace rather than pile up.

import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { reportFile } from '../../../src/files/reportFile';
import { openXlsx, writeXlsxReport } from '../../../src/hosts/xlsx';
import { buildReport, removalPlan } from '../../../src/core/report';
import { rawData, readZip, entryText } from '../../../src/hosts/xlsx/zip';
import { writeZip } from '../../../src/hosts/xlsx/zipWrite';
import { applyPlan } from '../../../src/hosts/exceljs/applyPlan';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { summarise } from '../../../src/files/summary';
import { EXAMPLE, loadXlsx, sheetFingerprint, tmpDir } from '../../support/workbooks';

function rawEntry(file: string, name: string): Buffer {
  const zip = readZip(fs.readFileSync(file));
  return Buffer.from(rawData(zip, zip.find(name)!));
}

/** ExcelJS reads internal links written as `location` (the splice writer) as plain text, and as {text, hyperlink} when written through a relationship (ExcelJS). */
function withoutLinks(lines: string[]): string[] {
  return lines.map((l) => l.replace(/\{"text":("(?:[^"\\]|\\.)*"),"hyperlink":"[^"]*"\}/, '$1'));
}

/** The same report through the ExcelJS host (read, plan, apply, write), to compare the generated sheets with. */
async function viaExcelJs(input: string, out: string) {
  const wb = await loadXlsx(input);
  const result = buildReport(readWorkbook(wb));
  applyPlan(wb, result.plan);
  await wb.xlsx.writeFile(out);
  return { result, summary: summarise(result) };
}

jest.setTimeout(60_000);

describe('splice writer', () => {
  let dir: string;
  beforeEach(() => (dir = tmpDir('tb-splice-')));

  it('copies the user sheets byte for byte and writes the same generated sheets as the ExcelJS path', async () => {
    const fast = path.join(dir, 'fast.xlsx');
    const slow = path.join(dir, 'slow.xlsx');
    const a = await reportFile(EXAMPLE, fast);
    const b = await viaExcelJs(EXAMPLE, slow);
    expect(a.summary).toEqual(b.summary);
    for (let i = 1; i <= 4; i++) {
      const part = `xl/worksheets/sheet${i}.xml`;
      expect(rawEntry(fast, part).equals(rawEntry(EXAMPLE, part))).toBe(true);
    }
    // The overview comes first (sheet5), the findings sheet second, with the cell link in column D.
    const findings = entryText(readZip(fs.readFileSync(fast)), 'xl/worksheets/sheet6.xml');
    expect(findings).toMatch(/<hyperlink ref="D\d+" location="Financiering!F6" display="F6"\/>/);
    const [fw, sw, src] = await Promise.all([loadXlsx(fast), loadXlsx(slow), loadXlsx(EXAMPLE)]);
    expect(fw.worksheets.map((w) => w.name)).toEqual(sw.worksheets.map((w) => w.name));
    for (const ws of src.worksheets) expect(sheetFingerprint(fw.getWorksheet(ws.name)!)).toEqual(sheetFingerprint(ws));
    for (const name of a.summary.generatedSheets) {
      expect(sheetFingerprint(fw.getWorksheet(name)!)).toEqual(withoutLinks(sheetFingerprint(sw.getWorksheet(name)!)));
      expect(fw.getWorksheet(name)!.state).toBe(sw.getWorksheet(name)!.state);
    }
  });

  it('regenerates its own sheets in place on a second run, with the same content as the ExcelJS path, and is stable from then on', async () => {
    const [f1, f2, f3, s1, s2] = ['f1', 'f2', 'f3', 's1', 's2'].map((n) => path.join(dir, `${n}.xlsx`));
    await reportFile(EXAMPLE, f1);
    const r2 = await reportFile(f1, f2);
    const r3 = await reportFile(f2, f3);
    await viaExcelJs(EXAMPLE, s1);
    const e2 = await viaExcelJs(s1, s2);
    expect(r2.summary).toEqual(e2.summary);
    expect(r3.summary).toEqual(r2.summary);
    const [w1, w2, w3, x2] = await Promise.all([loadXlsx(f1), loadXlsx(f2), loadXlsx(f3), loadXlsx(s2)]);
    // In place: every sheet keeps its tab position (the ExcelJS path deletes and re-adds, so its order differs).
    expect(w2.worksheets.map((w) => w.name)).toEqual(w1.worksheets.map((w) => w.name));
    expect(w2.worksheets.map((w) => w.name).sort()).toEqual(x2.worksheets.map((w) => w.name).sort());
    const parts = (f: string) => readZip(fs.readFileSync(f)).entries.map((e) => e.name);
    expect(parts(f2)).toEqual(parts(f1));
    for (const ws of x2.worksheets) expect(sheetFingerprint(w2.getWorksheet(ws.name)!)).toEqual(withoutLinks(sheetFingerprint(ws)));
    for (const ws of w2.worksheets) expect(sheetFingerprint(w3.getWorksheet(ws.name)!)).toEqual(sheetFingerprint(ws));
    // Same input, same bytes: the output is reproducible.
    const again = path.join(dir, 'again.xlsx');
    await reportFile(EXAMPLE, again);
    expect(fs.readFileSync(again).equals(fs.readFileSync(f1))).toBe(true);
  });

  it('drops the calculation chain, keeps or renumbers local defined names and sets full recalculation on load', async () => {
    const wb = new ExcelJS.Workbook();
    const data = wb.addWorksheet('Data');
    data.getCell('A1').value = 1;
    data.getCell('A2').value = { formula: 'A1*2', result: 2 };
    wb.addWorksheet('TB Bevindingen').getCell('A2').value = 'Gegenereerd door Toetsblad; wordt bij vernieuwen opnieuw opgebouwd.';
    const last = wb.addWorksheet('Laatste');
    last.getCell('A1').value = 'x';
    const input = path.join(dir, 'names.xlsx');
    await wb.xlsx.writeFile(input);
    // Add a calcChain and sheet-local names by hand, as Excel would write them.
    const zip = readZip(fs.readFileSync(input));
    const entries = zip.entries.map(({ name }) => {
      let text = entryText(zip, name);
      if (name === 'xl/workbook.xml') {
        text = text.replace(/<definedNames\/>|<definedNames>[\s\S]*?<\/definedNames>|(?=<calcPr)/, '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">\'TB Bevindingen\'!$A$1:$B$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="2">Laatste!$A$1</definedName></definedNames>');
      }
      if (name === 'xl/_rels/workbook.xml.rels') text = text.replace('</Relationships>', '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>');
      if (name === '[Content_Types].xml') text = text.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>');
      return { name, data: text };
    });
    entries.push({ name: 'xl/calcChain.xml', data: '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A2" i="1"/></calcChain>' });
    fs.writeFileSync(input, writeZip(entries));

    const opened = openXlsx(fs.readFileSync(input));
    const result = buildReport(opened.snapshot);
    const out = readZip(writeXlsxReport(opened, result.plan));
    expect(out.has('xl/calcChain.xml')).toBe(false);
    const wbXml = entryText(out, 'xl/workbook.xml');
    expect(wbXml).not.toContain('calcChain');
    expect(entryText(out, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    // TB Bevindingen is regenerated in place: it keeps its position, so every local name keeps its index.
    // Its print area is Toetsblad's own (print setup of every TB sheet), written anew at the same index.
    expect(wbXml).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="1">'TB Bevindingen'!\$A\$1:\$K\$\d+<\/definedName>/);
    expect(wbXml).not.toContain("'TB Bevindingen'!$A$1:$B$2");
    expect(wbXml).toContain('<definedName name="_xlnm.Print_Area" localSheetId="2">Laatste!$A$1</definedName>');
    expect(wbXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const written = path.join(dir, 'names-out.xlsx');
    fs.writeFileSync(written, writeXlsxReport(opened, result.plan));
    const names = (await loadXlsx(written)).worksheets.map((w) => w.name);
    expect(names).toEqual(['Data', 'TB Bevindingen', 'Laatste', ...result.generatedSheets.filter((n) => n !== 'TB Bevindingen')]);
    // Removing the generated sheets renumbers the names after them and drops the names local to them.
    const removed = readZip(writeXlsxReport(opened, removalPlan(opened.snapshot)));
    const afterRemoval = entryText(removed, 'xl/workbook.xml');
    expect(afterRemoval).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">Laatste!$A$1</definedName>');
    expect(afterRemoval).not.toContain("'TB Bevindingen'!$A$1:$B$2");
    expect(afterRemoval).not.toContain('TB Bevindingen');
  });
});

describe('splice writer refuses what it cannot do safely', () => {
  it('refuses (nothing is written) when a new sheet name differs from a user sheet only in case', async () => {
    const dir = tmpDir('tb-splice-case-');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('tb bevindingen').getCell('A1').value = 'van de gebruiker';
    const input = path.join(dir, 'case.xlsx');
    await wb.xlsx.writeFile(input);
    const opened = openXlsx(fs.readFileSync(input));
    const result = buildReport(opened.snapshot);
    expect(result.generatedSheets).toContain('TB Bevindingen');
    expect(() => writeXlsxReport(opened, result.plan)).toThrow(/hoofdletters/);
  });
});
