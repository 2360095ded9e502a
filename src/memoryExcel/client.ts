/**
 * The client side of the Excel JS API as the in-memory workbook plays it: a request context with
 * a queue of commands executed at sync(), proxy objects whose properties are readable only after
 * load + sync, null objects, and a guard (a JS Proxy) around every object handed to callers that
 * throws on any member not implemented here — so a test cannot pass against behaviour Excel
 * would not have.
 */
import {
  accessDenied,
  apiNotFound,
  ExcelApiError,
  invalidObjectPath,
  itemNotFound,
  notImplemented,
  nullObjectAccess,
  propertyNotLoaded,
} from './errors';
import type { WorkbookModel } from './workbookModel';
import { checkRequest, checkResponse, linkChild, noteRequest, noteResponse, takeRequest, trackCall } from './payload';
import type { CallInfo } from './payload';

/** What the proxies need from the workbook that owns them. */
export interface Host {
  readonly model: WorkbookModel;
  readonly stats: { syncs: number; operations: number; writeSyncs: number };
  /** ExcelApi version available, e.g. '1.8'. */
  apiVersion(set: string): string | undefined;
  /** Called after every executed batch (events, redraw). */
  afterSync(ctx: MemoryContext): void;
  /**
   * Awaited before a batch runs: a co-author's edit may land here, between two syncs of this
   * client (see coauthoring.ts).
   */
  beforeSync(ctx: MemoryContext): Promise<void>;
  /** Runs a batch's commands with this client's view (active sheet, selection) in the model. */
  execute(commands: () => void): void;
  /** A user with view-only rights: every write fails with AccessDenied. */
  readonly readOnly: boolean;
  /** Event registrations queued by handlers' add()/remove(), applied at sync. */
  readonly events: EventRegistry;
  /** Creates the workbook proxy for a context (breaks the import cycle with workbook.ts). */
  createWorkbook(ctx: MemoryContext): AnyClientObject;
}

export interface EventRegistry {
  add(reg: EventRegistration): void;
  remove(reg: EventRegistration): void;
}

export interface EventRegistration {
  kind: 'worksheetChanged' | 'worksheetActivated' | 'worksheetsChanged' | 'worksheetsActivated';
  /** For worksheet events: the sheet's id. */
  sheetId?: string;
  handler: (args: unknown) => Promise<unknown> | unknown;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function requireApi(host: Host, member: string, version: string | undefined, set = 'ExcelApi'): void {
  if (!version) return;
  const have = host.apiVersion(set);
  if (!have || compareVersions(have, version) < 0) throw apiNotFound(member, set, version);
}

type Apply = () => void;

/**
 * Any API object, whatever model it stands for. `any` because ClientObject<M> is invariant in M
 * (M is both read and written by its property table), so no ClientObject<X> is a
 * ClientObject<unknown>; code holding AnyClientObject only calls model-independent members.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyClientObject = ClientObject<any>;
type Command = () => Apply | void;

/** Names that test runners and inspectors probe on any object; answered without throwing. */
const INTROSPECTION = new Set([
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'nodeName',
  '_isMockFunction',
  'getMockName',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '@@__IMMUTABLE_KEYED__@@',
  '@@__IMMUTABLE_ORDERED__@@',
  '@@__IMMUTABLE_LIST__@@',
  '@@__IMMUTABLE_MAP__@@',
  '@@__IMMUTABLE_SET__@@',
  '@@__IMMUTABLE_SEQ__@@',
  '@@__IMMUTABLE_STACK__@@',
  'inspect',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
]);

const targets = new WeakMap<object, AnyClientObject>();

/** The implementation object behind a proxy handed out to callers (or undefined). */
export function unwrap(value: unknown): AnyClientObject | undefined {
  return typeof value === 'object' && value !== null ? targets.get(value) : undefined;
}

/** Deep copy of plain data written through the API (arrays, plain objects); proxies kept as they are. */
export function cloneInput<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneInput) as unknown as T;
  if (v && typeof v === 'object' && !targets.has(v) && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = cloneInput(x);
    return out as T;
  }
  return v;
}

