import { useState } from 'react';
import { Badge, Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Text, Textarea } from '@fluentui/react-components';
import type { Finding, Severity } from '../../core/findings/finding';
import type { Settings } from '../../core/settings/settings';
import { acceptanceFor } from '../../core/settings/settings';
import { groupFindings } from '../findingGroups';
import type { Strings } from '../i18n/strings';

const SEVERITY_BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

export function FindingsPanel(props: {
  t: Strings;
  busy: boolean;
  findings: Finding[] | null;
  settings: Settings;
  onSelect: (f: Finding) => void;
  onAccept: (f: Finding, reason: string | null) => void;
}) {
  const { t, findings, settings } = props;
  const [accepting, setAccepting] = useState<Finding | null>(null);
  const [reason, setReason] = useState('');
  const groups = findings ? groupFindings(findings, settings) : [];
  const open = groups.reduce((n, g) => n + g.open, 0);
  return (
    <section aria-labelledby="findings-heading" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <h2 id="findings-heading" style={{ margin: 0, fontSize: 16 }}>
        {t.tabs.findings}
      </h2>
      {!findings && <Text>{t.findings.none}</Text>}
      {findings && (
        <>
          <Text>{t.findings.intro}</Text>
          <Text weight="semibold" data-testid="findings-total">
            {findings.length === 0 ? t.findings.empty : t.findings.total(findings.length, open)}
          </Text>
        </>
      )}
      {groups.map((g) => (
        <div key={g.severity} data-testid={`severity-${g.severity}`}>
          <h3 style={{ margin: '4px 0', fontSize: 14, display: 'flex', gap: 8, alignItems: 'center' }}>
            <Badge color={SEVERITY_BADGE[g.severity]} appearance="filled">
              {g.count}
            </Badge>
            {t.severity[g.severity]}
          </h3>
          {g.kinds.map((k) => (
            <div key={k.kind} style={{ marginLeft: 4 }}>
              <h4 style={{ margin: '4px 0', fontSize: 13 }}>
                {t.findingKind[k.kind]} ({k.findings.length})
              </h4>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 6 }}>
                {k.findings.map((f) => {
                  const acc = acceptanceFor(settings, f);
                  const where = f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
                  return (
                    <li key={`${f.rule}|${f.sheet}|${f.cell}`} data-testid="finding" style={{ borderLeft: '3px solid', paddingLeft: 8, opacity: acc ? 0.7 : 1 }}>
                      <Button
                        appearance="transparent"
                        onClick={() => props.onSelect(f)}
                        disabled={!f.sheet}
                        title={t.findings.goTo(f.sheet, f.cell || 'A1')}
                        style={{ textAlign: 'left', justifyContent: 'flex-start', padding: 0, minWidth: 0, fontWeight: 'normal', height: 'auto' }}
                      >
                        <span>
                          <Caption1 block>{where}</Caption1>
                          <Text>{f.message}</Text>
                        </span>
                      </Button>
                      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 2 }}>
                        {acc ? (
                          <>
                            <Badge appearance="outline" color="success">
                              {t.findings.accepted}
                            </Badge>
                            <Caption1>{acc.reason}</Caption1>
                            <Button size="small" appearance="subtle" disabled={props.busy} onClick={() => props.onAccept(f, null)}>
                              {t.findings.withdraw}
                            </Button>
                          </>
                        ) : (
                          <Button
                            size="small"
                            disabled={props.busy}
                            aria-label={`${t.findings.accept}: ${where}`}
                            onClick={() => {
                              setReason('');
                              setAccepting(f);
                            }}
                          >
                            {t.findings.accept}
                          </Button>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      ))}
      {accepting && (
        <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && setAccepting(null)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t.findings.acceptTitle}</DialogTitle>
              <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
                <Text>{accepting.message}</Text>
                <Field label={t.findings.reason} hint={t.findings.reasonHint} required>
                  <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  disabled={reason.trim() === ''}
                  onClick={() => {
                    const f = accepting;
                    setAccepting(null);
                    props.onAccept(f, reason.trim());
                  }}
                >
                  {t.findings.confirmAccept}
                </Button>
                <Button onClick={() => setAccepting(null)}>{t.findings.cancel}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </section>
  );
}
