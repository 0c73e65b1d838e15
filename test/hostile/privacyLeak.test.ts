// Personal data in the input never reaches what Toetsblad writes: not the
// generated sheets, not the JSON summary. The workbook holds BSNs, names,
// addresses and birth dates in a trajectory sheet and in a risk register,
// including a name typed in a score cell and a BSN inside a risk description.

import ExcelJS from 'exceljs';
import { buildReport } from '../../src/core/report';
import { applyPlan } from '../../src/hosts/exceljs/applyPlan';
import { readWorkbook } from '../../src/hosts/exceljs/readWorkbook';
import { summarise } from '../../src/files/summary';
import { fill, PERSONAL, RISK_HEADER } from './corpus';

const BIRTH_SERIALS = [18700, 31000, 39987]; // 13-03-1951, 14-11-1984, 23-06-2009

function personalWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const t = wb.addWorksheet('Trajecten');
  fill(t, [
    ['Dossiernr', 'BSN', 'Naam cliënt', 'Adres', 'Geboortedatum', 'Geb. datum', 'Werksoort', 'Datum aanmelding'],
    ...PERSONAL.bsn.map((b, i) => [`T-${i}`, i % 2 ? Number(b) : b, PERSONAL.names[i], PERSONAL.addresses[i], PERSONAL.birthDates[i], BIRTH_SERIALS[i % 3], 'Jeugd (CJG)', 44562 + i]),
  ]);
  for (let r = 2; r <= PERSONAL.bsn.length + 1; r++) {
    t.getCell(r, 6).numFmt = 'dd-mm-yyyy';
    t.getCell(r, 8).numFmt = 'dd-mm-yyyy';
  }
  const reg = wb.addWorksheet('Risico');
  fill(reg, [
    ['Risicoregister (schaal 1-3)'],
    [],
    [...RISK_HEADER, 'Cliënt', 'BSN', 'Geboortedatum'],
    ['R01', 'Jeugd', `Cliënt wacht al 8 weken (BSN ${PERSONAL.bsn[0].slice(0, 4)}.${PERSONAL.bsn[0].slice(4, 6)}.${PERSONAL.bsn[0].slice(6)})`, PERSONAL.names[1], 2, 4, 'Monitoren', 'Aanbieder', PERSONAL.names[0], PERSONAL.bsn[0], PERSONAL.birthDates[0]],
    ['R02', 'Jeugd', `Dossier van ${PERSONAL.bsn[1]} is zoek`, 3, PERSONAL.birthDates[2], 9, null, null, PERSONAL.names[1], PERSONAL.bsn[1], PERSONAL.birthDates[1]],
    ['R03', 'Jeugd', PERSONAL.addresses[2], 3, 3, 9, 'Plan', 'Aanbieder', PERSONAL.names[2], PERSONAL.bsn[2], PERSONAL.birthDates[2]],
    ['R04', 'Jeugd', 'Uitval', 1, 1, 1, 'Plan', 'Aanbieder', PERSONAL.names[3], PERSONAL.bsn[3], PERSONAL.birthDates[3]],
  ]);
  return wb;
}

/** Every way a personal value could show up as text. */
function forbiddenTexts(): string[] {
  const bsnForms = PERSONAL.bsn.flatMap((b) => [b, b.replace(/^0/, ''), `${b.slice(0, 4)}.${b.slice(4, 6)}.${b.slice(6)}`]);
  return [...bsnForms, ...PERSONAL.names, ...PERSONAL.birthDates, ...PERSONAL.addresses];
}

function leaks(text: string): string[] {
  return forbiddenTexts().filter((p) => text.includes(p));
}

describe('personal data never reaches the report', () => {
  it('the privacy findings fire on the personal columns of both sheets', () => {
    const { findings } = buildReport(readWorkbook(personalWorkbook()));
    const privacy = findings.filter((f) => f.kind === 'privacy').map((f) => `${f.rule}@${f.sheet}!${f.cell}`);
    expect(privacy).toEqual(
      expect.arrayContaining([
        'privacy.bsn-column@Trajecten!B1',
        'privacy.name-column@Trajecten!C1',
        'privacy.address-column@Trajecten!D1',
        'privacy.birth-date-column@Trajecten!E1',
        'privacy.birth-date-column@Trajecten!F1',
        'privacy.bsn-column@Risico!J3',
        'privacy.birth-date-column@Risico!K3',
      ]),
    );
  });

  it('no generated cell and no summary field holds a BSN, name, address or birth date', async () => {
    const wb = personalWorkbook();
    const result = buildReport(readWorkbook(wb));
    // The risk checks did quote the offending cells; the quotes were masked.
    expect(result.findings.some((f) => f.cell === 'D4' && f.message.includes('[persoonsgegeven verwijderd]'))).toBe(true);
    expect(result.findings.some((f) => f.cell === 'E5')).toBe(true);

    applyPlan(wb, result.plan);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(await wb.xlsx.writeBuffer());
    const found: string[] = [];
    for (const name of result.generatedSheets) {
      out.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as unknown;
          const texts = [typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v), cell.type === 6 ? String(cell.formula) : ''];
          for (const t of texts) for (const p of leaks(t)) found.push(`${name}!${cell.address}: ${p}`);
          if (typeof v === 'number' && BIRTH_SERIALS.includes(v)) found.push(`${name}!${cell.address}: birth date serial ${v}`);
        }),
      );
    }
    expect(found).toEqual([]);
    expect(leaks(JSON.stringify(summarise(result)))).toEqual([]);
    expect(leaks(JSON.stringify(result.detections))).toEqual([]);
  });

  it('the user sheets still hold every personal value: nothing is removed from the input', async () => {
    const wb = personalWorkbook();
    applyPlan(wb, buildReport(readWorkbook(wb)).plan);
    expect(wb.getWorksheet('Trajecten')!.getCell('C2').value).toBe(PERSONAL.names[0]);
    expect(wb.getWorksheet('Risico')!.getCell('D4').value).toBe(PERSONAL.names[1]);
  });
});
