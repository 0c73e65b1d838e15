// The pane's state and the runner every button goes through: one action at a
// time, progress, cancel, and errors turned into a sentence the user can act on.

import { useCallback, useRef, useState } from 'react';
import type { NormListing } from '../core/features/norms';
import type { NormStatusLine } from '../core/features/norms/summary';
import type { Finding } from '../core/findings/finding';
import type { Settings } from '../core/settings/settings';
import { emptySettings } from '../core/settings/settings';
import { classifyError, errorDetails } from '../hosts/office/errors';
import { officeAdvice } from './i18n/officeErrors';
import { STRINGS } from './i18n/strings';
import type { GenerateTarget, Phase, ScanResult } from './actions';
import { generate, removeAll, saveSettings, scan } from './actions';
import type { WorkbookHost } from './host';
import type { Strings } from './i18n/strings';

export type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string; progress?: { done: number; total: number; phase: Phase }; cancellable: boolean }
  | { kind: 'success'; text: string }
  | { kind: 'error'; text: string; detail?: string };

export interface PaneState {
  status: Status;
  scanned: ScanResult | null;
  /** Findings of the last generate run (null: not generated in this session). */
  findings: Finding[] | null;
  settings: Settings;
  /** The norms the definitions hold (for the on/off switches); null before the first read. */
  norms: NormListing[] | null;
  /** The norms with their status from the last run that wrote the norms sheet; null: none in this session. */
  normStatuses: NormStatusLine[] | null;
}

/** The error line (what to do, in the pane's language) and its copyable Details. */
export function errorStatus(e: unknown, t: Strings, step: string): Status {
  const err = classifyError(e);
  if (err.code === 'cancelled') return { kind: 'error', text: t.errors.cancelled };
  const advice = officeAdvice(err.detail, t === STRINGS.en ? 'en' : 'nl') ?? t.errors[err.code];
  const text = err.leftBehind?.length ? `${advice} ${t.leftBehind(err.leftBehind)}` : advice;
  return { kind: 'error', text, detail: errorDetails(err, step) };
}

export function usePane(host: WorkbookHost, t: Strings) {
  const [state, setState] = useState<PaneState>({ status: { kind: 'idle' }, scanned: null, findings: null, settings: emptySettings(), norms: null, normStatuses: null });
  const abort = useRef<AbortController | null>(null);
  const busy = state.status.kind === 'busy';

  const runAction = useCallback(
    async (
      text: string,
      cancellable: boolean,
      body: (signal: AbortSignal, progress: (d: number, n: number, phase: Phase) => void) => Promise<Partial<PaneState> & { done?: string }>,
    ) => {
      if (abort.current) return;
      const controller = new AbortController();
      abort.current = controller;
      setState((s) => ({ ...s, status: { kind: 'busy', text, cancellable } }));
      let step = text;
      const progress = (done: number, total: number, phase: Phase) => {
        step = `${text} (${phase} ${done}/${total})`;
        setState((s) => (s.status.kind === 'busy' ? { ...s, status: { ...s.status, progress: { done, total, phase } } } : s));
      };
      try {
        const { done, ...patch } = await body(controller.signal, progress);
        setState((s) => ({ ...s, ...patch, status: done ? { kind: 'success', text: done } : { kind: 'idle' } }));
      } catch (e) {
        setState((s) => ({ ...s, status: errorStatus(e, t, step) }));
      } finally {
        abort.current = null;
      }
    },
    [t],
  );

  const actions = {
    scan: () =>
      runAction(t.scan.scanning, true, async (signal, onProgress) => {
        const scanned = await scan(host, { signal, onProgress });
        return { scanned, settings: scanned.settings, norms: scanned.norms, done: t.scan.found(scanned.detections.length) };
      }),
    generate: (target: GenerateTarget) =>
      runAction(t.generate.running, true, async (signal, onProgress) => {
        const r = await generate(host, target, state.scanned ? state.settings : undefined, { signal, onProgress });
        return {
          findings: r.report.findings,
          settings: r.report.settings,
          norms: r.norms,
          ...(r.normStatuses ? { normStatuses: r.normStatuses } : {}),
          done: t.generate.done(r.written),
        };
      }),
    save: (settings: Settings, done: string) =>
      runAction(t.generate.running, true, async (signal, onProgress) => {
        const r = await saveSettings(host, settings, { signal, onProgress });
        const scanned = await scan(host);
        return { settings: r.report.settings, findings: state.findings ? r.report.findings : null, scanned, norms: scanned.norms, done };
      }),
    remove: (keepSettings: boolean) =>
      runAction(t.generate.running, true, async (signal, onProgress) => {
        const removed = await removeAll(host, keepSettings, { signal, onProgress });
        return { findings: null, normStatuses: null, done: t.generate.removed(removed.length) };
      }),
    select: async (f: Pick<Finding, 'sheet' | 'cell'>) => {
      if (!f.sheet) return;
      try {
        await host.select(f.sheet, f.cell);
      } catch (e) {
        setState((s) => ({ ...s, status: errorStatus(e, t, `select ${f.sheet}!${f.cell}`) }));
      }
    },
    cancel: () => abort.current?.abort(),
    dismiss: () => setState((s) => ({ ...s, status: { kind: 'idle' } })),
  };
  return { state, busy, actions };
}
