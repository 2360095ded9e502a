/**
 * The two drafts of the report. The working draft keeps the outline's guidance, the figures to cite,
 * Section VIII's suggestions and the workbook's errors, each marked "[Gợi ý]", "[Số liệu]" or
 * "[BẢN LÀM VIỆC]"; the clean draft has none of them and reads as the document to send, each heading
 * the unit has not written yet holding a short placeholder to replace.
 */
export type DraftKind = 'working' | 'clean';

export interface Draft {
  kind: DraftKind;
  /** Whether guidance, figures to cite, suggestions and errors are printed. */
  hints: boolean;
}

export const DRAFTS: Record<DraftKind, Draft> = {
  working: { kind: 'working', hints: true },
  clean: { kind: 'clean', hints: false },
};

export function isDraftKind(v: string): v is DraftKind {
  return v === 'working' || v === 'clean';
}