export class MemoryContext {
  /** False once the Excel.run that created it has finished (objects become invalid, as in Excel). */
  alive = true;
  /** Writes (property sets, write methods) queued since the last sync. */
  queuedWrites = 0;
  private queue: Command[] = [];
  private workbookObj: AnyClientObject | undefined;
  readonly proxy: Excel.RequestContext;
  readonly trackedObjects: { add(o: unknown): void; remove(o: unknown): void };

  constructor(readonly host: Host) {
    const track = (o: unknown, location: string) => {
      if (Array.isArray(o)) o.forEach((x) => checkSameContext(this, x, location));
      else checkSameContext(this, o, location);
      this.enqueue(() => undefined);
    };
    this.trackedObjects = guardPlain('TrackedObjects', {
      add: (o: unknown) => {
        this.assertAlive('TrackedObjects.add');
        track(o, 'TrackedObjects.add');
      },
      remove: (o: unknown) => track(o, 'TrackedObjects.remove'),
    });
    const workbookProxy = () => this.workbook().proxy;
    this.proxy = guardPlain('RequestContext', {
      sync: (passThrough?: unknown) => this.sync().then(() => passThrough),
      get workbook() {
        return workbookProxy();
      },
      trackedObjects: this.trackedObjects,
      load: (obj: unknown, props?: unknown) => {
        const t = unwrap(obj);
        if (!t) throw notImplemented('RequestContext', 'load(non-API object)');
        return t.loadFrom(props);
      },
    }) as unknown as Excel.RequestContext;
  }

  workbook(): AnyClientObject {
    this.workbookObj ??= this.host.createWorkbook(this);
    return this.workbookObj;
  }

  /**
   * Guess (stricter than Excel, which fails at the next sync with InvalidObjectPath): using an
   * object of a finished Excel.run throws at the call.
   */
  assertAlive(location: string): void {
    if (!this.alive) throw invalidObjectPath(location);
  }

  enqueue(cmd: Command, call?: CallInfo): void {
    this.queue.push(cmd);
    this.host.stats.operations++;
    noteRequest(this, call); // payload.ts: request size, when a limit is set
  }

  /**
   * Runs the queued commands in order, as one round trip.
   *
   * Guess (stricter than Excel): a sync on the context of an Excel.run that has ended is
   * rejected with InvalidObjectPath. Microsoft documents that event handlers must be removed
   * "using the same RequestContext" inside `Excel.run(eventResult.context, …)`
   * (docs/excel/excel-add-ins-events.md, "Remove an event handler"); office-js-docs-reference
   * issue #730 reports that remove() outside it "fails silently". Failing loudly here lets a
   * test catch what Excel would silently ignore.
   */
  async sync(): Promise<void> {
    if (!this.alive) throw invalidObjectPath('RequestContext.sync');
    const queue = this.queue;
    const writes = this.queuedWrites;
    this.queue = [];
    this.queuedWrites = 0;
    const requestBytes = takeRequest(this);
    await Promise.resolve();
    if (queue.length === 0) return; // Office.js sends nothing for an empty batch.
    // A co-author's edit can land between any two round trips of this client.
    await this.host.beforeSync(this);
    this.host.stats.syncs++;
    if (writes > 0) this.host.stats.writeSyncs++;
    checkRequest(this, this.host.stats, requestBytes); // too large: fails before anything runs
    const applies: Apply[] = [];
    let failure: unknown;
    this.host.execute(() => {
      for (const cmd of queue) {
        try {
          const a = cmd();
          if (a) applies.push(a);
        } catch (e) {
          // Guess: Excel executes commands up to the failing one (no rollback) and fails the
          // whole request, so loaded values of this batch are not delivered.
          failure = e;
          break;
        }
      }
      this.host.model.engine.recalc();
    });
    failure ??= checkResponse(this, this.host.stats);
    this.host.afterSync(this);
    if (failure !== undefined) throw failure;
    for (const a of applies) a();
  }
}

