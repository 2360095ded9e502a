/** Excel.RangeFormat and its parts (fill, font, borders, protection). */
import { rowsOf } from './address';
import { ClientObject, type PropDef, type TypeDef } from './client';
import type { MemoryContext } from './requestContext';
import { invalidArgument } from './errors';
import { applyStyle, styleAt, uniform, type RangeModel } from './rangeOps';
import {
  BORDER_LINE_STYLES,
  BORDER_WEIGHTS,
  DEFAULT_BORDER,
  DEFAULT_STYLE,
  H_ALIGN,
  normalizeColor,
  STANDARD_HEIGHT,
  STANDARD_WIDTH,
  V_ALIGN,
  type BorderSide,
  type BorderStyle,
  type CellStyle,
} from './styles';

type Resolver = () => RangeModel | null;

type StyleKey = keyof typeof DEFAULT_STYLE;

/** A style property read uniformly over the range and written to every cell. */
function styleProp(
  key: StyleKey,
  _location: string,
  validate: (v: unknown) => unknown,
  req?: string,
): PropDef<RangeModel> {
  return {
    req,
    get: (m) => uniform(m, (s, r, c) => styleAt(s, r, c)?.[key] ?? DEFAULT_STYLE[key]),
    set: (m, v) => {
      const value = validate(v);
      applyStyle(m, {
        [key]: value === DEFAULT_STYLE[key] && key !== 'fill' ? undefined : value,
      } as Partial<CellStyle>);
    },
  };
}

const bool = (location: string) => (v: unknown) => {
  if (typeof v !== 'boolean') throw invalidArgument(location);
  return v;
};
const oneOf = (location: string, allowed: string[]) => (v: unknown) => {
  if (typeof v !== 'string' || !allowed.includes(v)) throw invalidArgument(location, `one of ${allowed.join(', ')}`);
  return v;
};
const color = (location: string) => (v: unknown) => {
  const c = normalizeColor(v);
  if (!c) throw invalidArgument(location, 'a color is #RRGGBB or a color name');
  return c;
};

export const FILL_DEF: TypeDef<RangeModel> = {
  name: 'RangeFill',
  props: {
    color: {
      get: (m) => uniform(m, (s, r, c) => styleAt(s, r, c)?.fill ?? DEFAULT_STYLE.fill),
      set: (m, v) => {
        // Guess: '' removes the fill, as clear() does.
        if (v === '') applyStyle(m, { fill: undefined });
        else applyStyle(m, { fill: color('RangeFill.color')(v) as string });
      },
    },
  },
  methods: { clear: '' },
};

export class RangeFill extends ClientObject<RangeModel> {
  constructor(ctx: MemoryContext, resolver: Resolver) {
    super(ctx, FILL_DEF, resolver);
  }
  clear(): void {
    this.queue('clear', (m) => applyStyle(m, { fill: undefined }));
  }
}

export const FONT_DEF: TypeDef<RangeModel> = {
  name: 'RangeFont',
  props: {
    bold: styleProp('bold', 'RangeFont.bold', bool('RangeFont.bold')),
    italic: styleProp('italic', 'RangeFont.italic', bool('RangeFont.italic')),
    color: styleProp('fontColor', 'RangeFont.color', color('RangeFont.color')),
    name: styleProp('fontName', 'RangeFont.name', (v) => {
      if (typeof v !== 'string' || !v.trim()) throw invalidArgument('RangeFont.name');
      return v;
    }),
    size: styleProp('fontSize', 'RangeFont.size', (v) => {
      if (typeof v !== 'number' || !(v >= 1 && v <= 409)) throw invalidArgument('RangeFont.size');
      return v;
    }),
  },
  methods: {},
};

export class RangeFont extends ClientObject<RangeModel> {
  constructor(ctx: MemoryContext, resolver: Resolver) {
    super(ctx, FONT_DEF, resolver);
  }
}

const BORDER_INDEXES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
] as const;
type BorderIndex = (typeof BORDER_INDEXES)[number];

interface BorderModel {
  range: RangeModel;
  index: BorderIndex;
}

