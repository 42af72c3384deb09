/**
 * Two tabs never lose work: two controllers over one storage; `deliver()` hands a tab
 * the storage events the browser would send it.
 */
import { describe, expect, test } from 'vitest';
import { STORAGE_MESSAGES } from '../../../../src/core/storage';
import { fill } from '../../../../src/core/template';
import { DELAY, createTabs, empty, fakeClock, line, type Draft } from './helpers';

const set =
  <K extends keyof Draft>(field: K, value: Draft[K]) =>
  (d: Draft): Draft => ({ ...d, [field]: value });
const editLine = (id: string, description: string) => (d: Draft) => ({
  ...d,
  lines: d.lines.map((l) => (l.id === id ? { ...l, description } : l)),
});
const addLine = (id: string, description: string) => (d: Draft) => ({
  ...d,
  lines: [...d.lines, line(id, description)],
});

/** Tabs A and B with entry `req` saved once ({ project: '招生' }) and open in both. */
function twoTabs() {
  const clock = fakeClock();
  const rig = createTabs(clock);
  const a = rig.openTab();
  const b = rig.openTab();
  a.ctl.open('req');
  a.ctl.edit(set('project', '招生'));
  clock.advance(DELAY);
  b.ctl.open('req');
  a.deliver();
  b.deliver();
  return { clock, ...rig, a, b };
}

