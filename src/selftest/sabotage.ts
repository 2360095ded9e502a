/**
 * A deliberately broken adapter, for proving that the scenarios can fail: the named methods of
 * the adapter are replaced by stand-ins that touch nothing and report nothing, as a regression
 * that turned an operation into a no-op would. Only the end-to-end test asks for it
 * (`?break=<scenario>`); a result produced with it says so (`broken` in the JSON).
 */
import { TEMPLATE_VERSION } from '../catalog';
import type { AddinOperations, InjectReport, ValidationReport } from '../contracts/operations';

export type OperationName =
  | 'inspect'
  | 'inject'
  | 'validate'
  | 'applyFixes'
  | 'applySuggestion'
  | 'subtotals'
  | 'highlightBelowTarget'
  | 'removeMarks'
  | 'goToCell'
  | 'startLiveValidation';

const emptyInject = (): InjectReport => ({
  created: [],
  refreshed: [],
  upgraded: [],
  valuesKept: 0,
  unplaced: [],
  unplacedSheet: null,
  renamed: [],
  syncs: 0,
  notes: [],
});

const emptyValidation = (): ValidationReport => ({
  findings: [],
  counts: { error: 0, warning: 0, info: 0 },
  cellsChecked: 0,
  cellsFilled: 0,
  syncs: 0,
  notes: [],
});

const STAND_INS: { [K in OperationName]: AddinOperations[K] } = {
  inspect: async () => ({ currentVersion: TEMPLATE_VERSION, workbookVersion: null, present: [], plan: [] }),
  inject: async () => emptyInject(),
  validate: async () => emptyValidation(),
  applyFixes: async () => ({ applied: 0, skipped: [], syncs: 0 }),
  applySuggestion: async () => ({ applied: 0, skipped: [], syncs: 0 }),
  subtotals: async () => ({ overwritten: [], restored: 0, totalsFilled: [], par: null, syncs: 0 }),
  highlightBelowTarget: async () => null,
  removeMarks: async () => undefined,
  goToCell: async () => undefined,
  // Starts nothing: no first report, no later ones.
  startLiveValidation: async () => async () => undefined,
};

/** `ops` with `broken` methods replaced by do-nothing stand-ins (the others still the real ones). */
export function sabotage(ops: AddinOperations, broken: readonly OperationName[]): AddinOperations {
  const replaced = new Set<string | symbol>(broken);
  return new Proxy(ops, {
    get(target, key, receiver) {
      if (replaced.has(key)) return STAND_INS[key as OperationName];
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
