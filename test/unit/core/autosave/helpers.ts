/**
 * Test rig for the autosave controller: a fake clock (time for savedAt and timers for the autosave
 * delay) and "tabs" = controllers over one shared in-memory storage, each with an inbox of the
 * storage events the browser would send it (only other tabs' writes, as in browsers).
 */
import * as v from 'valibot';
import { createAutosave, type Autosave, type AutosaveTimer } from '../../../../src/core/autosave/controller';
import {
  createMemoryStorage,
  createStore,
  type StorageLike,
  type Store,
} from '../../../../src/core/storage';
import { plainStrictObject } from '../../../../src/core/json-file';

export const T0 = Date.parse('2026-03-01T08:00:00.000Z');
export const NAMESPACE = 'budget';
export const VERSION = 2;
export const DELAY = 300;

export const lineSchema = plainStrictObject({
  id: v.string(),
  description: v.string(),
  quantity: v.string(),
});
export const schema = plainStrictObject({
  project: v.string(),
  purpose: v.string(),
  lines: v.array(lineSchema),
});
export type Draft = v.InferOutput<typeof schema>;
export type Line = Draft['lines'][number];

export const line = (id: string, description = '', quantity = ''): Line => ({ id, description, quantity });
export const empty = (): Draft => ({ project: '', purpose: '', lines: [line('l0')] });
export const isBlank = (d: Draft): boolean =>
  d.project === '' && d.purpose === '' && d.lines.every((l) => l.description === '' && l.quantity === '');

export const storageKey = (key: string): string => `mh:${NAMESPACE}:${key}`;
export const envelope = (data: unknown, v = VERSION, savedAt = '2026-02-01T00:00:00.000Z'): string =>
  JSON.stringify({ v, savedAt, data });

export interface FakeClock {
  readonly now: () => number;
  readonly timer: AutosaveTimer;
  /** Moves time on, running every timer that falls due, in order. */
  advance(ms: number): void;
  /** Timers waiting to run. */
  pending(): number;
}

export function fakeClock(start = T0): FakeClock {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    timer: {
      setTimeout(callback, ms) {
        nextId += 1;
        timers.set(nextId, { at: now + ms, callback });
        return nextId;
      },
      clearTimeout(handle) {
        timers.delete(handle as number);
      },
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = until;
    },
    pending: () => timers.size,
  };
}

export interface StorageEventLike {
  readonly key: string | null;
  readonly newValue: string | null;
}

export interface Tab {
  readonly ctl: Autosave<Draft>;
  readonly store: Store<Draft>;
  /** Storage events from other tabs, not yet delivered. */
  readonly inbox: StorageEventLike[];
  /** Delivers the pending storage events for the open entry, as the browser's storage event would. */
  deliver(): void;
  /** Snapshots seen by a subscriber, in order. */
  readonly seen: number[];
}

export interface TabOptions {
  readonly storage?: StorageLike;
  readonly migrate?: (old: unknown, from: number) => unknown;
  readonly fieldName?: (path: readonly PropertyKey[]) => string;
  readonly entryName?: (key: string) => string | null;
}

/** Several tabs of one browser over one storage (by default a fresh in-memory one). */
export function createTabs(clock: FakeClock, options: TabOptions = {}) {
  const backing = options.storage ?? createMemoryStorage();
  const tabs: Tab[] = [];

  function openTab(): Tab {
    const inbox: StorageEventLike[] = [];
    const send = (event: StorageEventLike) => {
      for (const other of tabs) if (other.inbox !== inbox) other.inbox.push(event);
    };
    // This tab's view of the storage: every write is announced to the other tabs.
    const view: StorageLike = {
      get length() {
        return backing.length;
      },
      key: (i) => backing.key(i),
      getItem: (k) => backing.getItem(k),
      setItem: (k, value) => {
        backing.setItem(k, value);
        send({ key: k, newValue: value });
      },
      removeItem: (k) => {
        backing.removeItem(k);
        send({ key: k, newValue: null });
      },
    };
    const store = createStore<Draft>({
      namespace: NAMESPACE,
      version: VERSION,
      schema,
      storage: view,
      now: clock.now,
      empty: () => empty(),
      ...(options.migrate ? { migrate: options.migrate } : {}),
    });
    const ctl = createAutosave<Draft>({
      store,
      timer: clock.timer,
      initial: () => empty(),
      isBlank,
      delay: DELAY,
      ...(options.fieldName ? { fieldName: options.fieldName } : {}),
      ...(options.entryName ? { entryName: options.entryName } : {}),
    });
    const seen: number[] = [];
    ctl.subscribe(() => seen.push(seen.length));
    const tab: Tab = {
      ctl,
      store,
      inbox,
      seen,
      deliver() {
        const events = inbox.splice(0);
        const open = ctl.getSnapshot().key;
        for (const event of events) {
          if (open === null || event.key !== storageKey(open)) continue;
          const savedAt =
            event.newValue === null ? null : (JSON.parse(event.newValue) as { savedAt: string }).savedAt;
          ctl.externalChange(savedAt);
        }
      },
    };
    tabs.push(tab);
    return tab;
  }

  /** The stored data of `key` (what a reload would see), or null. */
  const stored = (key: string): Draft | null => {
    const raw = backing.getItem(storageKey(key));
    return raw === null ? null : (JSON.parse(raw) as { data: Draft }).data;
  };

  return { backing, openTab, stored };
}
