// The provider's own "Indicatoren" sheet: norms and realisations as text
// ("≥ 90%" | "87%"). We parse both, and where the same indicator can be
// recomputed from the trajectory data we match it to the built-in norm.

import type { HeaderSchema } from '../../detect/headers';
import { findHeaderRows, normaliseHeader } from '../../detect/headers';
import { applyColumnOverrides, isIgnored } from '../../detect/mapping';
import type { Finding } from '../../findings/finding';
import type { ParsedNumber } from '../../parse/number';
import { formatPercent, parseNumberCell } from '../../parse/number';
import type { ParsedNorm } from '../../parse/normText';
import { parseNormText } from '../../parse/normText';
import type { Settings } from '../../settings/settings';
import { a1, rangeA1 } from '../../workbook/address';
import type { CellValue, WorkbookSnapshot } from '../../workbook/snapshot';
import { cellFormat, cellText, cellValue, isBlank } from '../../workbook/snapshot';

export const INDICATOR_KIND = 'indicators';

/** Realisations that say "not available" rather than give a number: a missing value, not a typo. */
const NOT_AVAILABLE = /^(-|–|n\.?\s?v\.?\s?t\.?|nvt|onbekend|nog niet bekend|volgt|n\.?b\.?)$/i;

export type IndicatorField = 'werksoort' | 'indicator' | 'norm' | 'realisatie' | 'toelichting';

export const INDICATOR_SCHEMA: HeaderSchema<IndicatorField> = {
  werksoort: { synonyms: ['werksoort', 'dienst', 'onderdeel', 'domein', 'team'] },
  indicator: { synonyms: ['indicator', 'prestatie indicator', 'prestatieindicator', 'kpi', 'kernbeding', 'omschrijving', 'resultaat afspraak'], required: true },
  norm: { synonyms: ['norm', 'normering', 'streefwaarde', 'doel', 'target', 'afspraak'], required: true },
  realisatie: { synonyms: ['realisatie', 'gerealiseerd', 'behaald', 'resultaat', 'stand', 'waarde', 'score', 'uitkomst'], contains: ['realisatie'], required: true },
  toelichting: { synonyms: ['toelichting', 'opmerking', 'opmerkingen', 'commentaar'] },
};

export const INDICATOR_FIELDS = Object.keys(INDICATOR_SCHEMA) as IndicatorField[];

export interface IndicatorRow {
  sheet: string;
  row: number;
  werksoort: string;
  indicator: string;
  normText: string;
  norm: ParsedNorm | null;
  realisationText: string;
  realisation: number | null;
  /** Whether the indicator is a percentage (norm or realisation written as one). */
  percent: boolean;
  /** Cell addresses of the norm and realisation, for findings and links. */
  normCell: string;
  realisationCell: string;
}

export interface IndicatorTable {
  sheet: string;
  headerRow: number;
  range: string;
  columns: Partial<Record<IndicatorField, number>>;
  rows: IndicatorRow[];
  findings: Finding[];
}

/** A realisation against its norm: "88" next to "85%" is 88%. */
function realisationValue(p: ParsedNumber, norm: ParsedNorm | null): number {
  if (norm?.percent && !p.percent && p.value > 1) return p.value / 100;
  return p.value;
}

