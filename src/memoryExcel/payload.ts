/**
 * Excel on the web's payload limit: "Excel on the web has a payload size limit for requests and
 * responses of 5MB. RichAPI.Error will be thrown if that limit is exceeded"
 * (docs/concepts/resource-limits-and-performance-optimization.md; docs/excel/performance.md
 * "Payload size limit best practices": the request size "combines the number of API calls, the
 * number of objects, such as Range objects, [and] the length of the value to set or get"). The
 * codes are RequestPayloadSizeLimitExceeded and ResponsePayloadSizeLimitExceeded
 * (docs/testing/application-specific-api-error-handling.md: "This error only occurs in Office on
 * the web").
 *
 * Off unless MemoryWorkbookOptions.payloadLimitBytes is set (Infinity measures without a limit).
 *
 * How a request is measured — Guess, meant to be larger than Office.js's real JSON so that a
 * batch passing here passes in Excel: every queued command counts COMMAND_BYTES, plus its object
 * path from the workbook (each navigation or method call that led to the object —
 * `workbook.worksheets.getItem("X").getRange("A1:B2")` is three segments — SEGMENT_BYTES each plus
 * the member name and its arguments as JSON), plus its own member and arguments (a written value
 * as JSON). Paths are counted again for every command (Office.js sends each object path once per
 * request). The response is the loaded values as JSON, RESPONSE_OBJECT_BYTES per loaded object.
 */
import { ExcelApiError } from './errors';

/** Guess: Office.js's per-action JSON ({"Id":…,"ActionType":…,"Name":…,"ObjectPathId":…}). */
export const COMMAND_BYTES = 64;
/** Guess: Office.js's per-object-path JSON ({"Id":…,"ObjectPathType":…,"ParentObjectPathId":…}). */
export const SEGMENT_BYTES = 64;
/** An API object given as an argument, or an object whose path is not known (a loaded collection item). */
export const REFERENCE_BYTES = 40;
/** Guess: per loaded object in the response ({"_ReferenceId":…, "_ObjectPathId":…}). */
export const RESPONSE_OBJECT_BYTES = 40;

/** What a queued command did: a member of an API object (proxy) with its arguments. */
export interface CallInfo {
  target?: object;
  member: string;
  args: unknown[];
}

interface Link {
  parent: object;
  member: string;
  args: unknown[];
}

/** API object (proxy) → how it was reached from its parent. */
const links = new WeakMap<object, Link>();
const pathCache = new WeakMap<object, number>();
/** The API method being called now (commands it queues carry its name and arguments). */
let current: CallInfo | undefined;

interface Meter {
  limit: number;
  request: number;
  response: number;
}
const limits = new WeakMap<object, number>();
const meters = new WeakMap<object, Meter>();

/** Turns the limit on for a workbook client (keyed by its Host). */
export function setPayloadLimit(host: object, bytes: number | undefined): void {
  if (bytes === undefined) return;
  if (!(bytes > 0)) throw new Error('memoryExcel: payloadLimitBytes must be a positive number');
  limits.set(host, bytes);
}

function meterOf(ctx: { host: object }): Meter | undefined {
  const limit = limits.get(ctx.host);
  if (limit === undefined) return undefined;
  let m = meters.get(ctx);
  if (!m) meters.set(ctx, (m = { limit, request: 0, response: 0 }));
  return m;
}

/** A navigation property's object (range.format, sheet.names…). */
export function linkChild(child: { proxy: object }, parent: { proxy: object }, member: string): void {
  if (!links.has(child.proxy)) links.set(child.proxy, { parent: parent.proxy, member, args: [] });
}

/** Wraps an API method: commands it queues are measured with its arguments; an object it returns is linked. */
export function trackCall<F extends (...a: unknown[]) => unknown>(target: { proxy: object }, member: string, fn: F): F {
  return ((...args: unknown[]) => {
    const outer = current;
    current = { target: target.proxy, member, args };
    try {
      const r = fn(...args);
      if (r && typeof r === 'object' && !links.has(r)) links.set(r, { parent: target.proxy, member, args });
      return r;
    } finally {
      current = outer;
    }
  }) as F;
}

