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
  navs: {
    // Typings: "Provides information based on current system culture settings. This includes the
    // culture names, number formatting, and other culturally dependent settings." [1.11]
    cultureInfo: {
      req: '1.11',
      make: (p) => new CultureInfo(p.ctx, () => p.resolveMaybeNull() as WorkbookModel | null),
    },
  },
  methods: {},
};

// Typings, Application: decimalSeparator "Gets the string used as the decimal separator for
// numeric values. This is based on the local Excel settings." [1.11]; useSystemSeparators
// "Specifies if the system separators of Excel are enabled." [1.11]. The imitation's person has
// one separator (session.ts decimalSeparator) and uses the system's.
APPLICATION_DEF.props.decimalSeparator = { req: '1.11', get: (_m, o) => o.host.decimalSeparator };
APPLICATION_DEF.props.useSystemSeparators = { req: '1.11', get: () => true };

/** Excel.CultureInfo [1.11]: the name of the culture and its number formatting. */
const CULTURE_INFO_DEF: TypeDef<WorkbookModel> = {
  name: 'CultureInfo',
  props: {
    // Typings: "Gets the culture name in the format languagecode2-country/regioncode2 (e.g.,
    // 'zh-cn' or 'en-us'). This is based on current system settings." Guess: the culture that
    // writes the person's separator.
    name: { get: (_m, o) => (o.host.decimalSeparator === ',' ? 'vi-VN' : 'en-US') },
  },
  navs: {
    numberFormat: { make: (p) => new NumberFormatInfo(p.ctx, () => p.resolveMaybeNull() as WorkbookModel | null) },
  },
  methods: {},
};

/** Excel.NumberFormatInfo [1.11]: "the culturally appropriate format of displaying numbers". */
const NUMBER_FORMAT_INFO_DEF: TypeDef<WorkbookModel> = {
  name: 'NumberFormatInfo',
  props: {
    numberDecimalSeparator: { get: (_m, o) => o.host.decimalSeparator },
  },
  methods: {},
};

class CultureInfo extends ClientObject<WorkbookModel> {
  constructor(ctx: MemoryContext, resolver: () => WorkbookModel | null) {
    super(ctx, CULTURE_INFO_DEF, resolver);
  }
}

class NumberFormatInfo extends ClientObject<WorkbookModel> {
  constructor(ctx: MemoryContext, resolver: () => WorkbookModel | null) {
    super(ctx, NUMBER_FORMAT_INFO_DEF, resolver);
  }
}

export class Application extends ClientObject<WorkbookModel> {
  constructor(ctx: MemoryContext, resolver: () => WorkbookModel | null) {
    super(ctx, APPLICATION_DEF, resolver);
  }
}
