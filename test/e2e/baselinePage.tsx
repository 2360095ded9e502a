/**
 * The smallest task pane one can build with the same stack (React 18, Fluent UI v9, start-up
 * gated on Office.onReady): one FluentProvider and one button. The benchmark times it beside
 * the real pane, on the same machine at the same moment, so a busy machine shows as such.
 */
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

void Office.onReady().then(() => {
  const container = document.getElementById('root');
  if (!container) throw new Error('no #root');
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Button appearance="primary">Chèn biểu mẫu</Button>
    </FluentProvider>,
  );
});
