import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import type { Messages } from '../i18n';

/** Shown when the pane's page is opened outside Excel (a browser, or another Office app). */
export function NotInExcel({ t }: { t: Messages }) {
  return (
    <FluentProvider theme={webLightTheme} lang={t.language} style={{ padding: 12 }}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.notInExcelTitle}</MessageBarTitle>
          {t.notInExcel}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}
