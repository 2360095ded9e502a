import {
  Button,
  Caption1,
  ProgressBar,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { memo, useCallback, useId, useRef, useState } from 'react';
import type { ConsolidationWriteReport } from '../../contracts/operations';
import type { Consolidation, ParChoice, ParClaim, ParConflict, SourceFile } from '../../consolidate/types';
import { findingPlace, SEVERITY_NAMES } from '../../engine/findingPlace';
import { FILE_FILTERS, fileCounts, listedFiles, matches, type FileFilter, type ListedFile } from '../consolidateList';
import { consolidateEn, consolidateVi, type ConsolidateMessages } from '../i18n/consolidate';
import { usePane } from './context';
import { PanelSection } from './PanelSection';
import { usePanelStyles } from './styles';

/**
 * "Tổng hợp": Sở Nội vụ picks the units' returned workbooks; the pane reads them one at a time
 * (the reader, the core and ExcelJS are fetched on first use, outside the start-up budget), lists
 * each file with its unit, version, findings and completeness, then writes the consolidation into
 * the open workbook through the adapter. Cancelling stops between files, before anything is written.
 */
const loadConsolidation = () => import(/* webpackChunkName: "consolidate" */ '../../consolidate/pane');
/** The .xlsx writer (ExcelJS), fetched only when a consolidation opens in a workbook of its own. */
const loadWriter = () => import(/* webpackChunkName: "xlsx-write" */ '../../xlsxWrite/writeConsolidation');

/** Bytes as base64 (Excel.createWorkbook's argument), in chunks so a large file does not overflow the stack. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The panel's strings travel with the panel's chunk, not with the pane's start-up messages. */
function useStrings(): ConsolidateMessages {
  return usePane().lang === 'vi' ? consolidateVi : consolidateEn;
}

const useStyles = makeStyles({
  input: { display: 'none' },
  file: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    // Hundreds of files: the rows out of view are neither laid out nor painted while the list
    // grows during reading (each batch of files read used to lay out the whole list again).
    contentVisibility: 'auto',
    containIntrinsicSize: 'auto 72px',
  },
  name: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  /** Fluent's Text size 200 and 100, for the rows of the file list. */
  small: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  tiny: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  refused: { color: tokens.colorPaletteRedForeground1 },
  findings: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface Reading {
  done: number;
  total: number;
  file: string;
}

function Findings({ source }: { source: SourceFile }) {
  const { lang, num } = usePane();
  const c = useStrings();
  const styles = useStyles();
  const findings = (source.findings ?? []).filter((f) => f.severity !== 'info');
  if (findings.length === 0) return null;
  const bySheet = new Map<string, typeof findings>();
  for (const f of findings) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f]);
  return (
    <details>
      <summary>{c.showFindings(num(findings.length))}</summary>
      {[...bySheet].map(([sheet, list]) => (
        <div key={sheet}>
          <Text size={200}>{c.sheet(sheet)}</Text>
          <ul className={styles.findings}>
            {list.map((f, i) => {
              // The wording of `cchc check`: [Lỗi] F9 — I.2 Tổng số…, năm 2019: message.
              return (
                <li key={i}>
                  <Text size={200}>
                    [{SEVERITY_NAMES[f.severity][lang]}] {findingPlace(f, lang)}: {f.message[lang]}
                  </Text>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </details>
  );
}

/**
 * One file of the list. Memoised on what it shows (its name, its record, its state): while files
 * are read the list grows and only the rows whose state changed render again, not every row per
 * batch (a file's record is not changed once it was added).
 */
const FileRow = memo(function FileRow({ file, source, state }: ListedFile) {
  const { num } = usePane();
  const c = useStrings();
  const styles = useStyles();
  const stateText =
    state === 'waiting' || state === 'skipped' || state === 'reading' || state === 'read' || state === 'duplicate'
      ? c.state[state]
      : c.status[state];
  const bad = state === 'unreadable' || state === 'refused' || state === 'duplicate';
  const filled = source ? source.sheets.reduce((n, s) => n + s.used + s.leftOut, 0) : 0;
  // Plain spans, not Fluent's Text: a list of hundreds of files holds each row's components for
  // as long as the pane shows it (a Text is several components and style hooks of its own).
  const small = styles.small;
  return (
    <li className={styles.file} data-file={file} data-state={state}>
      <span className={styles.name}>{file}</span>
      {source && <span className={small}>{c.unit(source.unit)}</span>}
      {source?.version && <span className={small}>{c.version(source.version)}</span>}
      <span className={bad ? mergeClasses(small, styles.refused) : small} data-status={state}>
        {stateText}
        {source?.message ? `: ${source.message}` : ''}
      </span>
      {source?.details && (
        <span className={styles.tiny} data-details>
          {c.details(source.details)}
        </span>
      )}
      {source?.counts && (
        <span className={small}>{c.counts(num(source.counts.error), num(source.counts.warning))}</span>
      )}
      {/* Cells are counted as used only once the totals are made. */}
      {state === 'used' && source?.inputCells ? (
        <span className={small}>{c.completeness(num(filled), num(source.inputCells))}</span>
      ) : null}
      {source?.findings?.some((f) => f.severity !== 'info') && <Findings source={source} />}
    </li>
  );
});

/** The counts above the list (read, with errors, unreadable, same unit twice), each a filter. */
function FileSummary({
  files,
  filter,
  onFilter,
}: {
  files: readonly ListedFile[];
  filter: FileFilter | null;
  onFilter(filter: FileFilter | null): void;
}) {
  const { num } = usePane();
  const c = useStrings();
  const panel = usePanelStyles();
  const counts = fileCounts(files);
  return (
    <div role="group" aria-label={c.summaryLabel} className={panel.actions} data-testid="consolidate-summary">
      {FILE_FILTERS.map((f) => (
        <ToggleButton
          key={f}
          size="small"
          shape="circular"
          checked={filter === f}
          data-filter={f}
          onClick={() => onFilter(filter === f ? null : f)}
        >
          {c.summary[f](num(counts[f]))}
        </ToggleButton>
      ))}
    </div>
  );
}

/** One conflicting criterion: its claims (score, unit, file; the lead's marked), each with a button to take it. */
function ConflictItem({
  conflict,
  consolidation,
  disabled,
  onChoose,
}: {
  conflict: ParConflict;
  consolidation: Consolidation;
  disabled: boolean;
  onChoose: (claim: ParClaim) => void;
}) {
  const { num } = usePane();
  const c = useStrings();
  const styles = useStyles();
  return (
    <li data-conflict={conflict.rowKey}>
      <Text size={200}>{conflict.message}</Text>
      <ul className={styles.findings}>
        {conflict.claims.map((claim) => {
          const source = consolidation.sources[claim.source];
          const lead = conflict.lead !== null && source.unitId === conflict.lead;
          return (
            <li key={claim.source}>
              <Text size={200}>
                {c.claim(claim.score === null ? '' : num(claim.score, 2), source.unit, source.file, lead)}
              </Text>{' '}
              <Button size="small" disabled={disabled || !source.hash} onClick={() => onChoose(claim)}>
                {lead ? c.takeLead : c.takeThis}
              </Button>
            </li>
          );
        })}
      </ul>
    </li>
  );
}

/** The panel itself, fetched with its own chunk the first time the view is shown (ConsolidatePanel.tsx). */
export default function ConsolidateBody() {
  const { ops, lang, busy, run, num, showError, workbookChanged, decimalSeparator } = usePane();
  const panel = usePanelStyles();
  const styles = useStyles();
  const headingId = useId();
  const progressId = useId();
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  const [reading, setReading] = useState<Reading | null>(null);
  const [sources, setSources] = useState<SourceFile[]>([]);
  /** The picked files' names, listed from the start: each says what is true of it now. */
  const [picked, setPicked] = useState<string[]>([]);
  const [fileFilter, setFileFilter] = useState<FileFilter | null>(null);
  const [result, setResult] = useState<{
    consolidation: Consolidation;
    report: ConsolidationWriteReport | null;
  } | null>(null);
  const [cancelled, setCancelled] = useState(false);
  /** A consolidation the open workbook did not take (it holds a unit's figures…): offered as a new workbook. */
  const [refused, setRefused] = useState<Consolidation | null>(null);
  const [opened, setOpened] = useState(false);
  /**
   * The official's PAR choices in this session: kept across consolidations (each holds while its
   * file's bytes are unchanged, which the core checks), so consolidating again keeps them.
   */
  const choices = useRef<ParChoice[]>([]);

  const consolidate = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      const controller = new AbortController();
      abort.current = controller;
      setSources([]);
      setPicked(files.map((f) => f.name));
      setFileFilter(null);
      setResult(null);
      setCancelled(false);
      setRefused(null);
      setOpened(false);
      setReading({ done: 0, total: files.length, file: files[0].name });
      try {
        const { readAndConsolidate, toWrite, Cancelled } = await loadConsolidation();
        let consolidation: Consolidation;
        try {
          // The files' findings and the reasons cells were left out write numbers as this Excel does.
          consolidation = await readAndConsolidate(files, lang, {
            decimalSeparator,
            choices: choices.current,
            signal: controller.signal,
            onFile: (done, source) => {
              setSources((list) => [...list, source]);
              setReading({ done, total: files.length, file: files[Math.min(done, files.length - 1)].name });
            },
          });
        } catch (e) {
          if (e instanceof Cancelled) {
            setCancelled(true);
            return;
          }
          throw e;
        }
        setReading(null);
        setSources([...consolidation.sources]);
        if (consolidation.templates.length === 0 && !consolidation.par) {
          setResult({ consolidation, report: null });
          return;
        }
        const written = await run('consolidate', async (onProgress) =>
          ops.writeConsolidation(await toWrite(consolidation, lang, 'add-in CCHC'), onProgress),
        );
        if (written) {
          setResult({ consolidation, report: written.value });
          workbookChanged();
        } else setRefused(consolidation);
      } catch (e) {
        showError(e);
      } finally {
        abort.current = null;
        setReading(null);
      }
    },
    [lang, ops, run, showError, workbookChanged, decimalSeparator],
  );

  const openNewWorkbook = async (consolidation: Consolidation) => {
    const done = await run('consolidate', async () => {
      const { consolidatedWorkbook } = await loadWriter();
      await ops.openWorkbook(toBase64(await consolidatedWorkbook(consolidation, lang)));
    });
    if (done) setOpened(true);
  };

  /** Takes one claim of a conflict: the merge is made again (no file read) and written as the consolidation was. */
  const choose = async (claim: ParClaim) => {
    const current = result?.consolidation ?? refused;
    const source = current?.sources[claim.source];
    if (!current || !source?.hash) return;
    const choice: ParChoice = {
      rowKey: claim.rowKey,
      hash: source.hash,
      unit: source.unit,
      at: new Date().toISOString(),
    };
    choices.current = [...choices.current.filter((x) => x.rowKey !== claim.rowKey), choice];
    try {
      const { applyParChoices, toWrite } = await loadConsolidation();
      const next = applyParChoices(current, choices.current, lang);
      if (!result) {
        // Not written into the open workbook: the new workbook, when opened, holds the choice.
        setRefused(next);
        setOpened(false);
        return;
      }
      if (!result.report) {
        setResult({ consolidation: next, report: null });
        return;
      }
      const written = await run('consolidate', async (onProgress) =>
        ops.writeConsolidation(await toWrite(next, lang, 'add-in CCHC'), onProgress),
      );
      if (written) {
        setResult({ consolidation: next, report: written.value });
        workbookChanged();
      } else {
        setResult(null);
        setRefused(next);
      }
    } catch (e) {
      showError(e);
    }
  };

  const c = useStrings();
  const report = result?.report;
  const shown = result?.consolidation ?? refused;
  const par = shown?.par;
  const chosen = par?.merged.filter((m) => m.chosen) ?? [];
  const listed = listedFiles(picked, sources, reading !== null, shown !== null);
  return (
    <PanelSection headingId={headingId} title={c.heading}>
      <Caption1 className={panel.muted}>{c.intro}</Caption1>
      <input
        ref={input}
        className={styles.input}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={c.pickLabel}
        data-testid="consolidate-files"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          void consolidate(files);
        }}
      />
      <div className={panel.actions}>
        <Button appearance="primary" disabled={busy || reading !== null} onClick={() => input.current?.click()}>
          {c.pick}
        </Button>
        {reading && <Button onClick={() => abort.current?.abort()}>{c.cancel}</Button>}
      </div>
      <Caption1 className={panel.muted}>{c.limits}</Caption1>
      {reading && (
        <>
          <Text id={progressId} size={200}>
            {c.reading(num(Math.min(reading.done + 1, reading.total)), num(reading.total), reading.file)}
          </Text>
          <ProgressBar aria-labelledby={progressId} value={reading.done / reading.total} />
        </>
      )}
      {listed.length > 0 && <FileSummary files={listed} filter={fileFilter} onFilter={setFileFilter} />}
      {cancelled && <Text role="status">{c.cancelled}</Text>}
      {refused && (
        <div className={panel.actions} data-testid="consolidate-new-workbook">
          <Text size={200}>{c.newWorkbookOffer}</Text>
          <Button appearance="primary" disabled={busy} onClick={() => void openNewWorkbook(refused)}>
            {c.openNewWorkbook}
          </Button>
        </div>
      )}
      {opened && <Text role="status">{c.newWorkbookOpened}</Text>}
      {result && !report && <Text role="status">{c.nothingToWrite}</Text>}
      {report && (
        <Text role="status" data-testid="consolidate-written">
          {c.written(
            [...report.created, ...report.refreshed].map((sheet) => `“${sheet}”`).join(', '),
            num(result?.consolidation.sources.filter((x) => x.status === 'used').length ?? 0),
            report.sourcesSheet,
          )}
        </Text>
      )}
      {result && result.consolidation.leftOut.length > 0 && (
        <Text size={200}>{c.leftOut(num(result.consolidation.leftOut.length))}</Text>
      )}
      {par && (
        <>
          <Text weight="semibold">{c.parHeading}</Text>
          <Text size={200}>{c.parMerged(num(par.merged.length))}</Text>
          {par.conflicts.length > 0 && (
            <>
              <Text size={200}>{c.conflicts(num(par.conflicts.length))}</Text>
              <ul className={styles.findings}>
                {par.conflicts.map((x) => (
                  <ConflictItem
                    key={x.rowKey}
                    conflict={x}
                    consolidation={shown}
                    disabled={busy || reading !== null}
                    onChoose={(claim) => void choose(claim)}
                  />
                ))}
              </ul>
            </>
          )}
          {chosen.length > 0 && (
            <>
              <Text size={200}>{c.chosenHeading}</Text>
              <ul className={styles.findings} data-testid="consolidate-chosen">
                {chosen.map((m) => (
                  <li key={m.rowKey}>
                    <Text size={200}>
                      {c.chosen(m.rowKey, m.score === null ? '' : num(m.score, 2), shown.sources[m.source].unit)}
                    </Text>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {listed.length > 0 && (
        <>
          <Text weight="semibold">{c.filesHeading}</Text>
          <ul className={panel.list} aria-label={c.filesHeading}>
            {listed
              .filter((l) => fileFilter === null || matches(l, fileFilter))
              .map((l, i) => (
                <FileRow key={`${i}-${l.file}`} file={l.file} source={l.source} state={l.state} />
              ))}
          </ul>
          {fileFilter !== null && !listed.some((l) => matches(l, fileFilter)) && <Text size={200}>{c.noneMatch}</Text>}
        </>
      )}
    </PanelSection>
  );
}
