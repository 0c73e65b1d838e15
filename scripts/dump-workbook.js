#!/usr/bin/env node
// Developer aid: print the non-empty cells of a workbook, row by row.
// Usage: node scripts/dump-workbook.js <file.xlsx> [maxRows]
const ExcelJS = require('exceljs');

(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  const max = Number(process.argv[3] || 40);
  for (const ws of wb.worksheets) {
    console.log('=== SHEET', ws.name, ws.rowCount, ws.columnCount, 'merges', JSON.stringify(ws.model.merges), 'tables', ws.getTables().length);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r > max) return;
      const vals = [];
      row.eachCell({ includeEmpty: false }, (c) => vals.push(`${c.address}=${JSON.stringify(c.value)}${c.numFmt ? ` [${c.numFmt}]` : ''}`));
      console.log(r, vals.join(' | '));
    });
  }
})();
