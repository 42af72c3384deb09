import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import fc from 'fast-check';
import { createMemoryStorage, createStore, type StorageLike } from '../../../../src/core/storage';
import { recordBackup } from '../../../../src/core/last-backup';
import {
  applyRestore,
  BACKUP_FORMAT,
  BACKUP_MESSAGES,
  defaultChoice,
  makeBackup,
  planRestore,
  readBackup,
  type StoredKind,
} from '../../../../src/tools/my-data/logic/backup';
import { storedKinds } from '../../../../src/tools/my-data/logic/registry';

// A small kind of our own: version 2, lifted from version 1 (where `n` was a string).
const noteSchema = v.object({ title: v.string(), n: v.number() });
const notes: StoredKind = {
  namespace: 'notes',
  version: 2,
  schema: noteSchema,
  migrate: (old, from) => {
    if (from !== 1) throw new RangeError('no');
    const o = old as { title: string; n: string };
    return { title: o.title, n: Number(o.n) };
  },
};
const kinds = [notes];
const meta = { site: '1.0.0', policy: '2026.1' };
const at = (s: string) => new Date(s);

function put(storage: StorageLike, key: string, env: unknown): void {
  storage.setItem(`mh:notes:${key}`, JSON.stringify(env));
}
function storeOn(storage: StorageLike, now = () => Date.parse('2026-04-01T00:00:00Z')) {
  return createStore({ namespace: 'notes', version: 2, schema: noteSchema, storage, now });
}

describe('makeBackup', () => {
  it('holds every entry with its version and savedAt, leaving out 我的数据 and entries kept aside', () => {
    const storage = createMemoryStorage();
    put(storage, 'a', { v: 2, savedAt: '2026-03-01T00:00:00.000Z', data: { title: 'A', n: 1 } });
    put(storage, 'b', { v: 1, savedAt: '2026-02-01T00:00:00.000Z', data: { title: 'B', n: '2' } });
    storage.setItem('mh:notes:a:backup:123', 'junk');
    recordBackup(at('2026-03-02T00:00:00Z'), storage);
    const file = makeBackup(storage, kinds, meta, at('2026-03-05T00:00:00Z'));
    expect(file.app).toBe('marketing-handbook');
    expect(file.kind).toBe('backup');
    expect(file.format).toBe(BACKUP_FORMAT);
    expect(file.count).toBe(2);
    expect(file.entries).toEqual([
      { namespace: 'notes', key: 'a', v: 2, savedAt: '2026-03-01T00:00:00.000Z', data: { title: 'A', n: 1 } },
      { namespace: 'notes', key: 'b', v: 1, savedAt: '2026-02-01T00:00:00.000Z', data: { title: 'B', n: '2' } },
    ]);
  });

  it('the registry lists every tool and leaves out 我的数据 itself', () => {
    const names = storedKinds.map((k) => k.namespace);
    expect(names).toEqual(expect.arrayContaining(['self-review', 'budget-request', 'onboarding', 'team-review', 'bonus', 'signoffs', 'reading']));
    expect(names).not.toContain('my-data');
  });
});

