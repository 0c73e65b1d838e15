import { useEffect, useState } from 'react';
import { Button, Field, Input, Switch, Text } from '@fluentui/react-components';
import type { SettingDef, SettingValue, Settings } from '../../core/settings/settings';
import { getBoolean } from '../../core/settings/settings';
import type { Lang, Strings } from '../i18n/strings';

/** Every setting the registered features declare, edited in place and stored in the workbook. */
export function SettingsPanel(props: { t: Strings; lang: Lang; busy: boolean; defs: SettingDef[]; settings: Settings; onSave: (s: Settings) => void }) {
  const { t, defs } = props;
  const [values, setValues] = useState<Record<string, SettingValue>>(props.settings.values);
  useEffect(() => setValues(props.settings.values), [props.settings]);
  const set = (key: string, v: SettingValue) => setValues((old) => ({ ...old, [key]: v }));
  return (
    <section aria-labelledby="settings-heading" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <h2 id="settings-heading" style={{ margin: 0, fontSize: 16 }}>
        {t.tabs.settings}
      </h2>
      <Text>{t.settings.intro}</Text>
      <Text size={200}>{t.settings.norms}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSave({ ...props.settings, values });
        }}
        style={{ display: 'flex', flexDirection: 'column', gap: 10 }}
      >
        {defs.map((def) => {
          const label = props.lang === 'en' ? def.labelEn : def.label;
          if (typeof def.default === 'boolean') {
            const on = getBoolean({ ...props.settings, values }, def);
            return (
              <Field key={def.key} hint={def.key}>
                <Switch checked={on} onChange={(_, d) => set(def.key, d.checked)} label={`${label} (${on ? t.settings.yes : t.settings.no})`} />
              </Field>
            );
          }
          const v = values[def.key];
          return (
            <Field key={def.key} label={label} hint={def.key}>
              <Input value={v === undefined ? String(def.default) : String(v)} onChange={(_, d) => set(def.key, typeof def.default === 'number' && d.value.trim() !== '' && Number.isFinite(Number(d.value.replace(',', '.'))) ? Number(d.value.replace(',', '.')) : d.value)} />
            </Field>
          );
        })}
        <div>
          <Button appearance="primary" type="submit" disabled={props.busy}>
            {t.settings.save}
          </Button>
        </div>
      </form>
    </section>
  );
}
