// Pane actions against the fake Excel host: what each button writes, and that
// mappings and acceptances stored in the workbook come back on the next run.

import { withNormDisabled } from '../../../src/core/features/norms/disabled';
import { normStatuses } from '../../../src/core/features/norms/summary';
import { SHEET } from '../../../src/core/generatedSheets';
import { readSettings } from '../../../src/core/settings/settingsSheet';
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { FULL_SUPPORT } from '../../../src/hosts/office';
import { generate, removeAll, saveSettings, scan } from '../../../src/taskpane/actions';
import { withAcceptance } from '../../../src/taskpane/findingGroups';
import { excelHost } from '../../../src/taskpane/host';
import { withMapping } from '../../../src/taskpane/mappingEdit';
import { FakeExcel } from '../../support/fakeExcel';
import { snapshotFromXlsx } from '../../support/fakeExcel/fromXlsx';
import { EXAMPLE } from '../../support/workbooks';

const USER = ["Risico's", 'Financiering', 'Indicatoren', 'Trajecten'];
let example: WorkbookSnapshot;
beforeAll(async () => {
  example = await snapshotFromXlsx(EXAMPLE);
});

function setup() {
  const fake = FakeExcel.fromSnapshot(example);
  return { fake, host: excelHost((b) => fake.run(b), FULL_SUPPORT) };
}

