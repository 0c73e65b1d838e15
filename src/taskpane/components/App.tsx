import { useState } from 'react';
import type { Theme } from '@fluentui/react-components';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Select, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { allSettingDefs } from '../../core/report';
import type { ApiSupport } from '../../hosts/office/requirements';
import type { WorkbookHost } from '../host';
import type { Lang } from '../i18n/strings';
import { STRINGS } from '../i18n/strings';
import { withAcceptance } from '../findingGroups';
import { withMapping } from '../mappingEdit';
import { usePane } from '../usePane';
import { FindingsPanel } from './FindingsPanel';
import { RegioPanel } from './RegioPanel';
import { REGIO_STRINGS } from '../i18n/regio';
import { GeneratePanel } from './GeneratePanel';
import { ScanPanel } from './ScanPanel';
import { SettingsPanel } from './SettingsPanel';
import { StatusBar } from './StatusBar';

type TabId = 'scan' | 'generate' | 'findings' | 'settings' | 'regio';

export interface AppProps {
  host: WorkbookHost;
  theme: Theme;
  initialLang?: Lang;
}

function Degraded({ support, lang }: { support: ApiSupport; lang: Lang }) {
  const t = STRINGS[lang];
  const missing = (['dataValidation', 'hiddenRows', 'merges'] as const).filter((k) => !support[k]);
  if (missing.length === 0) return null;
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        {t.requirements.degraded} {missing.map((k) => t.requirements[k]).join('; ')}.
      </MessageBarBody>
    </MessageBar>
  );
}

export function App({ host, theme, initialLang = 'nl' }: AppProps) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [tab, setTab] = useState<TabId>('scan');
  const t = STRINGS[lang];
  const { state, busy, actions } = usePane(host, t);
  return (
    <FluentProvider theme={theme} lang={lang} style={{ minHeight: '100vh', background: tokens.colorNeutralBackground1 }}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12, padding: 12 }}>
        <header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
          <div>
            <h1 style={{ margin: 0, fontSize: 20 }}>{t.appTitle}</h1>
            <Text size={200}>{t.appSubtitle}</Text>
          </div>
          <Select aria-label={t.language} value={lang} onChange={(_, d) => {
              setLang(d.value as Lang);
              try {
                window.localStorage.setItem('toetsblad.lang', d.value);
              } catch {
                /* storage may be blocked; the choice then lasts this session */
              }
            }} size="small">
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </Select>
        </header>
        <Degraded support={host.support} lang={lang} />
        <nav style={{ overflowX: 'auto' }}>
          <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} aria-label={t.tabsLabel} size="small">
            <Tab value="scan">{t.tabs.scan}</Tab>
            <Tab value="generate">{t.tabs.generate}</Tab>
            <Tab value="findings">{t.tabs.findings}</Tab>
            <Tab value="settings">{t.tabs.settings}</Tab>
            <Tab value="regio">{REGIO_STRINGS[lang].tab}</Tab>
          </TabList>
        </nav>
        <StatusBar status={state.status} t={t} onCancel={actions.cancel} onDismiss={actions.dismiss} />
        <main>
          {tab === 'scan' && (
            <ScanPanel
              t={t}
              busy={busy}
              scanned={state.scanned}
              onScan={actions.scan}
              onMapping={(d, choice) => actions.save(withMapping(state.settings, d, choice), t.mapping.stored)}
            />
          )}
          {tab === 'generate' && (
            <GeneratePanel
              t={t}
              lang={lang}
              busy={busy}
              normStatuses={state.normStatuses}
              onGenerate={(target) => {
                void actions.generate(target);
              }}
              onRemove={actions.remove}
              onSelectCell={(sheet, cell) => void actions.select({ sheet, cell })}
            />
          )}
          {tab === 'findings' && (
            <FindingsPanel
              t={t}
              busy={busy}
              findings={state.findings}
              settings={state.settings}
              onSelect={actions.select}
              onAccept={(f, reason) => actions.save(withAcceptance(state.settings, f, reason), t.settings.saved)}
            />
          )}
          {tab === 'settings' && (
            <SettingsPanel
              t={t}
              lang={lang}
              busy={busy}
              defs={allSettingDefs()}
              settings={state.settings}
              norms={state.norms}
              onSave={(s) => actions.save(s, t.settings.saved)}
            />
          )}
          {tab === 'regio' && <RegioPanel host={host} lang={lang} t={t} disabled={busy} onSelectCell={(sheet, cell) => void actions.select({ sheet, cell })} />}
        </main>
      </div>
    </FluentProvider>
  );
}

/** Shown instead of the app when the host cannot run Toetsblad at all. */
export function Unsupported({ theme, reason }: { theme: Theme; reason: 'old-excel' | 'not-excel' }) {
  const t = STRINGS.nl;
  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh', padding: 12 }}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{reason === 'old-excel' ? t.requirements.title : t.appTitle}</MessageBarTitle>
          {reason === 'old-excel' ? t.requirements.body : t.requirements.notExcel}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}
