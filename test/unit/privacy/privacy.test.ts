import { bsnDigits, passesElfproef } from '../../../src/core/features/privacy/elfproef';
import { personalCategoryOf } from '../../../src/core/features/privacy/headers';
import { buildReport } from '../../../src/core/report';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { EXAMPLE, loadXlsx, workbookFrom } from '../../support/workbooks';

// Known test numbers: 111222333 and 123456782 pass the elfproef (9·d1+…+2·d8−d9 ≡ 0 mod 11).
const VALID_BSN = [111222333, 123456782];

/** A BSN built digit by digit in the test, independently of the code: pick 8 digits, solve for the 9th. */
function makeBsn(seed: number): string | null {
  const d = String(10_000_000 + ((seed * 7_919_213) % 89_999_999)).padStart(8, '0').slice(0, 8);
  const s = [...d].reduce((acc, ch, i) => acc + (9 - i) * Number(ch), 0);
  const last = s % 11;
  return last === 10 ? null : `${d}${last}`;
}

function privacyFindings(sheets: Record<string, unknown[][]>) {
  const res = buildReport(readWorkbook(workbookFrom(sheets)), { features: ['privacy'] });
  return res.findings.filter((f) => f.kind === 'privacy');
}

describe('elfproef', () => {
  it('accepts known valid numbers and rejects their neighbours', () => {
    expect(passesElfproef('111222333')).toBe(true);
    expect(passesElfproef('123456782')).toBe(true);
    expect(passesElfproef('123456789')).toBe(false);
    expect(passesElfproef('111222334')).toBe(false);
    expect(passesElfproef('000000000')).toBe(false);
  });

  it('restores a leading zero lost to a number cell and reads dotted text', () => {
    expect(bsnDigits(12345672)).toBe('012345672');
    expect(passesElfproef('012345672')).toBe(true);
    expect(bsnDigits('1234.56.782')).toBe('123456782');
    expect(bsnDigits('1234 56 782')).toBe('123456782');
    expect(bsnDigits(1234567)).toBeNull();
    expect(bsnDigits(123456782.5)).toBeNull();
    expect(bsnDigits('T-123456782')).toBeNull();
  });

  it('agrees with numbers built independently in the test', () => {
    let n = 0;
    for (let i = 1; i < 500; i++) {
      const b = makeBsn(i);
      if (!b) continue;
      n++;
      expect(passesElfproef(b)).toBe(true);
      // Changing one digit always breaks the 11-test (weights are coprime with 11).
      const wrong = b.slice(0, 4) + String((Number(b[4]) + 1) % 10) + b.slice(5);
      expect(passesElfproef(wrong)).toBe(false);
    }
    expect(n).toBeGreaterThan(400);
  });
});

describe('personal-data headers', () => {
  it.each([
    ['BSN', 'bsn'],
    ['Burgerservicenummer', 'bsn'],
    ['BSN cliënt', 'bsn'],
    ['Geboortedatum', 'birthDate'],
    ['Geb. datum', 'birthDate'],
    ['Naam', 'name'],
    ['Naam cliënt', 'name'],
    ['Achternaam', 'name'],
    ['Adres', 'address'],
    ['Postcode', 'address'],
    ['E-mailadres', 'contact'],
    ['Telefoonnummer', 'contact'],
  ])('%s is %s', (h, cat) => expect(personalCategoryOf(h)).toBe(cat));

  it.each(['Naam activiteit', 'Naam organisatie', 'Dossiernr', 'Verantwoordelijk', 'Wijk', 'Werksoort', 'Datum aanmelding', 'Risico', 'Adresseerbaar publiek'])(
    '%s is not personal data',
    (h) => expect(personalCategoryOf(h)).toBeNull(),
  );
});