export function detectIndicatorTables(wb: WorkbookSnapshot, settings: Settings): IndicatorTable[] {
  const out: IndicatorTable[] = [];
  for (const sheet of wb.sheets) {
    for (const m of findHeaderRows(sheet, INDICATOR_SCHEMA, { maxRows: 30 })) {
      if (isIgnored(settings, sheet.name, m.row + 1)) continue;
      const columns = applyColumnOverrides(m.columns, settings, sheet.name, m.row + 1, INDICATOR_KIND, INDICATOR_FIELDS);
      if (columns.indicator === undefined || columns.norm === undefined || columns.realisatie === undefined) continue;
      const rows: IndicatorRow[] = [];
      const findings: Finding[] = [];
      let r = m.row + 1;
      const get = (row: number, f: IndicatorField): CellValue => (columns[f] === undefined ? null : cellValue(sheet, row, columns[f]!));
      for (; r < sheet.rowCount; r++) {
        if (isBlank(get(r, 'indicator')) && isBlank(get(r, 'norm')) && isBlank(get(r, 'realisatie'))) break;
        const normCell = a1(r, columns.norm);
        const realisationCell = a1(r, columns.realisatie);
        const indicator = cellText(get(r, 'indicator'));
        const normText = cellText(get(r, 'norm'));
        const normRaw = get(r, 'norm');
        const isPercentCell = (f: IndicatorField) => columns[f] !== undefined && cellFormat(sheet, r, columns[f]!).includes('%');
        // A number cell (0,9 shown as 90%) is a bare target: ≥.
        const norm = typeof normRaw === 'number' ? { op: '>=' as const, value: normRaw, percent: isPercentCell('norm') } : parseNormText(normText);
        const base = { kind: 'indicator' as const, sheet: sheet.name };
        if (!norm) {
          findings.push({
            ...base,
            rule: 'indicator.norm-unreadable',
            severity: 'error',
            cell: normCell,
            actual: normText,
            message: normText
              ? `De norm "${normText}" bij "${indicator}" is niet te lezen; schrijf bijvoorbeeld "≥ 90%", "minimaal 80%", "max. 10%" of "> 6,0".`
              : `Bij "${indicator}" staat geen norm.`,
          });
        }
        const realRaw = get(r, 'realisatie');
        const realisationText = cellText(realRaw);
        let realisation: number | null = null;
        if (isBlank(realRaw) || NOT_AVAILABLE.test(realisationText)) {
          findings.push({
            ...base,
            rule: 'indicator.realisation-missing',
            severity: 'warning',
            cell: realisationCell,
            message: realisationText ? `Bij "${indicator}" staat geen realisatie maar "${realisationText}".` : `Bij "${indicator}" is geen realisatie ingevuld.`,
          });
        } else {
          const p = parseNumberCell(realRaw);
          if (!p) {
            findings.push({ ...base, rule: 'indicator.realisation-unreadable', severity: 'error', cell: realisationCell, actual: realisationText, message: `De realisatie "${realisationText}" bij "${indicator}" is geen getal of percentage.` });
          } else realisation = realisationValue(p, norm);
        }
        const percent = norm?.percent ?? (/%/.test(realisationText) || isPercentCell('realisatie'));
        rows.push({ sheet: sheet.name, row: r, werksoort: cellText(get(r, 'werksoort')), indicator, normText, norm, realisationText, realisation, percent, normCell, realisationCell });
      }
      const cols = Object.values(columns) as number[];
      out.push({
        sheet: sheet.name,
        headerRow: m.row,
        range: rangeA1({ top: m.row, left: Math.min(...cols), bottom: Math.max(r - 1, m.row), right: Math.max(...cols) }),
        columns,
        rows,
        findings,
      });
      break;
    }
  }
  return out;
}

type Team = 'isw' | 'jeugd';

/** The werksoort or team a text names, if any: an ST/ISW indicator is not a BJG/CJG one. */
const TEAMS: { team: Team; test: RegExp; name: string }[] = [
  { team: 'isw', test: /individueel sociaal werk|\bisw\b|sociaal team|\bst\b|maatschappelijk werk|volwassenen/, name: 'individueel sociaal werk / sociaal team' },
  { team: 'jeugd', test: /\bcjg\b|\bbjg\b|jeugd|gezin/, name: 'jeugd (CJG/BJG)' },
];

/**
 * Built-in norms an indicator line can be recomputed by, recognised by its
 * wording; `team` is the werksoort the built-in norm is computed for, and
 * `complement` the wording that reports the opposite share ("niet terug").
 */
