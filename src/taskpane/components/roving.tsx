/**
 * Keyboard navigation for the pane's tabs and findings list: one Tab stop per group, arrow keys
 * inside (the WAI-ARIA "roving tabindex" pattern). Written here rather than taken from Fluent's
 * TabList and useArrowNavigationGroup because those bring tabster (about 40 KB gzip) into the
 * pane's start-up JavaScript, which has a 165 KiB budget.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

const NEXT = new Set(['ArrowDown', 'ArrowRight']);
const PREVIOUS = new Set(['ArrowUp', 'ArrowLeft']);

function items(container: HTMLElement | null, selector: string): HTMLElement[] {
  if (!container) return [];
  return Array.from(container.querySelectorAll<HTMLElement>(selector)).filter(
    (el) => !el.hasAttribute('disabled') && el.closest('[hidden]') === null,
  );
}

/**
 * Makes the elements matching `selector` inside `ref` one Tab stop: the current one (the last
 * focused, else `preferred`, else the first) has tabIndex 0, the others -1; arrows, Home and End
 * move the focus. Returns the container's key and focus handlers.
 */
export function useRovingFocus(
  ref: RefObject<HTMLElement>,
  selector: string,
  options: { preferred?: () => HTMLElement | null; onMove?: (el: HTMLElement) => void } = {},
) {
  const current = useRef<HTMLElement | null>(null);
  // After every render: the list may have changed (a finding fixed, a view switched).
  useLayoutEffect(() => {
    const all = items(ref.current, selector);
    let active = current.current && all.includes(current.current) ? current.current : null;
    active ??= options.preferred?.() ?? all[0] ?? null;
    for (const el of all) el.tabIndex = el === active ? 0 : -1;
  });
  const onFocus = (e: { target: EventTarget }) => {
    const all = items(ref.current, selector);
    const el = e.target as HTMLElement;
    if (!all.includes(el)) return;
    current.current = el;
    for (const other of all) other.tabIndex = other === el ? 0 : -1;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const all = items(ref.current, selector);
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (at < 0 || all.length === 0) return;
    let next = -1;
    if (NEXT.has(e.key)) next = (at + 1) % all.length;
    else if (PREVIOUS.has(e.key)) next = (at - 1 + all.length) % all.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = all.length - 1;
    if (next < 0) return;
    e.preventDefault();
    all[next].focus();
    options.onMove?.(all[next]);
  };
  return { onKeyDown, onFocus };
}

const useTabStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  tab: {
    border: 'none',
    background: 'none',
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
});

export interface ViewTabsProps<T extends string> {
  ids: readonly T[];
  selected: T;
  label: string;
  labelOf(id: T): ReactNode;
  onSelect(id: T): void;
  /** Prefix of the tabs' and panels' ids (tab: `${idPrefix}-tab-${id}`, panel: `${idPrefix}-view-${id}`). */
  idPrefix: string;
  className?: string;
}

/** A tablist whose arrow keys select as they move (as Fluent's TabList does). */
export function ViewTabs<T extends string>({
  ids,
  selected,
  label,
  labelOf,
  onSelect,
  idPrefix,
  className,
}: ViewTabsProps<T>) {
  const styles = useTabStyles();
  const ref = useRef<HTMLDivElement>(null);
  const roving = useRovingFocus(ref, '[role="tab"]', {
    preferred: () => ref.current?.querySelector<HTMLElement>('[aria-selected="true"]') ?? null,
    onMove: (el) => onSelect(el.dataset.view as T),
  });
  return (
    <div ref={ref} role="tablist" aria-label={label} className={mergeClasses(styles.list, className)} {...roving}>
      {ids.map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${id}`}
          aria-controls={`${idPrefix}-view-${id}`}
          aria-selected={id === selected}
          data-view={id}
          className={mergeClasses(styles.tab, id === selected && styles.selected)}
          onClick={() => onSelect(id)}
        >
          {labelOf(id)}
        </button>
      ))}
    </div>
  );
}
