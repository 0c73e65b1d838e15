import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Select, Text } from '@fluentui/react-components';
import type { Detection } from '../../core/features/feature';
import type { Strings } from '../i18n/strings';
import type { MappingChoice } from '../mappingEdit';
import { columnsOf } from '../mappingEdit';
import { kindLabel } from './ScanPanel';

/** Correct what detection found: the table's kind and which column holds each field. */
export function MappingDialog(props: { t: Strings; detection: Detection; kinds: string[]; onSave: (c: MappingChoice) => void; onCancel: () => void }) {
  const { t, detection: d } = props;
  const [kind, setKind] = useState(d.kind);
  const [columns, setColumns] = useState<Record<string, string>>({ ...d.columns });
  const letters = columnsOf(d);
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && props.onCancel()}>
      <DialogSurface aria-describedby="mapping-note">
        <DialogBody>
          <DialogTitle>{t.mapping.title(d.sheet, d.range)}</DialogTitle>
          <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            <Field label={t.mapping.kind}>
              <Select value={kind} onChange={(_, data) => setKind(data.value)}>
                {props.kinds.map((k) => (
                  <option key={k} value={k}>
                    {kindLabel(t, k)}
                  </option>
                ))}
              </Select>
            </Field>
            {kind !== 'ignore' &&
              d.fields.map((field) => (
                <Field key={field} label={t.mapping.column(t.mapping.fieldName(kind, field))}>
                  <Select value={columns[field] ?? ''} onChange={(_, data) => setColumns((c) => ({ ...c, [field]: data.value }))}>
                    <option value="">{t.mapping.notMapped}</option>
                    {letters.map((l) => (
                      <option key={l} value={l}>
                        {l}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
            <Text id="mapping-note" size={200}>
              {t.mapping.stored}
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => props.onSave({ kind, columns })}>
              {t.mapping.save}
            </Button>
            <Button onClick={props.onCancel}>{t.mapping.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
