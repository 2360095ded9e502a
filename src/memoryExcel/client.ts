/**
 * The API objects of the in-memory Excel JS API: proxy objects whose properties are readable only
 * after load + sync, null objects, collections and ClientResult. Each object queues its commands
 * on a request context (requestContext.ts), parses load() arguments with loadPlan.ts and reaches
 * callers only through the guard of proxyGuard.ts.
 */
import {
  accessDenied,
  ExcelApiError,
  itemNotFound,
  notImplemented,
  nullObjectAccess,
  propertyNotLoaded,
} from './errors';
import { linkChild, noteResponse } from './payload';
import { parseLoad, type LoadPlan } from './loadPlan';
import { cloneInput, guardObject, guardPlain } from './proxyGuard';
import type { Apply, Host, MemoryContext } from './requestContext';
import { refuseOnProtected } from './protection';
import { compareVersions, requireApi } from './requirementSets';

/** For conditionalFormats.ts, which imports the context type from here; other modules import it from requestContext.ts. */

/**
 * Any API object, whatever model it stands for. `any` because ClientObject<M> is invariant in M
 * (M is both read and written by its property table), so no ClientObject<X> is a
 * ClientObject<unknown>; code holding AnyClientObject only calls model-independent members.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyClientObject = ClientObject<any>;

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
        const m = this.resolve(name);
        refuseOnProtected(this, m, location);
        set(m, v, this);
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
