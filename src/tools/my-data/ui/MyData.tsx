// 我的数据: what this browser holds for every tool, the space it takes, one backup and one restore.
// Reads and writes go through the storage adapter (core/storage) and the pure backup module; this
// component only shows them.
import { persistInWords } from '../../../core/persist-words';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createStore, type StorageLike } from '../../../core/storage';
import { storagePrefix } from '../../../core/storage-key';
import { fill } from '../../../core/template';
import { formatBytes, formatDateTime } from '../../../core/format';
import { recordBackup } from '../../../core/last-backup';
import {
  applyRestore,
  backupText,
  defaultChoice,
  entryKeys,
  makeBackup,
  planRestore,
  readBackup,
  type BackupMeta,
  type RestoreItem,
} from '../logic/backup';
import { storedKinds } from '../logic/registry';
import { ConfirmStep } from '../../kit/ui/ConfirmStep';
import { downloadText } from '../../kit/ui/dom';
import { makeEntryLabel, type LabelData } from './entry-label';
import type { MyDataStrings } from './strings';
import './my-data.css';

export interface MyDataProps {
  readonly strings: MyDataStrings;
  readonly labels: LabelData;
  /** Tool id → its page, to open an entry's tool. */
  readonly toolHrefs: Readonly<Record<string, string>>;
  readonly meta: BackupMeta;
}

interface Row {
  readonly namespace: string;
  readonly key: string;
  readonly label: string;
  readonly savedAt: string | null;
  readonly bytes: number;
  readonly readable: boolean;
}

interface AsideRow {
  readonly namespace: string;
  readonly backupKey: string;
  readonly label: string;
  readonly at: number;
  readonly bytes: number;
}

const encoder = new TextEncoder();
const sizeOf = (key: string, value: string) => encoder.encode(key).length + encoder.encode(value).length;