describe('readBackup refuses what it cannot restore, saying why', () => {
  const good = JSON.stringify(makeBackup(createMemoryStorage(), kinds, meta, at('2026-03-05T00:00:00Z')));
  it.each([
    // not JSON at all
    ['hello', BACKUP_MESSAGES.notJson],
    // cut while downloading: the JSON ends early
    [good.slice(0, good.length - 10), BACKUP_MESSAGES.cut],
    // JSON from another site
    [JSON.stringify({ app: 'other-site', kind: 'backup', format: 1, entries: [] }), BACKUP_MESSAGES.otherSite],
    // one tool's 下载 JSON, not a backup of everything
    [JSON.stringify({ app: 'marketing-handbook', tool: 'bonus', version: 1, data: {} }), BACKUP_MESSAGES.oneTool],
    // a newer backup format
    [JSON.stringify({ ...JSON.parse(good), format: BACKUP_FORMAT + 1 }), BACKUP_MESSAGES.newerFormat],
    // entries missing: the count no longer matches
    [JSON.stringify({ ...JSON.parse(good), count: 3 }), BACKUP_MESSAGES.cut],
    // entries not a list
    [JSON.stringify({ ...JSON.parse(good), entries: 'x' }), BACKUP_MESSAGES.damaged],
  ])('%s', (text, reason) => {
    const read = readBackup(text);
    expect(read).toEqual({ ok: false, reason });
    expect(reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reads a good file', () => {
    expect(readBackup(good).ok).toBe(true);
  });
});

describe('planRestore', () => {
  function plan(local: (s: StorageLike) => void, entries: unknown[]) {
    const storage = createMemoryStorage();
    local(storage);
    const text = JSON.stringify({ app: 'marketing-handbook', kind: 'backup', format: 1, ...meta, createdAt: '2026-04-01T00:00:00.000Z', count: entries.length, entries });
    const read = readBackup(text);
    if (!read.ok) throw new Error(read.reason);
    return { storage, items: planRestore(read.backup, storage, kinds) };
  }
  const e = (key: string, savedAt: string, data: unknown, v = 2) => ({ namespace: 'notes', key, v, savedAt, data });

  it.each([
    // nothing here yet
    ['新增', () => {}, e('a', '2026-03-01T00:00:00.000Z', { title: 'A', n: 1 })],
    // the file's copy was saved later
    ['备份中较新', (s: StorageLike) => put(s, 'a', { v: 2, savedAt: '2026-02-01T00:00:00.000Z', data: { title: 'old', n: 1 } }), e('a', '2026-03-01T00:00:00.000Z', { title: 'A', n: 1 })],
    // this browser's copy was saved later
    ['本机较新', (s: StorageLike) => put(s, 'a', { v: 2, savedAt: '2026-05-01T00:00:00.000Z', data: { title: 'new', n: 1 } }), e('a', '2026-03-01T00:00:00.000Z', { title: 'A', n: 1 })],
    // same content, whatever the dates
    ['相同', (s: StorageLike) => put(s, 'a', { v: 2, savedAt: '2026-05-01T00:00:00.000Z', data: { title: 'A', n: 1 } }), e('a', '2026-03-01T00:00:00.000Z', { title: 'A', n: 1 })],
    // an older version's entry, same after migration
    ['相同', (s: StorageLike) => put(s, 'a', { v: 2, savedAt: '2026-05-01T00:00:00.000Z', data: { title: 'A', n: 7 } }), e('a', '2026-03-01T00:00:00.000Z', { title: 'A', n: '7' }, 1)],
  ])('%s', (status, local, entry) => {
    const { items } = plan(local, [entry]);
    expect(items[0]?.status).toBe(status);
    // This browser's copy comes with the plan, so a row can be named by it (本机较新 keeps it).
    const here = status === '新增' ? null : { 备份中较新: 'old', 本机较新: 'new', 相同: 'A' }[status];
    expect((items[0]?.localData as { title?: string } | null)?.title ?? null).toBe(here ?? null);
  });

  it.each([
    // a newer site wrote it
    [e('a', '2026-03-01T00:00:00.000Z', { title: 'A', n: 1 }, 3), BACKUP_MESSAGES.newerEntry],
    // a tool this site does not have
    [{ ...e('a', '2026-03-01T00:00:00.000Z', {}), namespace: 'nope' }, BACKUP_MESSAGES.unknownTool],
    // fields wrong
    [e('a', '2026-03-01T00:00:00.000Z', { title: 3 }), BACKUP_MESSAGES.badEntry],
    // 我的数据's own date is never restored
    [{ ...e('last-backup', '2026-03-01T00:00:00.000Z', { at: '2026-03-01T00:00:00.000Z' }, 1), namespace: 'my-data' }, BACKUP_MESSAGES.unknownTool],
  ])('无法读取: %j', (entry, reason) => {
    const { items } = plan(() => {}, [entry]);
    expect(items[0]).toMatchObject({ status: '无法读取', reason });
    expect(defaultChoice(items[0]!)).toBe(false);
  });

  it('applies only what was chosen, an older entry migrated, nothing else touched', () => {
    const { storage, items } = plan(
      (s) => {
        put(s, 'a', { v: 2, savedAt: '2026-05-01T00:00:00.000Z', data: { title: 'mine', n: 1 } });
        put(s, 'b', { v: 2, savedAt: '2026-01-01T00:00:00.000Z', data: { title: 'old', n: 1 } });
      },
      [
        e('a', '2026-03-01T00:00:00.000Z', { title: 'file', n: 1 }),
        e('b', '2026-03-01T00:00:00.000Z', { title: 'B', n: '2' }, 1),
        e('c', '2026-03-01T00:00:00.000Z', { title: 'C', n: 3 }),
      ],
    );
    expect(items.map((i) => i.status)).toEqual(['本机较新', '备份中较新', '新增']);
    const chosen = items.filter(defaultChoice).map((i) => i.id);
    const result = applyRestore(items, new Set(chosen), storage, kinds);
    expect(result).toEqual({ applied: 2, failed: [] });
    const store = storeOn(storage);
    expect(store.load('a')).toMatchObject({ data: { title: 'mine', n: 1 } });
    expect(store.load('b')).toMatchObject({ status: 'ok', data: { title: 'B', n: 2 } });
    expect(store.load('c')).toMatchObject({ status: 'ok', data: { title: 'C', n: 3 }, savedAt: '2026-03-01T00:00:00.000Z' });
  });

  it('an overwritten local copy is saved later than it was, so other tabs see the change', () => {
    const { storage, items } = plan(
      (s) => put(s, 'a', { v: 2, savedAt: '2026-05-01T00:00:00.000Z', data: { title: 'mine', n: 1 } }),
      [e('a', '2026-03-01T00:00:00.000Z', { title: 'file', n: 1 })],
    );
    applyRestore(items, new Set([items[0]!.id]), storage, kinds);
    const loaded = storeOn(storage).load('a');
    expect(loaded).toMatchObject({ status: 'ok', data: { title: 'file', n: 1 } });
    expect(loaded.status === 'ok' && loaded.savedAt > '2026-05-01T00:00:00.000Z').toBe(true);
  });
});

describe('backup then restore onto an empty browser', () => {
  it('reproduces storage exactly (property)', () => {
    const entry = fc.record({
      key: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
      title: fc.string(),
      n: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
      ms: fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (x) => x.key, maxLength: 8 }), (list) => {
        const source = createMemoryStorage();
        for (const x of list) put(source, x.key, { v: 2, savedAt: new Date(x.ms).toISOString(), data: { title: x.title, n: x.n } });
        const text = JSON.stringify(makeBackup(source, kinds, meta));
        const read = readBackup(text);
        if (!read.ok) throw new Error(read.reason);
        const target = createMemoryStorage();
        const items = planRestore(read.backup, target, kinds);
        applyRestore(items, new Set(items.filter(defaultChoice).map((i) => i.id)), target, kinds);
        const dump = (s: StorageLike) =>
          Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)!).sort().map((k) => [k, s.getItem(k)]));
        expect(dump(target)).toEqual(dump(source));
      }),
    );
  });
});
