// The runtime of a tool page, without DOM or preact: memory storage and a fake clock.
import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import { plainObject } from '../../../../src/core/json-file';
import { limitedText } from '../../../../src/core/text-limit';
import { createMemoryStorage } from '../../../../src/core/storage';
import { createToolRuntime } from '../../../../src/tools/kit/logic/runtime';
import type { ToolDefinition } from '../../../../src/tools/kit/logic/definition';
import { encodeShareCompressed } from '../../../../src/core/share-link';
import { fakeClock } from '../../core/autosave/helpers';

const schema = plainObject({ title: v.string(), amount: v.string() });
type Note = v.InferOutput<typeof schema>;
interface Ctx {
  readonly words: Readonly<Record<string, string>>;
}
const ctx: Ctx = { words: { title: '标题', amount: '金额' } };

const notes: ToolDefinition<Note, number, Ctx> = {
  id: 'notes',
  version: 1,
  schema,
  empty: () => ({ title: '', amount: '' }),
  isBlank: (s) => s.title === '' && s.amount === '',
  derive: (s) => s.title.length,
  fieldLabel: (path, c) => (typeof path[0] === 'string' ? (c.words[path[0]] ?? null) : null),
  entries: {
    kind: 'many',
    label: (s) => s.title || '未命名',
    keyOf: (s) => (s.title ? `n-${s.title}` : null),
    newKey: () => 'fresh',
    labelOfKey: (k) => (k.startsWith('n-') ? k.slice(2) : null),
    firstKey: (_c, today) => `day-${today}`,
  },
  exports: async () => ({ text: (s) => s.title, fileBase: () => 'notes' }),
};

const saved = (data: unknown, savedAt: string, v = 1) => JSON.stringify({ v, savedAt, data });

function setup(seed: Record<string, string> = {}) {
  const storage = createMemoryStorage();
  for (const [k, raw] of Object.entries(seed)) storage.setItem(`mh:notes:${k}`, raw);
  const clock = fakeClock();
  let cleared = 0;
  const rt = createToolRuntime(notes, ctx, {
    storage,
    now: clock.now,
    timer: clock.timer,
    delay: 300,
    clearLink: () => void (cleared += 1),
  });
  return { rt, storage, clock, cleared: () => cleared };
}

describe('start', () => {
  test('before start nothing is listed and nothing is open (the server render)', () => {
    const { rt } = setup({ 'n-a': saved({ title: 'a', amount: '1' }, '2026-01-01T00:00:00.000Z') });
    expect(rt.getSnapshot()).toMatchObject({ started: false, key: null, entries: [], notices: [] });
  });

  test('opens the latest saved entry in the same call, or the first for today', () => {
    const { rt } = setup({
      'n-a': saved({ title: 'a', amount: '1' }, '2026-01-01T00:00:00.000Z'),
      'n-b': saved({ title: 'b', amount: '2' }, '2026-02-01T00:00:00.000Z'),
    });
    rt.start('2026-03-01');
    expect(rt.getSnapshot()).toMatchObject({ started: true, key: 'n-b', state: { title: 'b' }, today: '2026-03-01' });
    expect(rt.getSnapshot().entries.map((e) => [e.key, e.label, e.current])).toEqual([
      ['n-b', 'b', true],
      ['n-a', 'a', false],
    ]);
    const empty = setup().rt;
    empty.start('2026-03-01');
    expect(empty.getSnapshot().key).toBe('day-2026-03-01');
  });
});

describe('entries that cannot be used as they are', () => {
  test('a damaged entry among others: one notice naming it, one backup, its slot freed', () => {
    const { rt, storage } = setup({
      'n-a': saved({ title: 'a', amount: '1' }, '2026-01-01T00:00:00.000Z'),
      'n-broken': '{"v":1,"savedAt":"x","data":',
    });
    rt.start('2026-03-01');
    rt.edit((s) => ({ ...s, amount: '5' }));
    rt.flush();
    rt.open('n-a');
    expect(rt.getSnapshot().notices.map((n) => n.text)).toEqual(['「broken」保存的内容无法读取，已另存为备份，请重新填写']);
    const keys = [...Array(storage.length)].map((_, i) => storage.key(i) ?? '');
    expect(keys.filter((k) => k.startsWith('mh:notes:n-broken:backup:'))).toHaveLength(1);
    expect(storage.getItem('mh:notes:n-broken')).toBeNull();
  });

  test('one bad field: one notice with the field as the page labels it, read however often', () => {
    const { rt, clock } = setup({
      'n-a': saved({ title: 'a', amount: 5 }, '2026-01-01T00:00:00.000Z'),
      'n-b': saved({ title: 'b', amount: '2' }, '2025-01-01T00:00:00.000Z'),
    });
    rt.start('2026-03-01');
    rt.open('n-b');
    rt.edit((s) => ({ ...s, amount: '3' }));
    clock.advance(300);
    rt.open('n-a');
    const texts = rt.getSnapshot().notices.map((n) => n.text);
    expect(texts).toEqual(['「a」保存的内容中有字段不正确，已重置：「金额」；原内容已另存为备份，请核对']);
    expect(rt.getSnapshot().state).toEqual({ title: 'a', amount: '' });
  });
});

