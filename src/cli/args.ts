/**
 * A small argument parser: the commands take few options, and a dependency would be one more
 * thing to install on the Department's machines.
 */
import type { DecimalSeparator } from '../layout/types';
import { UsageError } from './errors';

export interface OptionSpec {
  /** Options without a value (--json). */
  booleans: readonly string[];
  /** Options with a value (--out FILE, --only=I,II). */
  strings: readonly string[];
}

export interface ParsedArgs {
  positional: string[];
  booleans: Set<string>;
  strings: Map<string, string>;
  /** Every value of each string option, in order (a repeatable option: --choose A --choose B); `strings` keeps the last. */
  lists: Map<string, string[]>;
}

export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], booleans: new Set(), strings: new Map(), lists: new Map() };
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositional || !arg.startsWith('-') || arg === '-') {
      parsed.positional.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositional = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq >= 0 ? arg.slice(0, eq) : arg).replace(/^--?/, '');
    if (spec.booleans.includes(name)) {
      if (eq >= 0)
        throw new UsageError({ vi: `Tùy chọn --${name} không nhận giá trị.`, en: `Option --${name} takes no value.` });
      parsed.booleans.add(name);
    } else if (spec.strings.includes(name)) {
      let value: string | undefined;
      if (eq >= 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
      if (value === undefined || value === '')
        throw new UsageError({ vi: `Tùy chọn --${name} cần một giá trị.`, en: `Option --${name} needs a value.` });
      parsed.strings.set(name, value);
      parsed.lists.set(name, [...(parsed.lists.get(name) ?? []), value]);
    } else {
      throw new UsageError({ vi: `Không có tùy chọn ${arg}.`, en: `Unknown option ${arg}.` });
    }
  }
  return parsed;
}

export type Lang = 'vi' | 'en';

export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return 'vi';
  const v = value.toLowerCase();
  if (v === 'vi' || v === 'en') return v;
  throw new UsageError({
    vi: `Ngôn ngữ "${value}" không hỗ trợ (vi hoặc en).`,
    en: `Language "${value}" is not supported (vi or en).`,
  });
}

/**
 * `--decimal , | .`: the decimal separator of the reader's Excel, for the numbers of messages and
 * reports (check, consolidate) and of the prompts `template` writes into the workbook. Absent: each
 * language its own (1,5 in Vietnamese, 1.5 in English); the prompts, Vietnamese, 1,5.
 */
/** --threads: threads in all (1 to 4), or null when not given. */
export function parseThreads(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value.trim());
  if (Number.isInteger(n) && n >= 1 && n <= 4) return n;
  throw new UsageError({
    vi: `Số luồng "${value}" không hợp lệ: --threads nhận một số nguyên từ 1 đến 4.`,
    en: `Thread count "${value}" is not valid: --threads takes a whole number from 1 to 4.`,
  });
}

export function parseDecimal(value: string | undefined): DecimalSeparator | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (v === '.' || v === ',') return v;
  throw new UsageError({
    vi: `Dấu thập phân "${value}" không hợp lệ: --decimal nhận "," (dấu phẩy) hoặc "." (dấu chấm).`,
    en: `Decimal separator "${value}" is not valid: --decimal takes "," (comma) or "." (point).`,
  });
}
