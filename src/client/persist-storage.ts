// 「申请长期保存」 in the browser: navigator.storage.persist(), asked once per browser after a tool first
// saves work there (the decision is core/persist-request). Nothing is shown on success; 我的数据 shows
// the answer with persistInWords (core/persist-words).
import { shouldRequestPersist } from '../core/persist-request';
import type { PersistState } from '../core/persist-words';
import { storagePrefix } from '../core/storage-key';

/** Remembers that this browser was asked, so a refusal is not asked again (我的数据's own namespace). */
const ASKED_KEY = `${storagePrefix('my-data')}persist-asked`;

function storageManager(): StorageManager | null {
  const s = typeof navigator === 'undefined' ? undefined : navigator.storage;
  return s && typeof s.persist === 'function' && typeof s.persisted === 'function' ? s : null;
}

function askedBefore(): boolean {
  try {
    return localStorage.getItem(ASKED_KEY) !== null;
  } catch {
    return true; // cannot remember it: do not ask on every save
  }
}

let asking = false;

/** After a tool saved work (`where` it went): asks for long-term storage if this browser was never asked. */
export async function requestPersistOnce(where: 'browser' | 'memory'): Promise<void> {
  if (asking) return;
  const manager = storageManager();
  if (!shouldRequestPersist({ supported: manager !== null, where, askedBefore: askedBefore(), persisted: false }))
    return;
  asking = true;
  try {
    const persisted = await manager!.persisted();
    if (!shouldRequestPersist({ supported: true, where, askedBefore: askedBefore(), persisted })) return;
    localStorage.setItem(ASKED_KEY, JSON.stringify({ v: 1, savedAt: new Date().toISOString(), data: {} }));
    await manager!.persist();
  } catch {
    // A browser that throws here keeps the work as before; 我的数据 offers the request again.
  } finally {
    asking = false;
  }
}

/** What the browser says now, for 我的数据: granted, denied or unsupported. */
export async function persistState(): Promise<PersistState> {
  const manager = storageManager();
  if (!manager) return 'unsupported';
  try {
    return (await manager.persisted()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}
