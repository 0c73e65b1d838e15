// Office.js round trips per task-pane action, against the fake Excel host
// (test/support/fakeExcel): the adapter runs through Microsoft's Office.js
// client library, and the fake measures every request and response in bytes
// as the library serialized them. The workbook is the benchmark workbook
// itself; measureOfficeWireExtremes adds the shapes that stress the wire:
// 4.000 budget lines and long-text columns.

import * as fs from 'fs';
import * as path from 'path';
import type { CellValue, WorkbookSnapshot } from '../src/core/workbook/snapshot';
import { FULL_SUPPORT, planReadChunks, readWorkbook } from '../src/hosts/office';
import { openXlsx } from '../src/hosts/xlsx';
import { generate, removeAll, saveSettings, scan } from '../src/taskpane/actions';
import { excelHost } from '../src/taskpane/host';
import { FakeExcel } from '../test/support/fakeExcel';
import { generateWorkbook } from './generate';
import type { Figure } from './report';
import { sheetFromRows, sheetToRows } from '../src/core/workbook/fromRows';

const MB = 1024 * 1024;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export interface ActionCost {
  /** Syncs minus read chunks and extra write batches: the only parts allowed to grow with the data. */
  fixedSyncs: number;
  writeBatches: number;
  syncs: number;
  maxRequestMb: number;
  maxResponseMb: number;
  seconds: number;
}

export async function actionCosts(snapshot: WorkbookSnapshot): Promise<{ chunks: number; actions: Record<string, ActionCost> }> {
  const chunks = planReadChunks(snapshot.sheets.map((s) => ({ rows: s.rowCount, cols: s.colCount }))).length;
  const fake = FakeExcel.fromSnapshot(snapshot);
  const host = excelHost((batch) => fake.run(batch), FULL_SUPPORT);
  const actions: Record<string, ActionCost> = {};
  const step = async (name: string, reads: number, fn: () => Promise<unknown>) => {
    // Read chunks depend on the workbook as it is now, generated sheets included: ask the adapter itself.
    const now = reads ? (await fake.run((ctx) => readWorkbook(ctx, { support: FULL_SUPPORT }))).stats.chunks : 0;
    fake.resetCounts();
    const t0 = process.hrtime.bigint();
    const result = (await fn()) as { stats?: { batches?: number } } | undefined;
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    // A plan too large for one request is written in several, one sync each.
    const writeBatches = result?.stats?.batches ?? 0;
    actions[name] = {
      fixedSyncs: fake.syncCount - reads * now - Math.max(0, writeBatches - 1),
      writeBatches,
      syncs: fake.syncCount,
      maxRequestMb: fake.maxRequestBytes / MB,
      maxResponseMb: fake.maxResponseBytes / MB,
      seconds,
    };
  };
  let scanned: Awaited<ReturnType<typeof scan>> | undefined;
  await step('scan', 1, async () => (scanned = await scan(host)));
  await step('genereer alles', 1, () => generate(host, 'all', undefined));
  await step('vernieuw alles', 1, () => generate(host, 'all', undefined));
  await step('bevindingenblad', 1, () => generate(host, 'findings', undefined));
  await step('instellingen opslaan', 1, () => saveSettings(host, scanned!.settings));
  await step('naar cel', 0, () => host.select("Risico's", 'D9'));
  await step('verwijder bladen', 1, () => removeAll(host, false));
  return { chunks, actions };
}

