/**
 * The guards handed to callers instead of the implementation objects: a JS Proxy around every
 * API object (and around plain API objects such as RequestContext) that answers only the members
 * its type implements and throws "not implemented" on anything else — so a test cannot pass
 * against behaviour Excel would not have. Separate from client.ts because it concerns what a
 * caller can see and touch, not how an object loads, queues and resolves.
 */
import type { AnyClientObject } from './client';
import { accessDenied, notImplemented } from './errors';
import { refuseOnProtected } from './protection';
import { trackCall } from './payload';

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
  // JSON.stringify and jest's printer look for it; Office.js objects have one, this imitation not.
  'toJSON',
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

/** A plain object exposing only the given members; anything else throws "not implemented". */
export function guardPlain<T extends object>(typeName: string, obj: T): T {
  return new Proxy(obj, {
    get(target, p, receiver) {
      if (typeof p === 'symbol') return Reflect.get(target, p, receiver);
      if (p === 'then') return undefined;
      if (p in target) return Reflect.get(target, p, receiver);
      if (INTROSPECTION.has(p) || p === 'constructor') return undefined;
      throw notImplemented(typeName, p);
    },
    set(target, p, value) {
      if (typeof p === 'symbol') return Reflect.set(target, p, value);
      throw notImplemented(typeName, `${p} (set)`);
    },
  });
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
  return !['activate', 'select', 'load', 'calculate'].includes(method);
}

const BASE_METHODS: Record<string, (t: AnyClientObject) => unknown> = {
  load: (t) => (spec?: unknown) => t.loadFrom(spec),
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

export function guardObject<T extends AnyClientObject>(target: T): T {
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
          // A write on a protected sheet: refused when its request runs (protection.ts).
          else
            t.ctx.enqueueCheck(() => {
              let m: unknown;
              try {
                m = t.resolveMaybeNull();
              } catch {
                return; // the call itself fails with the object's own error
              }
              refuseOnProtected(t, m, `${t.def.name}.${p}`);
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
