import { afterEach, describe, expect, test, vi } from 'vitest';
import * as v from 'valibot';
import {
  STORAGE_MESSAGES,
  createMemoryStorage,
  createStore,
  type StorageLike,
  type StoreOptions,
} from '../../../src/core/storage';

const schema = v.object({ title: v.string(), amountFen: v.number() });
type Draft = v.InferOutput<typeof schema>;
const draft: Draft = { title: '暑期招生海报', amountFen: 120050 };

/** A Web Storage stand-in; `limit` caps the total characters stored, like a browser quota. */
class FakeStorage implements StorageLike {
  readonly map = new Map<string, string>();
  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}
  get length(): number {
    return this.map.size;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    let used = 0;
    for (const [k, v] of this.map) if (k !== key) used += k.length + v.length;
    if (used + key.length + value.length > this.limit) {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    }
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

/** Private mode / blocked cookies: every access throws. */
class ThrowingStorage implements StorageLike {
  get length(): number {
    throw Object.assign(new Error('denied'), { name: 'SecurityError' });
  }
  key(): string | null {
    throw Object.assign(new Error('denied'), { name: 'SecurityError' });
  }
  getItem(): string | null {
    throw Object.assign(new Error('denied'), { name: 'SecurityError' });
  }
  setItem(): void {
    throw Object.assign(new Error('denied'), { name: 'SecurityError' });
  }
  removeItem(): void {
    throw Object.assign(new Error('denied'), { name: 'SecurityError' });
  }
}

/** Old Safari private mode: reads work, every write throws QuotaExceededError. */
class NoQuotaStorage extends FakeStorage {
  override setItem(): void {
    throw Object.assign(new Error('quota'), { name: 'QuotaExceededError', code: 22 });
  }
}

const T0 = Date.parse('2025-03-01T08:00:00.000Z');

function makeStore(storage: StorageLike, overrides: Partial<StoreOptions<Draft>> = {}) {
  let clock = T0;
  const store = createStore<Draft>({
    namespace: 'budget',
    version: 2,
    schema,
    storage,
    now: () => clock,
    ...overrides,
  });
  return { store, tick: (ms = 1000) => (clock += ms) };
}

function envelope(v: number, data: unknown, savedAt = '2025-01-01T00:00:00.000Z'): string {
  return JSON.stringify({ v, savedAt, data });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('save and load', () => {
  test('round trip under mh:<namespace>:<key> as {v, savedAt, data}', () => {
    const storage = new FakeStorage();
    const { store } = makeStore(storage);
    expect(store.persistent).toBe(true);
    expect(store.unavailableMessage).toBeNull();
    expect(store.save('draft', draft)).toEqual({ ok: true, savedAt: '2025-03-01T08:00:00.000Z' });
    expect(JSON.parse(storage.getItem('mh:budget:draft') ?? '')).toEqual({
      v: 2,
      savedAt: '2025-03-01T08:00:00.000Z',
      data: draft,
    });
    expect(store.load('draft')).toEqual({ status: 'ok', data: draft, savedAt: '2025-03-01T08:00:00.000Z' });
  });

  test('nothing saved → empty', () => {
    expect(makeStore(new FakeStorage()).store.load('draft')).toEqual({ status: 'empty' });
  });

  test('invalid data is not saved', () => {
    const storage = new FakeStorage();
    const { store } = makeStore(storage);
    expect(store.save('draft', { title: 1 } as unknown as Draft)).toEqual({
      ok: false,
      error: STORAGE_MESSAGES.invalid,
    });
    expect(storage.length).toBe(0);
  });

  test('data JSON cannot hold is refused, not thrown', () => {
    const big = createStore({
      namespace: 'n',
      version: 1,
      schema: v.object({ n: v.bigint() }),
      storage: new FakeStorage(),
    });
    expect(big.save('k', { n: 1n })).toEqual({ ok: false, error: STORAGE_MESSAGES.invalid });
  });

  test('savedAt strictly increases even when the clock does not move', () => {
    const { store } = makeStore(new FakeStorage());
    const first = store.save('draft', draft);
    const second = store.save('draft', draft);
    expect(first).toEqual({ ok: true, savedAt: '2025-03-01T08:00:00.000Z' });
    expect(second).toEqual({ ok: true, savedAt: '2025-03-01T08:00:00.001Z' });
  });

  test('a clock that went backwards still gives a later savedAt', () => {
    const storage = new FakeStorage();
    storage.setItem('mh:budget:draft', envelope(2, draft, '2030-01-01T00:00:00.000Z'));
    expect(makeStore(storage).store.save('draft', draft)).toEqual({ ok: true, savedAt: '2030-01-01T00:00:00.001Z' });
  });

  test('remove, list and namespaces', () => {
    const storage = new FakeStorage();
    storage.setItem('mh:bonus:draft', envelope(2, draft)); // another tool
    storage.setItem('other-site-key', 'x'); // not ours at all
    const { store } = makeStore(storage);
    store.save('b', draft);
    store.save('a', draft);
    expect(store.list()).toEqual(['a', 'b']);
    store.remove('a');
    expect(store.list()).toEqual(['b']);
    expect(store.load('a')).toEqual({ status: 'empty' });
  });

  test.each([['has:colon'], [''], ['空格 key']])('key %j is a programming error', (key) => {
    const { store } = makeStore(new FakeStorage());
    expect(() => store.load(key)).toThrow(RangeError);
    expect(() => store.save(key, draft)).toThrow(RangeError);
  });

  test('namespace must be simple too', () => {
    expect(() => createStore({ namespace: 'a:b', version: 1, schema, storage: new FakeStorage() })).toThrow(RangeError);
  });
});

describe('damaged and old entries are kept aside, never wiped', () => {
  // Each reason has its own words: a newer entry is never called 已损坏.
  test.each([
    ['not json', 'unreadable'], // truncated or hand-edited
    ['"just a string"', 'unreadable'], // JSON but no envelope
    ['null', 'unreadable'], // JSON null
    [JSON.stringify({ savedAt: 'x', data: draft }), 'unreadable'], // no version
    [JSON.stringify({ v: 2, savedAt: 'x' }), 'unreadable'], // no data
    [JSON.stringify({ v: '2', savedAt: 'x', data: draft }), 'unreadable'], // version as text
    [JSON.stringify({ v: 2, savedAt: 5, data: draft }), 'unreadable'], // savedAt not text
    [envelope(2, { title: '海报' }), 'damaged'], // fails the schema (and no `empty` to repair it)
    [envelope(1, draft), 'older'], // older version, no migrate
    [envelope(3, draft), 'newer'], // a newer page wrote it
  ] as const)('%j → not usable, reason %s', (raw, reason) => {
    const storage = new FakeStorage();
    storage.setItem('mh:budget:draft', raw);
    const { store } = makeStore(storage);
    expect(store.load('draft')).toEqual({ status: 'damaged', reason, raw });
    expect(store.listBackups()).toEqual([]); // loading only reads
    const backupKey = `mh:budget:draft:backup:${T0}`;
    expect(store.keepAside('draft', raw)).toBe(backupKey);
    expect(storage.getItem(backupKey)).toBe(raw); // the copy
    expect(storage.getItem('mh:budget:draft')).toBe(raw); // the original, untouched
    expect(store.readBackup(backupKey)).toBe(raw);
    expect(store.list()).toEqual(['draft']); // backups are not listed as entries
  });

  test('keeping the same damaged text aside again reuses its backup', () => {
    const storage = new FakeStorage();
    storage.setItem('mh:budget:draft', 'broken');
    const { store, tick } = makeStore(storage);
    const first = store.keepAside('draft', 'broken');
    tick();
    expect(store.load('draft')).toEqual(store.load('draft'));
    expect(store.keepAside('draft', 'broken')).toBe(first);
    expect(store.listBackups()).toHaveLength(1);
  });

  test('different damaged values at the same moment get distinct backups, newest first', () => {
    const storage = new FakeStorage();
    const { store, tick } = makeStore(storage);
    store.keepAside('draft', 'broken-1');
    store.keepAside('draft', 'broken-2'); // same clock → suffix
    tick();
    store.keepAside('other', 'broken-3');
    expect(store.listBackups()).toEqual([
      { backupKey: `mh:budget:other:backup:${T0 + 1000}`, key: 'other', at: T0 + 1000 },
      { backupKey: `mh:budget:draft:backup:${T0}-1`, key: 'draft', at: T0 },
      { backupKey: `mh:budget:draft:backup:${T0}`, key: 'draft', at: T0 },
    ]);
    expect(store.readBackup(`mh:budget:draft:backup:${T0}-1`)).toBe('broken-2');
  });

  test('backups can be removed; foreign keys are not touched by the backup API', () => {
    const storage = new FakeStorage();
    storage.setItem('mh:budget:draft', 'broken');
    storage.setItem('mh:bonus:draft:backup:1', 'theirs');
    const { store } = makeStore(storage);
    const result = store.load('draft');
    expect(result.status).toBe('damaged');
    store.keepAside('draft', 'broken');
    expect(store.readBackup('mh:bonus:draft:backup:1')).toBeNull(); // another namespace
    expect(store.readBackup('mh:budget:draft')).toBeNull(); // not a backup
    store.removeBackup('mh:budget:draft'); // ignored: not a backup
    store.removeBackup('mh:bonus:draft:backup:1'); // ignored: another namespace
    expect(storage.getItem('mh:budget:draft')).toBe('broken');
    expect(storage.getItem('mh:bonus:draft:backup:1')).toBe('theirs');
    store.removeBackup(`mh:budget:draft:backup:${T0}`);
    expect(store.listBackups()).toEqual([]);
  });

  test('when even the backup cannot be written, keepAside says so and the original stays', () => {
    const raw = 'x'.repeat(50);
    const storage = new FakeStorage(100);
    storage.setItem('mh:budget:draft', raw);
    const { store } = makeStore(storage);
    expect(store.load('draft')).toEqual({ status: 'damaged', reason: 'unreadable', raw });
    expect(store.keepAside('draft', raw)).toBeNull();
    expect(storage.getItem('mh:budget:draft')).toBe(raw);
    expect(store.persistent).toBe(true);
  });

  describe('migration', () => {
    const v1 = envelope(1, { name: '暑期招生海报', yuan: 1200.5 }, '2024-12-01T00:00:00.000Z');
    const migrate = (old: unknown, from: number): unknown => {
      if (from !== 1) throw new Error(`no migration from ${from}`);
      const o = old as { name: string; yuan: number };
      return { title: o.name, amountFen: Math.round(o.yuan * 100) };
    };

    test('an older version is lifted and reported as recovered', () => {
      const storage = new FakeStorage();
      storage.setItem('mh:budget:draft', v1);
      const { store } = makeStore(storage, { migrate });
      expect(store.load('draft')).toEqual({
        status: 'recovered',
        data: draft,
        savedAt: '2024-12-01T00:00:00.000Z',
        migrated: true,
        resetFields: [],
        raw: v1,
      });
      expect(store.listBackups()).toEqual([]);
    });

    test.each([
      [envelope(0, {}), 'migrate throws'],
      [envelope(1, { nope: true }), 'migrate output fails the schema'],
    ])('%j (%s) → damaged as too old', (raw) => {
      const storage = new FakeStorage();
      storage.setItem('mh:budget:draft', raw);
      const { store } = makeStore(storage, { migrate });
      expect(store.load('draft')).toMatchObject({ status: 'damaged', reason: 'older', raw });
    });

    test('a migration that leaves one bad field is repaired like a current entry', () => {
      const storage = new FakeStorage();
      storage.setItem('mh:budget:draft', envelope(1, { name: '暑期招生海报', yuan: 'abc' }));
      const { store } = makeStore(storage, { migrate, empty: () => ({ title: '', amountFen: 0 }) });
      expect(store.load('draft')).toMatchObject({
        status: 'recovered',
        data: { title: '暑期招生海报', amountFen: 0 },
        migrated: true,
        resetFields: [['amountFen']],
      });
    });
  });

  describe('a record with a bad field keeps its good fields', () => {
    const empty = (): Draft => ({ title: '', amountFen: 0 });

    test('the bad field is reset and named; the original is left in place for the reader to keep aside', () => {
      const raw = envelope(2, { title: '暑期招生海报', amountFen: '一千' }, '2025-02-01T00:00:00.000Z');
      const storage = new FakeStorage();
      storage.setItem('mh:budget:draft', raw);
      const { store } = makeStore(storage, { empty });
      expect(store.load('draft')).toEqual({
        status: 'recovered',
        data: { title: '暑期招生海报', amountFen: 0 },
        savedAt: '2025-02-01T00:00:00.000Z',
        migrated: false,
        resetFields: [['amountFen']],
        raw,
      });
      expect(store.listBackups()).toEqual([]);
      expect(storage.getItem('mh:budget:draft')).toBe(raw);
    });

    test('nothing recognisable left (not an object) → damaged as before', () => {
      const storage = new FakeStorage();
      storage.setItem('mh:budget:draft', envelope(2, ['not', 'a', 'draft']));
      const { store } = makeStore(storage, { empty });
      expect(store.load('draft')).toMatchObject({ status: 'damaged', reason: 'damaged' });
    });

  });
});

describe('two tabs', () => {
  test('a save based on a stale load is refused as a conflict', () => {
    const storage = new FakeStorage();
    const tabA = makeStore(storage);
    const tabB = makeStore(storage);
    const saved = tabA.store.save('draft', draft);
    expect(saved.ok).toBe(true);
    const loaded = tabA.store.load('draft');
    if (loaded.status !== 'ok') throw new Error('expected ok');

    tabB.tick();
    const other = tabB.store.save('draft', { ...draft, amountFen: 1 }, { expectedSavedAt: loaded.savedAt });
    expect(other).toEqual({ ok: true, savedAt: '2025-03-01T08:00:01.000Z' });

    expect(tabA.store.save('draft', draft, { expectedSavedAt: loaded.savedAt })).toEqual({
      ok: false,
      error: STORAGE_MESSAGES.conflict,
      conflict: true,
      theirSavedAt: '2025-03-01T08:00:01.000Z',
    });
    expect(tabA.store.load('draft')).toMatchObject({ data: { amountFen: 1 } }); // B's work is intact
  });

  test.each([
    [null, true, false], // expected empty, and it is: fine
    [null, false, true], // expected empty, but another tab created it
    ['2025-01-01T00:00:00.000Z', false, false], // expected this exact entry: fine
    ['2024-01-01T00:00:00.000Z', false, true], // expected an older entry
    ['2025-01-01T00:00:00.000Z', true, true], // expected an entry another tab has removed
  ])('expectedSavedAt %j with empty=%s → conflict %s', (expectedSavedAt, empty, conflict) => {
    const storage = new FakeStorage();
    if (!empty) storage.setItem('mh:budget:draft', envelope(2, draft));
    const result = makeStore(storage).store.save('draft', draft, { expectedSavedAt });
    expect(result.ok).toBe(!conflict);
    if (!result.ok)
      expect(result).toMatchObject({ conflict: true, theirSavedAt: empty ? null : '2025-01-01T00:00:00.000Z' });
  });

  test('a damaged entry never matches an expected savedAt', () => {
    const storage = new FakeStorage();
    storage.setItem('mh:budget:draft', 'broken');
    const result = makeStore(storage).store.save('draft', draft, { expectedSavedAt: null });
    expect(result).toMatchObject({ ok: false, conflict: true, theirSavedAt: '' });
  });

  describe('onExternalChange', () => {
    type Listener = (event: { key: string | null; newValue: string | null; storageArea?: unknown }) => void;

    function stubEvents() {
      const listeners = new Set<Listener>();
      vi.stubGlobal(
        'addEventListener',
        (type: string, listener: Listener) => type === 'storage' && listeners.add(listener),
      );
      vi.stubGlobal(
        'removeEventListener',
        (type: string, listener: Listener) => type === 'storage' && listeners.delete(listener),
      );
      return {
        listeners,
        fire: (event: Parameters<Listener>[0]) => listeners.forEach((l) => l(event)),
      };
    }

    test('reports changes to the watched key from the same storage area', () => {
      const events = stubEvents();
      const storage = new FakeStorage();
      const { store } = makeStore(storage);
      const seen: unknown[] = [];
      const stop = store.onExternalChange('draft', (change) => seen.push(change));

      events.fire({
        key: 'mh:budget:draft',
        newValue: envelope(2, draft, '2025-03-02T00:00:00.000Z'),
        storageArea: storage,
      });
      events.fire({ key: 'mh:budget:other', newValue: envelope(2, draft), storageArea: storage }); // other key
      events.fire({ key: 'mh:budget:draft', newValue: envelope(2, draft), storageArea: {} }); // sessionStorage etc.
      events.fire({ key: 'mh:budget:draft', newValue: null, storageArea: storage }); // removed
      events.fire({ key: 'mh:budget:draft', newValue: 'broken' }); // no storageArea given, unreadable value
      events.fire({ key: null, newValue: null, storageArea: storage }); // localStorage.clear()

      expect(seen).toEqual([
        { key: 'draft', savedAt: '2025-03-02T00:00:00.000Z' },
        { key: 'draft', savedAt: null },
        { key: 'draft', savedAt: null },
        { key: 'draft', savedAt: null },
      ]);
      stop();
      expect(events.listeners.size).toBe(0);
    });

    test('in memory mode other tabs cannot touch our data, so nothing is reported', () => {
      const events = stubEvents();
      const { store } = makeStore(new ThrowingStorage());
      const callback = vi.fn();
      store.onExternalChange('draft', callback);
      events.fire({ key: 'mh:budget:draft', newValue: envelope(2, draft) });
      expect(callback).not.toHaveBeenCalled();
    });

    test('without a window (node, workers) it is a no-op with a callable unsubscribe', () => {
      const { store } = makeStore(new FakeStorage());
      const stop = store.onExternalChange('draft', () => {});
      expect(typeof stop).toBe('function');
      expect(stop()).toBeUndefined();
    });
  });
});

describe('storage the browser refuses', () => {
  test('storage that throws on every call → memory, not persistent, still works', () => {
    const { store } = makeStore(new ThrowingStorage());
    expect(store.persistent).toBe(false);
    expect(store.unavailableMessage).toBe('浏览器不允许保存，本页内容关闭后会丢失');
    expect(store.save('draft', draft)).toMatchObject({ ok: true });
    expect(store.load('draft')).toMatchObject({ status: 'ok', data: draft });
    expect(store.list()).toEqual(['draft']);
  });

  test('every write throwing QuotaExceeded (old Safari private mode) → memory', () => {
    const storage = new NoQuotaStorage();
    const { store } = makeStore(storage);
    expect(store.persistent).toBe(false);
    expect(store.save('draft', draft)).toMatchObject({ ok: true });
    expect(storage.length).toBe(0);
  });

  test('a full quota on save is reported and the previous entry survives', () => {
    const storage = new FakeStorage(200);
    const { store } = makeStore(storage);
    expect(store.save('draft', draft).ok).toBe(true);
    const before = storage.getItem('mh:budget:draft');
    expect(store.save('draft', { ...draft, title: '长'.repeat(300) })).toEqual({
      ok: false,
      error: STORAGE_MESSAGES.quota,
      quota: true,
    });
    expect(storage.getItem('mh:budget:draft')).toBe(before);
    expect(store.persistent).toBe(true); // still saving the next smaller change
  });

  test.each([
    [{ name: 'NS_ERROR_DOM_QUOTA_REACHED' }], // Firefox
    [{ code: 22 }], // legacy DOMException code
    [{ code: 1014 }], // legacy Firefox code
  ])('%j counts as a full quota', (shape) => {
    const storage = new FakeStorage();
    const { store } = makeStore(storage);
    storage.setItem = () => {
      throw Object.assign(new Error('full'), shape);
    };
    expect(store.save('draft', draft)).toMatchObject({ ok: false, quota: true });
  });

  test('storage that starts failing later (blocked mid-session) → memory from then on', () => {
    const storage = new FakeStorage();
    const { store } = makeStore(storage);
    expect(store.persistent).toBe(true);
    storage.getItem = () => {
      throw Object.assign(new Error('denied'), { name: 'SecurityError' });
    };
    expect(store.save('draft', draft)).toMatchObject({ ok: true });
    expect(store.persistent).toBe(false);
    expect(store.unavailableMessage).toBe(STORAGE_MESSAGES.unavailable);
    expect(store.load('draft')).toMatchObject({ status: 'ok', data: draft });
  });

  test('a non-error thrown value is not mistaken for a full quota', () => {
    const storage = new FakeStorage();
    const { store } = makeStore(storage);
    storage.setItem = () => {
      throw 'nope';
    };
    expect(store.save('draft', draft)).toMatchObject({ ok: true });
    expect(store.persistent).toBe(false);
  });

  describe('default storage from globalThis', () => {
    test('uses globalThis.localStorage when present', () => {
      const storage = new FakeStorage();
      vi.stubGlobal('localStorage', storage);
      const store = createStore({ namespace: 'budget', version: 1, schema });
      expect(store.persistent).toBe(true);
      store.save('draft', draft);
      expect(storage.getItem('mh:budget:draft')).not.toBeNull();
    });

    test('no localStorage at all (node) → memory', () => {
      vi.stubGlobal('localStorage', undefined);
      expect(createStore({ namespace: 'budget', version: 1, schema }).persistent).toBe(false);
    });

    test('a localStorage getter that throws SecurityError → memory', () => {
      const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
      Object.defineProperty(globalThis, 'localStorage', {
        configurable: true,
        get() {
          throw Object.assign(new Error('denied'), { name: 'SecurityError' });
        },
      });
      try {
        expect(createStore({ namespace: 'budget', version: 1, schema }).persistent).toBe(false);
      } finally {
        if (descriptor) Object.defineProperty(globalThis, 'localStorage', descriptor);
        else delete (globalThis as { localStorage?: unknown }).localStorage;
      }
    });
  });

  test('createMemoryStorage behaves like Web Storage', () => {
    const memory = createMemoryStorage();
    memory.setItem('a', '1');
    memory.setItem('b', '2');
    expect([memory.length, memory.key(0), memory.key(1), memory.key(2), memory.getItem('a')]).toEqual([
      2,
      'a',
      'b',
      null,
      '1',
    ]);
    memory.removeItem('a');
    expect([memory.length, memory.getItem('a')]).toEqual([1, null]);
  });
});
