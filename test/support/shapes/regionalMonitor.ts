// A workbook in the shape of seed 001 laid out the way a half-year monitor
// arrives: a sheet with the regional table and one sheet per municipality,
// each with fte, budget, realisation "t/m 30 juni", prognose, toelichting, a
// "Totaal" row and a footnote. Budgets and fte are the seed's structural lines
// (SEED001_TABLES); realisation and prognose are derived from them by fixed
// factors, and the regional table is the sum of the municipalities. The data
// are exported, so tests compute their expectations from them.

import type ExcelJS from 'exceljs';
import { SEED001_TABLES } from '../seed001Workbook';
import { workbookFrom } from '../workbooks';

export const REGION_SHEET = 'Regio';
export const REGION_TITLE = 'Regio Noordoost-Brabant — Welzijn op Waarde 2016';

export interface MunicipalLine {
  werksoort: string;
  fte: number;
  begroot: number;
  realisatie: number;
  prognose: number;
  toelichting: string | null;
}

export interface Municipality {
  name: string;
  sheet: string;
  title: string;
  lines: MunicipalLine[];
}

/** Fixed deviations per werksoort, all well within 5%: realisation vs half the budget, prognose vs the budget. */
const REAL = [-0.02, 0.01, 0.03];
const PROG = [0.01, -0.015, 0.02];

const round2 = (x: number) => Math.round(x * 100) / 100;

export interface RegionalMonitorOptions {
  /** Oss' Jeugdhulp budget typed as Dutch text ("2.888.667"). */
  textNumber?: boolean;
  /** The regional Sociaal werk budget € 5.000 above the municipalities' sum (and its Totaal with it). */
  regionalOff?: boolean;
  /** Oss' Sociaal werk prognose 12% above budget without toelichting. */
  unexplained?: boolean;
}

export interface RegionalMonitor {
  workbook: ExcelJS.Workbook;
  municipalities: Municipality[];
  /** The regional lines as written. */
  region: MunicipalLine[];
  /** 1-based row of a line (or "Totaal") on a sheet. */
  rowOf(sheet: string, werksoort: string): number;
}

const HEADER = ['Werksoort', 'Formatie (fte)', 'Begroting 2016', 'Realisatie t/m 30 juni 2016', 'Prognose 2016', 'Toelichting'];
const dutch = (v: number) => v.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export function regionalMonitor(opts: RegionalMonitorOptions = {}): RegionalMonitor {
  const municipalities: Municipality[] = SEED001_TABLES.filter((t) => t.name !== 'TOTAAL REGIO').map((t) => {
    const name = t.name.charAt(0) + t.name.slice(1).toLowerCase();
    return {
      name,
      sheet: name,
      title: `Gemeente ${name}`,
      lines: t.structureel.map(([label, fte, amount], i) => {
        const begroot = amount as number;
        return {
          werksoort: label.replace(/\*+$/, ''),
          fte: fte as number,
          begroot,
          realisatie: Math.round((begroot / 2) * (1 + REAL[i])),
          prognose: Math.round(begroot * (1 + PROG[i])),
          toelichting: null as string | null,
        };
      }),
    };
  });
  const line = (m: string, w: string) => municipalities.find((x) => x.name === m)!.lines.find((l) => l.werksoort === w)!;
  // Always: one large deviation that is explained.
  const uden = line('Uden', 'Jeugdhulp');
  uden.prognose = Math.round(uden.begroot * 1.1);
  uden.toelichting = 'Wachtlijst jeugd: extra inzet afgesproken met de gemeente.';
  if (opts.unexplained) {
    const oss = line('Oss', 'Sociaal werk');
    oss.prognose = Math.round(oss.begroot * 1.12);
  }
  const region: MunicipalLine[] = municipalities[0].lines.map((l, i) => ({
    werksoort: l.werksoort,
    fte: round2(municipalities.reduce((a, m) => a + m.lines[i].fte, 0)),
    begroot: municipalities.reduce((a, m) => a + m.lines[i].begroot, 0),
    realisatie: municipalities.reduce((a, m) => a + m.lines[i].realisatie, 0),
    prognose: municipalities.reduce((a, m) => a + m.lines[i].prognose, 0),
    toelichting: null,
  }));
  if (opts.regionalOff) region.find((l) => l.werksoort === 'Sociaal werk')!.begroot += 5000;

  const index = new Map<string, number>();
  const table = (sheet: string, title: string, lines: MunicipalLine[], note: string, text?: (l: MunicipalLine) => boolean): unknown[][] => {
    const rows: unknown[][] = [[title], [], HEADER];
    for (const l of lines) {
      rows.push([l.werksoort, l.fte, text?.(l) ? dutch(l.begroot) : l.begroot, l.realisatie, l.prognose, l.toelichting]);
      index.set(`${sheet}|${l.werksoort}`, rows.length);
    }
    const sum = (f: (l: MunicipalLine) => number) => lines.reduce((a, l) => a + f(l), 0);
    rows.push(['Totaal', round2(sum((l) => l.fte)), sum((l) => l.begroot), sum((l) => l.realisatie), sum((l) => l.prognose)]);
    index.set(`${sheet}|Totaal`, rows.length);
    rows.push([note]);
    return rows;
  };
  const sheets: Record<string, unknown[][]> = {
    [REGION_SHEET]: table(REGION_SHEET, REGION_TITLE, region, '* Som van de zes gemeenten; bedragen in euro'),
  };
  for (const m of municipalities) {
    const text = opts.textNumber && m.name === 'Oss' ? (l: MunicipalLine) => l.werksoort === 'Jeugdhulp' : undefined;
    sheets[m.sheet] = table(m.sheet, m.title, m.lines, m.name === 'Boekel' ? '* Vrijwilligersinzet is integraal onderdeel van Sociaal werk' : '* Bron: subsidieaanvraag 2016', text);
  }
  return {
    workbook: workbookFrom(sheets),
    municipalities,
    region,
    rowOf(sheet, werksoort) {
      const r = index.get(`${sheet}|${werksoort}`);
      if (r === undefined) throw new Error(`no row ${werksoort} on ${sheet}`);
      return r;
    },
  };
}
