// The 新员工签收 list of the 市场经理 or 导师: receiving 签收 (made on the new hire's page, see
// ../onboarding/signoff.test.ts), the list, its view, text and CSV, and the tool definition.
import { describe, expect, test } from 'vitest';
import { personKey } from '../../../../src/core/person-key';
import { editionFingerprint, signoffReplyFormat } from '../../../../src/tools/onboarding/logic/signoff';
import { signoffsTool } from '../../../../src/tools/signoffs/logic/definition';
import { signoffRows, type SignoffContext } from '../../../../src/tools/signoffs/logic/derive';
import { signoffCsvRows, signoffText } from '../../../../src/tools/signoffs/logic/export';
import { quizLine } from '../../../../src/tools/signoffs/logic/derive';
import { pastedItems, receiveSignoffs } from '../../../../src/tools/signoffs/logic/receive';
import {
  MAX_SIGNOFFS,
  addSignoff,
  emptySignoffList,
  migrateSignoffs,
  removeSignoff,
  signoffListSchema,
  type SignoffList,
} from '../../../../src/tools/signoffs/logic/state';
import { strings as t } from '../../../../src/tools/signoffs/ui/strings';
import { makeReply, readReply, replyToJson } from '../../../../src/core/reply';
import { parseCsv, toCsv } from '../../../../src/core/csv';
import { validateState } from '../../../../src/core/json-file';
import { EDITION, asLink, hire, onboarding, roles, signoff } from '../../helpers/signoff-fixtures';

const day1 = onboarding.items.filter((i) => i.phase === 'day1' && i.roles === 'all').map((i) => i.id);
const promotionItems = onboarding.items
  .filter((i) => i.roles === 'all' || i.roles.includes('promotion'))
  .map((i) => i.id);
const context = (today: string | null, since: SignoffContext['since'] = {}): SignoffContext => ({
  policy: onboarding,
  roles,
  current: EDITION,
  since,
  today,
});

describe('two new hires’ 签收 collected, one of them overdue', () => {
  test('the list shows who signed which version and who is behind, sorted, with a CSV', async () => {
    // 王芳 started on 2026-03-02 and has ticked only the first-day items: by 2026-04-10 the rest is overdue.
    const wang = await signoff(hire('王芳', 'promotion', '2026-03-02', day1), '2026-03-03');
    // 陈明 started on 2026-03-30, has done everything of the promotion role and passed the 制度测验.
    const passed = { passed: true, scorePercent: 90, attempts: 2, date: '2026-03-31', version: '1.0', fingerprint: 'a1b2c3d4e5f6' };
    const chen = await signoff(hire('陈明', 'promotion', '2026-03-30', promotionItems), '2026-04-01', EDITION, undefined, passed);
    expect(wang.payload).toMatchObject({
      name: '王芳',
      role: 'promotion',
      roleName: '市场推广组',
      startDate: '2026-03-02',
      policyVersion: '1.0',
      policyFingerprint: 'a1b2c3d4e5f6',
      date: '2026-03-03',
      progress: { done: day1.length, total: promotionItems.length, overdue: [] },
    });
    expect(wang.answers).toBe(await editionFingerprint(EDITION));

    const received = await receiveSignoffs(
      emptySignoffList(),
      pastedItems(`${await asLink(wang)}\n\n  ${await asLink(chen)}  \n`, t),
      t,
    );
    expect(received.results).toEqual([
      { source: '第 1 行', ok: true, name: '王芳', outcome: 'added', message: '已加入「王芳」的签收' },
      { source: '第 3 行', ok: true, name: '陈明', outcome: 'added', message: '已加入「陈明」的签收' },
    ]);

    const view = signoffRows(received.list, context('2026-04-10'), t);
    expect(view.rows.map((r) => [r.record.name, r.behind, r.done, r.total, r.versionLabel])).toEqual([
      ['王芳', true, day1.length, promotionItems.length, '当前版本 1.0'],
      ['陈明', false, promotionItems.length, promotionItems.length, '当前版本 1.0'],
    ]);
    const overdueIds = promotionItems.filter((id) => !day1.includes(id));
    expect(view.rows[0]!.overdue.map((o) => o.id)).toEqual(overdueIds);
    expect(view.rows[0]!.overdue.every((o) => o.dueDate < '2026-04-10')).toBe(true);
    expect(view.summary).toEqual({ people: 2, current: 2, notCurrent: 0, behind: 1, quizNotPassed: 1 });
    // 测验: 王芳 did not take it; 陈明 passed with 90 %.
    expect(view.rows.map((r) => [r.record.name, r.quizStatus, r.quizLabel])).toEqual([
      ['王芳', 'none', '未做测验'],
      ['陈明', 'passed', '通过 90%'],
    ]);
    expect(view.quizNotPassed).toEqual(['王芳']);
    expect(quizLine(view, t)).toBe('尚未通过制度测验（1 人）：王芳');
    expect(signoffText(view, t)).toContain('尚未通过制度测验（1 人）：王芳');
    expect(signoffText(view, t)).toContain('陈明（市场推广组）：2026-04-01 签收，当前版本 1.0；已完成');
    expect(signoffText(view, t)).toContain('；制度测验：通过 90%');

    const csv = parseCsv(toCsv(signoffCsvRows(view, t)));
    expect(csv[0]).toEqual([
      '姓名',
      '岗位',
      '导师',
      '入职日期',
      '签收日期',
      '制度版本',
      '文本指纹',
      '是否当前版本',
      '已完成事项',
      '事项总数',
      '逾期事项数',
      '逾期事项',
      '制度测验',
      '测验得分（%）',
      '测验次数',
      '测验日期',
    ]);
    expect(csv[1]!.slice(12)).toEqual(['未做测验', '', '', '']);
    expect(csv[2]!.slice(12)).toEqual(['通过 90%', '90', '2', '2026-03-31']);
    expect(csv[1]!.slice(0, 11)).toEqual([
      '王芳',
      '市场推广组',
      '李导师',
      '2026-03-02',
      '2026-03-03',
      '="1.0"', // a text constant, so a spreadsheet keeps 1.0 (core/csv.ts csvText)
      '="a1b2c3d4e5f6"',
      '当前版本 1.0',
      String(day1.length),
      String(promotionItems.length),
      String(overdueIds.length),
    ]);
    expect(csv[2]![10]).toBe('0');

    // Before the due dates nobody is behind; without a today nothing is overdue.
    expect(signoffRows(received.list, context('2026-03-03'), t).summary.behind).toBe(0);
    expect(signoffRows(received.list, context(null), t).summary.behind).toBe(0);
  });
});

