/**
 * Field-level three-way merge of plain JSON state, so two tabs editing one entry never lose work:
 * `base` is the version both started from, `mine` this tab's state, `theirs` the one stored by the
 * other tab.
 *
 * - Objects merge key by key, recursively; a key removed on one side and untouched on the other
 *   is removed.
 * - Arrays whose elements are all objects with a unique string `id` (e.g. 预算申请单 lines) merge
 *   element by element matched by id, so a line added in one tab and a line edited in the other
 *   both survive. The order is the side that reordered (mine when both did); additions go before
 *   their successor. Paths through such arrays use the id, not the index.
 * - Other arrays of the same length in all three merge element by element; otherwise an array is
 *   one value.
 * - A value changed on one side takes that side; changed on both to the same value is fine;
 *   changed on both to different values is a conflict, and `merged` holds `mine` there until it is
 *   resolved. `undefined` in a conflict means "absent" (removed on that side).
 */
import { deepEqual, defineKey, isPlainObject, samePath, setAt, type Path } from './path';

export { getAt, samePath, type Path, type PathSegment } from './path';

export interface FieldConflict {
  /** Where: keys, indices, and ids for id-keyed arrays. */
  readonly path: Path;
  readonly base: unknown;
  readonly mine: unknown;
  readonly theirs: unknown;
}

export interface MergeResult<T> {
  readonly merged: T;
  readonly conflicts: FieldConflict[];
}

export function mergeThreeWay<T>(base: T, mine: T, theirs: T): MergeResult<T> {
  const conflicts: FieldConflict[] = [];
  const merged = mergeValue(base, mine, theirs, [], conflicts) as T;
  return { merged, conflicts };
}

/**
 * Settles one conflict in `state` (the current state, perhaps edited since the merge): 'mine'
 * keeps what is there now, 'theirs' puts the other tab's value back (or removes the field or line
 * the other tab removed).
 */
export function resolveConflict<T>(state: T, conflict: FieldConflict, choice: 'mine' | 'theirs'): T {
  if (choice === 'mine') return state;
  return setAt(state, conflict.path, conflict.theirs);
}

/**
 * Where `after` differs from `before`, field by field, with the same paths as conflicts: objects
 * key by key, id-keyed arrays by id (a line added or removed is its id), other arrays of one length
 * by index, anything else as one value.
 */
export function changedPaths(before: unknown, after: unknown, path: Path = []): Path[] {
  if (deepEqual(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((key) => changedPaths(own(before, key), own(after, key), [...path, key]));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (isIdKeyed(before) && isIdKeyed(after)) {
      const was = new Map(before.map((item) => [item.id, item]));
      const now = new Map(after.map((item) => [item.id, item]));
      const ids = [...new Set([...was.keys(), ...now.keys()])];
      const changed = ids.flatMap((id) => changedPaths(was.get(id), now.get(id), [...path, id]));
      // Only the order changed: the list as a whole.
      return changed.length > 0 ? changed : [path];
    }
    if (before.length === after.length) {
      return before.flatMap((item, i) => changedPaths(item, after[i], [...path, i]));
    }
  }
  return [path];
}

/** The conflict at exactly `path`, if any (for showing it beside its field). */
export function conflictAt(conflicts: readonly FieldConflict[], path: Path): FieldConflict | undefined {
  return conflicts.find((c) => samePath(c.path, path));
}

function mergeValue(
  base: unknown,
  mine: unknown,
  theirs: unknown,
  path: Path,
  out: FieldConflict[],
): unknown {
  if (deepEqual(mine, theirs)) return mine;
  if (deepEqual(base, mine)) return theirs;
  if (deepEqual(base, theirs)) return mine;
  // Changed on both sides: look inside containers before calling it a conflict.
  if (isPlainObject(mine) && isPlainObject(theirs)) {
    return mergeObjects(isPlainObject(base) ? base : {}, mine, theirs, path, out);
  }
  if (Array.isArray(base) && Array.isArray(mine) && Array.isArray(theirs)) {
    if (isIdKeyed(base) && isIdKeyed(mine) && isIdKeyed(theirs))
      return mergeById(base, mine, theirs, path, out);
    if (base.length === mine.length && mine.length === theirs.length) {
      return mine.map((item, i) => mergeValue(base[i], item, theirs[i], [...path, i], out));
    }
  }
  out.push({ path, base, mine, theirs });
  return mine;
}

function mergeObjects(
  base: Record<string, unknown>,
  mine: Record<string, unknown>,
  theirs: Record<string, unknown>,
  path: Path,
  out: FieldConflict[],
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base)]);
  for (const key of keys) {
    const value = mergeValue(own(base, key), own(mine, key), own(theirs, key), [...path, key], out);
    if (value !== undefined) defineKey(result, key, value);
  }
  return result;
}

function own(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

type Identified = Record<string, unknown> & { readonly id: string };

function isIdKeyed(array: readonly unknown[]): array is Identified[] {
  const ids = new Set<string>();
  for (const item of array) {
    if (!isPlainObject(item) || typeof item.id !== 'string' || ids.has(item.id)) return false;
    ids.add(item.id);
  }
  return true;
}

function mergeById(
  base: Identified[],
  mine: Identified[],
  theirs: Identified[],
  path: Path,
  out: FieldConflict[],
) {
  const inBase = new Map(base.map((item) => [item.id, item]));
  const inMine = new Map(mine.map((item) => [item.id, item]));
  const inTheirs = new Map(theirs.map((item) => [item.id, item]));

  // Order: take the side that reordered the lines all three share (mine if both did).
  const shared = (list: Identified[]) =>
    list.map((item) => item.id).filter((id) => inBase.has(id) && inMine.has(id) && inTheirs.has(id));
  const baseOrder = shared(base);
  const mineReordered = !shared(mine).every((id, i) => id === baseOrder[i]);
  const order = weave(mineReordered ? mine : theirs, mineReordered ? theirs : mine);

  const result: unknown[] = [];
  for (const id of order) {
    const b = inBase.get(id);
    const m = inMine.get(id);
    const t = inTheirs.get(id);
    if (m !== undefined && t !== undefined) {
      result.push(mergeValue(b, m, t, [...path, id], out));
    } else if (b === undefined) {
      result.push(m ?? t); // added on one side
    } else if (!deepEqual(b, m ?? t)) {
      // Removed on one side, edited on the other.
      out.push({ path: [...path, id], base: b, mine: m, theirs: t });
      if (m !== undefined) result.push(m);
    }
    // else: removed on one side, untouched on the other → removed.
  }
  return result;
}

/** Ids of `primary` in its order, with those only in `secondary` placed before their successor there. */
function weave(primary: Identified[], secondary: Identified[]): string[] {
  const order = primary.map((item) => item.id);
  const inPrimary = new Set(order);
  secondary.forEach(({ id }, i) => {
    if (inPrimary.has(id)) return;
    const next = secondary.slice(i + 1).find((item) => inPrimary.has(item.id));
    const at = next ? order.indexOf(next.id) : -1;
    if (at < 0) order.push(id);
    else order.splice(at, 0, id);
  });
  return order;
}
