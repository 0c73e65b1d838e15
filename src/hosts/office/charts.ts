// Native charts through Office.js: one clustered bar or column chart per
// ChartSpec, each series pointing at its cells (so Excel keeps it live),
// placed over the cells the plan names.

import type { ChartSpec } from '../../core/plan/plan';
import { a1 } from '../../core/workbook/address';

/** Charts Toetsblad adds carry this name prefix. */
export const CHART_NAME_PREFIX = 'TB grafiek';

const plain = (range: string) => range.replace(/\$/g, '');

export function addChart(ws: Excel.Worksheet, chart: ChartSpec, index: number): void {
  const type = (chart.kind === 'bar' ? 'BarClustered' : 'ColumnClustered') as Excel.ChartType;
  const [first, ...rest] = chart.series;
  // The first series' values make the chart; categories and further series are attached by reference.
  const c = ws.charts.add(type, ws.getRange(plain(first.values.range)), 'Columns' as Excel.ChartSeriesBy);
  c.name = `${CHART_NAME_PREFIX} ${index + 1}`;
  c.title.text = chart.title;
  c.legend.position = 'Bottom' as Excel.ChartLegendPosition;
  c.setPosition(a1(chart.from.row, chart.from.col), a1(chart.to.row - 1, chart.to.col - 1));
  const categories = ws.getRange(plain(chart.categories.range));
  const s0 = c.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(categories);
  s0.format.fill.setSolidColor(`#${first.colour}`);
  for (const s of rest) {
    const added = c.series.add(s.name);
    added.setValues(ws.getRange(plain(s.values.range)));
    added.setXAxisValues(categories);
    added.format.fill.setSolidColor(`#${s.colour}`);
  }
  c.axes.valueAxis.numberFormat = chart.valueFormat;
}