describe('privacy findings', () => {
  it('fire on a BSN column by values alone, at the header cell, without quoting any BSN', () => {
    const rows: unknown[][] = [['Overzicht cliënten'], [], ['Dossier', 'Nummer', 'Werksoort']];
    const bsns: string[] = [];
    for (let i = 1; bsns.length < 12; i++) {
      const b = makeBsn(i);
      if (b) bsns.push(b);
    }
    bsns.forEach((b, i) => rows.push([`T-${i}`, i % 2 ? Number(b) : `${b.slice(0, 4)}.${b.slice(4, 6)}.${b.slice(6)}`, 'Jeugd']));
    const f = privacyFindings({ Clienten: rows });
    expect(f.map((x) => [x.rule, x.sheet, x.cell, x.severity])).toEqual([['privacy.bsn-column', 'Clienten', 'B3', 'error']]);
    expect(f[0].message).toMatch(/Kolom B \("Nummer"\).*12 waarden doorstaan de elfproef.*pseudonimise/);
    for (const b of bsns) expect(f[0].message).not.toContain(b.slice(1));
  });

  it('stay silent on nine-digit dossier numbers that fail the elfproef', () => {
    // Every number here fails the 11-test; the header does not say BSN.
    const dossiers = [123456789, 100000001, 111222334, 200000000, 987654322, 555555556, 314159266, 271828182];
    for (const d of dossiers) expect(passesElfproef(String(d))).toBe(false);
    const rows: unknown[][] = [['Dossiernr', 'Werksoort'], ...dossiers.map((d) => [d, 'Jeugd'])];
    expect(privacyFindings({ Trajecten: rows })).toEqual([]);
  });

  it('stay silent on random nine-digit numbers, of which about one in eleven passes by chance', () => {
    const rows: unknown[][] = [['Registratienummer']];
    let passing = 0;
    for (let i = 0; i < 300; i++) {
      const n = 100_000_000 + ((i * 2_654_435_761) % 899_999_999);
      if (passesElfproef(String(n))) passing++;
      rows.push([n]);
    }
    expect(passing).toBeGreaterThan(5); // some pass by chance: the column is still no BSN column
    expect(privacyFindings({ Data: rows })).toEqual([]);
  });

  it('fire on a column headed BSN whatever its values', () => {
    const f = privacyFindings({ Lijst: [['Nr', 'BSN'], [1, '123456789'], [2, '']] });
    expect(f.map((x) => [x.rule, x.cell])).toEqual([['privacy.bsn-column', 'B1']]);
    expect(f[0].message).toMatch(/de kop noemt een BSN/);
  });

  it('find birth dates by header and by values, not trajectory dates', () => {
    const born = [12000, 15000, 20000, 25000, 30000, 33000, 36000, 38000];
    const aanmelding = [44500, 44520, 44560, 44600, 44650, 44700, 44710, 44800];
    const wb = workbookFrom({ T: [['Dossiernr', 'Datum', 'Geboren op', 'Datum aanmelding']] });
    const ws = wb.getWorksheet('T')!;
    born.forEach((s, i) => {
      ws.getCell(i + 2, 1).value = `T-${i}`;
      ws.getCell(i + 2, 2).value = s;
      ws.getCell(i + 2, 2).numFmt = 'dd-mm-yyyy';
      ws.getCell(i + 2, 3).value = '1-1-1980';
      ws.getCell(i + 2, 4).value = aanmelding[i];
      ws.getCell(i + 2, 4).numFmt = 'dd-mm-yyyy';
    });
    const f = buildReport(readWorkbook(wb), { features: ['privacy'] }).findings;
    expect(f.map((x) => [x.rule, x.cell])).toEqual([
      ['privacy.birth-date-column', 'B1'],
      ['privacy.birth-date-column', 'C1'],
    ]);
    expect(f[0].message).toMatch(/8 datums verspreid over \d+ jaar/);
  });

  it('find names, addresses and contact details by header, and ignore look-alikes', () => {
    const f = privacyFindings({
      Deelnemers: [
        ['Naam cliënt', 'Naam activiteit', 'Adres', 'Postcode', 'Postcode', 'Telefoon', 'Verantwoordelijk'],
        ['A. de Vries', 'Koffie-ochtend', 'Dorpsstraat 1', '5341', '5341 AB', '06-12345678', 'Welzijnsaanbieder'],
      ],
    });
    expect(f.map((x) => [x.rule, x.cell])).toEqual([
      ['privacy.name-column', 'A1'],
      ['privacy.address-column', 'C1'],
      ['privacy.address-column', 'E1'],
      ['privacy.contact-column', 'F1'],
    ]);
    for (const x of f) {
      expect(x.message).toMatch(/persoonsgegevens\. Verwijder/);
      expect(x.message).not.toMatch(/Vries|Dorpsstraat|5341 AB|06-1234/);
    }
  });

  it('ignore a personal-data header with nothing under it (an empty template)', () => {
    expect(privacyFindings({ Sjabloon: [['Naam', 'BSN', 'Geboortedatum']] })).toEqual([]);
  });

  it('find nothing in the example workbook', async () => {
    const res = buildReport(readWorkbook(await loadXlsx(EXAMPLE)), { features: ['privacy'] });
    expect(res.findings).toEqual([]);
    expect(res.detections).toEqual([]);
  });

  it('report detections for the scan view', () => {
    const res = buildReport(readWorkbook(workbookFrom({ L: [['BSN'], [VALID_BSN[0]], [VALID_BSN[1]]] })), { features: ['privacy'] });
    expect(res.detections).toEqual([expect.objectContaining({ feature: 'privacy', kind: 'personal-data', sheet: 'L', range: 'A1:A3', headerRow: 1, columns: { bsn: 'A' } })]);
  });
});

