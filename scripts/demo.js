#!/usr/bin/env node
// `npm run demo`: check the bundled example workbook, then a deliberately
// broken copy of it, and print what Toetsblad found.
'use strict';
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');
const { reportFile } = require('../dist/files/reportFile');

const root = path.join(__dirname, '..');
const example = path.join(root, 'examples', 'oss-2022-halfjaar.xlsx');
const outDir = path.join(root, 'out');

const LABEL = { error: 'fout', warning: 'waarschuwing', info: 'info' };

function printSummary(title, out, summary) {
  console.log(`\n${title}`);
  console.log(`  rapport: ${path.relative(process.cwd(), out)}`);
  console.log(`  bladen: ${summary.generatedSheets.join(', ')}`);
  console.log(`  kengetallen (live formules): ${summary.figures.length}`);
  const counts = ['error', 'warning', 'info'].map((s) => `${summary.findings.filter((f) => f.severity === s).length} ${LABEL[s]}`);
  console.log(`  bevindingen: ${counts.join(', ')}`);
  for (const f of summary.findings.slice(0, 12)) console.log(`   - [${LABEL[f.severity]}] ${f.sheet}!${f.cell}: ${f.message}`);
  if (summary.findings.length > 12) console.log(`   … en ${summary.findings.length - 12} meer (zie het blad TB Bevindingen)`);
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, 'oss-2022-halfjaar-rapport.xlsx');
  const json = path.join(outDir, 'oss-2022-halfjaar-samenvatting.json');
  const { summary } = await reportFile(example, out, json);
  printSummary('Voorbeeldwerkmap oss-2022-halfjaar.xlsx', out, summary);

  // A broken copy: R05 gets Kans 4 (off the 1-3 scale), R08 a wrong Effect.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(example);
  const ws = wb.getWorksheet("Risico's");
  ws.getCell('D9').value = 4;
  ws.getCell('F12').value = 5;
  const broken = path.join(outDir, 'oss-2022-halfjaar-kapot.xlsx');
  await wb.xlsx.writeFile(broken);
  const brokenOut = path.join(outDir, 'oss-2022-halfjaar-kapot-rapport.xlsx');
  const res = await reportFile(broken, brokenOut);
  const risk = { ...res.summary, findings: res.summary.findings.filter((f) => f.rule.startsWith('risk.')) };
  printSummary("Kapotte kopie (Kans 4 in D9, Effect 5 in F12 op Risico's): risicobevindingen", brokenOut, risk);
}

main().catch((e) => {
  console.error(`demo: ${e.message}`);
  process.exit(1);
});