function browserStorage(): StorageLike | null {
  try {
    const s = globalThis.localStorage;
    const probe = 'mh:__probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

function inventory(storage: StorageLike, labelOf: ReturnType<typeof makeEntryLabel>) {
  const rows: Row[] = [];
  const aside: AsideRow[] = [];
  for (const kind of storedKinds) {
    const store = createStore({ ...kind, storage });
    const prefix = storagePrefix(kind.namespace);
    for (const key of entryKeys(storage, kind.namespace)) {
      const raw = storage.getItem(prefix + key) ?? '';
      const read = store.load(key);
      const ok = read.status === 'ok' || read.status === 'recovered';
      rows.push({
        namespace: kind.namespace,
        key,
        label: labelOf(kind.namespace, key, ok ? read.data : null),
        savedAt: ok ? read.savedAt : null,
        bytes: sizeOf(prefix + key, raw),
        readable: ok,
      });
    }
    for (const b of store.listBackups()) {
      aside.push({
        namespace: kind.namespace,
        backupKey: b.backupKey,
        label: labelOf(kind.namespace, b.key, null),
        at: b.at,
        bytes: sizeOf(b.backupKey, store.readBackup(b.backupKey) ?? ''),
      });
    }
  }
  return { rows, aside };
}

interface Space {
  readonly usage: number | null;
  readonly quota: number | null;
  readonly persisted: boolean | null;
}

interface StorageManagerLike {
  estimate?(): Promise<{ usage?: number; quota?: number }>;
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
}

const manager = (): StorageManagerLike | undefined =>
  (globalThis.navigator as { storage?: StorageManagerLike } | undefined)?.storage;

export default function MyData(props: MyDataProps) {
  const s = props.strings;
  const labelOf = useMemo(() => makeEntryLabel(props.labels), [props.labels]);
  const toolName = (ns: string) => props.labels.toolNames[ns] ?? s['reading.name'];
  // Read after hydration: the server has no storage, and the first render must match its HTML.
  const [storage, setStorage] = useState<StorageLike | null>(null);
  const [version, setVersion] = useState(0);
  const { rows, aside } = useMemo(
    () => (storage ? inventory(storage, labelOf) : { rows: [], aside: [] }),
    [storage, labelOf, version],
  );
  const [space, setSpace] = useState<Space>({ usage: null, quota: null, persisted: null });
  const [persistAnswer, setPersistAnswer] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [plan, setPlan] = useState<{ items: RestoreItem[]; createdAt: string } | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [confirming, setConfirming] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  // The server renders the page without storage; "true" once this browser's data is read.
  const [hydrated, setHydrated] = useState(false);

  const refreshSpace = () => {
    const m = manager();
    void Promise.all([
      m?.estimate?.().catch(() => null) ?? null,
      m?.persisted?.().catch(() => null) ?? null,
    ]).then(([estimate, persisted]) =>
      setSpace({
        usage: estimate?.usage ?? null,
        quota: estimate?.quota ?? null,
        persisted: persisted ?? null,
      }),
    );
  };
  useEffect(() => {
    setStorage(browserStorage());
    setHydrated(true);
    refreshSpace();
    // Another tab saving or a tool page open elsewhere: the list follows.
    const onStorage = () => setVersion((n) => n + 1);
    addEventListener('storage', onStorage);
    return () => removeEventListener('storage', onStorage);
  }, []);

  const askPersist = () => {
    const m = manager();
    if (!m?.persist) {
      setPersistAnswer(persistInWords('unsupported'));
      return;
    }
    void m.persist().then(
      (granted) => {
        setPersistAnswer(persistInWords(granted ? 'granted' : 'denied'));
        refreshSpace();
      },
      () => setPersistAnswer(persistInWords('denied')),
    );
  };

  const backupAll = () => {
    if (!storage) return;
    const now = new Date();
    const text = backupText(makeBackup(storage, storedKinds, props.meta, now));
    const file = `${s['backup.fileBase']}-${formatDateTime(now.toISOString()).replace(/[ :]/g, '-')}.json`;
    downloadText(file, text, 'application/json;charset=utf-8');
    recordBackup(now);
    const n = rows.filter((r) => r.readable).length;
    setSaid(fill(s['backup.done'], { file, n, size: formatBytes(encoder.encode(text).length) }));
  };

  const openFile = async (file: File | undefined) => {
    if (!file || !storage) return;
    setSaid('');
    const read = readBackup(await file.text());
    if (!read.ok) {
      setPlan(null);
      setRefusal(fill(s['restore.refused'], { reason: read.reason }));
      return;
    }
    setRefusal(null);
    const items = planRestore(read.backup, storage, storedKinds);
    setPlan({ items, createdAt: read.backup.createdAt });
    setChosen(new Set(items.filter(defaultChoice).map((i) => i.id)));
  };

  /**
   * An entry named as the copy that is kept by default names it (本机较新: this browser's), and the
   * other copy's name beside it when the two differ (a project renamed since the backup).
   */
  const entryName = (i: RestoreItem) => {
    if (!i.namespace) return `#${i.id + 1}`;
    const backup = labelOf(i.namespace, i.key, i.data);
    if (i.localData === null) return backup;
    const local = labelOf(i.namespace, i.key, i.localData);
    if (local === backup) return backup;
    return i.status === '本机较新'
      ? fill(s['restore.nameInBackup'], { name: local, other: backup })
      : fill(s['restore.nameHere'], { name: backup, other: local });
  };
  const itemLabel = (i: RestoreItem) =>
    i.namespace ? `${toolName(i.namespace)} · ${entryName(i)}` : entryName(i);

  const apply = () => {
    if (!plan || !storage) return;
    if (chosen.size === 0) {
      setSaid(s['restore.nothing']);
      setPlan(null);
      return;
    }
    const result = applyRestore(plan.items, chosen, storage, storedKinds);
    const failed = result.failed.length
      ? ` ${fill(s['restore.failed'], { n: result.failed.length, labels: result.failed.map(itemLabel).join('、') })}`
      : '';
    setSaid(fill(s['restore.applied'], { n: result.applied }) + failed);
    setPlan(null);
    setVersion((n) => n + 1);
    refreshSpace();
  };

  const total = rows.reduce((sum, r) => sum + r.bytes, 0);
  const pickable = (i: RestoreItem) => i.status !== '无法读取' && i.status !== '相同';

  return (
    // Locked until its code has read this browser's storage (the server's page has none), like a tool.
    <div class="tool tool-root my-data" data-tool="my-data" data-ready={hydrated ? 'true' : undefined}>
      <section aria-labelledby="my-data-space">
        <h2 id="my-data-space">{s['space.heading']}</h2>
        {hydrated && !storage ? <p role="alert">{s['space.unavailable']}</p> : null}
        <p data-testid="space-used">
          {space.usage !== null && space.quota !== null
            ? fill(s['space.used'], { used: formatBytes(space.usage), quota: formatBytes(space.quota) })
            : s['space.unknown']}
        </p>
        <p data-testid="space-persisted">
          {space.persisted === null
            ? s['space.persistUnknown']
            : space.persisted
              ? s['space.persisted']
              : s['space.notPersisted']}
        </p>
        {space.persisted ? null : (
          <button type="button" class="tool-button" onClick={askPersist} disabled={!hydrated}>
            {s['space.ask']}
          </button>
        )}
        <p role="status">{persistAnswer}</p>
      </section>

      <section aria-labelledby="my-data-backup">
        <h2 id="my-data-backup">{s['backup.heading']}</h2>
        <p>{s['backup.hint']}</p>
        <div class="my-data-actions">
          <button
            type="button"
            class="tool-button tool-button--primary"
            onClick={backupAll}
            disabled={!hydrated || !storage}
          >
            {s['backup.all']}
          </button>
          <label
            class={`my-data-drop${dragging ? ' my-data-drop--over' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              void openFile(e.dataTransfer?.files[0]);
            }}
          >
            <span class="tool-button">{s['restore.choose']}</span>
            <input
              type="file"
              accept=".json,application/json"
              class="my-data-file"
              aria-label={s['restore.choose']}
              disabled={!hydrated || !storage}
              onChange={(e) => {
                const input = e.currentTarget;
                void openFile(input.files?.[0]).finally(() => (input.value = ''));
              }}
            />
            <span class="my-data-drop-hint">{s['restore.drop']}</span>
          </label>
        </div>
        <p role="status" class="my-data-said">
          {said}
        </p>
        {refusal ? (
          <p role="alert" class="tool-error">
            {refusal}
          </p>
        ) : null}
        {plan ? (
          <div class="my-data-plan" role="group" aria-labelledby="my-data-plan-heading">
            <h3 id="my-data-plan-heading">{s['restore.heading']}</h3>
            <p>{fill(s['restore.from'], { date: formatDateTime(plan.createdAt), n: plan.items.length })}</p>
            <div class="my-data-scroll">
              <table class="my-data-table">
                <thead>
                  <tr>
                    <th scope="col">{s['restore.col.choose']}</th>
                    <th scope="col">{s['entries.col.tool']}</th>
                    <th scope="col">{s['entries.col.label']}</th>
                    <th scope="col">{s['restore.col.status']}</th>
                    <th scope="col">{s['restore.col.backupAt']}</th>
                    <th scope="col">{s['restore.col.localAt']}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.items.map((i) => (
                    <tr key={i.id} data-status={i.status}>
                      <td data-label={s['restore.col.choose']}>
                        {pickable(i) ? (
                          <input
                            type="checkbox"
                            checked={chosen.has(i.id)}
                            aria-label={fill(s['restore.chooseLabel'], { label: itemLabel(i) })}
                            onChange={(e) => {
                              const next = new Set(chosen);
                              if (e.currentTarget.checked) next.add(i.id);
                              else next.delete(i.id);
                              setChosen(next);
                            }}
                          />
                        ) : null}
                      </td>
                      <td data-label={s['entries.col.tool']}>{i.namespace ? toolName(i.namespace) : '—'}</td>
                      <td data-label={s['entries.col.label']}>{entryName(i)}</td>
                      <td data-label={s['restore.col.status']}>
                        {s[`status.${i.status}`]}
                        {i.reason ? <span class="my-data-reason">：{i.reason}</span> : null}
                      </td>
                      <td data-label={s['restore.col.backupAt']}>
                        {i.savedAt ? formatDateTime(i.savedAt) : '—'}
                      </td>
                      <td data-label={s['restore.col.localAt']}>
                        {i.localSavedAt ? formatDateTime(i.localSavedAt) : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div class="my-data-actions">
              <button type="button" class="tool-button tool-button--primary" onClick={apply}>
                {fill(s['restore.apply'], { n: chosen.size })}
              </button>
              <button
                type="button"
                class="tool-button"
                onClick={() => {
                  setPlan(null);
                  setSaid(s['restore.cancelled']);
                }}
              >
                {s['restore.cancel']}
              </button>
            </div>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="my-data-entries">
        <h2 id="my-data-entries">{s['entries.heading']}</h2>
        {rows.length === 0 ? (
          <p>{s['entries.empty']}</p>
        ) : (
          <>
            <p>{fill(s['entries.total'], { n: rows.length, size: formatBytes(total) })}</p>
            <div class="my-data-scroll">
              <table class="my-data-table" aria-labelledby="my-data-entries">
                <thead>
                  <tr>
                    <th scope="col">{s['entries.col.tool']}</th>
                    <th scope="col">{s['entries.col.label']}</th>
                    <th scope="col">{s['entries.col.savedAt']}</th>
                    <th scope="col">{s['entries.col.size']}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.namespace}:${r.key}`}>
                      <td data-label={s['entries.col.tool']}>
                        {props.toolHrefs[r.namespace] ? (
                          <a href={props.toolHrefs[r.namespace]}>{toolName(r.namespace)}</a>
                        ) : (
                          toolName(r.namespace)
                        )}
                      </td>
                      <td data-label={s['entries.col.label']}>
                        {r.label}
                        {r.readable ? null : s['entries.unreadable']}
                      </td>
                      <td data-label={s['entries.col.savedAt']}>
                        {r.savedAt ? formatDateTime(r.savedAt) : '—'}
                      </td>
                      <td data-label={s['entries.col.size']}>{formatBytes(r.bytes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      {aside.length > 0 ? (
        <section aria-labelledby="my-data-aside">
          <h2 id="my-data-aside">{s['aside.heading']}</h2>
          <p>{s['aside.hint']}</p>
          <ul class="my-data-aside">
            {aside.map((b, n) => {
              const label = `${toolName(b.namespace)} · ${b.label} · ${formatDateTime(new Date(b.at).toISOString())}`;
              const store = createStore({
                ...storedKinds.find((k) => k.namespace === b.namespace)!,
                ...(storage ? { storage } : {}),
              });
              return (
                <li key={b.backupKey}>
                  <span>
                    {label}（{formatBytes(b.bytes)}）
                  </span>{' '}
                  <button
                    type="button"
                    class="tool-button tool-button--small"
                    aria-label={fill(s['aside.downloadLabel'], { label })}
                    onClick={() => {
                      const text = store.readBackup(b.backupKey);
                      if (text !== null)
                        downloadText(
                          `${b.backupKey.replace(/[^A-Za-z0-9_-]+/g, '-')}.json`,
                          text,
                          'application/json;charset=utf-8',
                        );
                    }}
                  >
                    {s['aside.download']}
                  </button>{' '}
                  {confirming === b.backupKey ? (
                    <ConfirmStep
                      id={`my-data-aside-${n}`}
                      question={fill(s['aside.confirm'], { label })}
                      confirmLabel={s['aside.confirmYes']}
                      cancelLabel={s['aside.cancel']}
                      onConfirm={() => {
                        store.removeBackup(b.backupKey);
                        setConfirming(null);
                        setSaid(fill(s['aside.removed'], { label }));
                        setVersion((x) => x + 1);
                      }}
                      onCancel={() => setConfirming(null)}
                    />
                  ) : (
                    <button
                      type="button"
                      class="tool-button tool-button--small"
                      aria-label={fill(s['aside.removeLabel'], { label })}
                      onClick={() => setConfirming(b.backupKey)}
                    >
                      {s['aside.remove']}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
