/**
 * Paths into plain JSON state, shared by the three-way merge and the salvage of bad fields.
 *
 * A segment is an object key, an array index (number) or, inside an array of objects that carry a
 * string `id`, that id (string): `['lines', 'l9x2k', 'unitPrice']` names one line's field however
 * the lines were reordered or added to since.
 */

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** A JSON object: not null and not an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON values; key order does not matter, an absent key equals undefined. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!deepEqual(a[key], b[key])) return false;
    return true;
  }
  return false;
}

/** Sets an own data property, also for a key like `__proto__` that plain assignment would not create. */
export function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

export function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

function indexIn(array: readonly unknown[], segment: PathSegment): number {
  if (typeof segment === 'number')
    return Number.isInteger(segment) && segment >= 0 && segment < array.length ? segment : -1;
  return array.findIndex((item) => isPlainObject(item) && item.id === segment);
}

/** The value at `path`, or undefined when any step is missing. */
export function getAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current)) {
      const i = indexIn(current, segment);
      if (i < 0) return undefined;
      current = current[i];
    } else if (isPlainObject(current) && typeof segment === 'string' && Object.hasOwn(current, segment)) {
      current = current[segment];
    } else {
      return undefined;
    }
  }
  return current;
}

/**
 * A copy of `root` with `next` at `path` (only the containers on the way are copied). `next`
 * undefined removes the key or the array element. A missing id-keyed element is appended; any
 * other missing step leaves `root` as it was.
 */
export function setAt<T>(root: T, path: Path, next: unknown): T {
  return setIn(root, path, 0, next) as T;
}

function setIn(current: unknown, path: Path, depth: number, next: unknown): unknown {
  if (depth === path.length) return next;
  const segment = path[depth] as PathSegment;
  const last = depth === path.length - 1;
  if (Array.isArray(current)) {
    const i = indexIn(current, segment);
    if (i < 0) {
      // An element the other side had and this side removed: put it back, at the end.
      return last && typeof segment === 'string' && next !== undefined ? [...current, next] : current;
    }
    const copy = [...current];
    if (last && next === undefined) copy.splice(i, 1);
    else copy[i] = setIn(current[i], path, depth + 1, next);
    return copy;
  }
  if (isPlainObject(current) && typeof segment === 'string') {
    if (!last && !Object.hasOwn(current, segment)) return current;
    const copy = { ...current };
    if (last && next === undefined) delete copy[segment];
    else defineKey(copy, segment, setIn(current[segment], path, depth + 1, next));
    return copy;
  }
  return current;
}

/**
 * `path` with each id of an id-keyed array replaced by the element's index in the first of `states`
 * that holds it, as forms label rows (「第 3 行」). When no state holds it, the path up to the array.
 */
export function indexedPath(path: Path, ...states: readonly unknown[]): Path {
  let shortest: Path | null = null;
  for (const state of states) {
    const out: PathSegment[] = [];
    let current = state;
    let missing = false;
    for (const segment of path) {
      if (Array.isArray(current)) {
        const i = indexIn(current, segment);
        if (i < 0) {
          missing = true;
          break;
        }
        out.push(i);
        current = current[i];
      } else {
        out.push(segment);
        current =
          isPlainObject(current) && typeof segment === 'string' && Object.hasOwn(current, segment)
            ? current[segment]
            : undefined;
      }
    }
    if (!missing) return out;
    shortest ??= out;
  }
  return shortest ?? path;
}

/** True when `a` is `b` or contains it (or the other way round): an edit of one touches the other. */
export function overlaps(a: Path, b: Path): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