/** Throws InvalidRequestContext when an API object from another context is passed in. */
export function checkSameContext(ctx: MemoryContext, value: unknown, location: string): void {
  const t = unwrap(value);
  if (t && t.ctx !== ctx) throw new ExcelApiError('InvalidRequestContext', undefined, location);
}

/** A plain object exposing only the given members; anything else throws "not implemented". */
export function guardPlain<T extends object>(typeName: string, obj: T): T {
  return new Proxy(obj, {
    get(target, p, receiver) {
      if (typeof p === 'symbol') return Reflect.get(target, p, receiver);
      if (p === 'then') return undefined;
      if (p in target) return Reflect.get(target, p, receiver);
      if (INTROSPECTION.has(p) || p === 'constructor' || p === 'toJSON') return undefined;
      throw notImplemented(typeName, p);
    },
    set(target, p, value) {
      if (typeof p === 'symbol') return Reflect.set(target, p, value);
      throw notImplemented(typeName, `${p} (set)`);
    },
  });
}

export interface PropDef<M> {
  /** Server-side read, at the load's point in the batch. */
  get: (m: M, obj: ClientObject<M>) => unknown;
  /** Server-side write at sync; absent for read-only properties. */
  set?: (m: M, value: unknown, obj: ClientObject<M>) => void;
  /** ExcelApi version that introduced the member. */
  req?: string;
}

export interface NavDef<M> {
  req?: string;
  make: (parent: ClientObject<M>) => AnyClientObject;
}

export interface TypeDef<M> {
  name: string;
  props: Record<string, PropDef<M>>;
  navs?: Record<string, NavDef<M>>;
  /** Implemented methods (as class methods) → ExcelApi version, or '' for 1.1. */
  methods: Record<string, string>;
}

interface LoadPlan {
  all: boolean;
  props: Set<string>;
  navs: Map<string, LoadPlan>;
}

function emptyPlan(): LoadPlan {
  return { all: false, props: new Set(), navs: new Map() };
}

function addPath(plan: LoadPlan, path: string[]): void {
  const [head, ...rest] = path;
  if (!head) return;
  if (head === '$all' || head === '*') {
    plan.all = true;
    return;
  }
  if (rest.length === 0) {
    plan.props.add(head);
    return;
  }
  let child = plan.navs.get(head);
  if (!child) plan.navs.set(head, (child = emptyPlan()));
  addPath(child, rest);
}

function planFromOptions(plan: LoadPlan, opts: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(opts)) {
    if (k === '$all') {
      if (v) plan.all = true;
      continue;
    }
    if (k === '$top' || k === '$skip') throw notImplemented('load', k);
    if (v === true) plan.props.add(k);
    else if (v && typeof v === 'object') {
      let child = plan.navs.get(k);
      if (!child) plan.navs.set(k, (child = emptyPlan()));
      planFromOptions(child, v as Record<string, unknown>);
    }
  }
}

/** Parses the forms load() accepts: 'a, b/c', ['a', 'b/c'], { select, expand }, { a: true, b: { c: true } }. */
export function parseLoad(spec: unknown): LoadPlan {
  const plan = emptyPlan();
  if (spec === undefined || spec === null) {
    plan.all = true;
    return plan;
  }
  const addList = (s: string) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
      .forEach((p) =>
        addPath(
          plan,
          p.split('/').map((x) => x.trim()),
        ),
      );
  if (typeof spec === 'string') addList(spec);
  else if (Array.isArray(spec)) spec.forEach((s) => addList(String(s)));
  else if (typeof spec === 'object') {
    const o = spec as Record<string, unknown>;
    if ('select' in o || 'expand' in o) {
      if (typeof o.select === 'string') addList(o.select);
      if (typeof o.expand === 'string')
        o.expand
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
          .forEach((nav) => {
            const path = nav.split('/');
            let p = plan;
            for (const seg of path) {
              let child = p.navs.get(seg);
              if (!child) p.navs.set(seg, (child = emptyPlan()));
              p = child;
            }
            if (p.props.size === 0) p.all = true;
          });
    } else planFromOptions(plan, o);
  } else throw notImplemented('load', typeof spec);
  if (!plan.all && plan.props.size === 0 && plan.navs.size === 0) plan.all = true;
  return plan;
}