describe('share view, import and saving as', () => {
  test('a share link shows its state read-only; edits do not reach the open entry; leaving clears the link', async () => {
    const { rt, cleared } = setup();
    rt.start('2026-03-01');
    const link = await encodeShareCompressed('notes', 1, { title: '分享', amount: '9' });
    if (!link.ok) throw new Error(link.error);
    await rt.openShared(link.fragment);
    expect(rt.getSnapshot()).toMatchObject({ shared: { title: '分享' }, state: { title: '分享' }, reading: false });
    rt.edit((s) => ({ ...s, title: 'x' }));
    expect(rt.getSnapshot().state.title).toBe('分享');
    rt.closeShare();
    expect(rt.getSnapshot()).toMatchObject({ shared: null, state: { title: '' } });
    expect(cleared()).toBe(1);
  });

  test('a bad link says why and the reader keeps their own entry', async () => {
    const { rt } = setup();
    rt.start('2026-03-01');
    await rt.openShared('v1.notes.!!!');
    expect(rt.getSnapshot().shared).toBeNull();
    expect(rt.getSnapshot().notices.map((n) => n.code)).toEqual(['share-error']);
    rt.dismiss('share-error');
    expect(rt.getSnapshot().notices).toEqual([]);
  });

  test('an imported file goes to its own key and opens; a bad file is refused with the reason', async () => {
    const { rt } = setup();
    rt.start('2026-03-01');
    const file = rt.jsonOf({ title: 'imp', amount: '7' });
    await expect(rt.importText(file)).resolves.toMatchObject({ error: null, label: 'imp' });
    expect(rt.getSnapshot()).toMatchObject({ key: 'n-imp', state: { title: 'imp', amount: '7' } });
    const bad = await rt.importText('{"tool":"other"}');
    expect(bad.error).toEqual(expect.any(String));
  });

  test('removing the open entry opens the latest other one', () => {
    const { rt } = setup({
      'n-a': saved({ title: 'a', amount: '1' }, '2026-01-01T00:00:00.000Z'),
      'n-b': saved({ title: 'b', amount: '2' }, '2026-02-01T00:00:00.000Z'),
    });
    rt.start('2026-03-01');
    rt.remove('n-b');
    expect(rt.getSnapshot().key).toBe('n-a');
  });
});

describe('words for readers, never code paths', () => {
  test('an imported file with a bad field names it as the page does', async () => {
    const { rt } = setup();
    rt.start('2026-03-01');
    const file = JSON.stringify({ app: 'marketing-handbook', tool: 'notes', version: 1, savedAt: '', data: { title: 'x', amount: 5 } });
    const r = await rt.importText(file);
    expect(r.error).toBe('文件中的「金额」不正确，请选择本工具导出、未经改动的 .json 文件');
  });

  test('a field the tool cannot name is reported in Chinese, not by its path', () => {
    const unnamed = createToolRuntime({ ...notes, fieldLabel: () => null }, ctx, {
      storage: (() => {
        const s = createMemoryStorage();
        s.setItem('mh:notes:n-a', saved({ title: 'a', amount: 5 }, '2026-01-01T00:00:00.000Z'));
        return s;
      })(),
    });
    unnamed.start('2026-03-01');
    const [notice] = unnamed.getSnapshot().notices;
    expect(notice?.text).toContain('「无法识别的一项」');
    expect(notice?.text).not.toMatch(/amount/);
    unnamed.dispose();
  });
});

describe('text over its limit', () => {
  const limited = plainObject({ title: limitedText(4), amount: v.string() });
  const def = { ...notes, schema: limited } as ToolDefinition<Note, number, Ctx>;

  test('is saved whole, and named as the page labels it for the export bar', () => {
    const storage = createMemoryStorage();
    const clock = fakeClock();
    const rt = createToolRuntime(def, ctx, { storage, now: clock.now, timer: clock.timer, delay: 300 });
    rt.start('2026-03-01');
    const long = '市场推广活动😀';
    rt.edit((s) => ({ ...s, title: long }));
    clock.advance(300);
    const key = rt.getSnapshot().key!;
    expect(JSON.parse(storage.getItem(`mh:notes:${key}`)!).data.title).toBe(long);
    expect(rt.overLimit(rt.getSnapshot().state)).toEqual([{ path: ['title'], label: '标题', count: 7, limit: 4 }]);
    expect(rt.overLimit({ title: '市场', amount: '很长很长很长' })).toEqual([]);
  });
});
