/**
 * "下载 JSON / 导入 JSON": a tool's state in a file with a small header saying which tool and
 * which version of its state wrote it, read back only after validation against the tool's schema.
 * Also home of the state checks that the share link and the browser store use too.
 */
import * as v from 'valibot';
import { fill } from './template';

export const APP_ID = 'marketing-handbook';

/** Lifts state written by an older version to the current one; throw or return junk to refuse. */
export type Migrate = (old: unknown, fromVersion: number) => unknown;

export type StateResult<T> =
  | { readonly ok: true; readonly state: T }
  | {
      readonly ok: false;
      readonly error: string;
      /** Path of the first bad field (array indices from 0), when the schema refused the state. */
      readonly field?: readonly PropertyKey[];
    };

/** A tool's state schema: any valibot schema whose output is the state. */
export type StateSchema<T> = v.GenericSchema<unknown, T>;

/** A JSON object: not null and not an array (valibot's object and record let arrays through). */
export const plain = v.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
);

/** `v.object` that refuses an array (as a whole, not as "first field missing"); unknown keys dropped. */
export function plainObject<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(plain, v.object(entries));
}

/** `v.strictObject` that refuses an array; an unknown key fails the object. */
export function plainStrictObject<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(plain, v.strictObject(entries));
}

/** `v.record` that refuses an array (valibot's would read `[x]` as `{ 0: x }`). */
export function plainRecord<
  const K extends v.GenericSchema<string, string | number | symbol>,
  const V extends v.GenericSchema,
>(key: K, value: V) {
  return v.pipe(plain, v.record(key, value));
}

/**
 * Path of the first issue (array indices as numbers). An unknown key of a strict object names the
 * object, not the key, as before (zod reported `unrecognized_keys` at the object).
 */
function issuePath(issue: v.BaseIssue<unknown> | undefined): PropertyKey[] {
  const path = (issue?.path ?? []).map((item) => item.key as PropertyKey);
  if (issue?.type === 'strict_object' && issue.expected === 'never') path.pop();
  return path;
}

/** `lines.2.quantity` → "lines 第 3 项 quantity": indices counted from 1 for a reader. */
export function describePath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `第 ${part + 1} 项` : String(part))).join(' ');
}

/** Schema check with a message naming the first bad field: 字段 lines 第 3 项 quantity 不正确. */
export function validateState<T>(schema: StateSchema<T>, data: unknown): StateResult<T> {
  const result = v.safeParse(schema, data, { abortEarly: true });
  if (result.success) return { ok: true, state: result.output };
  const path = issuePath(result.issues[0]);
  const error = path.length > 0 ? `字段 ${describePath(path)} 不正确` : '内容不正确';
  return { ok: false, error, field: path };
}

export type UpgradeResult =
  | { readonly ok: true; readonly data: unknown; readonly migrated: boolean }
  | { readonly ok: false; readonly reason: 'older' | 'newer' };

/** Brings data of `fromVersion` to `currentVersion` (same version: unchanged). Never throws. */
export function upgradeState(
  data: unknown,
  fromVersion: number,
  currentVersion: number,
  migrate?: Migrate,
): UpgradeResult {
  if (fromVersion === currentVersion) return { ok: true, data, migrated: false };
  if (fromVersion > currentVersion || !migrate) {
    return { ok: false, reason: fromVersion > currentVersion ? 'newer' : 'older' };
  }
  try {
    return { ok: true, data: migrate(data, fromVersion), migrated: true };
  } catch {
    return { ok: false, reason: 'older' };
  }
}

export const JSON_FILE_MESSAGES = {
  notJson: '文件不是有效的 JSON，请选择本工具导出的 .json 文件',
  otherTool: '不是本工具导出的文件',
  older: '文件版本过旧，无法导入',
  newer: '文件来自较新的版本，请刷新页面后再导入',
  /** A bad field named as the page labels it (parseJsonFile's `fieldName`). */
  badField: '文件中的「{field}」不正确，请选择本工具导出、未经改动的 .json 文件',
  /** A bad field the caller cannot name: never the path itself, which is code. */
  badContent: '文件中有内容不正确，请选择本工具导出、未经改动的 .json 文件',
} as const;

/** File body: the header fields, then the state under `data`. */
interface JsonFile {
  readonly app: typeof APP_ID;
  readonly tool: string;
  readonly version: number;
  readonly savedAt: string;
  readonly data: unknown;
}

/** Pretty JSON for download; `now` is injectable for tests. */
export function toJsonFile(tool: string, version: number, state: unknown, now: Date = new Date()): string {
  const file: JsonFile = { app: APP_ID, tool, version, savedAt: now.toISOString(), data: state };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type JsonFileResult<T> =
  | { readonly ok: true; readonly state: T; readonly savedAt: string; readonly migrated: boolean }
  | { readonly ok: false; readonly error: string; readonly field?: readonly PropertyKey[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a file written by `toJsonFile` for `tool`; older versions go through `migrate`. */
export function parseJsonFile<T>(
  text: string,
  tool: string,
  version: number,
  schema: StateSchema<T>,
  options: {
    readonly migrate?: Migrate;
    /** A field as the page labels it, for the message about a bad one; null when it cannot say. */
    readonly fieldName?: (path: readonly PropertyKey[]) => string | null;
  } = {},
): JsonFileResult<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: JSON_FILE_MESSAGES.notJson };
  }
  if (!isRecord(parsed) || parsed.app !== APP_ID || parsed.tool !== tool || !('data' in parsed)) {
    return { ok: false, error: JSON_FILE_MESSAGES.otherTool };
  }
  const fileVersion = parsed.version;
  if (typeof fileVersion !== 'number' || !Number.isSafeInteger(fileVersion)) {
    return { ok: false, error: JSON_FILE_MESSAGES.otherTool };
  }
  const upgraded = upgradeState(parsed.data, fileVersion, version, options.migrate);
  if (!upgraded.ok) return { ok: false, error: JSON_FILE_MESSAGES[upgraded.reason] };
  const validated = validateState(schema, upgraded.data);
  // A migration that yields invalid state means the file is too old to lift, not a bad field.
  if (!validated.ok) {
    if (upgraded.migrated) return { ok: false, error: JSON_FILE_MESSAGES.older };
    const field = validated.field ?? [];
    const name = field.length > 0 ? (options.fieldName?.(field) ?? null) : null;
    const error = name ? fill(JSON_FILE_MESSAGES.badField, { field: name }) : JSON_FILE_MESSAGES.badContent;
    return { ok: false, error, field };
  }
  const savedAt = typeof parsed.savedAt === 'string' ? parsed.savedAt : '';
  return { ok: true, state: validated.state, savedAt, migrated: upgraded.migrated };
}
