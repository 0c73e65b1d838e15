import { useState } from 'react';
import { Badge, Button, Caption1, Card, CardHeader, Text } from '@fluentui/react-components';
import type { Detection } from '../../core/features/feature';
import type { ScanResult } from '../actions';
import type { Strings } from '../i18n/strings';
import { MappingDialog } from './MappingDialog';
import type { MappingChoice } from '../mappingEdit';

export function kindLabel(t: Strings, kind: string): string {
  return t.kinds[kind] ?? kind;
}

function confidenceColour(c: number): 'success' | 'warning' | 'danger' {
  return c >= 0.8 ? 'success' : c >= 0.5 ? 'warning' : 'danger';
}

export function ScanPanel(props: { t: Strings; busy: boolean; scanned: ScanResult | null; onScan: () => void; onMapping: (d: Detection, c: MappingChoice) => void }) {
  const { t, busy, scanned } = props;
  const [editing, setEditing] = useState<Detection | null>(null);
  return (
    <section aria-labelledby="scan-heading" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <h2 id="scan-heading" style={{ margin: 0, fontSize: 16 }}>
        {t.tabs.scan}
      </h2>
      <Text>{t.scan.intro}</Text>
      <div>
        <Button appearance="primary" onClick={props.onScan} disabled={busy}>
          {t.scan.button}
        </Button>
      </div>
      {scanned && scanned.detections.length === 0 && <Text>{t.scan.none}</Text>}
      {scanned && scanned.detections.length > 0 && (
        <ul aria-label={t.scan.found(scanned.detections.length)} style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
          {scanned.detections.map((d) => (
            <li key={`${d.sheet}|${d.headerRow}|${d.kind}`}>
              <Card size="small" data-testid="detection">
                <CardHeader
                  header={<Text weight="semibold">{kindLabel(t, d.kind)}</Text>}
                  description={
                    <Caption1>
                      {t.scan.sheet}: {d.sheet} · {t.scan.range}: {d.range}
                    </Caption1>
                  }
                  action={
                    <Badge appearance="tint" color={confidenceColour(d.confidence)} aria-label={`${t.scan.confidence} ${Math.round(d.confidence * 100)}%`}>
                      {Math.round(d.confidence * 100)}%
                    </Badge>
                  }
                />
                <Caption1>
                  {t.scan.columns}:{' '}
                  {Object.entries(d.columns)
                    .map(([field, col]) => `${field} ${col}`)
                    .join(', ') || '—'}
                </Caption1>
                <div>
                  <Button size="small" onClick={() => setEditing(d)} disabled={busy} aria-label={`${t.scan.edit}: ${kindLabel(t, d.kind)} ${d.sheet} ${d.range}`}>
                    {t.scan.edit}
                  </Button>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <MappingDialog
          t={t}
          detection={editing}
          kinds={[...new Set([...Object.keys(t.kinds), ...(scanned?.detections.map((d) => d.kind) ?? [])])]}
          onCancel={() => setEditing(null)}
          onSave={(choice) => {
            const d = editing;
            setEditing(null);
            props.onMapping(d, choice);
          }}
        />
      )}
    </section>
  );
}
