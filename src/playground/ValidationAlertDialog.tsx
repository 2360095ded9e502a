/**
 * Excel's data-validation alert as the playground grid shows it for a refused or doubtful typed
 * entry (Stop, Warning or Information, with Excel's buttons), or the lone-OK dialog for a
 * malformed formula. Its own component because the dialog's look and buttons are independent of
 * the grid that opens it.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { ValidationVerdict } from '../memoryExcel';
import type { Move } from './cellEditing';
import type { PlaygroundStrings } from './strings';

const useStyles = makeStyles({
  overlay: {
    position: 'absolute',
    inset: 0,
    zIndex: 10,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: 'rgba(0,0,0,0.15)',
  },
  dialog: {
    maxWidth: '420px',
    backgroundColor: '#ffffff',
    border: '1px solid #999',
    boxShadow: tokens.shadow28,
    fontFamily: tokens.fontFamilyBase,
    fontSize: '13px',
  },
  dialogTitle: {
    margin: 0,
    padding: '8px 12px',
    fontSize: '13px',
    fontWeight: 'normal',
    borderBottom: '1px solid #ddd',
  },
  dialogBody: { padding: '12px 16px', display: 'flex', columnGap: '12px', alignItems: 'flex-start' },
  dialogIcon: {
    flexShrink: 0,
    width: '28px',
    height: '28px',
    borderRadius: '50%',
    color: '#ffffff',
    fontWeight: 'bold',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
  },
  iconStop: { backgroundColor: '#c42b1c' },
  iconWarning: { backgroundColor: '#e8a317' },
  iconInformation: { backgroundColor: '#0f6cbd' },
  dialogButtons: { display: 'flex', justifyContent: 'flex-end', columnGap: '8px', padding: '0 16px 12px' },
  dialogButton: { minWidth: '72px', padding: '4px 10px', fontFamily: tokens.fontFamilyBase, fontSize: '13px' },
});

/** A typed entry waiting on the alert: where it goes, what was typed, where the selection moves after. */
export interface Alert {
  address: string;
  text: string;
  move: Move;
  /** null: the entry was refused without a validation alert (a malformed formula). */
  alert: ValidationVerdict['alert'];
}

export type AlertAction = 'retry' | 'accept' | 'cancel';

/**
 * The buttons of Excel's data-validation alert by style, first one focused. A formula error (no
 * alert) shows a lone OK: its 'retry' label is swapped for OK where the buttons are drawn.
 */
function alertButtons(style: string | undefined): [AlertAction, 'retry' | 'ok' | 'yes' | 'no' | 'cancel'][] {
  if (style === 'Warning')
    return [
      ['accept', 'yes'],
      ['retry', 'no'],
      ['cancel', 'cancel'],
    ];
  if (style === 'Information')
    return [
      ['accept', 'ok'],
      ['cancel', 'cancel'],
    ];
  return style === undefined
    ? [['retry', 'retry']]
    : [
        ['retry', 'retry'],
        ['cancel', 'cancel'],
      ];
}

export interface ValidationAlertDialogProps {
  alert: Alert;
  strings: PlaygroundStrings;
  /** Closes the dialog: 'retry' edits the entry again, 'accept' writes it, 'cancel' drops it. */
  onClose(then: AlertAction): void;
}

export function ValidationAlertDialog({ alert, strings, onClose }: ValidationAlertDialogProps) {
  const styles = useStyles();
  const firstButtonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    firstButtonRef.current?.focus();
  }, [alert]);

  return (
    <div className={styles.overlay}>
      <div
        className={styles.dialog}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="pg-alert-title"
        aria-describedby="pg-alert-message"
      >
        <h2 id="pg-alert-title" className={styles.dialogTitle}>
          {alert.alert?.title || strings.defaultAlertTitle}
        </h2>
        <div className={styles.dialogBody}>
          <span
            aria-hidden="true"
            className={mergeClasses(
              styles.dialogIcon,
              alert.alert?.style === 'Warning'
                ? styles.iconWarning
                : alert.alert?.style === 'Information'
                  ? styles.iconInformation
                  : styles.iconStop,
            )}
          >
            {alert.alert?.style === 'Information' ? 'i' : alert.alert?.style === 'Warning' ? '!' : '×'}
          </span>
          <div id="pg-alert-message">
            {alert.alert ? alert.alert.message || strings.defaultAlertMessage : strings.badFormula}
            {alert.alert?.style === 'Warning' && <div>{strings.continueQuestion}</div>}
          </div>
        </div>
        <div className={styles.dialogButtons}>
          {alertButtons(alert.alert?.style).map(([then, label], i) => (
            <button
              key={then}
              ref={i === 0 ? firstButtonRef : undefined}
              type="button"
              className={styles.dialogButton}
              onClick={() => onClose(then)}
            >
              {label === 'retry' && !alert.alert ? strings.ok : strings[label]}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
