import { useState } from 'react';
import { Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Divider, Text } from '@fluentui/react-components';
import { FEATURES } from '../../core/features';
import type { NormStatusLine } from '../../core/features/norms/summary';
import type { GenerateTarget } from '../actions';
import type { Lang, Strings } from '../i18n/strings';
import { NormsList } from './NormsList';

/** One button per registered feature, so features added later appear here by themselves. */
export function GeneratePanel(props: {
  t: Strings;
  lang: Lang;
  busy: boolean;
  normStatuses: NormStatusLine[] | null;
  onGenerate: (target: GenerateTarget) => void;
  onRemove: (keepSettings: boolean) => void;
  onSelectCell: (sheet: string, cell: string) => void;
}) {
  const { t, busy } = props;
  const [confirming, setConfirming] = useState(false);
  const [keepSettings, setKeepSettings] = useState(true);
  return (
    <section aria-labelledby="generate-heading" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <h2 id="generate-heading" style={{ margin: 0, fontSize: 16 }}>
        {t.tabs.generate}
      </h2>
      <Text>{t.generate.intro}</Text>
      <div>
        <Button appearance="primary" onClick={() => props.onGenerate('all')} disabled={busy}>
          {t.generate.all}
        </Button>
      </div>
      <div role="group" aria-label={t.tabs.generate} style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <Button onClick={() => props.onGenerate('findings')} disabled={busy}>
          {t.generate.findings}
        </Button>
        {FEATURES.map((f) => (
          <Button key={f.id} onClick={() => props.onGenerate(f.id)} disabled={busy}>
            {t.generate.feature(f.label[props.lang])}
          </Button>
        ))}
      </div>
      <Text size={200}>{t.generate.undoNote}</Text>
      <Divider />
      <div>
        <Button appearance="subtle" onClick={() => setConfirming(true)} disabled={busy}>
          {t.generate.remove}
        </Button>
      </div>
      <Divider />
      <NormsList t={t} lang={props.lang} lines={props.normStatuses} onSelect={props.onSelectCell} />
      {confirming && (
        <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && setConfirming(false)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t.generate.removeTitle}</DialogTitle>
              <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
                <Text>{t.generate.removeBody}</Text>
                <Checkbox checked={keepSettings} onChange={(_, d) => setKeepSettings(Boolean(d.checked))} label={t.generate.keepSettings} />
              </DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setConfirming(false);
                    props.onRemove(keepSettings);
                  }}
                >
                  {t.generate.removeConfirm}
                </Button>
                <Button onClick={() => setConfirming(false)}>{t.findings.cancel}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </section>
  );
}
