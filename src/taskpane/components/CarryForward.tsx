/**
 * "Lấy điểm năm trước": this year's previous-year column from last year's self-scored PAR sheet.
 * First press: the preview (nothing written) — the cells that would change, the cells an official
 * typed that stay, the criteria that no longer match by number. Second press: the write, of what
 * the official saw and still stands. Offered only by a host that has the operation.
 */
import { Button, Caption1, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { CarryForwardPlan } from '../../engine/parYears';
import { usePane } from './context';
import { usePanelStyles } from './styles';

export function CarryForward({ previousYear }: { previousYear: number }) {
  const { ops, t, busy, run, num, workbookChanged } = usePane();
  const panel = usePanelStyles();
  const [plan, setPlan] = useState<CarryForwardPlan | null | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  if (!ops.previewCarryForward || !ops.applyCarryForward) return null;
  const preview = ops.previewCarryForward.bind(ops);
  const apply = ops.applyCarryForward.bind(ops);

  const look = async () => {
    setDone(null);
    const result = await run('carryForward', () => preview());
    if (result) setPlan(result.value);
  };
  const write = async (p: CarryForwardPlan) => {
    const result = await run('carryForward', () => apply(p));
    if (!result) return;
    setPlan(undefined);
    setDone(t.carryForwardDone(num(result.value.written), num(result.value.skipped)));
    workbookChanged();
  };

  return (
    <div data-testid="carry-forward">
      <Button disabledFocusable={busy} onClick={look}>
        {t.carryForwardButton(previousYear)}
      </Button>
      {plan === null && <Caption1 block>{t.carryForwardNone}</Caption1>}
      {done && <Caption1 block>{done}</Caption1>}
      {plan && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <Text block size={200}>
              {t.carryForwardPreview(num(plan.changes.length), plan.sheet, plan.previousSheet)}
            </Text>
            <ul className={panel.list}>
              {plan.changes.map((c) => (
                <li key={c.cell}>
                  <Caption1>
                    {t.carryForwardChange(c.key, typeof c.from === 'number' ? num(c.from) : c.from, num(c.to))}
                  </Caption1>
                </li>
              ))}
              {plan.kept.map((k) => (
                <li key={k.cell}>
                  <Caption1>
                    {t.carryForwardKept(k.key, typeof k.typed === 'number' ? num(k.typed) : k.typed, num(k.lastYear))}
                  </Caption1>
                </li>
              ))}
            </ul>
            {(plan.newKeys.length > 0 || plan.droppedKeys.length > 0) && (
              <Caption1 block>{t.carryForwardKeys(plan.newKeys.join(', '), plan.droppedKeys.join(', '))}</Caption1>
            )}
            {plan.changes.length > 0 && (
              <Button appearance="primary" disabledFocusable={busy} onClick={() => void write(plan)}>
                {t.carryForwardConfirm}
              </Button>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