/**
 * Base of every API object. `M` is the model the object stands for once resolved (a sheet, a
 * range rectangle, a name entry…). Resolution happens inside sync, in queue order, so an object
 * obtained before the command that creates its target resolves correctly, as in Excel.
 */
export abstract class ClientObject<M> {
  readonly proxy: this;
  /** Loaded or set values (what reading a property returns). */
  protected readonly values = new Map<string, unknown>();
  private readonly navCache = new Map<string, AnyClientObject>();
  private bound: { m: M | null } | undefined;
  /** Known after a sync that instantiated or loaded the object. */
  isNull: boolean | undefined;
  /** Reached through a navigation property: null when its parent is (not an error). */
  navChild = false;

  constructor(
    readonly ctx: MemoryContext,
    readonly def: TypeDef<M>,
    private readonly resolver: () => M | null,
    readonly nullable = false,
  ) {
    this.proxy = guardObject(this);
  }

  get host(): Host {
    return this.ctx.host;
  }

  /** Server side: the model, or null for a null object. Throws ItemNotFound for a missing getItem target. */
  resolveMaybeNull(): M | null {
    if (this.bound) {
      this.checkBound(this.bound.m);
      return this.bound.m;
    }
    const m = this.resolver();
    if (m === null && !this.nullable && !this.navChild) throw itemNotFound(this.def.name);
    this.bound = { m };
    return m;
  }

  /** Subclasses reject a binding whose target has since been deleted. */
  protected checkBound(_m: M | null): void {
    return;
  }

  /**
   * Server side: the model. Guess: a command (method call, property write) on a null object
   * fails the batch; here with code 'NullObjectAccess'.
   */
  resolve(member = 'operation'): M {
    const m = this.resolveMaybeNull();
    if (m === null) throw nullObjectAccess(this.def.name, member);
    return m;
  }

  /** Binds an object created from a known model (collection items). */
  bindTo(m: M): void {
    this.bound = { m };
    this.isNull = false;
  }

  requireMember(member: string, version: string | undefined): void {
    requireApi(this.host, `${this.def.name}.${member}`, version);
  }

  /** Queues a command against this object (counts one operation). */
  queue(location: string, cmd: (m: M) => Apply | void): void {
    this.ctx.assertAlive(`${this.def.name}.${location}`);
    this.ctx.enqueue(() => cmd(this.resolve(location)));
  }

  /** Queues the creation of an object returned by a method (counts one operation). */
  instantiate<T extends AnyClientObject>(obj: T): T {
    this.ctx.assertAlive(`${obj.def.name}`);
    this.ctx.enqueue(() => {
      const m = obj.resolveMaybeNull();
      return () => {
        obj.isNull = m === null;
      };
    });
    return obj;
  }

  readIsNull(): boolean {
    if (this.isNull === undefined) throw propertyNotLoaded(this.def.name, 'isNullObject');
    return this.isNull;
  }

  readProp(name: string): unknown {
    const def = this.def.props[name];
    this.requireMember(name, def?.req);
    if (this.isNull === true) throw nullObjectAccess(this.def.name, name);
    if (this.values.has(name)) return this.values.get(name);
    throw propertyNotLoaded(this.def.name, name);
  }

