// TB Regio Brondata: every figure a source contributes, copied as a value with
// its origin (file, sheet, cell). Everything regional is a SUMIFS/COUNTIFS over
// this sheet; `SourceData` evaluates the same formulas for the engine's side.

import type { FigureUnit } from '../plan/figure';
import { SheetBuilder } from '../plan/sheetBuilder';
import type { SheetSpec } from '../plan/plan';
import { quoteSheet } from '../workbook/address';

export interface DataRow {
  /** Source id ("B1"). */
  source: string;
  kind: 'Norm' | 'Begroting' | 'Risico' | 'Begrotingstabel';
  key: string;
  label: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
  unit: FigureUnit;
  /** 1 when the source counts in the regional figures. */
  counts: 0 | 1;
  file: string;
  sheet: string;
  cell: string;
}

export const DATA_HEADER_ROW = 3;
const HEADERS = ['Bron', 'Soort', 'Sleutel', 'Omschrijving', 'Waarde', 'Teller', 'Noemer', 'Eenheid', 'Telt mee', 'Bestand', 'Blad', 'Cel'];
const COL = { source: 0, kind: 1, key: 2, label: 3, value: 4, numerator: 5, denominator: 6, unit: 7, counts: 8, file: 9, sheet: 10, cell: 11 } as const;
type Column = 'source' | 'key' | 'value' | 'numerator' | 'denominator' | 'counts';

const FORMAT: Partial<Record<FigureUnit, string>> = { fraction: '0.0%', count: '0', eur: '#,##0.00', fte: '0.00' };

/** Criteria of a SUMIFS/COUNTIFS, as the engine evaluates them: exact, case-insensitive text, or a number. */
export type Criteria = Partial<Record<'source' | 'key' | 'counts', string | number>>;

export class SourceData {
  readonly rows: DataRow[] = [];

  constructor(readonly sheetName: string) {}

  add(row: DataRow): void {
    this.rows.push(row);
  }

  /** Absolute range of one column over the data rows (at least one row, so formulas stay valid when empty). */
  range(col: Column): string {
    const letter = String.fromCharCode(65 + COL[col]);
    const first = DATA_HEADER_ROW + 2;
    const last = DATA_HEADER_ROW + 1 + Math.max(1, this.rows.length);
    return `${quoteSheet(this.sheetName)}!$${letter}$${first}:$${letter}$${last}`;
  }

  /** "sleutel_range,"key",bron_range,"B1"" — the criteria part of a formula; values may be cell references. */
  criteriaText(criteria: Record<string, string>): string {
    return Object.entries(criteria)
      .map(([col, expr]) => `${this.range(col as Column)},${expr}`)
      .join(',');
  }

  private matches(r: DataRow, c: Criteria): boolean {
    for (const [col, want] of Object.entries(c)) {
      const have = r[col as keyof DataRow];
      if (typeof want === 'number' ? have !== want : String(have).toLowerCase() !== want.toLowerCase()) return false;
    }
    return true;
  }

  /** SUMIFS: blanks count as nothing. */
  sum(col: 'value' | 'numerator' | 'denominator', c: Criteria): number {
    let s = 0;
    for (const r of this.rows) {
      const v = r[col];
      if (typeof v === 'number' && this.matches(r, c)) s += v;
    }
    return s;
  }

  /** COUNTIFS with the value column "<>" (not blank). */
  countValues(c: Criteria): number {
    let n = 0;
    for (const r of this.rows) if (r.value !== null && this.matches(r, c)) n++;
    return n;
  }

  /** `IF(COUNTIFS(…,value,"<>")=0,"",SUMIFS(value,…))` — one source's value, or blank when it has none. */
  lookup(criteria: Record<string, string>, c: Criteria): { f: string; v: number | null } {
    const crit = this.criteriaText(criteria);
    const f = `IF(COUNTIFS(${crit},${this.range('value')},"<>")=0,"",SUMIFS(${this.range('value')},${crit}))`;
    return { f, v: this.countValues(c) === 0 ? null : this.sum('value', c) };
  }

  build(): SheetSpec {
    const b = new SheetBuilder(this.sheetName, { tabColor: '7F7F7F' });
    b.header('Toetsblad — regio: brongegevens', 'Wat elke bron bijdraagt, als waarde met herkomst (bestand, blad, cel). Alle regionale cijfers zijn formules over dit blad; zet Telt mee op 0 om een bron weg te laten.');
    [6, 16, 44, 50, 14, 10, 10, 9, 9, 30, 18, 8].forEach((w, i) => b.width(i, w));
    b.row(DATA_HEADER_ROW, 0, HEADERS, 'header');
    b.freeze(DATA_HEADER_ROW + 1, 3);
    this.rows.forEach((d, i) => {
      const r = DATA_HEADER_ROW + 1 + i;
      b.text(r, COL.source, d.source);
      b.text(r, COL.kind, d.kind);
      b.text(r, COL.key, d.key);
      b.text(r, COL.label, d.label);
      if (d.value !== null) b.value(r, COL.value, d.value, FORMAT[d.unit]);
      if (d.numerator !== undefined) b.value(r, COL.numerator, d.numerator);
      if (d.denominator !== undefined) b.value(r, COL.denominator, d.denominator);
      b.text(r, COL.unit, d.unit);
      b.value(r, COL.counts, d.counts);
      b.text(r, COL.file, d.file);
      b.text(r, COL.sheet, d.sheet);
      b.text(r, COL.cell, d.cell);
    });
    return b.build();
  }
}
