// The baten/lasten budget: two lists side by side under "BATEN" and "LASTEN",
// groups with an unlabelled subtotal, and "TOTAAL BATEN" / "TOTAAL LASTEN".
// Each side is read as a one-column budget table, so the subtotal and total
// checks are the same as elsewhere; then baten must equal lasten.

import type { SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import { cellText, isBlank, rowValues } from '../../workbook/snapshot';
import { readAmount } from './amounts';
import { balanceSide, isSubtotalLabel, isTotalLabel } from './schema';
import type { BudgetConfig } from './settings';
import type { SumCheck } from './sums';
import { makeCheck, sumPart, tableSumChecks } from './sums';
import type { BudgetRow, BudgetTable, RowKind } from './table';
import { isBalanceHeader } from './table';

export interface BalanceBudget {
  sheet: string;
  headerRow: number;
  title: string;
  baten: BudgetTable;
  lasten: BudgetTable;
}

function sideRows(sheet: SheetSnapshot, headerRow: number, labelCol: number, valueCol: number): BudgetRow[] {
  const rows: BudgetRow[] = [];
  let blanks = 0;
  for (let r = headerRow + 1; r < sheet.rowCount && blanks < 2; r++) {
    const cells = rowValues(sheet, r);
    const label = cellText(cells[labelCol] ?? null);
    const amount = readAmount(cells[valueCol] ?? null);
    const empty = !label && isBlank(cells[valueCol] ?? null);
    // Stop at two wholly empty rows: one side may run longer than the other.
    const rowEmpty = cells.every((v) => isBlank(v));
    blanks = rowEmpty ? blanks + 1 : 0;
    let kind: RowKind;
    if (empty) kind = 'blank';
    else if (label && isTotalLabel(label)) kind = 'total';
    else if (label && isSubtotalLabel(label)) kind = 'subtotal';
    else if (!label) kind = amount.value === null ? 'blank' : 'subtotal';
    else kind = amount.value === null ? 'heading' : 'line';
    rows.push({ row: r, kind, label, section: '', amounts: [amount], toelichting: null });
    if (kind === 'total') break;
  }
  let section = '';
  for (const x of rows) {
    if (x.kind === 'heading') section = x.label;
    x.section = section;
  }
  return rows;
}

function sideTable(sheet: SheetSnapshot, headerRow: number, labelCol: number, valueCol: number, name: string): BudgetTable {
  const rows = sideRows(sheet, headerRow, labelCol, valueCol);
  return {
    sheet: sheet.name,
    headerRow,
    lastRow: rows.length ? rows[rows.length - 1].row : headerRow,
    title: name,
    labelCol,
    columns: { label: labelCol, begroot: valueCol },
    amountColumns: [{ col: valueCol, field: 'begroot', header: name, unit: 'eur' }],
    rows,
    confidence: 1,
    realisatieHeader: '',
  };
}

export function detectBalanceBudgets(wb: WorkbookSnapshot): BalanceBudget[] {
  const out: BalanceBudget[] = [];
  for (const sheet of wb.sheets) {
    for (let r = 0; r < Math.min(sheet.rowCount, 5000); r++) {
      if (!isBalanceHeader(sheet, r)) continue;
      const cells = rowValues(sheet, r);
      const batenCol = cells.findIndex((v) => typeof v === 'string' && balanceSide(v) === 'baten');
      const lastenCol = cells.findIndex((v) => typeof v === 'string' && balanceSide(v) === 'lasten');
      let title = '';
      for (let t = Math.max(0, r - 2); t < r && !title; t++) title = cellText((rowValues(sheet, t)).find((v) => typeof v === 'string' && v.trim()) ?? null);
      out.push({
        sheet: sheet.name,
        headerRow: r,
        title,
        baten: sideTable(sheet, r, batenCol, batenCol + 1, 'Baten'),
        lasten: sideTable(sheet, r, lastenCol, lastenCol + 1, 'Lasten'),
      });
    }
  }
  return out;
}

/** Subtotal and total checks of both sides, then total lasten against total baten. */
export function balanceChecks(b: BalanceBudget, cfg: BudgetConfig): SumCheck[] {
  const out = [...tableSumChecks(b.baten, cfg), ...tableSumChecks(b.lasten, cfg)];
  const total = (t: BudgetTable) => t.rows.find((x) => x.kind === 'total' && x.amounts[0].value !== null);
  const bt = total(b.baten);
  const lt = total(b.lasten);
  if (bt && lt) {
    const a = bt.amounts[0];
    out.push(
      makeCheck(
        {
          check: 'balance',
          sheet: b.sheet,
          row: lt.row,
          col: b.lasten.amountColumns[0].col,
          what: `${lt.label} tegenover ${bt.label}`,
          section: b.title,
          table: b.title || 'Baten en lasten',
          column: b.lasten.amountColumns[0],
          stated: lt.amounts[0].value!,
          statedSheet: lt.amounts[0].formulaValue,
          statedAmount: lt.amounts[0],
          parts: [sumPart(b.sheet, bt.row, b.baten.amountColumns[0].col, a)],
        },
        cfg,
      ),
    );
  }
  return out;
}