  writeProp(name: string, value: unknown): void {
    const def = this.def.props[name];
    this.requireMember(name, def.req);
    if (!def.set) throw new TypeError(`Cannot set property ${name} of #<${this.def.name}> which has only a getter`);
    this.ctx.assertAlive(`${this.def.name}.${name}`);
    const v = cloneInput(value);
    this.values.set(name, v);
    const set = def.set;
    const location = `${this.def.name}.${name}`;
    this.ctx.queuedWrites++;
    this.ctx.enqueue(
      () => {
        if (this.host.readOnly) throw accessDenied(location);
        set(this.resolve(name), v, this);
      },
      { target: this.proxy, member: name, args: [v] },
    );
  }

  nav(name: string): AnyClientObject {
    const def = this.def.navs?.[name];
    if (!def) throw notImplemented(this.def.name, name);
    this.requireMember(name, def.req);
    let child = this.navCache.get(name);
    if (!child) {
      child = def.make(this as ClientObject<M>);
      child.navChild = true;
      linkChild(child, this, name);
      this.navCache.set(name, child);
    }
    return child;
  }

  /** load(): queued; values are delivered when the sync succeeds. */
  loadFrom(spec: unknown): this['proxy'] {
    this.ctx.assertAlive(`${this.def.name}.load`);
    const plan = parseLoad(spec);
    this.checkPlan(plan);
    this.ctx.enqueue(() => this.collect(plan), { target: this.proxy, member: 'load', args: [spec] });
    return this.proxy;
  }

  /** Validates a load plan synchronously (unknown or gated members throw at the call). */
  checkPlan(plan: LoadPlan): void {
    for (const p of plan.props) {
      const def = this.def.props[p];
      if (!def) {
        if (this.def.navs?.[p]) continue;
        throw notImplemented(this.def.name, p);
      }
      this.requireMember(p, def.req);
    }
    for (const [n, sub] of plan.navs) this.nav(n).checkPlan(sub);
  }

  /** Server side of a load: reads now, returns the client-side delivery. */
  collect(plan: LoadPlan): Apply {
    const m = this.resolveMaybeNull();
    if (m === null)
      return () => {
        this.isNull = true;
      };
    this.host.model.engine.recalc();
    const got = new Map<string, unknown>();
    const names = new Set(plan.props);
    if (plan.all) for (const [k, d] of Object.entries(this.def.props)) if (!d.req || this.supports(d.req)) names.add(k);
    const childApplies: Apply[] = [];
    for (const p of names) {
      const def = this.def.props[p];
      if (def) got.set(p, def.get(m, this));
      else if (this.def.navs?.[p])
        childApplies.push(this.nav(p).collect({ all: true, props: new Set(), navs: new Map() }));
    }
    for (const [n, sub] of plan.navs) childApplies.push(this.nav(n).collect(sub));
    noteResponse(this.ctx, got);
    return () => {
      this.isNull = false;
      for (const [k, v] of got) this.values.set(k, v);
      childApplies.forEach((a) => a());
    };
  }