const RECOMPUTABLE: { key: string; all: RegExp[]; none?: RegExp[]; team?: Team; complement?: RegExp }[] = [
  { key: 'isw_eerste_gesprek_binnen_28d_pct', team: 'isw', all: [/(4|vier) weken|28 dagen/, /gesprek|vraagverheldering|intake/] },
  { key: 'isw_eerste_gesprek_binnen_42d_pct', team: 'isw', all: [/(6|zes) weken|42 dagen/, /gesprek|vraagverheldering|intake/] },
  { key: 'isw_afgesloten_binnen_6mnd_pct', team: 'isw', all: [/afgesloten|afsluiting|afgerond/, /(6|zes) (kalender)?maanden/] },
  { key: 'isw_doorverwijzing_maatwerk_wmo_pct', team: 'isw', all: [/maatwerkvoorziening/, /wmo/] },
  { key: 'isw_terugkeer_pct', team: 'isw', all: [/terug/, /zelfde|dezelfde/], complement: /\bniet\b(\s+\S+){0,5}\s+terug|\bgeen terugkeer|\bkomt niet\b/ },
  { key: 'isw_zelfstandig_of_netwerk_pct', team: 'isw', all: [/zelfstandig/] },
  { key: 'cjg_in_behandeling_binnen_14d_pct', team: 'jeugd', all: [/(2|twee) weken|14 dagen/, /behandeling/] },
  { key: 'cjg_uitstroom_specialistisch_pct', team: 'jeugd', all: [/specialistische (jeugdhulp|zorg)/] },
  { key: 'gem_cijfer_stijging', all: [/stijging|hoger dan bij (de )?start|verbetering/, /waardering|cijfer/] },
  { key: 'gem_cijfer_eind', all: [/waardering|rapportcijfer/], none: [/stijging|verbetering/] },
  { key: 'clienttevredenheid_gem', all: [/clienttevredenheid/] },
];

/** Indicator lines that belong to another part of Toetsblad. */
const ELSEWHERE: { test: RegExp; why: string }[] = [{ test: /budget/, why: 'Niet herberekenbaar op dit blad (begroting)' }];

export type IndicatorMatch = { key: string; complement: boolean } | { elsewhere: string } | null;

export function matchIndicator(row: IndicatorRow): IndicatorMatch {
  const text = normaliseHeader(`${row.werksoort} ${row.indicator}`);
  for (const e of ELSEWHERE) if (e.test.test(text)) return { elsewhere: e.why };
  const hit = RECOMPUTABLE.find((m) => m.all.every((re) => re.test(text)) && !(m.none ?? []).some((re) => re.test(text)));
  if (!hit) return null;
  const named = TEAMS.filter((t) => t.test.test(text));
  if (hit.team && named.length > 0 && !named.some((t) => t.team === hit.team)) {
    const own = TEAMS.find((t) => t.team === hit.team)!;
    return { elsewhere: `Niet vergelijkbaar: deze regel gaat over ${named.map((t) => t.name).join(', ')}, de herberekening over ${own.name}` };
  }
  return { key: hit.key, complement: hit.complement?.test(text) ?? false };
}

/**
 * Whether an own norm's "Indicatorregel aanbieder" names this line: a cell
 * ("Indicatoren!C7", "C7"), a row ("rij 7", "7") or the indicator's text.
 */
export function refersTo(ref: string, row: IndicatorRow): boolean {
  const t = ref.trim();
  const cellRef = /^(?:'?(.+?)'?!)?\$?[A-Za-z]{0,3}\$?(\d+)$/.exec(t) ?? /^(?:rij|regel)\s+(\d+)$/i.exec(t);
  if (cellRef) {
    const [sheet, num] = cellRef.length === 3 ? [cellRef[1], cellRef[2]] : [undefined, cellRef[1]];
    return Number(num) === row.row + 1 && (!sheet || sheet.toLowerCase() === row.sheet.toLowerCase());
  }
  const want = normaliseHeader(t);
  return want !== '' && normaliseHeader(row.indicator) === want;
}

/** The difference that counts as "does not match": 0,5 percentage point for percentages. */
export function tolerance(percent: boolean, percentagePoints: number): number {
  return percent ? percentagePoints / 100 : 0.05;
}

export function describeValue(v: number, percent: boolean): string {
  return percent ? formatPercent(v, 1) : String(Number(v.toFixed(2))).replace('.', ',');
}
