/**
 * The order an official works through a check's findings: errors first, then warnings, then the
 * notes, gathered by kind so that 26 empty outline headings read as one line that opens. Pure: no
 * React, no Office.
 */
import type { Finding, Severity } from '../engine/types';

/** Which severity the counts bar narrows the list to; null shows all. */
export type FindingFilter = Severity | null;

export interface NoteKind {
  code: string;
  findings: Finding[];
}

export interface OrderedFindings {
  errors: Finding[];
  warnings: Finding[];
  /** Notes by kind (finding code), kinds in the order they first appear. */
  notes: NoteKind[];
}

export function orderFindings(findings: readonly Finding[], filter: FindingFilter = null): OrderedFindings {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const notes = new Map<string, Finding[]>();
  for (const f of findings) {
    if (filter !== null && f.severity !== filter) continue;
    if (f.severity === 'error') errors.push(f);
    else if (f.severity === 'warning') warnings.push(f);
    else {
      const list = notes.get(f.code);
      if (list) list.push(f);
      else notes.set(f.code, [f]);
    }
  }
  return { errors, warnings, notes: [...notes].map(([code, list]) => ({ code, findings: list })) };
}

/** The findings in the order the list shows them (what focus moves through after a fix). */
export function flatOrder(ordered: OrderedFindings): Finding[] {
  return [...ordered.errors, ...ordered.warnings, ...ordered.notes.flatMap((k) => k.findings)];
}

/** A finding's identity in the list (one cell can have several findings). */
export function findingKey(f: Finding): string {
  return `${f.sheet}!${f.cell}:${f.code}:${f.column ?? ''}`;
}