/** The cell sides a border index covers in a range. */
function sidesOf(b: BorderModel): { row: number; col: number; side: BorderSide }[] {
  const { rect } = b.range;
  const out: { row: number; col: number; side: BorderSide }[] = [];
  const cols = (f: (c: number) => void) => {
    for (let c = rect.left; c <= rect.right; c++) f(c);
  };
  const rows = (f: (r: number) => void) => {
    for (let r = rect.top; r <= rect.bottom; r++) f(r);
  };
  switch (b.index) {
    case 'EdgeTop':
      cols((c) => out.push({ row: rect.top, col: c, side: 'top' }));
      break;
    case 'EdgeBottom':
      cols((c) => out.push({ row: rect.bottom, col: c, side: 'bottom' }));
      break;
    case 'EdgeLeft':
      rows((r) => out.push({ row: r, col: rect.left, side: 'left' }));
      break;
    case 'EdgeRight':
      rows((r) => out.push({ row: r, col: rect.right, side: 'right' }));
      break;
    case 'InsideHorizontal':
      for (let r = rect.top; r < rect.bottom; r++) cols((c) => out.push({ row: r, col: c, side: 'bottom' }));
      break;
    case 'InsideVertical':
      rows((r) => {
        for (let c = rect.left; c < rect.right; c++) out.push({ row: r, col: c, side: 'right' });
      });
      break;
    default:
      break;
  }
  return out;
}

/** A side as stored, or as the neighbour's opposite side (Excel shares one edge between two cells). */
function borderAt(range: RangeModel, row: number, col: number, side: BorderSide): BorderStyle {
  const own = styleAt(range.sheet, row, col)?.[side];
  if (own) return own;
  const neighbour: Record<BorderSide, [number, number, BorderSide]> = {
    top: [row - 1, col, 'bottom'],
    bottom: [row + 1, col, 'top'],
    left: [row, col - 1, 'right'],
    right: [row, col + 1, 'left'],
  };
  const [r, c, s] = neighbour[side];
  if (r < 0 || c < 0) return DEFAULT_BORDER;
  return styleAt(range.sheet, r, c)?.[s] ?? DEFAULT_BORDER;
}

function borderProp(key: keyof BorderStyle, validate: (v: unknown) => string): PropDef<BorderModel> {
  return {
    get: (b) => {
      const sides = sidesOf(b);
      if (sides.length === 0) return key === 'style' ? 'None' : DEFAULT_BORDER[key];
      let value: string | null = null;
      for (let i = 0; i < sides.length; i++) {
        const v = borderAt(b.range, sides[i].row, sides[i].col, sides[i].side)[key];
        if (i === 0) value = v;
        else if (v !== value) return null;
      }
      return value;
    },
    set: (b, v) => {
      const value = validate(v);
      for (const { row, col, side } of sidesOf(b)) {
        const cell = b.range.sheet.ensure(row, col);
        const current = cell.style?.[side] ?? DEFAULT_BORDER;
        const next: BorderStyle = { ...current, [key]: value };
        // A style set without a weight gets Excel's default thin line.
        const patch: Partial<CellStyle> = { [side]: next.style === 'None' ? undefined : next };
        applyStyle({ sheet: b.range.sheet, rect: { top: row, left: col, bottom: row, right: col } }, patch);
      }
    },
  };
}

export const BORDER_DEF: TypeDef<BorderModel> = {
  name: 'RangeBorder',
  props: {
    style: borderProp('style', (v) => oneOf('RangeBorder.style', BORDER_LINE_STYLES)(v) as string),
    color: borderProp('color', (v) => color('RangeBorder.color')(v) as string),
    weight: borderProp('weight', (v) => oneOf('RangeBorder.weight', BORDER_WEIGHTS)(v) as string),
  },
  methods: {},
};

export class RangeBorder extends ClientObject<BorderModel> {
  constructor(ctx: MemoryContext, resolver: () => BorderModel | null) {
    super(ctx, BORDER_DEF, resolver);
  }
}

export const BORDERS_DEF: TypeDef<RangeModel> = {
  name: 'RangeBorderCollection',
  props: {},
  methods: { getItem: '' },
};

