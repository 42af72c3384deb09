/**
 * A record with a bad field keeps its good fields and says which field was reset: one damaged value
 * must not cost the reader the whole entry.
 *
 * Each field the schema refuses is replaced by the empty state's value at the same path; where the
 * empty state has nothing there (a fifth line, a key of a record, an unknown key) the bad array
 * element or key is dropped instead. Repeated until the state validates, or given up (null) when
 * the whole value is wrong or a round changes nothing.
 */
import * as v from 'valibot';
import type { StateSchema } from '../json-file';
import { deepEqual, getAt, samePath, setAt, type Path, type PathSegment } from './path';

export interface Salvaged<T> {
  readonly state: T;
  /** Fields reset to their empty value, or array elements / keys dropped, in the order met. */
  readonly resetFields: Path[];
}

/**
 * Rounds before giving up. Each fixes every issue it sees, but a strict object reports one unknown
 * key at a time, so a hand-edited record may take a round per stray key.
 */
const MAX_ROUNDS = 100;

type Fix = { readonly path: Path; readonly value: unknown; readonly drop: boolean };

export function salvage<T>(schema: StateSchema<T>, data: unknown, empty: T): Salvaged<T> | null {
  const resetFields: Path[] = [];
  let current = data;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = v.safeParse(schema, current);
    if (result.success) return { state: result.output, resetFields };
    const fixes = planFixes(result.issues, current, empty);
    if (fixes === null) return null;
    const next = applyFixes(current, fixes);
    if (deepEqual(next, current)) return null; // no progress: the empty state cannot fill this gap
    for (const fix of fixes) if (!resetFields.some((p) => samePath(p, fix.path))) resetFields.push(fix.path);
    current = next;
  }
  return null;
}

function issuePath(issue: v.BaseIssue<unknown>): Path | null {
  const path: PathSegment[] = [];
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    if (typeof key !== 'string' && typeof key !== 'number') return null;
    path.push(key);
  }
  return path;
}

function planFixes(issues: readonly v.BaseIssue<unknown>[], data: unknown, empty: unknown): Fix[] | null {
  const fixes: Fix[] = [];
  for (const issue of issues) {
    const path = issuePath(issue);
    if (path === null || path.length === 0) return null; // the whole value is wrong
    const fix = fixFor(path, data, empty);
    if (!fixes.some((f) => samePath(f.path, fix.path))) fixes.push(fix);
  }
  return fixes;
}

function fixFor(path: Path, data: unknown, empty: unknown): Fix {
  const value = getAt(empty, path);
  if (value !== undefined) return { path, value, drop: false };
  // Drop the outermost step the empty state does not have: a whole extra line rather than one of
  // its fields (which would only fail again as missing).
  let cut = path.length;
  for (let i = 1; i <= path.length; i++) {
    if (getAt(empty, path.slice(0, i)) === undefined) {
      cut = i;
      break;
    }
  }
  return {
    path: path.slice(0, cut),
    value: undefined,
    drop: Array.isArray(getAt(data, path.slice(0, cut - 1))),
  };
}

function applyFixes(data: unknown, fixes: readonly Fix[]): unknown {
  let next = data;
  for (const fix of fixes) if (!fix.drop) next = setAt(next, fix.path, fix.value);
  // Array elements last, highest index first, so the indices of the others still hold.
  const drops = fixes.filter((f) => f.drop).sort((a, b) => comparePaths(b.path, a.path));
  for (const fix of drops) next = setAt(next, fix.path, undefined);
  return next;
}

function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as PathSegment;
    const y = b[i] as PathSegment;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}