function utf8(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Size of a value as JSON (UTF-8); API objects count as references. */
export function jsonBytes(v: unknown): number {
  if (v === null || v === undefined) return 4;
  switch (typeof v) {
    case 'string':
      return utf8(JSON.stringify(v));
    case 'number':
    case 'boolean':
      return String(v).length;
    case 'object': {
      if (Array.isArray(v)) {
        let n = 2 + Math.max(0, v.length - 1);
        for (const x of v) n += jsonBytes(x);
        return n;
      }
      if (v instanceof Map) return jsonBytes(Object.fromEntries(v));
      if (v instanceof Date) return 26;
      if (Object.getPrototypeOf(v) !== Object.prototype) return REFERENCE_BYTES;
      const entries = Object.entries(v as Record<string, unknown>);
      let n = 2 + Math.max(0, entries.length - 1);
      for (const [k, x] of entries) n += utf8(JSON.stringify(k)) + 1 + jsonBytes(x);
      return n;
    }
    default:
      return REFERENCE_BYTES;
  }
}

function segmentBytes(member: string, args: unknown[]): number {
  return SEGMENT_BYTES + utf8(member) + (args.length ? jsonBytes(args) : 0);
}

function pathBytes(obj: object | undefined): number {
  if (!obj) return REFERENCE_BYTES;
  const cached = pathCache.get(obj);
  if (cached !== undefined) return cached;
  const link = links.get(obj);
  const n = link ? pathBytes(link.parent) + segmentBytes(link.member, link.args) : REFERENCE_BYTES;
  pathCache.set(obj, n);
  return n;
}

/** Called for every queued command (MemoryContext.enqueue). */
export function noteRequest(ctx: { host: object }, call?: CallInfo): void {
  const m = meterOf(ctx);
  if (!m) return;
  const c = call ?? current ?? { member: '', args: [] };
  m.request += COMMAND_BYTES + pathBytes(c.target) + segmentBytes(c.member, c.args);
}

/** Called for every value a load delivers (collect, ClientResult). */
export function noteResponse(ctx: { host: object }, value: unknown): void {
  const m = meterOf(ctx);
  if (m) m.response += RESPONSE_OBJECT_BYTES + jsonBytes(value);
}

/** At sync, when the queue is taken: the request's size so far (and a fresh meter for the next). */
export function takeRequest(ctx: { host: object }): number {
  const m = meterOf(ctx);
  if (!m) return 0;
  const n = m.request;
  m.request = 0;
  m.response = 0;
  return n;
}

interface PayloadStats {
  lastRequestBytes: number;
  lastResponseBytes: number;
}

/** Before any command runs: fails the request (nothing applied) when it is too large. */
export function checkRequest(ctx: { host: object }, stats: object, bytes: number): void {
  const m = meterOf(ctx);
  if (!m) return;
  Object.assign(stats, { lastRequestBytes: bytes, lastResponseBytes: 0 } satisfies PayloadStats);
  if (bytes > m.limit)
    throw new ExcelApiError(
      'RequestPayloadSizeLimitExceeded',
      `The request payload size has exceeded the limit. (${bytes} bytes, limit ${m.limit}: queue less per sync)`,
      'RequestContext.sync',
    );
}

/**
 * After the commands ran: the error when the response is too large (its loaded values are not
 * delivered). Guess: the commands have run and stay applied — Excel can know the response's size
 * only after running them, and a failing request is not rolled back (see MemoryContext.sync).
 */
export function checkResponse(ctx: { host: object }, stats: object): ExcelApiError | undefined {
  const m = meterOf(ctx);
  if (!m) return undefined;
  Object.assign(stats, { lastResponseBytes: m.response } satisfies Partial<PayloadStats>);
  if (m.response <= m.limit) return undefined;
  return new ExcelApiError(
    'ResponsePayloadSizeLimitExceeded',
    `The response payload size has exceeded the limit. (${m.response} bytes, limit ${m.limit}: load less per sync)`,
    'RequestContext.sync',
  );
}
