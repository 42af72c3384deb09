import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import {
  APP_ID,
  JSON_FILE_MESSAGES,
  parseJsonFile,
  plainObject,
  plainRecord,
  plainStrictObject,
  toJsonFile,
  upgradeState,
  validateState,
  type Migrate,
  type UpgradeResult,
} from '../../../src/core/json-file';

const schema = v.object({
  applicant: v.string(),
  lines: v.array(v.object({ description: v.string(), quantity: v.number() })),
});
type State = v.InferOutput<typeof schema>;

const state: State = { applicant: '张三', lines: [{ description: '海报', quantity: 2 }] };
const savedAt = new Date('2025-03-01T08:00:00.000Z');

function fileWith(fields: Record<string, unknown>): string {
  return JSON.stringify({
    app: APP_ID,
    tool: 'budget',
    version: 2,
    savedAt: savedAt.toISOString(),
    data: state,
    ...fields,
  });
}

describe('toJsonFile', () => {
  test('pretty JSON with the header first and the state under data', () => {
    const text = toJsonFile('budget', 2, state, savedAt);
    expect(JSON.parse(text)).toEqual({
      app: APP_ID,
      tool: 'budget',
      version: 2,
      savedAt: '2025-03-01T08:00:00.000Z',
      data: state,
    });
    expect(text.startsWith('{\n  "app": "marketing-handbook",\n  "tool": "budget",\n  "version": 2,')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  test('savedAt defaults to now', () => {
    const before = Date.now();
    const parsed = JSON.parse(toJsonFile('budget', 1, {})) as { savedAt: string };
    expect(Date.parse(parsed.savedAt)).toBeGreaterThanOrEqual(before - 1);
  });
});

describe('parseJsonFile', () => {
  test('reads back what toJsonFile wrote', () => {
    expect(parseJsonFile(toJsonFile('budget', 2, state, savedAt), 'budget', 2, schema)).toEqual({
      ok: true,
      state,
      savedAt: '2025-03-01T08:00:00.000Z',
      migrated: false,
    });
  });

  test('a BOM added by an editor is tolerated', () => {
    expect(parseJsonFile(`\uFEFF${fileWith({})}`, 'budget', 2, schema)).toMatchObject({ ok: true, state });
  });

  test.each([
    ['not json at all', JSON_FILE_MESSAGES.notJson], // garbage
    ['', JSON_FILE_MESSAGES.notJson], // empty file
    ['{"app":', JSON_FILE_MESSAGES.notJson], // truncated
    ['[]', JSON_FILE_MESSAGES.otherTool], // JSON but not an object
    ['null', JSON_FILE_MESSAGES.otherTool], // JSON null
    [fileWith({ app: 'other-app' }), JSON_FILE_MESSAGES.otherTool], // another application
    [fileWith({ tool: 'bonus' }), JSON_FILE_MESSAGES.otherTool], // another tool of ours
    [fileWith({ data: undefined }), JSON_FILE_MESSAGES.otherTool], // no data field
    [fileWith({ version: '2' }), JSON_FILE_MESSAGES.otherTool], // version not a number
    [fileWith({ version: 1.5 }), JSON_FILE_MESSAGES.otherTool], // version not an integer
    [fileWith({ version: 1 }), JSON_FILE_MESSAGES.older], // older and no migrate
    [fileWith({ version: 3 }), JSON_FILE_MESSAGES.newer], // written by a newer page
    // A bad field is never named by its path (code) unless the page says how it labels it.
    [fileWith({ data: { applicant: 1, lines: [] } }), JSON_FILE_MESSAGES.badContent], // wrong type
    [
      fileWith({ data: { applicant: 'a', lines: [{ description: 'x', quantity: 1 }, { description: 'y' }] } }),
      JSON_FILE_MESSAGES.badContent,
    ],
    [fileWith({ data: 'text' }), JSON_FILE_MESSAGES.badContent], // not an object at all
  ])('%j → %s', (text, error) => {
    expect(parseJsonFile(text, 'budget', 2, schema)).toMatchObject({ ok: false, error });
  });

  test('the bad field comes back as the page labels it, and its path for the UI', () => {
    const text = fileWith({ data: { applicant: 'a', lines: [{ description: 'x' }] } });
    const fieldName = (path: readonly PropertyKey[]) =>
      path[0] === 'lines' ? `费用明细 · 第 ${Number(path[1]) + 1} 行 数量` : null;
    expect(parseJsonFile(text, 'budget', 2, schema, { fieldName })).toEqual({
      ok: false,
      error: '文件中的「费用明细 · 第 1 行 数量」不正确，请选择本工具导出、未经改动的 .json 文件',
      field: ['lines', 0, 'quantity'],
    });
    // A page that cannot name it: a plain message, not the path.
    expect(parseJsonFile(text, 'budget', 2, schema, { fieldName: () => null })).toMatchObject({
      error: JSON_FILE_MESSAGES.badContent,
    });
  });

  test('a missing savedAt does not make a valid file unreadable', () => {
    expect(parseJsonFile(fileWith({ savedAt: 5 }), 'budget', 2, schema)).toMatchObject({ ok: true, savedAt: '' });
  });

  describe('older versions', () => {
    const v1 = fileWith({ version: 1, data: { name: '张三', items: [] } });
    const migrate = (old: unknown, from: number): unknown => {
      if (from !== 1) throw new Error('unknown version');
      const o = old as { name: string; items: State['lines'] };
      return { applicant: o.name, lines: o.items };
    };

    test('are lifted by migrate and flagged', () => {
      expect(parseJsonFile(v1, 'budget', 2, schema, { migrate })).toEqual({
        ok: true,
        state: { applicant: '张三', lines: [] },
        savedAt: savedAt.toISOString(),
        migrated: true,
      });
    });

    test('a migrate that throws means too old', () => {
      expect(parseJsonFile(fileWith({ version: 0 }), 'budget', 2, schema, { migrate })).toMatchObject({
        ok: false,
        error: JSON_FILE_MESSAGES.older,
      });
    });

    test('a migrate result that fails the schema means too old, not a bad field', () => {
      expect(parseJsonFile(v1, 'budget', 2, schema, { migrate: () => ({}) })).toEqual({
        ok: false,
        error: JSON_FILE_MESSAGES.older,
      });
    });
  });
});

describe('upgradeState / validateState', () => {
  const toX: Migrate = () => 'x';
  test.each<[number, number, Migrate | undefined, UpgradeResult]>([
    [2, 2, undefined, { ok: true, data: 'd', migrated: false }], // same version: untouched
    [1, 2, undefined, { ok: false, reason: 'older' }], // older without migrate
    [3, 2, toX, { ok: false, reason: 'newer' }], // newer: migrate never runs
    [1, 2, toX, { ok: true, data: 'x', migrated: true }], // older with migrate
  ])('from %d to %d', (from, to, migrate, expected) => {
    expect(upgradeState('d', from, to, migrate)).toEqual(expected);
  });

  test('validateState passes valibot output through', () => {
    expect(validateState(v.object({ n: v.number() }), { n: 1, extra: true })).toEqual({ ok: true, state: { n: 1 } });
  });
});

describe('object and record schemas for state', () => {
  const inner = plainStrictObject({ a: v.string() });
  const strict = plainStrictObject({ name: v.string(), inner, tags: plainRecord(v.string(), v.number()) });
  const loose = plainObject({ name: v.string() });
  const good = { name: 'x', inner: { a: 'y' }, tags: { k: 1 } };

  test('accept JSON objects and copy them', () => {
    const result = validateState(strict, good);
    expect(result).toEqual({ ok: true, state: good });
    expect(result.ok && result.state).not.toBe(good);
    expect(validateState(loose, { name: 'x', extra: 1 })).toEqual({ ok: true, state: { name: 'x' } });
  });

  test.each([
    ['an array for the state', [], [], '内容不正确'],
    ['an array for an object', { ...good, inner: ['y'] }, ['inner'], '字段 inner 不正确'],
    ['an array for a record', { ...good, tags: [1] }, ['tags'], '字段 tags 不正确'],
    ['an empty array for a record', { ...good, tags: [] }, ['tags'], '字段 tags 不正确'],
    ['an array for a loose object', ['x'], [], '内容不正确'],
  ])('refuse %s as a whole, not as a missing first field', (_, data, field, error) => {
    const schema = Array.isArray(data) && data.length === 1 ? loose : strict;
    expect(validateState(schema, data)).toEqual({ ok: false, error, field });
  });

  test('an unknown key names the strict object that holds it', () => {
    expect(validateState(strict, { ...good, extra: 1 })).toEqual({ ok: false, error: '内容不正确', field: [] });
    expect(validateState(strict, { ...good, inner: { a: 'y', b: 1 } })).toEqual({
      ok: false,
      error: '字段 inner 不正确',
      field: ['inner'],
    });
  });

  test('a bad record entry is named by its key; a missing key by its name', () => {
    expect(validateState(strict, { ...good, tags: { k: 'one' } })).toMatchObject({ field: ['tags', 'k'] });
    expect(validateState(strict, { name: 'x', tags: {} })).toMatchObject({ field: ['inner'] });
  });
});
