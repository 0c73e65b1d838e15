// Cells a check depends on but cannot read, in every table a feature
// detected: formulas without a cached value (written by openpyxl, POI or a
// script and never opened in Excel), cached error values, and a header that
// stands above two columns. A feature that already reported a cell keeps its
// own finding about an error value or a header; a formula without a value is
// always said, because the feature's own words ("Schade ontbreekt") do not
// tell the user why. Nothing is read as 0 or as the wrong column without the
// user hearing of it.

import type { Detection } from '../features/feature';
import type { Finding } from '../findings/finding';
import { a1, columnIndex, columnLetters, parseRange } from '../workbook/address';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { cellFormula, cellText, cellValue, findSheet, isCellError } from '../workbook/snapshot';
import { normaliseHeader } from './headers';

export const UNCACHED_FORMULA = 'formule zonder berekende waarde: open en bewaar de werkmap eerst in Excel';
/** Findings per table and kind of problem; the rest is one summary. */
const CAP = 10;

/** The detections of `features` (the tables whose cells other checks read). */
export function cellValueFindings(wb: WorkbookSnapshot, detections: Detection[], existing: Finding[], features: ReadonlySet<string>): Finding[] {
  const said = new Set(existing.map((f) => `${f.sheet}!${f.cell}`));
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const d of detections) {
    if (!features.has(d.feature)) continue;
    const id = `${d.sheet}!${d.range}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const sheet = findSheet(wb, d.sheet);
    if (!sheet) continue;
    let range;
    try {
      range = parseRange(d.range);
    } catch {
      continue;
    }
    const header = d.headerRow - 1;
    const uncached: string[] = [];
    const errors: { cell: string; error: string }[] = [];
    for (let r = Math.max(header + 1, range.top); r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        const v = cellValue(sheet, r, c);
        if (cellFormula(sheet, r, c) && v === null) uncached.push(a1(r, c));
        else if (isCellError(v)) errors.push({ cell: a1(r, c), error: v.error });
      }
    }
    const add = (cells: string[], rule: string, severity: Finding['severity'], message: (cell: string) => string, summary: string, always = false) => {
      const fresh = always ? cells : cells.filter((c) => !said.has(`${d.sheet}!${c}`));
      for (const cell of fresh.slice(0, CAP)) out.push({ rule, severity, kind: 'input', sheet: d.sheet, cell, message: message(cell) });
      if (fresh.length > CAP) out.push({ rule, severity: 'info', kind: 'input', sheet: d.sheet, cell: fresh[CAP], message: summary.replace('{n}', String(fresh.length - CAP)) });
    };
    add(uncached, 'data.formula-uncached', 'error', (cell) => `Cel ${cell} op blad "${d.sheet}": ${UNCACHED_FORMULA}. Toetsblad rekent er niet mee (ook niet als 0).`, `Nog {n} cellen in deze tabel op blad "${d.sheet}": ${UNCACHED_FORMULA}.`, true);
    const errorAt = new Map(errors.map((e) => [e.cell, e.error]));
    add(errors.map((e) => e.cell), 'data.error-value', 'warning', (cell) => `Cel ${cell} op blad "${d.sheet}" bevat de foutwaarde ${errorAt.get(cell)}; Toetsblad rekent er niet mee. Herstel de formule of de invoer.`, `Nog {n} cellen met een foutwaarde in deze tabel op blad "${d.sheet}".`);
    out.push(...duplicateHeaders(wb, d, said));
  }
  return out;
}

/** A header text above two columns of the table: which one a field was read from, said out loud. */
function duplicateHeaders(wb: WorkbookSnapshot, d: Detection, said: Set<string>): Finding[] {
  const sheet = findSheet(wb, d.sheet);
  if (!sheet) return [];
  const range = parseRange(d.range);
  const header = d.headerRow - 1;
  const byText = new Map<string, number[]>();
  for (let c = range.left; c <= range.right; c++) {
    const t = normaliseHeader(cellText(cellValue(sheet, header, c)).slice(0, 200));
    if (t) byText.set(t, [...(byText.get(t) ?? []), c]);
  }
  const out: Finding[] = [];
  for (const [field, letter] of Object.entries(d.columns)) {
    const used = columnIndex(letter);
    const text = normaliseHeader(cellText(cellValue(sheet, header, used)).slice(0, 200));
    const cols = byText.get(text) ?? [];
    if (cols.length < 2) continue;
    const other = cols.find((c) => c !== used)!;
    const cell = a1(header, other);
    if (said.has(`${d.sheet}!${cell}`)) continue;
    said.add(`${d.sheet}!${cell}`);
    const label = cellText(cellValue(sheet, header, used));
    out.push({
      rule: 'data.duplicate-header',
      severity: 'warning',
      kind: 'input',
      sheet: d.sheet,
      cell,
      message: `Kolomkop "${label}" staat boven ${cols.length} kolommen (${cols.map(columnLetters).join(' en ')}); Toetsblad leest ${field} uit kolom ${letter}. Klopt dat niet, geef de kolommen verschillende namen of wijs de kolom toe in TB Instellingen.`,
    });
  }
  return out;
}
