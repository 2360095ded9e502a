import { Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { usePanelStyles } from './styles';

/** One panel of the pane: a region named by its heading, so screen readers list it by name. */
export function PanelSection({
  headingId,
  title,
  children,
}: {
  headingId: string;
  title: ReactNode;
  children: ReactNode;
}) {
  const panel = usePanelStyles();
  return (
    <section className={panel.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={panel.heading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}