export class RangeBorderCollection extends ClientObject<RangeModel> {
  constructor(ctx: MemoryContext, resolver: Resolver) {
    super(ctx, BORDERS_DEF, resolver);
  }

  getItem(index: string): Excel.RangeBorder {
    this.ctx.assertAlive('RangeBorderCollection.getItem');
    const obj = new RangeBorder(this.ctx, () => {
      const range = this.resolve('getItem');
      if (!BORDER_INDEXES.includes(index as BorderIndex)) throw invalidArgument('RangeBorderCollection.getItem');
      if (index === 'DiagonalDown' || index === 'DiagonalUp')
        throw new Error('memoryExcel: RangeBorderCollection.getItem(diagonal) is not implemented');
      return { range, index: index as BorderIndex };
    });
    return this.instantiate(obj).proxy as unknown as Excel.RangeBorder;
  }
}

export const FORMAT_DEF: TypeDef<RangeModel> = {
  name: 'RangeFormat',
  props: {
    wrapText: styleProp('wrap', 'RangeFormat.wrapText', bool('RangeFormat.wrapText')),
    horizontalAlignment: styleProp(
      'hAlign',
      'RangeFormat.horizontalAlignment',
      oneOf('RangeFormat.horizontalAlignment', H_ALIGN),
    ),
    verticalAlignment: styleProp(
      'vAlign',
      'RangeFormat.verticalAlignment',
      oneOf('RangeFormat.verticalAlignment', V_ALIGN),
    ),
    indentLevel: styleProp(
      'indent',
      'RangeFormat.indentLevel',
      (v) => {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 250)
          throw invalidArgument('RangeFormat.indentLevel');
        return v;
      },
      '1.9',
    ),
    columnWidth: {
      req: '1.2',
      get: (m) => {
        let value: number | null = null;
        for (let c = m.rect.left; c <= m.rect.right; c++) {
          const w = m.sheet.colWidths.get(c) ?? STANDARD_WIDTH;
          if (c === m.rect.left) value = w;
          else if (w !== value) return null;
          if (c - m.rect.left > 16384) break;
        }
        return value;
      },
      set: (m, v) => {
        // Guess: Excel's limit is 255 characters ≈ 1790 points.
        if (typeof v !== 'number' || !(v >= 0 && v <= 1790)) throw invalidArgument('RangeFormat.columnWidth');
        for (let c = m.rect.left; c <= m.rect.right; c++) m.sheet.colWidths.set(c, v);
      },
    },
    rowHeight: {
      req: '1.2',
      get: (m) => {
        if (rowsOf(m.rect) > 100_000) {
          const heights = new Set([...m.sheet.rowHeights.values()]);
          return heights.size === 0 ? STANDARD_HEIGHT : null;
        }
        let value: number | null = null;
        for (let r = m.rect.top; r <= m.rect.bottom; r++) {
          const h = m.sheet.rowHeights.get(r) ?? STANDARD_HEIGHT;
          if (r === m.rect.top) value = h;
          else if (h !== value) return null;
        }
        return value;
      },
      set: (m, v) => {
        if (typeof v !== 'number' || !(v >= 0 && v <= 409)) throw invalidArgument('RangeFormat.rowHeight');
        if (rowsOf(m.rect) > 100_000)
          throw invalidArgument('RangeFormat.rowHeight', 'memoryExcel: whole-column row heights');
        for (let r = m.rect.top; r <= m.rect.bottom; r++) m.sheet.rowHeights.set(r, v);
      },
    },
  },
  navs: {
    fill: { make: (p) => new RangeFill(p.ctx, () => p.resolveMaybeNull() as RangeModel | null) },
    font: { make: (p) => new RangeFont(p.ctx, () => p.resolveMaybeNull() as RangeModel | null) },
    borders: { make: (p) => new RangeBorderCollection(p.ctx, () => p.resolveMaybeNull() as RangeModel | null) },
  },
  methods: {},
};

export class RangeFormat extends ClientObject<RangeModel> {
  constructor(ctx: MemoryContext, resolver: Resolver) {
    super(ctx, FORMAT_DEF, resolver);
  }
}
