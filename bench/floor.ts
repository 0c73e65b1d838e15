// The floor: ExcelJS loading and saving a workbook in memory, nothing else.
// Run as its own process so its time and peak RSS are measured alone.

import ExcelJS from 'exceljs';

async function main(input: string, output: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(output);
}

if (require.main === module) {
  const [input, output] = process.argv.slice(2);
  main(input, output).catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
