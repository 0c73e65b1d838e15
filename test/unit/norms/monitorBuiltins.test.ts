// The built-in catalogue on a monitor shaped differently from the Oss example
// (seeds 002/003): the norms that fit are computed from their synonyms, the
// ones whose columns this provider does not record are an info, not a warning.

import { buildReport } from '../../../src/core/report';
import { readWorkbook } from '../../../src/hosts/exceljs/readWorkbook';
import { trajectoryMonitor } from '../../support/shapes/trajectoryMonitor';

describe('built-in norms on the trajectory monitor', () => {
  const m = trajectoryMonitor({ planted: false });
  const result = buildReport(readWorkbook(m.workbook), { features: ['norms'] });
  const value = (key: string) => result.figures.find((f) => f.key === key)?.value;

  it('computes the ratings and satisfaction norms from "Rapportcijfer …" and "Cliënttevredenheid"', () => {
    const both = m.records.filter((r) => r.cijferStart !== null && r.cijferEind !== null);
    // gem_cijfer_eind: mean end rating where the start rating is a number.
    expect(value('gem_cijfer_eind')).toBeCloseTo(both.reduce((s, r) => s + r.cijferEind!, 0) / both.length, 10);
    expect(value('gem_cijfer_stijging')).toBeCloseTo(both.reduce((s, r) => s + r.cijferEind! - r.cijferStart!, 0) / both.length, 10);
    const scores = m.records.flatMap((r) => (r.tevredenheid === null ? [] : [r.tevredenheid]));
    expect(value('clienttevredenheid_gem')).toBeCloseTo(scores.reduce((s, x) => s + x, 0) / scores.length, 10);
  });

  it('recognises the registration table, which has no date column, and checks it', () => {
    expect(result.detections.filter((d) => d.kind === 'registrations').map((d) => [d.sheet, d.range])).toEqual([['Registratie', 'A2:D21']]);
    const planted = trajectoryMonitor({ planted: true });
    const findings = buildReport(readWorkbook(planted.workbook), { features: ['norms'] }).findings;
    const cell = planted.planted.find((p) => p.sheet === 'Registratie')!.cell;
    expect(findings.filter((f) => f.sheet === 'Registratie').map((f) => `${f.rule}@${f.cell}`)).toEqual([`norm.number-as-text@${cell}`]);
  });

  it('gives no warning about the data: only norms the data really misses are warnings', () => {
    const serious = result.findings.filter((f) => f.severity !== 'info');
    expect(serious.map((f) => f.rule).filter((r) => r !== 'norm.not-met')).toEqual([]);
    expect(result.findings.filter((f) => f.rule === 'norm.columns-missing').map((f) => f.severity)).toEqual(expect.arrayContaining(['info']));
  });
});