describe('another tab saved the entry', () => {
  test('this tab has no unsaved edits: it reloads silently', () => {
    const { clock, a, b } = twoTabs();
    b.ctl.edit(set('purpose', 'B 写的用途'));
    clock.advance(DELAY);
    a.deliver();
    expect(a.ctl.getSnapshot()).toMatchObject({
      state: { project: '招生', purpose: 'B 写的用途' },
      dirty: false,
      savedAt: b.ctl.getSnapshot().savedAt,
      conflicts: [],
      notices: [],
    });
  });

  test('edits to different fields merge and save with no question (用途说明 in one tab, 项目 in the other)', () => {
    const { clock, a, b, stored } = twoTabs();
    a.ctl.edit(set('purpose', 'A 的用途说明'));
    b.ctl.edit(set('project', 'B 改的项目'));
    clock.advance(DELAY - 1); // B saves first…
    b.ctl.flush();
    a.deliver(); // …and A hears of it before its own save
    expect(a.ctl.getSnapshot()).toMatchObject({
      state: { project: 'B 改的项目', purpose: 'A 的用途说明' },
      dirty: false,
      conflicts: [],
    });
    expect(a.ctl.getSnapshot().notices).toEqual([
      { id: 'merged', kind: 'info', code: 'merged', text: STORAGE_MESSAGES.merged },
    ]);
    expect(stored('req')).toMatchObject({ project: 'B 改的项目', purpose: 'A 的用途说明' });
    // B hears of A's merged save and, having nothing unsaved, shows both.
    b.deliver();
    expect(b.ctl.getSnapshot().state).toMatchObject({ project: 'B 改的项目', purpose: 'A 的用途说明' });
    // Both reload: both see both edits.
    clock.advance(DELAY * 3);
    expect(stored('req')).toMatchObject({ project: 'B 改的项目', purpose: 'A 的用途说明' });
  });

  test('a line added in one tab and another line edited in the other both survive', () => {
    const { clock, a, b, stored } = twoTabs();
    a.ctl.edit(editLine('l0', '海报设计'));
    b.ctl.edit(addLine('l1', '展架'));
    clock.advance(DELAY); // both timers: A saves, then B's save is refused as a conflict → merge
    expect(b.ctl.getSnapshot()).toMatchObject({ dirty: false, conflicts: [] });
    expect(stored('req')?.lines).toEqual([line('l0', '海报设计'), line('l1', '展架')]);
    a.deliver();
    expect(a.ctl.getSnapshot().state.lines).toEqual([line('l0', '海报设计'), line('l1', '展架')]);
  });

  test('edits to the same field are a conflict: nothing is saved until the reader chooses', () => {
    const { clock, a, b, stored } = twoTabs();
    a.ctl.edit(set('purpose', 'A 的用途'));
    a.ctl.edit(set('project', 'A 的项目'));
    b.ctl.edit(set('purpose', 'B 的用途'));
    b.ctl.flush();
    a.deliver();
    const snap = a.ctl.getSnapshot();
    expect(snap.conflicts).toEqual([{ path: ['purpose'], base: '', mine: 'A 的用途', theirs: 'B 的用途' }]);
    expect(snap.state).toMatchObject({ purpose: 'A 的用途', project: 'A 的项目' }); // mine shown meanwhile
    expect(snap.notices).toEqual([
      {
        id: 'conflict',
        kind: 'warning',
        code: 'conflict',
        // With no labels given, a field is named by its path's parts (describePath).
        text: fill(STORAGE_MESSAGES.fieldConflict, {
          fields: '「purpose」',
          keepAllMine: STORAGE_MESSAGES.keepAllMine,
          takeAllTheirs: STORAGE_MESSAGES.takeAllTheirs,
        }),
        fields: [['purpose']],
      },
    ]);
    expect(a.ctl.hasUnsavedWork()).toBe(true);
    // Autosave of this entry waits, through further edits and a pagehide flush.
    a.ctl.edit(set('project', 'A 的项目 2'));
    clock.advance(DELAY);
    a.ctl.flush();
    expect(stored('req')).toMatchObject({ purpose: 'B 的用途', project: '招生' });
    // Choosing theirs takes B's text; the rest of A's work is then saved.
    a.ctl.resolve(snap.conflicts[0] as (typeof snap.conflicts)[number], 'theirs');
    expect(a.ctl.getSnapshot()).toMatchObject({ conflicts: [], notices: [] });
    clock.advance(DELAY);
    expect(stored('req')).toMatchObject({ purpose: 'B 的用途', project: 'A 的项目 2' });
    expect(a.ctl.hasUnsavedWork()).toBe(false);
  });

  test('choosing mine keeps this tab’s text (as edited since) and saves it; the other tab then reloads', () => {
    const { clock, a, b, stored } = twoTabs();
    a.ctl.edit(set('purpose', 'A'));
    b.ctl.edit(set('purpose', 'B'));
    b.ctl.flush();
    a.deliver();
    const [conflict] = a.ctl.getSnapshot().conflicts;
    a.ctl.edit(set('purpose', 'A，改过'));
    a.ctl.resolve({ path: ['nope'], base: 0, mine: 0, theirs: 0 }, 'theirs'); // not a conflict: ignored
    expect(a.ctl.getSnapshot().conflicts).toHaveLength(1);
    if (!conflict) throw new Error('expected a conflict');
    a.ctl.resolve(conflict, 'mine');
    clock.advance(DELAY);
    expect(stored('req')).toMatchObject({ purpose: 'A，改过' });
    b.deliver();
    expect(b.ctl.getSnapshot().state.purpose).toBe('A，改过');
  });

  test('choosing theirs for every conflict with nothing else changed leaves nothing to save', () => {
    const { clock, a, b } = twoTabs();
    a.ctl.edit(set('purpose', 'A'));
    b.ctl.edit(set('purpose', 'B'));
    b.ctl.flush();
    a.deliver();
    const [conflict] = a.ctl.getSnapshot().conflicts;
    if (!conflict) throw new Error('expected a conflict');
    a.ctl.resolve(conflict, 'theirs');
    expect(a.ctl.getSnapshot().dirty).toBe(false);
    expect(clock.pending()).toBe(0);
  });

  test('a conflict still open when the other tab saves again (another field) stays open', () => {
    const { clock, a, b, stored } = twoTabs();
    a.ctl.edit(set('purpose', 'A'));
    b.ctl.edit(set('purpose', 'B'));
    b.ctl.flush();
    a.deliver();
    b.ctl.edit(set('project', 'B 项目'));
    b.ctl.flush();
    a.deliver();
    expect(a.ctl.getSnapshot()).toMatchObject({
      state: { purpose: 'A', project: 'B 项目' },
      conflicts: [{ path: ['purpose'], mine: 'A', theirs: 'B' }],
    });
    // And when B then types what A has, the conflict dissolves.
    b.ctl.edit(set('purpose', 'A'));
    b.ctl.flush();
    a.deliver();
    expect(a.ctl.getSnapshot().conflicts).toEqual([]);
    clock.advance(DELAY);
    expect(stored('req')).toMatchObject({ purpose: 'A', project: 'B 项目' });
  });

  test('a save refused because the other tab saved first (event not yet here) takes the merge path', () => {
    const { clock, a, b, stored } = twoTabs();
    a.ctl.edit(set('purpose', 'A 的用途'));
    b.ctl.edit(set('purpose', 'B 的用途'));
    b.ctl.flush();
    clock.advance(DELAY); // A's timer fires before its storage event arrives
    expect(a.ctl.getSnapshot().conflicts).toEqual([
      { path: ['purpose'], base: '', mine: 'A 的用途', theirs: 'B 的用途' },
    ]);
    expect(stored('req')).toMatchObject({ purpose: 'B 的用途' });
    a.deliver(); // the late event changes nothing
    expect(a.ctl.getSnapshot().conflicts).toHaveLength(1);
  });

  test('switching away from a conflicted entry keeps it, conflict and all, for when it is opened again', () => {
    const { a, b, stored } = twoTabs();
    a.ctl.edit(set('purpose', 'A'));
    b.ctl.edit(set('purpose', 'B'));
    b.ctl.flush();
    a.deliver();
    a.ctl.open('other');
    expect(a.ctl.getSnapshot()).toMatchObject({ key: 'other', conflicts: [], notices: [] });
    expect(a.ctl.hasUnsavedWork()).toBe(true);
    expect(stored('req')).toMatchObject({ purpose: 'B' });
    a.ctl.open('req');
    expect(a.ctl.getSnapshot()).toMatchObject({
      state: { purpose: 'A' },
      conflicts: [{ path: ['purpose'] }],
    });
  });
});

