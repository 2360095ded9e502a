/**
 * Excel.Application: the calculation mode (see calc.ts for what Manual mode means to the values
 * the API reads).
 */
import { CALCULATION_MODES, type CalculationMode } from './calc';
import { ClientObject, type TypeDef } from './client';
import type { MemoryContext } from './requestContext';
import { invalidArgument } from './errors';
import type { WorkbookModel } from './workbookModel';

export const APPLICATION_DEF: TypeDef<WorkbookModel> = {
  name: 'Application',
  props: {
    // Typings: "[Api set: ExcelApi 1.1 for get, 1.8 for set]"; "a runtime property … not
    // persisted in the workbook".
    calculationMode: {
      get: (m) => m.engine.mode,
      set: (m, v, o) => {
        // Guess: the 1.8 gate for writing is checked when the write runs (the read is 1.1).
        o.requireMember('calculationMode (set)', '1.8');
        if (!CALCULATION_MODES.includes(v as CalculationMode)) throw invalidArgument('Application.calculationMode');
        m.engine.mode = v as CalculationMode;
      },
    },
  },
  methods: {},
};

export class Application extends ClientObject<WorkbookModel> {
  constructor(ctx: MemoryContext, resolver: () => WorkbookModel | null) {
    super(ctx, APPLICATION_DEF, resolver);
  }
}