describe('the same person again', () => {
  test('a newer 签收 updates the row; the same again is unchanged; an older one is not used', async () => {
    const first = await signoff(hire('王芳', 'promotion', '2026-03-02', day1), '2026-03-03');
    const later = await signoff(hire('王 芳', 'promotion', '2026-03-02', promotionItems), '2026-03-20');
    let list: SignoffList = addSignoff(emptySignoffList(), first).list;
    const updated = addSignoff(list, later);
    expect(updated.outcome).toBe('updated');
    list = updated.list;
    expect(list.records).toHaveLength(1);
    expect(list.records[0]!.progress.done).toBe(promotionItems.length);
    expect(addSignoff(list, later)).toEqual({ list, outcome: 'same' });
    expect(addSignoff(list, first)).toEqual({ list, outcome: 'older' });
    const { results } = await receiveSignoffs(list, [{ source: 'a.json', text: replyToJson(first) }], t);
    expect(results).toEqual([
      {
        source: 'a.json',
        ok: true,
        name: '王芳',
        outcome: 'older',
        message: '「王芳」已有更新的签收，这一份较早，未采用',
      },
    ]);
    expect(removeSignoff(list, '王芳 ').records).toEqual([]);
  });

  test.each([
    // [a, b, same person]
    ['王芳', ' 王 芳 ', true],
    ['ＬＩ Lei', 'li lei', true], // full-width and case
    ['王芳', '王芬', false],
  ])('%s / %s', (a, b, same) => {
    expect(personKey(a) === personKey(b)).toBe(same);
  });

  test('a full list takes no one new', async () => {
    const one = await signoff(hire('甲', 'promotion', '2026-03-02', []), '2026-03-03');
    const records = Array.from({ length: MAX_SIGNOFFS }, (_, i) => ({
      ...one.payload,
      name: `人${i}`,
      at: one.at,
      answers: one.answers,
    }));
    const full: SignoffList = { records };
    expect(addSignoff(full, one)).toEqual({ list: full, outcome: 'full' });
    const { results, list } = await receiveSignoffs(full, [{ source: 'x', text: replyToJson(one) }], t);
    expect(list).toBe(full);
    expect(results).toEqual([
      {
        source: 'x',
        ok: false,
        error: `列表已有 ${MAX_SIGNOFFS} 人，已满，未加入「甲」；请先删除不再需要的记录`,
      },
    ]);
  });
});

