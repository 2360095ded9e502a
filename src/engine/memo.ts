/**
 * Bounded caches of problems (message and fix), shared between the findings that report them.
 * Bad values and PAR situations repeat across a workbook's copies (#REF! after a deleted sheet,
 * "đạt", the 2020 rounding of 6.1 on every PAR sheet), and building a bilingual message costs
 * microseconds and most of a finding's memory. A shared problem is frozen, so that no consumer can
 * change one finding through another.
 */
import { STYLE_COUNT } from './format';
import type { InputProblem } from './parse';

const LIMIT = 4096;

export class ProblemCache<K = string> {
  private readonly map = new Map<K, InputProblem | null>();

  /** The cached problem for `key`, or `build()`'s, frozen and remembered. */
  get(key: K, build: () => InputProblem | null): InputProblem | null {
    const hit = this.map.get(key);
    return hit !== undefined ? hit : this.put(key, build());
  }

  /** The cached problem (null: the value is fine), or undefined when `key` was not seen. */
  peek(key: K): InputProblem | null | undefined {
    return this.map.get(key);
  }

  /** Remembers `p` (frozen) for `key` and returns it. */
  put(key: K, p: InputProblem | null): InputProblem | null {
    if (p !== null) freeze(p);
    // Dropping everything when full keeps the bound without bookkeeping; a workbook's repeated
    // values come back into the cache within a few sheets.
    if (this.map.size >= LIMIT) this.map.clear();
    this.map.set(key, p);
    return p;
  }
}

const byField = new Map<string, readonly ProblemCache<unknown>[]>();

/**
 * The caches of one kind of field (kind and maximum), keyed by the cell's value itself (no key to
 * build): one per number style, indexed by NumberStyle.id, since a message writes its numbers in
 * the style it was built for.
 */
export function fieldCaches(kind: string, max: number | undefined): readonly ProblemCache<unknown>[] {
  const id = `${kind}|${max ?? ''}`;
  let caches = byField.get(id);
  if (!caches) byField.set(id, (caches = Array.from({ length: STYLE_COUNT }, () => new ProblemCache<unknown>())));
  return caches;
}

function freeze(p: InputProblem): void {
  Object.freeze(p.message);
  if (p.fix) {
    Object.freeze(p.fix.description);
    Object.freeze(p.fix);
  }
  if (p.suggestion) {
    Object.freeze(p.suggestion.description);
    Object.freeze(p.suggestion);
  }
  Object.freeze(p);
}
