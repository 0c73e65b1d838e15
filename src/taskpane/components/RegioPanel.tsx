import { useState } from 'react';
import { Badge, Button, Caption1, MessageBar, MessageBarBody, ProgressBar, Text } from '@fluentui/react-components';
import { REGIO_SHEET } from '../../core/regio';
import type { WorkbookHost } from '../host';
import type { Lang, Strings } from '../i18n/strings';
import { REGIO_STRINGS } from '../i18n/regio';
import { useRegio } from '../useRegio';

const STATUS_COLOUR = { checked: 'success', partial: 'warning', unreadable: 'danger' } as const;

/** "Regio-overzicht": pick workbooks, check them in the pane, write the TB Regio sheets into this workbook. */
export function RegioPanel(props: { host: WorkbookHost; lang: Lang; t: Strings; disabled: boolean; onSelectCell: (sheet: string, cell: string) => void }) {
  const t = REGIO_STRINGS[props.lang];
  const { status, result, run, cancel } = useRegio(props.host, t, props.t);
  const [files, setFiles] = useState<File[]>([]);
  const busy = status.kind === 'busy';
  return (
    <section aria-labelledby="regio-heading" style={{ display: 'flex', flexDirection: 'column', gap: 10 }} data-testid="regio">
      <h2 id="regio-heading" style={{ margin: 0, fontSize: 16 }}>
        {t.heading}
      </h2>
      <Text size={200}>{t.intro}</Text>
      <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        <Text weight="semibold">{t.pick}</Text>
        <input
          type="file"
          multiple
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy || props.disabled}
          data-testid="regio-files"
          onChange={(e) => setFiles(Array.from(e.currentTarget.files ?? []))}
        />
      </label>
      {files.length > 0 && <Caption1>{t.picked(files.length)}</Caption1>}
      <div style={{ display: 'flex', gap: 8 }}>
        <Button appearance="primary" disabled={busy || props.disabled || files.length === 0} onClick={() => void run(files)}>
          {t.run}
        </Button>
        {busy && (
          <Button onClick={cancel} data-testid="regio-cancel">
            {t.cancel}
          </Button>
        )}
      </div>
      {status.kind === 'busy' && (
        <div role="status" aria-live="polite" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          <Text>{`${t.phase[status.phase]}: ${t.progress(status.done, status.total)}`}</Text>
          <ProgressBar value={status.total ? status.done / status.total : undefined} aria-label={t.phase[status.phase]} />
        </div>
      )}
      {(status.kind === 'done' || status.kind === 'error') && (
        <MessageBar intent={status.kind === 'error' ? 'error' : 'success'} role={status.kind === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>
            {status.text}
            {status.kind === 'error' && status.detail ? (
              <details>
                <summary>{props.t.details}</summary>
                <pre style={{ whiteSpace: 'pre-wrap', userSelect: 'text', margin: 0, fontSize: 12 }}>{status.detail}</pre>
              </details>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && status.kind !== 'busy' && (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
          <h3 style={{ margin: 0, fontSize: 14 }}>{t.sources}</h3>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 4 }}>
            {result.sources.map((s) => (
              <li key={s.id} data-testid="regio-source" data-status={s.status} data-counts={s.counts ? 'ja' : 'nee'}>
                <span style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}>
                  <Badge color={STATUS_COLOUR[s.status]} appearance="filled">
                    {t.status[s.status]}
                  </Badge>
                  <Text weight="semibold">{s.name}</Text>
                  <Caption1>
                    {s.file}
                    {s.counts ? '' : ` · ${t.notCounted}${s.remark ? `: ${s.remark}` : ''}`}
                  </Caption1>
                </span>
              </li>
            ))}
          </ul>
          <Text size={200}>{t.findings(result.findings.filter((f) => f.rule.startsWith('regio.')).length)}</Text>
          <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
            {result.generatedSheets.slice(0, 5).map((sheet) => (
              <Button key={sheet} size="small" onClick={() => props.onSelectCell(sheet, 'A1')}>
                {t.open(sheet === REGIO_SHEET.sources ? sheet : sheet.replace('TB Regio ', ''))}
              </Button>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
