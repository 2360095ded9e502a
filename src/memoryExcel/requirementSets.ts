/**
 * ExcelApi requirement sets: which version a workbook claims (DEFAULT_REQUIREMENT_SETS unless
 * configured) and the gate that makes a member newer than it throw ApiNotFound when touched, as
 * Office.js does. One concern shared by the API objects (client.ts) and the workbook's
 * isSetSupported (index.ts).
 */
import { apiNotFound } from './errors';
import type { Host } from './requestContext';

export const DEFAULT_REQUIREMENT_SETS: Record<string, string> = { ExcelApi: '1.17' };

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

/** Office.context.requirements.isSetSupported for the given requirement sets. */
export function isSetSupported(sets: Record<string, string>, name: string, version?: string): boolean {
  const have = sets[name];
  if (!have) return false;
  return version === undefined || compareVersions(have, version) >= 0;
}
