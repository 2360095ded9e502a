/**
 * What a load() call asks for: the argument forms Office.js accepts ('a, b/c', ['a', 'b/c'],
 * { select, expand }, { a: true, b: { c: true } }) parsed into one plan of properties and
 * navigation paths. Pure parsing with no API objects involved, kept apart from client.ts, whose
 * objects validate and execute a plan.
 */
import { notImplemented } from './errors';

export interface LoadPlan {
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
