import { afterEach, describe, expect, test, vi } from 'vitest';
import { createAutosave } from '../../../../src/core/autosave/controller';
import {
  STORAGE_MESSAGES,
  createMemoryStorage,
  createStore,
  type StorageLike,
} from '../../../../src/core/storage';
import {
  DELAY,
  T0,
  createTabs,
  empty,
  envelope,
  fakeClock,
  line,
  schema,
  storageKey,
  type Draft,
} from './helpers';

const setPurpose = (purpose: string) => (d: Draft) => ({ ...d, purpose });
const setProject = (project: string) => (d: Draft) => ({ ...d, project });

function oneTab(storage?: StorageLike) {
  const clock = fakeClock();
  const rig = createTabs(clock, storage ? { storage } : {});
  const tab = rig.openTab();
  return { clock, ...rig, tab, ctl: tab.ctl };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('saving', () => {
  test('an edit is saved once the delay has passed since the last edit', () => {
    const { clock, ctl, stored } = oneTab();
    ctl.open('draft');
    ctl.edit(setProject('暑'));
    clock.advance(DELAY - 1);
    ctl.edit(setProject('暑期'));
    clock.advance(DELAY - 1);
    expect(stored('draft')).toBeNull(); // still typing
    expect(ctl.getSnapshot()).toMatchObject({ dirty: true, savedAt: null });
    clock.advance(1);
    expect(stored('draft')).toMatchObject({ project: '暑期' });
    expect(ctl.getSnapshot()).toMatchObject({
      key: 'draft',
      dirty: false,
      savedAt: new Date(T0 + 2 * DELAY - 1).toISOString(),
      entries: ['draft'],
      persistent: true,
    });
    expect(ctl.hasUnsavedWork()).toBe(false);
  });

  test('subscribers hear every change; the snapshot object stays the same between changes', () => {
    const { ctl, tab } = oneTab();
    const before = ctl.getSnapshot();
    expect(ctl.getSnapshot()).toBe(before);
    ctl.open('draft');
    ctl.edit({ ...empty(), purpose: '招生' });
    expect(tab.seen.length).toBe(2);
    expect(ctl.getSnapshot()).not.toBe(before);
    expect(ctl.getSnapshot().state.purpose).toBe('招生');
    const unsubscribe = ctl.subscribe(() => {
      throw new Error('should not be called after unsubscribe');
    });
    unsubscribe();
    ctl.edit(setPurpose('x'));
  });

  test('an edit that returns the same state is no edit', () => {
    const { clock, ctl, tab } = oneTab();
    ctl.open('draft');
    const seen = tab.seen.length;
    ctl.edit((d) => d);
    expect(tab.seen.length).toBe(seen);
    expect(clock.pending()).toBe(0);
  });

  test('an entry never saved is not saved while it is blank (isBlank)', () => {
    const { clock, ctl, stored } = oneTab();
    ctl.open('draft');
    ctl.edit(setProject('x'));
    ctl.edit(setProject(''));
    clock.advance(DELAY);
    expect(stored('draft')).toBeNull();
    expect(ctl.hasUnsavedWork()).toBe(false);
    // Once saved, clearing it is a change worth saving.
    ctl.edit(setProject('x'));
    clock.advance(DELAY);
    ctl.edit(setProject(''));
    clock.advance(DELAY);
    expect(stored('draft')).toMatchObject({ project: '' });
  });

  test('key null (a read-only view) is never saved', () => {
    const { clock, ctl, backing } = oneTab();
    ctl.open(null);
    ctl.edit(setProject('x'));
    clock.advance(DELAY);
    ctl.flush();
    expect(backing.length).toBe(0);
    expect(ctl.hasUnsavedWork()).toBe(false);
  });

  test('a state the schema refuses is not saved, and says so', () => {
    const { clock, ctl, stored } = oneTab();
    ctl.open('draft');
    ctl.edit({ ...empty(), project: 5 } as unknown as Draft);
    clock.advance(DELAY);
    expect(stored('draft')).toBeNull();
    expect(ctl.getSnapshot().notices).toEqual([
      { id: 'invalid', kind: 'error', code: 'invalid', text: STORAGE_MESSAGES.invalid },
    ]);
    ctl.edit(setProject('fixed'));
    clock.advance(DELAY);
    expect(ctl.getSnapshot().notices).toEqual([]);
  });
});

describe('switching entries', () => {
  test('the entry being left is saved first; the next one loads; the old timer never writes into it', () => {
    const { clock, ctl, stored } = oneTab();
    ctl.open('a');
    ctl.edit(setProject('A 项目'));
    ctl.open('b'); // within the delay
    expect(stored('a')).toMatchObject({ project: 'A 项目' });
    expect(ctl.getSnapshot()).toMatchObject({ key: 'b', dirty: false, state: empty(), entries: ['a'] });
    clock.advance(DELAY * 2);
    expect(stored('b')).toBeNull();
    ctl.open('a');
    expect(ctl.getSnapshot().state.project).toBe('A 项目');
  });

  test('opening the open entry again does nothing', () => {
    const { ctl, tab } = oneTab();
    ctl.open('a');
    ctl.edit(setProject('x'));
    const seen = tab.seen.length;
    ctl.open('a');
    expect(tab.seen.length).toBe(seen);
    expect(ctl.getSnapshot().dirty).toBe(true);
  });

  test('work that cannot be saved when leaving (storage full) is kept and comes back', () => {
    const { ctl } = oneTab(quotaStorage(400));
    ctl.open('a');
    ctl.edit(setPurpose('长'.repeat(500)));
    ctl.open('b');
    expect(ctl.hasUnsavedWork()).toBe(true); // a's work is only in memory
    ctl.open('a');
    expect(ctl.getSnapshot()).toMatchObject({ dirty: true, state: { purpose: '长'.repeat(500) } });
  });
});

describe('flush (pagehide)', () => {
  test('saves at once what the timer would have saved', () => {
    const { clock, ctl, stored } = oneTab();
    ctl.open('draft');
    ctl.edit(setProject('最后一个字'));
    ctl.flush();
    expect(stored('draft')).toMatchObject({ project: '最后一个字' });
    expect(clock.pending()).toBe(0);
    expect(ctl.getSnapshot().dirty).toBe(false);
  });

  test('with nothing to save it writes nothing', () => {
    const { ctl, backing, tab } = oneTab();
    ctl.open('draft');
    const seen = tab.seen.length;
    ctl.flush();
    expect(backing.length).toBe(0);
    expect(tab.seen.length).toBe(seen);
  });

  test('dispose saves what is pending and stops', () => {
    const { clock, ctl, stored, tab } = oneTab();
    ctl.open('draft');
    ctl.edit(setProject('x'));
    ctl.dispose();
    expect(stored('draft')).toMatchObject({ project: 'x' });
    const seen = tab.seen.length;
    ctl.edit(setProject('after'));
    ctl.open('other');
    ctl.flush();
    ctl.externalChange(null);
    ctl.resolve({ path: ['project'], base: '', mine: '', theirs: '' }, 'mine');
    ctl.remove('draft');
    ctl.dispose();
    clock.advance(DELAY);
    expect(tab.seen.length).toBe(seen);
    expect(stored('draft')).toMatchObject({ project: 'x' });
  });
});

describe('remove and dismiss', () => {
  test('removing the open entry starts it afresh and updates the list', () => {
    const { clock, ctl, stored } = oneTab();
    ctl.open('a');
    ctl.edit(setProject('x'));
    clock.advance(DELAY);
    ctl.remove('a');
    expect(stored('a')).toBeNull();
    expect(ctl.getSnapshot()).toMatchObject({
      key: 'a',
      state: empty(),
      savedAt: null,
      dirty: false,
      entries: [],
    });
  });

  test('removing another entry leaves the open one alone', () => {
    const { ctl, backing } = oneTab();
    backing.setItem(storageKey('b'), envelope(empty()));
    ctl.open('a');
    ctl.edit(setProject('x'));
    ctl.remove('b');
    expect(ctl.getSnapshot()).toMatchObject({ dirty: true, entries: [] });
  });

  test('dismiss removes one notice', () => {
    const { ctl, backing } = oneTab();
    backing.setItem(storageKey('a'), 'broken');
    ctl.open('a');
    const [notice] = ctl.getSnapshot().notices;
    ctl.dismiss('nope');
    ctl.dismiss(notice?.id ?? '');
    expect(ctl.getSnapshot().notices).toEqual([]);
  });
});

describe('entries that cannot be used as they are: one reader, one notice each', () => {
  test.each([
    ['unreadable', 'not json at all'],
    ['damaged', envelope([1, 2, 3])],
    ['older', envelope(empty(), 1)],
  ] as const)('%s: kept as a backup, slot freed, a fresh entry shown', (code, raw) => {
    const { clock, ctl, backing, stored } = oneTab();
    backing.setItem(storageKey('a'), raw);
    ctl.open('a');
    const backupKey = `${storageKey('a')}:backup:${T0}`;
    expect(ctl.getSnapshot()).toMatchObject({ state: empty(), blocked: false, entries: [] });
    expect(ctl.getSnapshot().notices).toEqual([
      { id: `${code}:a`, kind: 'warning', code, text: STORAGE_MESSAGES[code], entry: 'a', backupKey },
    ]);
    expect(backing.getItem(backupKey)).toBe(raw);
    ctl.edit(setProject('new work'));
    clock.advance(DELAY);
    expect(stored('a')).toMatchObject({ project: 'new work' }); // no false conflict
  });

  test('newer: never called damaged; left in place for the newer page, and not overwritten', () => {
    const { clock, ctl, backing } = oneTab();
    const raw = envelope({ shape: 'of the future' }, 3);
    backing.setItem(storageKey('a'), raw);
    ctl.open('a');
    const snap = ctl.getSnapshot();
    expect(snap.notices.map((n) => n.code)).toEqual(['newer']);
    expect(snap.notices[0]?.text).toBe(STORAGE_MESSAGES.newer);
    expect(snap.blocked).toBe(true);
    ctl.edit(setProject('typed anyway'));
    clock.advance(DELAY);
    ctl.flush();
    expect(backing.getItem(storageKey('a'))).toBe(raw);
    expect(ctl.hasUnsavedWork()).toBe(true); // so closing the tab asks
  });

  test('damaged with no room for a backup: the original stays, nothing overwrites it', () => {
    const raw = 'x'.repeat(100);
    const storage = quotaStorage(raw.length + storageKey('a').length + 20);
    storage.setItem(storageKey('a'), raw);
    const { clock, ctl } = oneTab(storage);
    ctl.open('a');
    expect(ctl.getSnapshot()).toMatchObject({ blocked: true });
    expect(ctl.getSnapshot().notices).toEqual([
      {
        id: 'unreadable:a',
        kind: 'warning',
        code: 'unreadable',
        text: STORAGE_MESSAGES.noBackup,
        entry: 'a',
      },
    ]);
    ctl.edit(setProject('x'));
    clock.advance(DELAY);
    expect(storage.getItem(storageKey('a'))).toBe(raw);
  });

  test('one bad field: the good fields load, the notice names the reset field and offers the original', () => {
    const { clock, ctl, backing, stored } = oneTab();
    const raw = envelope({ project: '暑期招生', purpose: 42, lines: [line('l1', '海报', '2')] });
    backing.setItem(storageKey('a'), raw);
    ctl.open('a');
    const backupKey = `${storageKey('a')}:backup:${T0}`;
    expect(ctl.getSnapshot()).toMatchObject({
      state: { project: '暑期招生', purpose: '', lines: [line('l1', '海报', '2')] },
      dirty: false,
      blocked: false,
    });
    expect(ctl.getSnapshot().notices).toEqual([
      {
        id: 'repaired:a',
        kind: 'warning',
        code: 'repaired',
        text: '保存的内容中有字段不正确，已重置：「purpose」；原内容已另存为备份，请核对',
        entry: 'a',
        fields: [['purpose']],
        backupKey,
      },
    ]);
    expect(backing.getItem(backupKey)).toBe(raw);
    ctl.edit(setPurpose('补上'));
    clock.advance(DELAY);
    expect(stored('a')).toMatchObject({ project: '暑期招生', purpose: '补上' });
  });

  test('an older version that migrates loads with a "recovered" notice', () => {
    const clock = fakeClock();
    const storage = createMemoryStorage();
    storage.setItem(storageKey('a'), envelope({ name: '旧项目' }, 1));
    const tab = createTabs(clock, {
      storage,
      migrate: (old) => ({ ...empty(), project: (old as { name: string }).name }),
    }).openTab();
    tab.ctl.open('a');
    expect(tab.ctl.getSnapshot().state.project).toBe('旧项目');
    expect(tab.ctl.getSnapshot().notices).toEqual([
      { id: 'recovered:a', kind: 'info', code: 'recovered', text: STORAGE_MESSAGES.recovered, entry: 'a' },
    ]);
  });

  test('the notice names the entry and the field as the page labels them; read again, nothing is repeated', () => {
    const clock = fakeClock();
    const storage = createMemoryStorage();
    storage.setItem(storageKey('a'), envelope({ project: '暑期招生', purpose: 42, lines: [line('l1')] }));
    storage.setItem(storageKey('b'), envelope({ project: '秋季', purpose: 7, lines: [line('l1')] }));
    const tab = createTabs(clock, {
      storage,
      fieldName: (path) => (path[0] === 'purpose' ? '用途' : path.join('.')),
      entryName: (k) => (k === 'a' ? 'A 项目' : null),
    }).openTab();
    tab.ctl.open('a');
    tab.ctl.read('b');
    tab.ctl.read('b');
    tab.ctl.externalChange('elsewhere'); // re-reads a: same stored text
    const notices = tab.ctl.getSnapshot().notices;
    expect(notices.map((n) => [n.id, n.text])).toEqual([
      ['repaired:a', '「A 项目」保存的内容中有字段不正确，已重置：「用途」；原内容已另存为备份，请核对'],
      ['repaired:b', '保存的内容中有字段不正确，已重置：「用途」；原内容已另存为备份，请核对'],
    ]);
    expect(tab.store.listBackups().map((b) => b.key).sort()).toEqual(['a', 'b']); // one backup each
    tab.ctl.dismiss('repaired:b');
    tab.ctl.read('b');
    expect(tab.ctl.getSnapshot().notices.map((n) => n.id)).toEqual(['repaired:a']); // reported once
  });

  test('a repair whose original cannot be kept aside is not made: the entry is left alone', () => {
    const raw = envelope({ project: 'x'.repeat(20), purpose: 42, lines: [] });
    const storage = quotaStorage(raw.length + storageKey('a').length + 20);
    storage.setItem(storageKey('a'), raw);
    const { clock, ctl } = oneTab(storage);
    ctl.open('a');
    expect(ctl.getSnapshot()).toMatchObject({ blocked: true, state: empty() });
    expect(ctl.getSnapshot().notices).toEqual([
      { id: 'damaged:a', kind: 'warning', code: 'damaged', text: STORAGE_MESSAGES.noBackup, entry: 'a' },
    ]);
    ctl.edit(setProject('y'));
    clock.advance(DELAY);
    expect(storage.getItem(storageKey('a'))).toBe(raw);
  });

  test('notices about one entry stay when another is opened; notices about the open one go', () => {
    const { clock, ctl, backing } = oneTab(quotaStorage(300));
    backing.setItem(storageKey('a'), 'broken');
    ctl.open('a');
    ctl.edit(setPurpose('长'.repeat(300)));
    clock.advance(DELAY);
    expect(ctl.getSnapshot().notices.map((n) => n.code)).toEqual(['unreadable', 'quota']);
    ctl.open('b');
    expect(ctl.getSnapshot().notices.map((n) => n.code)).toEqual(['unreadable']);
  });
});

/** Memory storage that refuses writes beyond `limit` characters in all, like a browser quota. */
function quotaStorage(limit: number): StorageLike {
  const inner = createMemoryStorage();
  const used = (except: string) => {
    let total = 0;
    for (let i = 0; i < inner.length; i++) {
      const k = inner.key(i) as string;
      if (k !== except) total += k.length + (inner.getItem(k) ?? '').length;
    }
    return total;
  };
  return {
    get length() {
      return inner.length;
    },
    key: (i) => inner.key(i),
    getItem: (k) => inner.getItem(k),
    removeItem: (k) => inner.removeItem(k),
    setItem(k, value) {
      if (used(k) + k.length + value.length > limit) {
        throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      }
      inner.setItem(k, value);
    },
  };
}

describe('storage unavailable or full', () => {
  test('storage that refuses: work lives in memory, and the page is told', () => {
    const denied = (): never => {
      throw Object.assign(new Error('denied'), { name: 'SecurityError' });
    };
    const storage: StorageLike = {
      get length(): number {
        return denied();
      },
      key: denied,
      getItem: denied,
      setItem: denied,
      removeItem: denied,
    };
    const { clock, ctl } = oneTab(storage);
    expect(ctl.getSnapshot().persistent).toBe(false);
    expect(ctl.getSnapshot().notices).toEqual([
      { id: 'unavailable', kind: 'warning', code: 'unavailable', text: STORAGE_MESSAGES.unavailable },
    ]);
    ctl.open('a');
    ctl.edit(setProject('x'));
    clock.advance(DELAY);
    expect(ctl.getSnapshot()).toMatchObject({ dirty: false, entries: ['a'] });
  });

  test('storage blocked mid-session: the notice appears then', () => {
    const storage = createMemoryStorage();
    const { clock, ctl } = oneTab(storage);
    ctl.open('a');
    expect(ctl.getSnapshot().notices).toEqual([]);
    storage.setItem = () => {
      throw Object.assign(new Error('denied'), { name: 'SecurityError' });
    };
    ctl.edit(setProject('x'));
    clock.advance(DELAY);
    expect(ctl.getSnapshot()).toMatchObject({ persistent: false, dirty: false });
    expect(ctl.getSnapshot().notices.map((n) => n.code)).toEqual(['unavailable']);
  });

  test('quota: the error shows, the work stays unsaved (and asks before closing), a later flush saves it', () => {
    const storage = quotaStorage(300);
    const { clock, ctl, stored } = oneTab(storage);
    ctl.open('a');
    ctl.edit(setProject('小'));
    clock.advance(DELAY);
    ctl.edit(setPurpose('长'.repeat(300)));
    clock.advance(DELAY);
    expect(ctl.getSnapshot().notices).toEqual([
      { id: 'quota', kind: 'error', code: 'quota', text: STORAGE_MESSAGES.quota },
    ]);
    expect(stored('a')).toMatchObject({ project: '小', purpose: '' }); // the previous save survives
    expect(ctl.getSnapshot().dirty).toBe(true);
    expect(ctl.hasUnsavedWork()).toBe(true);
    // The reader shortens the text; the pagehide flush saves it.
    ctl.edit(setPurpose('短'));
    ctl.flush();
    expect(stored('a')).toMatchObject({ purpose: '短' });
    expect(ctl.getSnapshot().notices).toEqual([]);
  });
});

test('quota: after the reader deletes an old draft, the pagehide flush saves the refused edit', () => {
  const storage = quotaStorage(400);
  storage.setItem(storageKey('old'), envelope({ ...empty(), purpose: '旧'.repeat(150) }));
  const { clock, ctl, stored } = oneTab(storage);
  ctl.open('a');
  ctl.edit(setPurpose('新'.repeat(150)));
  clock.advance(DELAY);
  expect(ctl.getSnapshot().notices.map((n) => n.code)).toEqual(['quota']);
  expect(clock.pending()).toBe(0); // no retry loop
  ctl.remove('old');
  ctl.flush();
  expect(stored('a')?.purpose).toBe('新'.repeat(150));
  expect(ctl.getSnapshot()).toMatchObject({ dirty: false, notices: [], entries: ['a'] });
});

describe('default timer', () => {
  test('uses the global setTimeout when none is given', () => {
    vi.useFakeTimers();
    const storage = createMemoryStorage();
    const store = createStore<Draft>({ namespace: 'budget', version: 2, schema, storage });
    const ctl = createAutosave({ store, initial: empty, delay: 50 });
    ctl.open('a');
    ctl.edit(setProject('x'));
    ctl.edit(setProject('xy')); // clears the first timer
    vi.advanceTimersByTime(49);
    expect(storage.getItem(storageKey('a'))).toBeNull();
    vi.advanceTimersByTime(1);
    expect(storage.getItem(storageKey('a'))).not.toBeNull();
  });
});
