// Assertions every runner (CLI, ExcelJS adapter, later the Office adapter)
// applies to every case of the hostile corpus.

import type ExcelJS from 'exceljs';
import { featureById } from '../../src/core/features';
import type { FeatureId } from '../../src/core/features/feature';
import type { Finding } from '../../src/core/findings/finding';
import type { ExpectedFinding } from './corpus';

/**
 * Features that must cope with every hostile workbook without falling back
 * to an 'internal.feature-failed' finding. Add a feature here once it exists;
 * FEATURES.map((f) => f.id) covers them all.
 */
export const MUST_NOT_FAIL: FeatureId[] = ['risk', 'budget', 'norms', 'privacy'];

/** Excel's limit for the text in one cell. */
export const MAX_CELL_TEXT = 32_767;

/** Words nearly every Dutch sentence uses; an English or empty message has none of them. */
const DUTCH = /\b(de|het|een|is|van|en|niet|geen|staat|bevat|ontbreekt|kan|op|bij|dit|deze|kolom|blad|cel|ligt|wordt|zijn|heeft|met|te|voor|naar|uit|datum|norm|risico)\b/i;

export function failedFeatures(findings: Finding[]): string[] {
  const labels = MUST_NOT_FAIL.map((id) => featureById(id)?.label.nl).filter((l): l is string => Boolean(l));
  return findings.filter((f) => f.rule === 'internal.feature-failed' && labels.some((l) => f.message.startsWith(`Onderdeel ${l} `))).map((f) => f.message);
}

/** Problems with findings: each names a real cell of a real sheet, in Dutch. Empty when all is well. */
export function findingProblems(findings: Finding[], sheetNames: string[]): string[] {
  const problems: string[] = [];
  const sheets = new Set(sheetNames);
  for (const f of findings) {
    const at = `${f.rule}@${f.sheet}!${f.cell}`;
    if (typeof f.message !== 'string' || f.message.trim() === '') problems.push(`${at}: empty message`);
    else if (!DUTCH.test(f.message)) problems.push(`${at}: message not Dutch: ${f.message.slice(0, 80)}`);
    if (/\bundefined\b|\bNaN\b|\[object Object\]/.test(f.message)) problems.push(`${at}: message shows a program value: ${f.message.slice(0, 120)}`);
    if (f.cell) {
      if (!/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(f.cell)) problems.push(`${at}: not an A1 cell`);
      if (!sheets.has(f.sheet)) problems.push(`${at}: sheet does not exist`);
    }
  }
  return problems;
}

export function missingFindings(findings: Finding[], expected: ExpectedFinding[] = []): ExpectedFinding[] {
  return expected.filter((e) => !findings.some((f) => f.rule === e.rule && (e.sheet === undefined || f.sheet === e.sheet) && (e.cell === undefined || f.cell === e.cell)));
}

/** Texts longer than Excel allows in any cell of the given sheets. */
export function oversizedCells(wb: ExcelJS.Workbook, sheetNames: string[]): string[] {
  const out: string[] = [];
  for (const name of sheetNames) {
    wb.getWorksheet(name)?.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        const text = typeof v === 'string' ? v : v && typeof v === 'object' && 'text' in v ? String(v.text) : '';
        if (text.length > MAX_CELL_TEXT) out.push(`${name}!${cell.address} (${text.length})`);
      }),
    );
  }
  return out;
}

/**
 * Fingerprint of a generated sheet. ExcelJS reads an empty cached formula
 * result back as either "" or nothing, depending on the file's history;
 * both mean "blank" and Excel recalculates on open, so they compare equal.
 */
export function generatedFingerprint(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const isFormula = cell.type === 6;
      const raw = isFormula ? cell.result : cell.value;
      const value = isFormula && (raw === '' || raw === undefined || raw === null) ? '' : JSON.stringify(raw);
      out.push(`${cell.address}\t${value}\t${isFormula ? cell.formula : ''}\t${cell.numFmt ?? ''}`);
    }),
  );
  return out;
}