  private supports(version: string): boolean {
    const have = this.host.apiVersion('ExcelApi');
    return !!have && compareVersions(have, version) >= 0;
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.values) out[k] = v;
    for (const [k, child] of this.navCache) {
      const j = child.toJSON();
      if (Object.keys(j).length) out[k] = j;
    }
    return out;
  }

  /** object.set({...}): each property a queued write, navigation properties recursively. */
  setFrom(properties: unknown): void {
    const src = unwrap(properties)?.toJSON() ?? properties;
    if (!src || typeof src !== 'object') throw notImplemented(this.def.name, 'set(non-object)');
    for (const [k, v] of Object.entries(src as Record<string, unknown>)) {
      if (this.def.props[k]) this.writeProp(k, v);
      else if (this.def.navs?.[k]) this.nav(k).setFrom(v);
      else throw notImplemented(this.def.name, k);
    }
  }

  track(): this['proxy'] {
    this.ctx.assertAlive(`${this.def.name}.track`);
    this.ctx.enqueue(() => undefined);
    return this.proxy;
  }

  untrack(): this['proxy'] {
    this.ctx.enqueue(() => undefined);
    return this.proxy;
  }

  /** Collections override: the loaded items. */
  readItems(): unknown {
    throw notImplemented(this.def.name, 'items');
  }

  get isCollection(): boolean {
    return false;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Excel.${this.def.name} (memoryExcel)`;
  }
}

/**
 * Whether a method changes the workbook (and so fails for a view-only user). Guess, stricter than
 * Excel: every method is a write except reads (get…, load, track), navigation a viewer may do
 * (activate, select), recalculation (calculate: a viewer's Excel recalculates too) and event
 * registration (EventHandlers.add/remove, which change nothing in the file). Microsoft documents that view-only users cannot edit; which calls count as edits is
 * not listed, so anything not plainly a read is refused.
 */
export function isWriteMethod(typeName: string, method: string): boolean {
  if (typeName === 'EventHandlers') return false;
  if (/^get[A-Z]/.test(method)) return false;
  return !['activate', 'select', 'load', 'track', 'untrack', 'toJSON', 'calculate'].includes(method);
}

const BASE_METHODS: Record<string, (t: AnyClientObject) => unknown> = {
  load: (t) => (spec?: unknown) => t.loadFrom(spec),
  toJSON: (t) => () => t.toJSON(),
  set: (t) => (props: unknown) => t.setFrom(props),
  track: (t) => () => t.track(),
  untrack: (t) => () => t.untrack(),
};

/**
 * What a proxy reports as its prototype: an empty object whose constructor bears the Excel type
 * name. Tools that walk the prototype chain (jest's diff copies every getter it finds there)
 * must not reach the implementation's internals.
 */
const prototypes = new Map<string, object>();
function prototypeFor(typeName: string): object {
  let proto = prototypes.get(typeName);
  if (!proto) {
    const ctor = { [typeName]: function () {} }[typeName];
    proto = Object.create(Object.prototype, {
      constructor: { value: ctor, enumerable: false, configurable: true, writable: true },
    }) as object;
    prototypes.set(typeName, proto);
  }
  return proto;
}

function guardObject<T extends AnyClientObject>(target: T): T {
  const proxy = new Proxy(target, {
    get(t, p, receiver) {
      if (typeof p === 'symbol') return Reflect.get(t, p, receiver);
      if (p === 'then') return undefined;
      if (p === 'constructor') return (prototypeFor(t.def.name) as { constructor: unknown }).constructor;
      if (p === 'context') return t.ctx.proxy;
      if (p === 'isNullObject') return t.readIsNull();
      const base = BASE_METHODS[p];
      if (base) return base(t);
      if (p in t.def.props) return t.readProp(p);
      if (t.def.navs && p in t.def.navs) return t.nav(p).proxy;
      if (p in t.def.methods) {
        t.requireMember(p, t.def.methods[p] || undefined);
        const fn = (t as unknown as Record<string, unknown>)[p];
        if (typeof fn !== 'function') throw notImplemented(t.def.name, p);
        const bound = trackCall(t, p, (fn as (...a: unknown[]) => unknown).bind(t));
        if (!isWriteMethod(t.def.name, p)) return bound;
        return (...args: unknown[]) => {
          t.ctx.assertAlive(`${t.def.name}.${p}`);
          t.ctx.queuedWrites++;
          // A view-only user's write: the request that carries it fails at its sync.
          if (t.host.readOnly)
            t.ctx.enqueue(() => {
              throw accessDenied(`${t.def.name}.${p}`);
            });
          return bound(...args);
        };
      }
      if (p === 'items' && t.isCollection) return t.readItems();
      if (INTROSPECTION.has(p)) return undefined;
      throw notImplemented(t.def.name, p);
    },
    set(t, p, value) {
      if (typeof p === 'symbol') return Reflect.set(t, p, value);
      if (p in t.def.props) {
        t.writeProp(p, value);
        return true;
      }
      if (
        (t.def.navs && p in t.def.navs) ||
        p in t.def.methods ||
        p === 'context' ||
        p === 'isNullObject' ||
        p === 'items'
      )
        throw new TypeError(`Cannot set property ${p} of #<${t.def.name}> which has only a getter`);
      throw notImplemented(t.def.name, `${p} (set)`);
    },
    ownKeys() {
      return [];
    },
    getPrototypeOf(t) {
      return prototypeFor(t.def.name);
    },
    getOwnPropertyDescriptor() {
      return undefined;
    },
    has(t, p) {
      if (typeof p === 'symbol') return Reflect.has(t, p);
      return (
        p in t.def.props ||
        !!(t.def.navs && p in t.def.navs) ||
        p in t.def.methods ||
        p in BASE_METHODS ||
        p === 'context' ||
        p === 'isNullObject'
      );
    },
  });
  targets.set(proxy, target);
  return proxy;
}

