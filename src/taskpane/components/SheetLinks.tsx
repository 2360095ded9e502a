import { Button, Caption1 } from '@fluentui/react-components';
import { useId } from 'react';
import type { TemplateInWorkbook } from '../../contracts/operations';
import { usePane } from './context';
import { usePanelStyles } from './styles';

/**
 * One link per template sheet the workbook holds: the pane takes the official to the sheet (its
 * first cell) through the same operation as "Đi tới ô".
 */
export function SheetLinks({ present }: { present: readonly TemplateInWorkbook[] }) {
  const { ops, t, busy, run } = usePane();
  const panel = usePanelStyles();
  const labelId = useId();
  if (present.length === 0) return null;
  return (
    <nav aria-labelledby={labelId} data-testid="sheet-links">
      <Caption1 id={labelId} className={panel.muted}>
        {t.lists.sheetsHeading}
      </Caption1>
      <ul className={panel.list}>
        {present.map((p) => (
          <li key={p.sheet}>
            <Button
              size="small"
              appearance="subtle"
              className={panel.linkButton}
              disabledFocusable={busy}
              aria-label={t.lists.goToSheet(p.sheet)}
              onClick={() => void run('goTo', () => ops.goToCell(p.sheet, 'A1'))}
            >
              {p.sheet}
            </Button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
