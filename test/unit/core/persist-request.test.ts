import { describe, expect, it } from 'vitest';
import { shouldRequestPersist, type PersistCheck } from '../../../src/core/persist-request';
import { persistInWords } from '../../../src/core/persist-words';

const first: PersistCheck = { supported: true, where: 'browser', askedBefore: false, persisted: false };

describe('shouldRequestPersist: ask the browser for long-term storage once, after work is first saved', () => {
  it.each<[string, Partial<PersistCheck>, boolean]>([
    // the first save in a browser that can keep it: ask
    ['first save, not yet persisted', {}, true],
    // asked already (in this browser): never again, whatever the answer was
    ['asked before', { askedBefore: true }, false],
    // the work lives in memory (storage refused): nothing to keep, and no flag can be written
    ['storage is the in-memory fallback', { where: 'memory' }, false],
    // the browser already keeps the site's storage
    ['already persisted', { persisted: true }, false],
    // no StorageManager.persist (older Safari, some embedded views)
    ['not supported', { supported: false }, false],
  ])('%s', (_, change, expected) => {
    expect(shouldRequestPersist({ ...first, ...change })).toBe(expected);
  });
});

describe('persistInWords', () => {
  it.each([
    ['granted', '浏览器已同意长期保存：除非你自己清除浏览数据，本机数据不会被自动删除'],
    ['denied', '浏览器未同意长期保存：长期不访问或空间不足时，浏览器可能删除本机数据；请定期「备份全部」'],
    ['unsupported', '此浏览器不支持长期保存'],
  ] as const)('%s', (state, words) => {
    expect(persistInWords(state)).toBe(words);
  });
});

import * as v from 'valibot';
import { createMemoryStorage, createStore, type StorageLike } from '../../../src/core/storage';

describe('the store tells after each save where it went (the hook the tools ask for long-term storage on)', () => {
  const schema = v.object({ n: v.number() });
  it.each<[string, StorageLike, 'browser' | 'memory']>([
    ['writable storage', createMemoryStorage(), 'browser'],
    [
      'refused storage (private mode): the in-memory stand-in',
      { ...createMemoryStorage(), length: 0, setItem: () => { throw new Error('SecurityError'); } },
      'memory',
    ],
  ])('%s', (_, storage, where) => {
    const saves: string[] = [];
    const store = createStore({ namespace: 'bonus', version: 1, schema, storage, afterSave: (w) => void saves.push(w) });
    expect(saves).toEqual([]);
    store.save('current', { n: 1 });
    store.save('current', { n: 2 });
    expect(saves).toEqual([where, where]);
    // a refused save (invalid state) is no save
    store.save('current', { n: 'x' } as unknown as { n: number });
    expect(saves).toHaveLength(2);
  });
});
