// One chart part (xl/charts/chartN.xml): a clustered bar or column chart
// whose series point at cells, with the engine's values as the cached
// values, so a viewer that does not recalculate still draws the right bars.

import type { ChartData, ChartSpec } from '../../../core/plan/plan';
import { quoteSheet } from '../../../core/workbook/address';
import { escapeText } from '../xml';

export const CHART_CT = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const CHART_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';

const ref = (d: ChartData<unknown>) => escapeText(`${quoteSheet(d.sheet)}!${d.range}`);

function strRef(d: ChartData<string>): string {
  const pts = d.values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${ref(d)}</c:f><c:strCache><c:ptCount val="${d.values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(d: ChartData<number | null>, format: string): string {
  // A blank or text cell has no point in the cache: the chart leaves a gap there.
  const pts = d.values.map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numRef><c:f>${ref(d)}</c:f><c:numCache><c:formatCode>${escapeText(format)}</c:formatCode><c:ptCount val="${d.values.length}"/>${pts}</c:numCache></c:numRef>`;
}

function rich(text: string, size: number, bold: boolean): string {
  return `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="nl-NL" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich>`;
}

const TEXT_PROPS = (size: number) => `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="nl-NL"/></a:p></c:txPr>`;

export function renderChartXml(chart: ChartSpec): string {
  const horizontal = chart.kind === 'bar';
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:cat>${strRef(chart.categories)}</c:cat><c:val>${numRef(s.values, chart.valueFormat)}</c:val></c:ser>`,
    )
    .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    '<c:roundedCorners val="0"/>',
    '<c:chart>',
    `<c:title><c:tx>${rich(chart.title, 1100, true)}</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`,
    '<c:plotArea><c:layout/>',
    `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}`,
    '<c:gapWidth val="60"/><c:axId val="5001"/><c:axId val="5002"/></c:barChart>',
    // Horizontal bars list the first category at the top, as the table beside it does.
    `<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/>`,
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${TEXT_PROPS(800)}`,
    '<c:crossAx val="5002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>',
    `<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 't' : 'l'}"/><c:majorGridlines/>`,
    `<c:numFmt formatCode="${escapeText(chart.valueFormat).replace(/"/g, '&quot;')}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${TEXT_PROPS(800)}`,
    `<c:crossAx val="5001"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`,
    '</c:plotArea>',
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${TEXT_PROPS(900)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>`,
    '</c:chart>',
    '</c:chartSpace>',
  ].join('');
}
