/**
 * One Excel.run batch as the adapter sees it: counts round trips (every `context.sync()` is one
 * on Excel on the web) and keeps each request under Excel on the web's 5 MB limit by syncing
 * early when the commands about to be queued would push it over.
 *
 * The budget is reserved BEFORE the commands it covers are queued: a command queued first and
 * counted afterwards would already be part of the request the early sync sends.
 *
 * What a command costs. docs/excel/performance.md ("Payload size limit best practices"): "The
 * payload size of a request combines: the number of API calls, the number of objects, such as
 * Range objects, [and] the length of the value to set or get." Office.js sends each command as an
 * action on an object path, and each object path as the chain of navigations and method calls
 * that reached it (`workbook` › `worksheets` › `getItem("…")` › `getRange("A1:B2")` › `format` ›
 * `fill`), each link with its arguments. The adapter counts every link of the chain again for
 * every command, as the in-memory workbook does (src/memoryExcel/payload.ts), so what passes
 * there passes in Excel, where a request names each object path once.
 */

/** Requests larger than this are split (Excel on the web rejects requests over 5 MB). */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * One action in the request JSON ({"Id":…,"ActionType":…,"Name":"…","ObjectPathId":…,
 * "ArgumentInfo":{…}}) less its name and arguments. The in-memory workbook counts 64 for the
 * command and 64 more for its member's own link, and its object's path from a 40-byte root,
 * each link 64: with the adapter's 72 a link (the root, `workbook`, one of them), 80 keeps an
 * action on an object one link below the workbook (`worksheets.getItem(…)`) at or above its count.
 */
export const ACTION_BYTES = 80;
/** One link of an object path ({"Id":…,"ObjectPathType":…,"Name":"…","ParentObjectPathId":…}), likewise. */
export const SEGMENT_BYTES = 72;

const encoder = typeof TextEncoder !== 'undefined' ? new TextEncoder() : null;

/** UTF-8 size of a value as it travels in the request JSON. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  // Vietnamese text is mostly 2–3 bytes a character in UTF-8; measure where we can.
  return encoder ? encoder.encode(json).length : json.length * 3;
}

/** A link of an object path: a navigation (`format`) or a method call with its arguments. */
export type Segment = string | readonly [string, ...unknown[]];

/** Request bytes of an object path: every link with its arguments. */
export function pathBytes(...segments: Segment[]): number {
  let n = 0;
  for (const s of segments) {
    if (typeof s === 'string') n += SEGMENT_BYTES + s.length;
    else n += SEGMENT_BYTES + s[0].length + (s.length > 1 ? jsonBytes(s.slice(1)) : 0);
  }
  return n;
}

/** Request bytes of one command (a property set or method call) on an object at `path` bytes. */
export function actionBytes(path: number, member: string, ...args: unknown[]): number {
  return ACTION_BYTES + path + member.length + (args.length ? jsonBytes(args) : 0);
}

/** Path of a worksheet reached by id (or by name): workbook › worksheets › getItem(id). */
export function sheetPathBytes(id: string): number {
  return pathBytes('workbook', 'worksheets', ['getItem', id]);
}

/** Path of a worksheet reached by its id (a GUID in braces: every id is as long). */
export const SHEET_BY_ID_PATH_BYTES = sheetPathBytes('{00000000-0000-0000-0000-000000000000}');

/** Path of a range of a worksheet at `sheetPath` bytes. */
export function rangePathBytes(sheetPath: number, address: string): number {
  return sheetPath + pathBytes(['getRange', address]);
}

/**
 * The getRange call itself: a method that returns an object is a command of its own in the
 * request (Office.js instantiates the object there), as the in-memory workbook counts it.
 */
export function getRangeBytes(sheetPath: number, address: string): number {
  return actionBytes(sheetPath, 'getRange', address);
}

/** What a batch of commands costs: request bytes (commands with their paths) and response bytes (what loads answer). */
export interface Cost {
  request: number;
  response?: number;
}

export class Session {
  syncs = 0;
  private pendingRequest = 0;
  private pendingResponse = 0;

  constructor(
    readonly ctx: Excel.RequestContext,
    private readonly budget = PAYLOAD_BUDGET_BYTES,
  ) {}

  /** What the commands queued since the last round trip are estimated to send (bytes). */
  get pending(): number {
    return this.pendingRequest;
  }

  /** One round trip. */
  async sync(): Promise<void> {
    this.syncs += 1;
    this.pendingRequest = 0;
    this.pendingResponse = 0;
    await this.ctx.sync();
  }

  /**
   * Call BEFORE queuing commands (or loads) of about `request` bytes whose answers take about
   * `response` bytes: if the request already holds something and these would take its request
   * or its response past the budget (Excel on the web limits each of them on its own), sends
   * what is queued first. The only sync that may happen inside a loop, and only for very large
   * workbooks.
   */
  async reserve(request: number, response = 0): Promise<void> {
    const held = this.pendingRequest > 0 || this.pendingResponse > 0;
    if (held && (this.pendingRequest + request > this.budget || this.pendingResponse + response > this.budget))
      await this.sync();
    this.pendingRequest += request;
    this.pendingResponse += response;
  }

  /** reserve() for a Cost. */
  async reserveCost(cost: Cost): Promise<void> {
    await this.reserve(cost.request, cost.response ?? 0);
  }
}
