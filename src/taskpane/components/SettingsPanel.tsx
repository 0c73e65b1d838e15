import { useEffect, useState } from 'react';
import { Button, Caption1, Field, Input, Select, Switch, Text } from '@fluentui/react-components';
import type { NormListing } from '../../core/features/norms';
import { DISABLED_SETTING, disabledBySetting, withNormDisabled } from '../../core/features/norms/disabled';
import type { SettingDef, SettingValue, Settings } from '../../core/settings/settings';
import { getBoolean } from '../../core/settings/settings';
import type { Lang, Strings } from '../i18n/strings';
import { choicesFor, displayValue, parseInput } from '../settingEdit';

/** Every setting the registered features declare, edited in place and stored in the workbook. */
export function SettingsPanel(props: { t: Strings; lang: Lang; busy: boolean; defs: SettingDef[]; settings: Settings; norms: NormListing[] | null; onSave: (s: Settings) => void }) {
  const { t } = props;
  // norms.disabled is edited through the per-norm switches below, not as raw text.
  const defs = props.defs.filter((d) => d.key !== DISABLED_SETTING.key);
  const [values, setValues] = useState<Record<string, SettingValue>>(props.settings.values);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  useEffect(() => {
    setValues(props.settings.values);
    setDrafts({});
  }, [props.settings]);
  const set = (key: string, v: SettingValue) => setValues((old) => ({ ...old, [key]: v }));
  return (
    <section aria-labelledby="settings-heading" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <h2 id="settings-heading" style={{ margin: 0, fontSize: 16 }}>
        {t.tabs.settings}
      </h2>
      <Text>{t.settings.intro}</Text>
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
          if (def.type === 'choice' && def.choices?.length) {
            return (
              <Field key={def.key} label={label} hint={def.key}>
                <Select value={String(v ?? def.default)} onChange={(_, d) => set(def.key, d.value)}>
                  {choicesFor(def, v).map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </Select>
              </Field>
            );
          }
          // What the user typed stays on screen; the parsed value ("5%" → 0,05) is what is saved.
          return (
            <Field key={def.key} label={label} hint={def.key}>
              <Input
                value={drafts[def.key] ?? displayValue(def, v, props.lang)}
                onChange={(_, d) => {
                  setDrafts((old) => ({ ...old, [def.key]: d.value }));
                  set(def.key, parseInput(def, d.value));
                }}
              />
            </Field>
          );
        })}
        <NormSwitches t={t} norms={props.norms} settings={{ ...props.settings, values }} onChange={(s) => setValues(s.values)} />
        <div>
          <Button appearance="primary" type="submit" disabled={props.busy}>
            {t.settings.save}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** One switch per norm in the definitions; they edit norms.disabled, saved with the other settings. */
function NormSwitches(props: { t: Strings; norms: NormListing[] | null; settings: Settings; onChange: (s: Settings) => void }) {
  const { t, norms, settings } = props;
  const off = disabledBySetting(settings);
  const order = norms?.map((n) => n.key) ?? [];
  return (
    <fieldset aria-describedby="norm-switches-intro" style={{ border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 4 }}>
      <legend style={{ padding: 0, fontWeight: 600 }}>{t.settings.norms}</legend>
      <Text size={200} id="norm-switches-intro">
        {norms ? t.settings.normsIntro : t.settings.normsUnknown}
      </Text>
      {norms?.map((n) => {
        const on = n.onInDefinitions && !off(n.key);
        return (
          <div key={n.key} data-testid="norm-switch">
            <Switch
              checked={on}
              disabled={!n.onInDefinitions}
              onChange={(_, d) => props.onChange(withNormDisabled(settings, n.key, !d.checked, order))}
              label={`${n.label} (${n.onInDefinitions ? (on ? t.settings.yes : t.settings.no) : t.settings.offInDefinitions})`}
            />
            <Caption1 block style={{ marginLeft: 44 }}>
              {n.key}
            </Caption1>
          </div>
        );
      })}
    </fieldset>
  );
}