describe('another tab removed the entry', () => {
  test('with no unsaved edits here: this tab shows a fresh entry', () => {
    const { a, b } = twoTabs();
    b.ctl.remove('req');
    a.deliver();
    expect(a.ctl.getSnapshot()).toMatchObject({ state: empty(), savedAt: null, dirty: false, entries: [] });
  });

  test('with unsaved edits here: they are kept and saved again, and the reader is told', () => {
    const { clock, a, b, stored } = twoTabs();
    a.ctl.edit(set('purpose', '还在写'));
    b.ctl.remove('req');
    a.deliver();
    expect(a.ctl.getSnapshot().notices).toEqual([
      {
        id: 'removed-elsewhere',
        kind: 'warning',
        code: 'removed-elsewhere',
        text: STORAGE_MESSAGES.removedElsewhere,
      },
    ]);
    clock.advance(DELAY);
    expect(stored('req')).toMatchObject({ project: '招生', purpose: '还在写' });
  });
});

describe('another tab wrote something this tab cannot use', () => {
  test('a newer page saved the entry: this tab keeps its edits in memory and does not overwrite', () => {
    const { clock, a, backing } = twoTabs();
    a.ctl.edit(set('purpose', 'A'));
    const newer = JSON.stringify({ v: 3, savedAt: '2030-01-01T00:00:00.000Z', data: { future: true } });
    backing.setItem('mh:budget:req', newer);
    a.ctl.externalChange('2030-01-01T00:00:00.000Z');
    expect(a.ctl.getSnapshot()).toMatchObject({ blocked: true, dirty: true, state: { purpose: 'A' } });
    expect(a.ctl.getSnapshot().notices.map((n) => n.code)).toEqual(['newer']);
    clock.advance(DELAY);
    a.ctl.flush();
    expect(backing.getItem('mh:budget:req')).toBe(newer);
  });

  test('an event carrying the savedAt this tab already has changes nothing', () => {
    const { a } = twoTabs();
    a.ctl.edit(set('purpose', 'A'));
    const before = a.ctl.getSnapshot();
    a.ctl.externalChange(before.savedAt);
    expect(a.ctl.getSnapshot()).toMatchObject({ state: before.state, dirty: true, notices: [] });
  });
});

