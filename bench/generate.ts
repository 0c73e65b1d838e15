// Synthetic monitoring workbooks in the shape of examples/oss-2022-halfjaar.xlsx,
// at benchmark scale: a risk register, stacked budget tables per municipality
// plus a regional table, the indicator table and a large trajectory export.
// Deterministic (seeded), written with ExcelJS's streaming writer so that
// generating 100.000 rows is cheap compared to what is measured.

import ExcelJS from 'exceljs';
import { mulberry32 } from '../test/support/random';

export interface GenerateOptions {
  trajectories: number;
  risks: number;
  budgetLines: number;
  seed?: number;
}

export const MUNICIPALITIES = ['Oss', 'Bernheze', 'Landerd', 'Uden', 'Boekel', 'Meierijstad'] as const;
const WERKSOORTEN = ['Sociaal raadsliedenwerk', 'Individueel sociaal werk', 'Collectief sociaal werk', 'Jeugd', 'Jongerenwerk'];
const TRAJECT_WERKSOORTEN = ['Individueel sociaal werk', 'Individueel sociaal werk', 'Jeugd (CJG)', 'Sociaal raadsliedenwerk'];
const WIJKEN = ['Centrum', 'Lith', 'Ruwaard', 'Oss-Zuid', 'Berghem', 'Schadewijk', 'Ussen', 'Megen', 'Dommelen'];
const UITSTROOM = ['Zelfstandig', 'Sociaal netwerk', 'Maatwerkvoorziening Wmo', 'Specialistische jeugdhulp', 'Collectief aanbod', 'Verhuisd'];
const ONDERDELEN = ['Persoonlijke begeleiding', 'Huisvesting', 'Activiteitenbudget', 'Groepen en voorzieningen', 'Formatie', 'Materieel budget', 'Samen Doen'];
const FTE_RATE = 107_331.09;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const rng = mulberry32;

const round2 = (x: number) => Math.round(x * 100) / 100;
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - EXCEL_EPOCH_MS) / DAY_MS;
const asDate = (s: number) => new Date(EXCEL_EPOCH_MS + s * DAY_MS);

function addRisks(wb: ExcelJS.stream.xlsx.WorkbookWriter, n: number, rand: () => number): void {
  const ws = wb.addWorksheet("Risico's");
  ws.addRow(['Risico\'s en randvoorwaarden opdracht welzijnsaanbieder 2022']).commit();
  ws.addRow(['Bron: synthetische benchmark. Kans en schade op schaal 1-3.']).commit();
  ws.addRow([]).commit();
  const header = ws.addRow(['Nr', 'Werksoort', 'Risico', 'Kans', 'Schade', 'Effect', 'Randvoorwaarde', 'Verantwoordelijk']);
  header.font = { bold: true };
  header.commit();
  for (let i = 1; i <= n; i++) {
    const kans = 1 + Math.floor(rand() * 3);
    const schade = 1 + Math.floor(rand() * 3);
    ws.addRow([
      `R${String(i).padStart(4, '0')}`,
      WERKSOORTEN[i % WERKSOORTEN.length],
      `Risico ${i}: er ontstaat een wachtlijst of de afgesproken kwaliteit wordt niet geleverd.`,
      kans,
      schade,
      kans * schade,
      'Goed monitoren en maandelijkse rapportage naar de gemeente.',
      i % 3 === 0 ? 'Gemeente' : 'Welzijnsaanbieder',
    ]).commit();
  }
  ws.commit();
}

/** One stacked budget table (sections, lines, stated subtotals) per municipality. */
function addBudget(wb: ExcelJS.stream.xlsx.WorkbookWriter, lines: number, rand: () => number): void {
  const perMunicipality = Math.ceil(lines / MUNICIPALITIES.length);
  const regional: [string, string, number, number, number][] = [];
  for (const gemeente of MUNICIPALITIES) {
    const ws = wb.addWorksheet(`Financiering ${gemeente}`);
    ws.columns = [{ width: 50 }, { width: 8 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 30 }];
    ws.addRow([`Financieel overzicht 1e halfjaar 2022 - gemeente ${gemeente}`]).commit();
    ws.addRow(["Bedragen in euro's."]).commit();
    ws.addRow([]).commit();
    ws.addRow(['Onderdeel', 'Fte', 'Begroot 2022', 'Realisatie t/m 30 juni', 'Prognose 2022', 'Toelichting']).commit();
    const perSection = Math.ceil(perMunicipality / WERKSOORTEN.length);
    let written = 0;
    for (const werksoort of WERKSOORTEN) {
      if (written >= perMunicipality) break;
      ws.addRow([werksoort]).commit();
      let fteSum = 0;
      let budgetSum = 0;
      let realSum = 0;
      for (let i = 0; i < perSection && written < perMunicipality; i++, written++) {
        const fte = rand() < 0.5 ? round2(rand() * 8) : null;
        const begroot = fte !== null ? round2(fte * FTE_RATE) : round2(5000 + rand() * 90_000);
        const realisatie = round2(begroot * (0.4 + rand() * 0.2));
        const prognose = round2(realisatie * 2);
        fteSum += fte ?? 0;
        budgetSum += begroot;
        realSum += realisatie;
        const row = ws.addRow([`${ONDERDELEN[i % ONDERDELEN.length]} ${i + 1}`, fte, begroot, realisatie, prognose, null]);
        for (const c of [3, 4, 5]) row.getCell(c).numFmt = '#,##0.00';
        row.commit();
      }
      const sub = ws.addRow(['Subtotaal', round2(fteSum), round2(budgetSum)]);
      sub.getCell(3).numFmt = '#,##0.00';
      sub.font = { bold: true };
      sub.commit();
      ws.addRow([]).commit();
      regional.push([gemeente, werksoort, round2(fteSum), round2(budgetSum), round2(realSum)]);
    }
    ws.commit();
  }
  const ws = wb.addWorksheet('Financiering regio');
  ws.addRow(['Regionale financiering 2022 per gemeente en werksoort']).commit();
  ws.addRow([]).commit();
  ws.addRow(['Gemeente', 'Werksoort', 'Fte', 'Begroot 2022', 'Realisatie t/m 30 juni']).commit();
  for (const r of regional) {
    const row = ws.addRow(r);
    for (const c of [4, 5]) row.getCell(c).numFmt = '#,##0.00';
    row.commit();
  }
  ws.commit();
}

