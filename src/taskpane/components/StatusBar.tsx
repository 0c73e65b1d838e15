import { Button, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Text } from '@fluentui/react-components';
import type { Status } from '../usePane';
import type { Strings } from '../i18n/strings';

/** Progress of the running action (with Cancel), or the outcome of the last one. */
export function StatusBar({ status, t, onCancel, onDismiss }: { status: Status; t: Strings; onCancel: () => void; onDismiss: () => void }) {
  if (status.kind === 'idle') return null;
  if (status.kind === 'busy') {
    const p = status.progress;
    return (
      <div role="status" aria-live="polite" style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <Text>{p ? `${t.generate.phase[p.phase]}: ${t.generate.progress(p.done, p.total)}` : status.text}</Text>
          {status.cancellable && (
            <Button size="small" onClick={onCancel}>
              {t.generate.cancel}
            </Button>
          )}
        </div>
        <ProgressBar value={p ? p.done / p.total : undefined} aria-label={status.text} />
      </div>
    );
  }
  return (
    <MessageBar intent={status.kind === 'error' ? 'error' : 'success'} role={status.kind === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        {status.text}
        {status.kind === 'error' && status.detail ? (
          // A section the user can open and copy for a support desk: code, Office's error location, the step.
          <details>
            <summary>{t.details}</summary>
            <pre data-testid="error-details" style={{ whiteSpace: 'pre-wrap', userSelect: 'text', margin: 0, fontSize: 12 }}>
              {status.detail}
            </pre>
          </details>
        ) : null}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={onDismiss} aria-label="OK">
          OK
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