describe('what each tab is told, in the page’s words', () => {
  const LABELS: Record<string, string> = { project: '项目名称', purpose: '用途说明' };
  const COLUMNS: Record<string, string> = { description: '费用说明', quantity: '数量' };
  /** As a page labels its fields: rows by number (第 1 行), never by their id. */
  const fieldName = (path: readonly PropertyKey[]): string =>
    path[0] === 'lines'
      ? `第 ${typeof path[1] === 'number' ? path[1] + 1 : String(path[1])} 行 ${COLUMNS[String(path[2])] ?? ''}`.trim()
      : (LABELS[String(path[0])] ?? String(path[0]));
  const conflictText = (fields: string) =>
    fill(STORAGE_MESSAGES.fieldConflict, {
      fields,
      keepAllMine: STORAGE_MESSAGES.keepAllMine,
      takeAllTheirs: STORAGE_MESSAGES.takeAllTheirs,
    });

  /** Tabs A and B on entry `req` (A saved 项目名称 and line l0 first), with page labels. */
  function labelledTabs() {
    const clock = fakeClock();
    const rig = createTabs(clock, { fieldName });
    const a = rig.openTab();
    const b = rig.openTab();
    a.ctl.open('req');
    a.ctl.edit((d) => ({ ...d, project: '招生', lines: [line('l0', '海报'), line('l1', '展架')] }));
    clock.advance(DELAY);
    b.ctl.open('req');
    a.deliver();
    b.deliver();
    return { clock, ...rig, a, b };
  }

  test('a conflict notice names the fields as the page labels them, and only the choices it shows', () => {
    const { a, b } = labelledTabs();
    a.ctl.edit((d) => ({ ...editLine('l1', 'A 的展架')(d), purpose: 'A 的用途' }));
    b.ctl.edit((d) => ({ ...editLine('l1', 'B 的展架')(d), purpose: 'B 的用途' }));
    b.ctl.flush();
    a.deliver();
    const notice = a.ctl.getSnapshot().notices.find((n) => n.code === 'conflict');
    expect(notice?.text).toBe(conflictText('「用途说明」、「第 2 行 费用说明」'));
    expect(notice?.text).not.toContain('标出的地方');
    // Settled one by one, the notice names what is left.
    const purpose = a.ctl.getSnapshot().conflicts.find((c) => c.path[0] === 'purpose')!;
    a.ctl.resolve(purpose, 'theirs');
    expect(a.ctl.getSnapshot().notices.find((n) => n.code === 'conflict')?.text).toBe(
      conflictText('「第 2 行 费用说明」'),
    );
  });

  test('after a choice, the other tab is told which of the fields it had saved were replaced', () => {
    const { clock, a, b, stored } = labelledTabs();
    // B had saved its own 用途说明 and 第 2 行 before A's conflicting edit reached it.
    b.ctl.edit((d) => ({ ...editLine('l1', 'B 的展架')(d), purpose: 'B 的用途' }));
    a.ctl.edit((d) => ({ ...editLine('l1', 'A 的展架')(d), purpose: 'A 的用途' }));
    b.ctl.flush();
    a.deliver();
    for (const c of a.ctl.getSnapshot().conflicts) a.ctl.resolve(c, 'mine');
    clock.advance(DELAY);
    expect(stored('req')).toMatchObject({ purpose: 'A 的用途' });
    b.deliver();
    expect(b.ctl.getSnapshot().state).toMatchObject({ purpose: 'A 的用途' });
    expect(b.ctl.getSnapshot().notices).toEqual([
      {
        id: 'changed-elsewhere',
        kind: 'info',
        code: 'changed-elsewhere',
        text: fill(STORAGE_MESSAGES.changedElsewhere, { fields: '「用途说明」、「第 2 行 费用说明」' }),
        fields: [['purpose'], ['lines', 'l1', 'description']],
      },
    ]);
  });

  test('a field this tab never saved changes quietly; the page’s own store (an import) is not “another tab”', () => {
    const { clock, a, b } = labelledTabs();
    b.ctl.edit(set('purpose', 'B 的用途'));
    clock.advance(DELAY);
    a.deliver();
    expect(a.ctl.getSnapshot().notices).toEqual([]);
    // A stores a whole new version itself (an import over the open entry) and says so.
    const saved = a.store.save('req', { ...empty(), project: '导入的项目' }, {});
    if (!saved.ok) throw new Error('save failed');
    a.ctl.externalChange(saved.savedAt, true);
    expect(a.ctl.getSnapshot()).toMatchObject({ state: { project: '导入的项目' }, notices: [] });
  });
});
