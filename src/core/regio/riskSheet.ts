// TB Regio Risico's: risk counts per band and source, and the kans × schade
// map of all counting sources together (each cell a SUMIFS over the sources'
// own counts), coloured by how many risks sit in it.

import type { Figure } from '../plan/figure';
import { SheetBuilder } from '../plan/sheetBuilder';
import type { SheetSpec } from '../plan/plan';
import { a1 } from '../workbook/address';
import type { RegioContext } from './context';
import { nameRef } from './context';

const BAND_ORDER = ['laag', 'midden', 'hoog', 'zeer_hoog'];
const BAND_LABEL: Record<string, string> = { laag: 'Laag', midden: 'Midden', hoog: 'Hoog', zeer_hoog: 'Zeer hoog' };
const HEAT = ['E2EFDA', 'FFE699', 'F4B183', 'FF7C80'];

export function buildRiskSheet(ctx: RegioContext): { sheet: SheetSpec; figures: Figure[] } {
  const b = new SheetBuilder(ctx.names.risk, { tabColor: 'C55A11' });
  b.header("Toetsblad — regio-overzicht: risico's", "Aantal risico's per band en bron, en de kans × schade-kaart van alle bronnen samen.");
  const { data } = ctx;
  const sources = ctx.counting.filter((x) => Object.keys(x.source.riskBands).length > 0 || Object.keys(x.source.riskCells).length > 0);
  const bandSet = new Set<string>();
  for (const x of sources) for (const k of Object.keys(x.source.riskBands)) bandSet.add(k);
  const bands = [...BAND_ORDER.filter((k) => bandSet.has(k)), ...[...bandSet].filter((k) => !BAND_ORDER.includes(k)).sort()];
  [6, 30, 11, 11, 11, 11, 11, 11].forEach((w, i) => b.width(i, w));
  let r = 3;
  b.text(r++, 0, "Risico's per band", 'subtitle');
  if (sources.length === 0) {
    b.text(r, 0, 'Geen risicoregister in de bronnen die meetellen.', 'note');
    return { sheet: b.build(), figures: b.figures };
  }
  b.row(r, 0, ['Nr', 'Aanbieder of gemeente', ...bands.map((k) => BAND_LABEL[k] ?? k), 'Totaal'], 'header');
  r++;
  const totalCol = 2 + bands.length;
  for (const x of sources) {
    b.text(r, 0, x.id, 'muted');
    const name = nameRef(ctx, x);
    b.formula(r, 1, name.f, name.v);
    let total = 0;
    bands.forEach((band, i) => {
      const key = `risk_band_${band}_count`;
      const look = data.lookup({ source: `$A${r + 1}`, key: `"${key}"` }, { source: x.id, key });
      total += look.v ?? 0;
      b.figure(r, 2 + i, look.f, look.v, { key: `${ctx.slugs.get(x.id)}.${key}`, label: `${x.source.name}: risico's ${BAND_LABEL[band] ?? band}`, unit: 'count' }, '0');
    });
    b.formula(r, totalCol, `SUM(${a1(r, 2)}:${a1(r, totalCol - 1)})`, total, '0');
    r++;
  }
  b.text(r, 1, 'Regio', 'total');
  let regioTotal = 0;
  bands.forEach((band, i) => {
    const key = `risk_band_${band}_count`;
    const v = data.sum('value', { key, counts: 1 });
    regioTotal += v;
    b.figure(r, 2 + i, `SUMIFS(${data.range('value')},${data.criteriaText({ key: `"${key}"`, counts: '1' })})`, v, { key: `regio_${key}`, label: `Regio: risico's ${BAND_LABEL[band] ?? band}`, unit: 'count' }, '0', 'total');
  });
  b.formula(r, totalCol, `SUM(${a1(r, 2)}:${a1(r, totalCol - 1)})`, regioTotal, '0', 'total');
  r += 3;

  // The map: kans from high (top) to low, schade from low (left) to high.
  // The map is drawn on the scale the source data holds cells for (sources on another scale are left out of it).
  let scale = 0;
  for (const d of data.rows) {
    const m = d.kind === 'Risico' && d.counts === 1 ? /^risk_count_K(\d+)S(\d+)$/.exec(d.key) : null;
    if (m) scale = Math.max(scale, Number(m[1]), Number(m[2]));
  }
  if (scale === 0) return { sheet: b.build(), figures: b.figures };
  b.text(r++, 0, 'Kans × schade, alle bronnen samen', 'subtitle');
  b.text(r, 1, 'Kans \\ Schade', 'header');
  for (let s = 1; s <= scale; s++) b.value(r, 1 + s, s, '0', 'header');
  r++;
  const top = r;
  let total = 0;
  const counts: number[] = [];
  for (let k = scale; k >= 1; k--) {
    b.value(r, 1, k, '0', 'header');
    for (let s = 1; s <= scale; s++) {
      const key = `risk_count_K${k}S${s}`;
      const v = data.sum('value', { key, counts: 1 });
      total += v;
      counts.push(v);
      b.figure(r, 1 + s, `SUMIFS(${data.range('value')},${data.criteriaText({ key: `"${key}"`, counts: '1' })})`, v, { key: `regio_${key}`, label: `Regio: risico's met kans ${k} en schade ${s}`, unit: 'count' }, '0');
    }
    r++;
  }
  const grid = `${a1(top, 2, true)}:${a1(r - 1, 1 + scale, true)}`;
  b.text(r, 1, 'Totaal', 'total');
  b.figure(r, 2, `SUM(${grid})`, total, { key: 'regio_risk_count_total', label: "Regio: risico's in de kaart", unit: 'count' }, '0', 'total');
  // Darker where more risks sit: quarters of the busiest cell.
  const first = a1(top, 2);
  const max = `MAX(${grid})`;
  b.conditional({
    range: `${a1(top, 2)}:${a1(r - 1, 1 + scale)}`,
    rules: [
      { type: 'expression', formula: `AND(${first}>0,${first}>=${max}*0.75)`, fill: HEAT[3] },
      { type: 'expression', formula: `AND(${first}>0,${first}>=${max}*0.5)`, fill: HEAT[2] },
      { type: 'expression', formula: `AND(${first}>0,${first}>=${max}*0.25)`, fill: HEAT[1] },
      { type: 'expression', formula: `${first}>0`, fill: HEAT[0] },
    ],
  });
  b.text(r + 2, 0, 'Kleur: hoeveel risico\'s in een cel staan, in kwarten van de drukste cel (rood: de drukste).', 'note');
  return { sheet: b.build(), figures: b.figures };
}