describe('privacy findings on text that merely mentions personal data', () => {
  it('a risk description mentioning a BSN is not a BSN header', () => {
    expect(personalCategoryOf('Cliënt (BSN 111222333)')).toBeNull();
    expect(personalCategoryOf('Het BSN van de cliënt is niet bekend bij de aanbieder')).toBeNull();
    const f = privacyFindings({ Risico: [['Nr', 'Risico', 'Kans', 'Schade'], ['R1', 'Geen BSN bekend bij aanmelding', 2, 2], ['R2', 'b', 1, 1]] });
    expect(f).toEqual([]);
  });
});

describe('masking personal data in what Toetsblad writes', () => {
  const { Redactor, MASK, BSN_MASK } = jest.requireActual('../../../src/core/features/privacy/redact');

  it('masks elfproef numbers in any grouping, leaves other numbers alone', () => {
    const r = new Redactor(new Set());
    expect(r.text('BSN 111222333 en 1234.56.782 en 1234 56 782')).toBe(`BSN ${BSN_MASK} en ${BSN_MASK} en ${BSN_MASK}`);
    expect(r.text('Dossier 123456789, bedrag 1.609.966,35, 2022')).toBe('Dossier 123456789, bedrag 1.609.966,35, 2022');
  });

  it('masks quoted personal values in findings but not the words of generated sheets', () => {
    const r = new Redactor(new Set(['Jansen', 'Norm', 'Kerkstraat 12']));
    expect(r.finding({ rule: 'x', severity: 'error', kind: 'risk', sheet: 'S', cell: 'A1', message: 'Kans is geen getal ("Jansen").', actual: 'Jansen' })).toMatchObject({
      message: `Kans is geen getal ("${MASK}").`,
      actual: MASK,
    });
    const sheet = r.sheet({ name: 'TB Normen', cells: [{ row: 0, col: 0, v: 'Norm' }, { row: 1, col: 0, v: 'BSN 111222333' }, { row: 2, col: 0, v: 'Kerkstraat 12' }], columnWidths: [], merges: [], conditionalFormats: [], dataValidations: [] });
    expect(sheet.cells.map((c: { v: unknown }) => c.v)).toEqual(['Norm', `BSN ${BSN_MASK}`, MASK]);
  });
});

describe('every known personal-data header', () => {
  const { PERSONAL_HEADERS } = jest.requireActual('../../../src/core/features/privacy/headers');
  const sample: Record<string, unknown> = { bsn: '111222333', birthDate: '12-03-1951', name: 'A. de Vries', address: '5341 AB', contact: '06-12345678' };
  const cases = Object.entries(PERSONAL_HEADERS as Record<string, string[]>).flatMap(([cat, words]) => words.map((w) => [w, cat] as const));

  it.each(cases)('"%s" above a value gives a %s finding', (header, cat) => {
    const f = privacyFindings({ S: [[header.toUpperCase()], [sample[cat]]] });
    expect(f.map((x) => x.cell)).toEqual(['A1']);
  });
});

describe('masking at scale', () => {
  it('handles 150.000 findings without overflowing the stack', () => {
    const { redactPersonalData } = jest.requireActual('../../../src/core/features/privacy/redact');
    const findings = Array.from({ length: 150_000 }, (_, i) => ({ rule: 'x', severity: 'info', kind: 'input', sheet: 'S', cell: `A${i + 1}`, message: `Waarde "111222333" op rij ${i + 1}.` }));
    redactPersonalData({ sheets: [] }, findings, []);
    expect(findings).toHaveLength(150_000);
    expect(findings[149_999].message).toBe('Waarde "[BSN verwijderd]" op rij 150000.');
  });
});