/** Base of collections: `items` after load('items') / load('name') (properties apply to items). */
export abstract class CollectionObject<M, I> extends ClientObject<M> {
  private loadedItems: ClientObject<I>[] | undefined;

  abstract itemsOf(m: M): I[];
  abstract makeItem(item: I): ClientObject<I>;
  /** The item type's definition (to validate load paths). */
  abstract readonly itemDef: TypeDef<I>;

  override get isCollection(): boolean {
    return true;
  }

  override readItems(): unknown {
    if (this.isNull === true) throw nullObjectAccess(this.def.name, 'items');
    if (!this.loadedItems) throw propertyNotLoaded(this.def.name, 'items');
    return this.loadedItems.map((i) => i.proxy);
  }

  private itemPlan(plan: LoadPlan): LoadPlan {
    // 'items/name' and 'name' both mean the items' name.
    const items = plan.navs.get('items');
    const out: LoadPlan = { all: plan.all, props: new Set(plan.props), navs: new Map(plan.navs) };
    out.navs.delete('items');
    out.props.delete('items');
    if (plan.props.has('items')) out.all = true;
    if (items) {
      if (items.all) out.all = true;
      items.props.forEach((p) => out.props.add(p));
      items.navs.forEach((v, k) => out.navs.set(k, v));
    }
    if (!out.all && out.props.size === 0 && out.navs.size === 0) out.all = true;
    return out;
  }

  override checkPlan(plan: LoadPlan): void {
    const p = this.itemPlan(plan);
    for (const name of p.props) {
      const def = this.itemDef.props[name];
      if (!def) {
        if (this.itemDef.navs?.[name]) continue;
        throw notImplemented(this.itemDef.name, name);
      }
      requireApi(this.host, `${this.itemDef.name}.${name}`, def.req);
    }
  }

  override collect(plan: LoadPlan): Apply {
    const m = this.resolveMaybeNull();
    if (m === null)
      return () => {
        this.isNull = true;
      };
    const p = this.itemPlan(plan);
    const items = this.itemsOf(m).map((i) => {
      const obj = this.makeItem(i);
      obj.bindTo(i);
      return obj;
    });
    const applies = items.map((o) => o.collect(p));
    return () => {
      this.isNull = false;
      this.loadedItems = items;
      applies.forEach((a) => a());
    };
  }

  override toJSON(): Record<string, unknown> {
    return this.loadedItems ? { items: this.loadedItems.map((i) => i.toJSON()) } : {};
  }
}

/** OfficeExtension.ClientResult: `value` readable after sync. */
export function clientResult<T>(ctx: MemoryContext, typeName: string, compute: () => T): { value: T } {
  let loaded = false;
  let value: T | undefined;
  const obj = {
    get value(): T {
      if (!loaded) throw new ExcelApiError('ValueNotLoaded', undefined, `${typeName}.value`);
      return value as T;
    },
    toJSON() {
      return loaded ? { value } : {};
    },
  };
  ctx.enqueue(() => {
    const v = compute();
    noteResponse(ctx, v);
    return () => {
      value = v;
      loaded = true;
    };
  });
  return guardPlain('ClientResult', obj);
}
