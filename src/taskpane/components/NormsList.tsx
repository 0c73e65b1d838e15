import { Badge, Button, Caption1, Text } from '@fluentui/react-components';
import type { NormStatusLine } from '../../core/features/norms/summary';
import type { Lang, Strings } from '../i18n/strings';
import { formatNorm, formatNormValue, STATUS_BADGE, statusKey } from '../normsView';

/** The norms of the last run with their status; a click selects the realisation's cell on TB Normen. */
export function NormsList(props: { t: Strings; lang: Lang; lines: NormStatusLine[] | null; onSelect: (sheet: string, cell: string) => void }) {
  const { t, lang, lines } = props;
  return (
    <section aria-labelledby="norms-heading" style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="norms">
      <h3 id="norms-heading" style={{ margin: 0, fontSize: 14 }}>
        {t.norms.heading}
        {lines && lines.length > 0 ? ` (${t.norms.count(lines.length)})` : ''}
      </h3>
      {lines === null && <Text size={200}>{t.norms.none}</Text>}
      {lines?.length === 0 && <Text size={200}>{t.norms.empty}</Text>}
      {lines && lines.length > 0 && (
        <>
          <Text size={200}>{t.norms.intro}</Text>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 6 }}>
            {lines.map((l) => {
              const status = statusKey(l.status);
              return (
                <li key={l.key} data-testid="norm" data-status={status} style={{ borderLeft: '3px solid', paddingLeft: 8 }}>
                  <Button
                    appearance="transparent"
                    onClick={() => props.onSelect(l.sheet, l.cell)}
                    title={t.findings.goTo(l.sheet, l.cell)}
                    style={{ textAlign: 'left', justifyContent: 'flex-start', padding: 0, minWidth: 0, fontWeight: 'normal', height: 'auto' }}
                  >
                    <span style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
                      <span style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
                        <Badge color={STATUS_BADGE[status]} appearance="filled" style={{ flexShrink: 0 }}>
                          {t.norms.status[status]}
                        </Badge>
                        <Text>{l.label}</Text>
                      </span>
                      <Caption1>
                        {`${t.norms.realisation}: ${formatNormValue(l.value, l.unit, lang)} · ${t.norms.norm}: ${formatNorm(l, lang)} · ${t.norms.population}: ${formatNormValue(l.population, 'count', lang)}`}
                      </Caption1>
                    </span>
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