function addIndicators(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const ws = wb.addWorksheet('Indicatoren');
  const rows: (string | null)[][] = [
    ['Kernbedingen en normen - rapportage 1e halfjaar 2022'],
    [],
    ['Werksoort', 'Indicator', 'Norm', 'Realisatie', 'Toelichting'],
    ['Individueel sociaal werk', 'Eerste vraagverhelderingsgesprek binnen 4 weken na aanmelding', '≥ 90%', '87%'],
    ['Individueel sociaal werk', 'Eerste vraagverhelderingsgesprek binnen 6 weken na aanmelding', '100%', '97%'],
    ['Individueel sociaal werk', 'Trajecten afgesloten binnen 6 maanden na vraagverheldering', 'minimaal 80%', '82%'],
    ['Individueel sociaal werk', 'Doorverwijzing naar maatwerkvoorziening Wmo na afsluiting', 'max. 10%', '12,5%'],
    ['Jeugd', 'Hulpvraag binnen twee weken in behandeling', '100%', '93%'],
    ['Jeugd', 'Uitstroom naar specialistische jeugdhulp', 'max 50%', '47%'],
    ['Alle', 'Cliënttevredenheid (score 0-100)', 'minimaal 85', null],
  ];
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
}

function addTrajectories(wb: ExcelJS.stream.xlsx.WorkbookWriter, n: number, rand: () => number): void {
  const ws = wb.addWorksheet('Trajecten', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [10, 24, 12, 14, 14, 14, 30, 14, 10, 8, 8].map((width) => ({ width }));
  ws.addRow([
    'Dossiernr',
    'Werksoort',
    'Wijk',
    'Datum aanmelding',
    'Datum eerste gesprek',
    'Datum afsluiting',
    'Uitstroom naar',
    'Terugkeer zelfde vraag binnen 1 jaar',
    'Aantal gesprekken',
    'Cijfer start',
    'Cijfer eind',
  ]).commit();
  const first = serial(2021, 7, 1);
  for (let i = 1; i <= n; i++) {
    const aanmelding = first + Math.floor(rand() * 360);
    const seen = rand() < 0.93;
    const gesprek = seen ? aanmelding + Math.floor(rand() * rand() * 60) : null;
    const closed = seen && rand() < 0.6;
    const afsluiting = closed && gesprek !== null ? gesprek + 20 + Math.floor(rand() * 220) : null;
    const start = closed ? Math.round((2 + rand() * 4) * 10) / 10 : null;
    const row = ws.addRow([
      `T-${String(i).padStart(6, '0')}`,
      TRAJECT_WERKSOORTEN[Math.floor(rand() * TRAJECT_WERKSOORTEN.length)],
      WIJKEN[Math.floor(rand() * WIJKEN.length)],
      asDate(aanmelding),
      gesprek === null ? null : asDate(gesprek),
      afsluiting === null ? null : asDate(afsluiting),
      closed ? UITSTROOM[Math.floor(rand() * UITSTROOM.length)] : null,
      closed ? (rand() < 0.12 ? 'Ja' : 'Nee') : null,
      closed ? 1 + Math.floor(rand() * 12) : null,
      start,
      start === null ? null : Math.min(10, Math.round((start + rand() * 3) * 10) / 10),
    ]);
    for (const c of [4, 5, 6]) row.getCell(c).numFmt = 'dd-mm-yyyy';
    row.commit();
  }
  ws.commit();
}

/** Writes the workbook to `file`. Sheet order follows the example. */
export async function generateWorkbook(file: string, opts: GenerateOptions): Promise<void> {
  const rand = rng(opts.seed ?? 20220630);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  addRisks(wb, opts.risks, rand);
  addBudget(wb, opts.budgetLines, rand);
  addIndicators(wb);
  addTrajectories(wb, opts.trajectories, rand);
  await wb.commit();
}
