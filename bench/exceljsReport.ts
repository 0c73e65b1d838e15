// The previous report path, ExcelJS in memory (read, plan, apply, write): the
// "before" figure next to the splice path. It is no longer part of the command
// line (it rewrote the user's package); the benchmark runs it as its own
// process so its time and peak RSS are measured alone.

import ExcelJS from 'exceljs';
import { buildReport } from '../src/core/report';
import { applyPlan } from '../src/hosts/exceljs/applyPlan';
import { readWorkbook } from '../src/hosts/exceljs/readWorkbook';

async function main(input: string, output: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  applyPlan(wb, buildReport(readWorkbook(wb)).plan);
  await wb.xlsx.writeFile(output);
}

if (require.main === module) {
  const [input, output] = process.argv.slice(2);
  main(input, output).catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