export async function measureOfficeRoundTrips(input: string, rows: number): Promise<{ figures: Figure[]; fixed: Record<string, number> }> {
  const { snapshot } = openXlsx(fs.readFileSync(input));
  const { chunks, actions } = await actionCosts(snapshot);
  const figures: Figure[] = [{ id: `office.${rows}.readChunks`, label: `Office.js leesblokken, ${rows} rijen`, value: chunks, unit: 'blokken' }];
  let maxRequest = 0;
  let maxResponse = 0;
  const fixed: Record<string, number> = {};
  for (const [name, cost] of Object.entries(actions)) {
    fixed[name] = cost.fixedSyncs;
    maxRequest = Math.max(maxRequest, cost.maxRequestMb);
    maxResponse = Math.max(maxResponse, cost.maxResponseMb);
    figures.push({
      id: `office.${rows}.syncs.${name.replace(/\s+/g, '-')}`,
      label: `Office.js syncs '${name}', ${rows} rijen`,
      value: cost.syncs,
      unit: 'syncs',
      note: `${cost.fixedSyncs} vast + ${cost.syncs - cost.fixedSyncs} lees-/schrijfblokken (${cost.writeBatches} schrijfverzoek${cost.writeBatches === 1 ? '' : 'en'}); ${round(cost.seconds)} s in de nep-host`,
    });
  }
  figures.push(
    { id: `office.${rows}.maxRequestMb`, label: `Office.js grootste verzoek (bytes zoals Office.js ze verstuurt), ${rows} rijen`, value: round(maxRequest, 3), unit: 'MB', target: { max: 4 } },
    { id: `office.${rows}.maxResponseMb`, label: `Office.js grootste antwoord, ${rows} rijen`, value: round(maxResponse, 3), unit: 'MB', target: { max: 4 } },
  );
  return { figures, fixed };
}

/** Every trajectory row gets two note columns of `chars` characters (toelichtingen pasted from a case system). */
function withNotes(snapshot: WorkbookSnapshot, chars: number): WorkbookSnapshot {
  const note = (r: number, k: number) => `${r}.${k} ${'Toelichting bij het traject, afspraken en voortgang. '.repeat(Math.ceil(chars / 52))}`.slice(0, chars);
  return {
    sheets: snapshot.sheets.map((s) => {
      if (s.name !== 'Trajecten') return s;
      const col = s.colCount;
      const rows = sheetToRows(s);
      const padded = (row: CellValue[]) => [...row, ...Array<CellValue>(col - row.length).fill(null)];
      const values = rows.values.map((row, r) => [...padded(row), ...(r === 0 ? ['Toelichting', 'Afspraken'] : [note(r, 1), note(r, 2)])]);
      return sheetFromRows({ ...rows, values, colCount: col + 2 });
    }),
  };
}

/** Largest request and response for the shapes that stress the wire, each through every pane action. */
export async function measureOfficeWireExtremes(dir: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const shapes: { id: string; label: string; snapshot: () => Promise<WorkbookSnapshot> }[] = [
    {
      id: 'budget4000',
      label: '10.000 rijen, 4.000 begrotingsregels',
      snapshot: async () => {
        const file = path.join(dir, 'office-begroting-4000.xlsx');
        await generateWorkbook(file, { trajectories: 10_000, risks: 1000, budgetLines: 4000 });
        return openXlsx(fs.readFileSync(file)).snapshot;
      },
    },
    {
      id: 'longText',
      label: '10.000 rijen met twee toelichtingskolommen van 1.000 tekens',
      snapshot: async () => {
        const file = path.join(dir, 'office-toelichting.xlsx');
        await generateWorkbook(file, { trajectories: 10_000, risks: 1000, budgetLines: 2000 });
        return withNotes(openXlsx(fs.readFileSync(file)).snapshot, 1000);
      },
    },
  ];
  for (const shape of shapes) {
    const { actions } = await actionCosts(await shape.snapshot());
    const costs = Object.values(actions);
    const maxRequest = Math.max(...costs.map((c) => c.maxRequestMb));
    const maxResponse = Math.max(...costs.map((c) => c.maxResponseMb));
    const writes = Math.max(...costs.map((c) => c.writeBatches));
    figures.push(
      { id: `office.${shape.id}.maxRequestMb`, label: `Office.js grootste verzoek, ${shape.label}`, value: round(maxRequest, 3), unit: 'MB', target: { max: 4 }, note: `tot ${writes} schrijfverzoeken per actie` },
      { id: `office.${shape.id}.maxResponseMb`, label: `Office.js grootste antwoord, ${shape.label}`, value: round(maxResponse, 3), unit: 'MB', target: { max: 4 } },
    );
  }
  return figures;
}