describe('versions', () => {
  test.each([
    // [edition signed, label, status]
    [EDITION, '当前版本 1.0', 'current'],
    [{ version: '0.9', fingerprint: '0123456789ab' }, '旧版本 0.9，须按当前版本重新签收', 'other-version'],
    [
      { version: '1.0', fingerprint: '0123456789ab' },
      '版本 1.0，但正文已改动（指纹不同），须重新签收',
      'other-text',
    ],
  ])('%o → %s', async (edition, label, status) => {
    const reply = await signoff(hire('甲', 'crm', '2026-03-02', []), '2026-03-02', edition);
    const row = signoffRows(addSignoff(emptySignoffList(), reply).list, context('2026-03-02'), t).rows[0]!;
    expect([row.versionLabel, row.versionStatus]).toEqual([label, status]);
  });

  // The site is at 1.0, an editorial release after the substantive 0.9.1 (three clauses changed
  // since 0.9): a 签收 of 0.9.1 still holds, one of 0.9 does not.
  const since = { '0.9': 3, '0.9.1': 0 };
  test.each([
    // [version signed, label, status]
    ['0.9.1', '0.9.1 版，之后只有编辑性修订，无须重新签收', 'editorial'],
    ['0.9', '旧版本 0.9，之后修订了 3 条，须按当前版本重新签收', 'other-version'],
    // a version this site never published: how much changed is unknown
    ['0.8', '旧版本 0.8，须按当前版本重新签收', 'other-version'],
  ])('after editorial releases, %s → %s', async (version, label, status) => {
    const reply = await signoff(hire('甲', 'crm', '2026-03-02', []), '2026-03-02', { version, fingerprint: '0123456789ab' });
    const view = signoffRows(addSignoff(emptySignoffList(), reply).list, context('2026-03-02', since), t);
    expect([view.rows[0]!.versionLabel, view.rows[0]!.versionStatus]).toEqual([label, status]);
    // A 签收 that still holds counts as current.
    expect(view.summary.current).toBe(status === 'editorial' ? 1 : 0);
  });

  test('not current sorts before current when nobody is behind; then by name', async () => {
    const names = ['乙', '甲', '丙'];
    let list = emptySignoffList();
    for (const [i, name] of names.entries()) {
      const edition = i === 2 ? { version: '0.9', fingerprint: 'ffffffffffff' } : EDITION;
      list = addSignoff(list, await signoff(hire(name, 'crm', '2026-03-02', []), '2026-03-02', edition)).list;
    }
    const rows = signoffRows(list, context('2026-03-02'), t).rows.map((r) => r.record.name);
    expect(rows[0]).toBe('丙');
    expect(rows.slice(1)).toEqual(['甲', '乙'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  test('a role the collector’s parameters do not know keeps the reply’s name and the common items', async () => {
    const reply = await signoff(hire('甲', 'promotion', '2026-03-02', []), '2026-03-02');
    const tampered = { ...reply, payload: { ...reply.payload, role: 'gone', roleName: '旧岗位' } };
    const row = signoffRows(addSignoff(emptySignoffList(), tampered).list, context('2026-05-01'), t).rows[0]!;
    expect(row.roleName).toBe('旧岗位');
    expect(row.total).toBe(onboarding.items.filter((i) => i.roles === 'all').length);
  });
});

describe('bad links and files are listed with a reason', () => {
  test.each([
    // [case, text, reason]
    ['a damaged link', 'https://x/tools/onboarding/#r1.onboarding.%%%', '链接已损坏，请重新复制完整的链接'],
    ['a budget approval', 'r1.budget-request.AAAA', '这是预算申请单的审批回复链接，请在浏览器中直接打开：它会打开预算申请单'],
    ['not JSON', '{oops', '文件不是有效的 JSON，请选择对方发回的 .json 回复文件'],
    [
      'a JSON file that is no reply',
      '{"tool":"onboarding"}',
      '这不是回复：请打开对方发回的回复链接或回复文件',
    ],
    ['an empty line', '   ', '空白，没有内容'],
  ])('%s', async (_case, text, error) => {
    const { list, results } = await receiveSignoffs(emptySignoffList(), [{ source: 'f', text }], t);
    expect(list.records).toEqual([]);
    expect(results).toMatchObject([{ source: 'f', ok: false, error }]);
  });

  test('a link of another tool carries where it opens, for the link beside the reason', async () => {
    const { results } = await receiveSignoffs(emptySignoffList(), [{ source: '第 1 行', text: 'https://x/tools/onboarding/#z1.onboarding.AAAA 谢谢' }], t);
    expect(results).toEqual([
      {
        source: '第 1 行',
        ok: false,
        error: '这是入职清单的分享链接，请在浏览器中直接打开：它会打开入职清单',
        foreign: { fragment: 'z1.onboarding.AAAA', opensAt: 'onboarding', page: '入职清单' },
      },
    ]);
  });

  test('a reply of another kind, and a 签收 with a field missing', async () => {
    const good = await signoff(hire('甲', 'crm', '2026-03-02', []), '2026-03-02');
    const review = makeReply({
      tool: 'onboarding',
      answers: good.answers,
      kind: 'review',
      payload: good.payload,
    });
    expect(await readReply(replyToJson(review), signoffReplyFormat)).toMatchObject({
      ok: false,
      error: '这个回复不是本工具能处理的类型',
    });
    const { name: _name, ...noName } = good.payload;
    const broken = { ...good, payload: noName };
    expect(await readReply(JSON.stringify(broken), signoffReplyFormat)).toMatchObject({
      ok: false,
      error: '回复内容不完整',
    });
    const blankName = { ...good, payload: { ...good.payload, name: '  ' } };
    expect(await readReply(JSON.stringify(blankName), signoffReplyFormat)).toMatchObject({
      ok: false,
      error: '回复内容不完整',
    });
  });

  test('a pasted JSON reply is one item', async () => {
    const good = await signoff(hire('甲', 'crm', '2026-03-02', []), '2026-03-02');
    expect(pastedItems(replyToJson(good), t)).toEqual([
      { source: '第 1 行', text: replyToJson(good).trim() },
    ]);
    expect(pastedItems(' \n ', t)).toEqual([]);
  });
});

describe('the 新员工签收 tool definition', () => {
  test('saved lists are validated; derive, text, CSV and file name', async () => {
    const wang = await signoff(hire('王芳', 'promotion', '2026-03-02', day1), '2026-03-03');
    const list = addSignoff(signoffsTool.empty({ ...context(null), labels: t }, null), wang).list;
    expect(validateState(signoffsTool.schema, JSON.parse(JSON.stringify(list)))).toEqual({
      ok: true,
      state: list,
    });
    expect(validateState(signoffListSchema, { records: [{ ...list.records[0], at: 'yesterday' }] }).ok).toBe(
      false,
    );
    expect(signoffsTool.isBlank?.(emptySignoffList(), { ...context(null), labels: t })).toBe(true);
    const ctx = { ...context('2026-04-10'), labels: t };
    const result = signoffsTool.derive(list, ctx);
    const exports = await signoffsTool.exports();
    const text = exports.text(list, result, ctx);
    expect(text).toContain('共 1 人：当前版本 1 人，须重新签收 0 人，有逾期事项 1 人');
    expect(text).toContain('王芳（市场推广组）：2026-03-03 签收，当前版本 1.0');
    expect(text).toContain('；逾期：');
    expect(text).toContain(t['trust.note']);
    expect(exports.csv?.(list, result, ctx)).toBe(toCsv(signoffCsvRows(result, t)));
    expect(exports.fileBase(list, ctx)).toBe('新员工签收-2026-04-10');
    expect(exports.fileBase(list, { ...context(null), labels: t })).toBe('新员工签收');
    expect(signoffText(signoffRows(emptySignoffList(), context(null), t), t)).toContain('还没有收到签收。');
  });
});

describe('签收 from before the 制度测验', () => {
  test('a format-1 签收 (no quiz) is received and reads 未做测验; a list saved by version 1 opens', async () => {
    const reply = await signoff(hire('赵刚', 'crm', '2026-03-02', day1), '2026-03-03');
    const { format: _f, quiz: _q, ...v1 } = reply.payload;
    const old = { ...reply, payload: v1 };
    const received = await receiveSignoffs(emptySignoffList(), pastedItems(await asLink(old), t), t);
    expect(received.results).toMatchObject([{ ok: true, outcome: 'added' }]);
    const view = signoffRows(received.list, context('2026-03-03'), t);
    expect(view.rows[0]).toMatchObject({ quizStatus: 'none', quizLabel: '未做测验' });
    // The list as version 1 saved it is the same shape, lifted as it is.
    const lifted = migrateSignoffs(received.list, 1);
    expect(validateState(signoffListSchema, lifted)).toMatchObject({ ok: true });
    expect(() => migrateSignoffs(received.list, 3)).toThrow();
  });

  test('a failed attempt reads 未通过 with its score', async () => {
    const failed = { passed: false, scorePercent: 60, attempts: 1, date: '2026-03-03', version: '1.0', fingerprint: '' };
    const reply = await signoff(hire('钱多', 'crm', '2026-03-02', day1), '2026-03-03', EDITION, undefined, failed);
    const view = signoffRows(addSignoff(emptySignoffList(), reply).list, context('2026-03-03'), t);
    expect(view.rows[0]).toMatchObject({ quizStatus: 'failed', quizLabel: '未通过（60%）' });
    expect(quizLine(view, t)).toBe('尚未通过制度测验（1 人）：钱多');
  });
});