describe('pane actions', () => {
  it('scan reads and changes nothing', async () => {
    const { fake, host } = setup();
    const r = await scan(host);
    expect(r.detections.find((d) => d.kind === 'risk-register')).toMatchObject({ sheet: "Risico's", headerRow: 4 });
    expect(fake.sheetNames()).toEqual(USER);
  });

  it('a feature button writes only that feature sheet (and the settings sheet once); the findings button only the findings sheet; findings always cover every feature', async () => {
    const { fake, host } = setup();
    const risk = await generate(host, 'risk', undefined);
    expect(risk.written).toEqual([SHEET.risk, SHEET.settings]);
    expect(fake.sheetNames()).toEqual([...USER, SHEET.risk, SHEET.settings]);
    const again = await generate(host, 'risk', undefined);
    expect(again.written).toEqual([SHEET.risk]);
    const findings = await generate(host, 'findings', undefined);
    expect(findings.written).toEqual([SHEET.findings]);
    // Privacy has no sheet of its own: its button refreshes the findings sheet.
    const privacy = await generate(host, 'privacy', undefined);
    expect(privacy.written).toEqual([SHEET.findings]);
    expect(risk.report.findings).toEqual(findings.report.findings);
    // The findings sheet lists every feature's findings, not only the last button's.
    expect(findings.report.findings.some((f) => f.kind === 'budget')).toBe(true);
  });

  it('a column mapping saved from the editor is stored in the workbook and used by the next scan', async () => {
    const { fake, host } = setup();
    const first = await scan(host);
    const reg = first.detections.find((d) => d.kind === 'risk-register')!;
    expect(reg.columns.schade).toBe('E');
    // The user says: Schade is in column F (where Effect is) and Effect is not mapped.
    const edited = withMapping(first.settings, reg, { kind: reg.kind, columns: { ...reg.columns, schade: 'F', effect: '' } });
    await saveSettings(host, edited);
    const stored = readSettings((await scan(host)).snapshot);
    expect(stored.mappings).toHaveLength(2);
    expect(stored.mappings).toEqual(
      expect.arrayContaining([
        // Stored in Dutch (as the pane shows it), read back as the internal names.
        expect.objectContaining({ sheet: "Risico's", headerRow: 4, kind: 'risk-register', field: 'schade', column: 'F', source: expect.objectContaining({ kind: 'Risicoregister', field: 'Schade' }) }),
        expect.objectContaining({ sheet: "Risico's", headerRow: 4, kind: 'risk-register', field: 'effect', column: '-' }),
      ]),
    );
    const next = await scan(host);
    const again = next.detections.find((d) => d.kind === 'risk-register')!;
    expect(again.columns.schade).toBe('F');
    expect(again.columns.effect).toBeUndefined();
    expect(fake.sheet(SHEET.settings)!.at('A2')!.value).toMatch(/^Gegenereerd door Toetsblad/);
  });

  it('marking a table "ignore" hides it from the next scan', async () => {
    const { host } = setup();
    const first = await scan(host);
    const reg = first.detections.find((d) => d.kind === 'risk-register')!;
    await saveSettings(host, withMapping(first.settings, reg, { kind: 'ignore', columns: {} }));
    expect((await scan(host)).detections.some((d) => d.kind === 'risk-register')).toBe(false);
  });

  it('an acceptance is stored with its reason and shown on the findings sheet; withdrawing it clears both', async () => {
    const { fake, host } = setup();
    const run = await generate(host, 'all', undefined);
    const target = run.report.findings.find((f) => f.cell !== '')!;
    await saveSettings(host, withAcceptance(run.report.settings, target, 'Bekend; hersteld in de volgende rapportage'));
    const settings = readSettings((await scan(host)).snapshot);
    expect(settings.acceptances).toEqual([{ rule: target.rule, sheet: target.sheet, cell: target.cell, reason: 'Bekend; hersteld in de volgende rapportage' }]);
    const sheet = fake.sheet(SHEET.findings)!;
    const rowOf = () => [...sheet.cells.entries()].find(([, row]) => row.get(10)?.value === target.rule && row.get(3)?.value === target.cell)![0];
    expect(sheet.get(rowOf(), 8)!.value).toBe('Ja');
    expect(sheet.get(rowOf(), 9)!.value).toBe('Bekend; hersteld in de volgende rapportage');
    await saveSettings(host, withAcceptance(settings, target, null));
    expect(readSettings((await scan(host)).snapshot).acceptances).toEqual([]);
    expect(sheet.get(rowOf(), 8)!.value).toBe('Nee');
  });

  it('a run that writes TB Normen returns its norms with status; a run that does not leaves them out', async () => {
    const { host } = setup();
    const all = await generate(host, 'all', undefined);
    expect(all.normStatuses).toEqual(normStatuses(all.report.plan, all.report.figures, SHEET.norms));
    expect(all.normStatuses!.find((l) => l.key === 'isw_eerste_gesprek_binnen_28d_pct')).toMatchObject({ status: 'Bijna', sheet: SHEET.norms });
    expect((await generate(host, 'risk', undefined)).normStatuses).toBeNull();
    expect((await generate(host, 'norms', undefined)).normStatuses).toEqual(all.normStatuses);
  });

  it('a norm switched off in the settings is stored in TB Instellingen and leaves TB Normen at the next Normen run', async () => {
    const { fake, host } = setup();
    const first = await scan(host);
    const keys = first.norms.map((n) => n.key);
    expect(keys).toContain('isw_terugkeer_pct');
    const onSheet = () => [...fake.sheet(SHEET.norms)!.cells.values()].flatMap((row) => [...row.values()].map((c) => c.value));
    await generate(host, 'all', first.settings);
    expect(onSheet()).toContain('isw_terugkeer_pct');
    await saveSettings(host, withNormDisabled(first.settings, 'isw_terugkeer_pct', true, keys));
    const next = await scan(host);
    expect(readSettings(next.snapshot).values['norms.disabled']).toBe('isw_terugkeer_pct');
    expect(next.norms.find((n) => n.key === 'isw_terugkeer_pct')).toMatchObject({ onInDefinitions: true, offBySetting: true });
    const run = await generate(host, 'norms', next.settings);
    expect(run.normStatuses!.map((l) => l.key)).not.toContain('isw_terugkeer_pct');
    expect(run.normStatuses!.map((l) => l.key)).toContain('isw_zelfstandig_of_netwerk_pct');
    expect(onSheet()).not.toContain('isw_terugkeer_pct');
  });

  it('remove keeps settings when asked, and removes everything otherwise', async () => {
    const { fake, host } = setup();
    await generate(host, 'all', undefined);
    const kept = await removeAll(host, true);
    expect(kept).not.toContain(SHEET.settings);
    expect(fake.sheetNames()).toContain(SHEET.settings);
    expect(fake.sheetNames()).not.toContain(SHEET.findings);
    await removeAll(host, false);
    expect(fake.sheetNames()).toEqual(USER);
  });
});
