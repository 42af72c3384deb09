// 六（一）1 审批: the approval chain of a 预算申请单 walked through replies, 退回 and revisions.
import { describe, expect, test } from 'vitest';
import { strings as t } from '../../../../src/tools/budget-request/ui/strings';
import { deriveRequest } from '../../../../src/tools/budget-request/logic/derive';
import {
  BUDGET_REQUEST_TOOL,
  BUDGET_REQUEST_VERSION,
  MAX_COMMENT,
  MAX_HISTORY,
  blankDraft,
  draftSchema,
  duplicateDraft,
  migrateDraft,
  type ApprovalDecision,
  type BudgetRequestDraft,
} from '../../../../src/tools/budget-request/logic/state';
import {
  applyApprovalReply,
  approvalPrint,
  approvalProgress,
  approvalTextSection,
  checkStep,
  decisionFormErrors,
  editRule,
  isLocked,
  makeApprovalReply,
  prepareEdit,
  readApprovalReply,
  revisionFingerprint,
  startRevision,
  statusLabel,
  type ApprovalReply,
  type DecisionForm,
} from '../../../../src/tools/budget-request/logic/approval';
import { decodeShareAny, encodeShareCompressed } from '../../../../src/core/share-link';
import { plainShareLink } from '../../helpers/plain-share-link';
import { encodeReplyLink, makeReply, replyToJson } from '../../../../src/core/reply';
import { parseJsonFile, toJsonFile } from '../../../../src/core/json-file';
import { shippedPolicies } from '../../helpers/policy-fixtures';

const { budget } = shippedPolicies();
const NOW = new Date('2026-03-05T09:00:00Z');

/** A filled promotion request of `unitPrice` × 1 (60,000 元 needs all three steps). */
function request(unitPrice = '60000', firstLineId = 'la1'): BudgetRequestDraft {
  return {
    ...blankDraft({ department: '市场部', fiscalYear: 2026, date: '2026-03-02', firstLineId }),
    applicant: '张三',
    project: '暑期招生推广',
    category: 'promotion',
    purpose: '暑期班招生推广',
    fields: { goal: '报名 200 人', channels: '公众号', content: '体验课', schedule: '7 月' },
    lines: [
      { id: firstLineId, description: '线下活动', subcategory: '', quantity: '1', unit: '场', unitPrice },
    ],
    complete: true,
  };
}

const chainOf = (draft: BudgetRequestDraft) => deriveRequest(draft, budget, t).chain;

function form(step: string, decision: DecisionForm['decision'], comment = ''): DecisionForm {
  return { step, name: `${step}审批人`, decision, comment, date: '2026-03-04' };
}

/** The approver: opens the request's share link, decides, sends the reply as a link. */
async function approverReplies(
  shared: BudgetRequestDraft,
  step: string,
  decision: DecisionForm['decision'],
  comment = '',
): Promise<{ link: string; forward: BudgetRequestDraft }> {
  const link = await encodeShareCompressed(BUDGET_REQUEST_TOOL, BUDGET_REQUEST_VERSION, shared);
  if (!link.ok) throw new Error(link.error);
  const opened = await decodeShareAny(
    link.fragment,
    BUDGET_REQUEST_TOOL,
    BUDGET_REQUEST_VERSION,
    draftSchema,
    {
      migrate: migrateDraft,
    },
  );
  if (!opened.ok) throw new Error(opened.error);
  const made = await makeApprovalReply(
    opened.state,
    chainOf(opened.state),
    form(step, decision, comment),
    t,
    NOW,
  );
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  const replyLink = await encodeReplyLink(made.reply);
  if (!replyLink.ok) throw new Error(replyLink.error);
  return { link: `https://example.org/tools/budget-request/#${replyLink.fragment}`, forward: made.forward };
}

/** The requester: reads the reply link and applies it to the draft. */
async function requesterApplies(draft: BudgetRequestDraft, link: string) {
  const read = await readApprovalReply(link);
  if (!read.ok) throw new Error(read.error);
  return applyApprovalReply(
    draft,
    read.reply,
    { chain: chainOf(draft), fingerprint: await revisionFingerprint(draft) },
    t,
  );
}

function applied(result: Awaited<ReturnType<typeof requesterApplies>>): BudgetRequestDraft {
  if (!result.ok) throw new Error(result.error);
  return result.draft;
}

describe('walking the chain 市场经理 → 财务部 → 总经理', () => {
  test('the requester sends the request to each approver in turn and sees 已批准', async () => {
    let draft = request();
    const chain = chainOf(draft);
    expect(chain.map((s) => s.approver)).toEqual(['市场经理', '财务部', '总经理']);
    expect(statusLabel(approvalProgress(draft, chain).status, t)).toBe('审批中（待市场经理审批）');

    for (const [step, next] of [
      ['manager', '审批中（待财务部审批）'],
      ['finance', '审批中（待总经理审批）'],
      ['ceo', '已批准'],
    ] as const) {
      const { link } = await approverReplies(draft, step, 'approve');
      const result = await requesterApplies(draft, link);
      draft = applied(result);
      expect(result.ok && result.added.map((d) => d.step)).toEqual([step]);
      expect(statusLabel(approvalProgress(draft, chain).status, t)).toBe(next);
    }
    expect(draft.approvals.map((d) => [d.approver, d.decision])).toEqual([
      ['市场经理', 'approve'],
      ['财务部', 'approve'],
      ['总经理', 'approve'],
    ]);
    expect(isLocked(draft, chain)).toBe(true);
    expect(editRule(draft, chain)).toBe('locked');

    const print = approvalPrint(draft, chain, await revisionFingerprint(draft), t);
    expect(print.statusLabel).toBe('已批准');
    expect(print.revisionLine).toMatch(/^第 1 版 · 内容指纹 [0-9a-f]{4}-[0-9a-f]{4}$/);
    expect(print.boxes.map((b) => [b.approver, b.name, b.decisionLabel, b.date])).toEqual([
      ['市场经理', 'manager审批人', '同意', '2026-03-04'],
      ['财务部', 'finance审批人', '同意', '2026-03-04'],
      ['总经理', 'ceo审批人', '同意', '2026-03-04'],
    ]);
  });

  test('approvers forward the request; the last reply carries the whole chain', async () => {
    const draft = request();
    const manager = await approverReplies(draft, 'manager', 'approve');
    const finance = await approverReplies(manager.forward, 'finance', 'approve');
    const ceo = await approverReplies(finance.forward, 'ceo', 'approve', '同意，注意控制物料成本');
    const result = await requesterApplies(draft, ceo.link);
    expect(result.ok && result.added.map((d) => d.step)).toEqual(['manager', 'finance', 'ceo']);
    expect(result.ok && result.status.kind).toBe('approved');
    // The earlier replies arriving afterwards change nothing.
    const late = await requesterApplies(applied(result), manager.link);
    expect(late.ok && late.added).toEqual([]);
    expect(applied(late)).toBe(applied(result));
  });

  test('a small request needs only 市场经理', async () => {
    const draft = request('800');
    const chain = chainOf(draft);
    expect(chain.map((s) => s.id)).toEqual(['manager']);
    const { link } = await approverReplies(draft, 'manager', 'approve');
    expect(isLocked(applied(await requesterApplies(draft, link)), chain)).toBe(true);
  });
});

describe('退回修改 and a new revision', () => {
  test('a returned request is edited as revision 2 and approved again; revision 1 stays in the history', async () => {
    let draft = request();
    const chain = chainOf(draft);
    const manager = await approverReplies(draft, 'manager', 'approve');
    draft = applied(await requesterApplies(draft, manager.link));
    const finance = await approverReplies(draft, 'finance', 'return', '物料单价偏高，请核减');
    draft = applied(await requesterApplies(draft, finance.link));
    const status = approvalProgress(draft, chain).status;
    expect(status.kind === 'returned' && status.by.comment).toBe('物料单价偏高，请核减');
    expect(statusLabel(status, t)).toBe('退回修改');
    expect(approvalProgress(draft, chain).steps.map((s) => s.state)).toEqual([
      'approved',
      'returned',
      'stopped',
    ]);
    expect(editRule(draft, chain)).toBe('new-revision');

    // The edit: first a new revision, then the change.
    const before = await revisionFingerprint(draft);
    const returned = draft.approvals;
    const prepared = prepareEdit(draft);
    expect(prepared.newRevision).toBe(true);
    draft = {
      ...prepared.draft,
      lines: [{ ...prepared.draft.lines[0]!, unitPrice: '55000' }],
      complete: true,
    };
    expect(draft.revision).toBe(2);
    expect(draft.approvals).toEqual([]);
    expect(draft.history).toEqual([{ revision: 1, approvals: returned }]);
    expect(await revisionFingerprint(draft)).not.toBe(before);

    // Revision 1's reply no longer applies.
    const stale = await requesterApplies(draft, finance.link);
    expect(stale).toEqual({ ok: false, error: expect.stringContaining('申请单在审批后已修改') });

    for (const step of ['manager', 'finance', 'ceo']) {
      draft = applied(await requesterApplies(draft, (await approverReplies(draft, step, 'approve')).link));
    }
    expect(statusLabel(approvalProgress(draft, chain).status, t)).toBe('已批准');
    expect(approvalPrint(draft, chain, null, t).history.map((h) => h.revision)).toEqual([1]);
    expect(approvalPrint(draft, chain, null, t).revisionLine).toBe('第 2 版 · 内容指纹 —');
  });

  test('不同意 ends the chain', async () => {
    const draft = request();
    const { link } = await approverReplies(draft, 'manager', 'reject', '本季度不安排');
    const result = await requesterApplies(draft, link);
    expect(result.ok && statusLabel(result.status, t)).toBe('不同意');
    expect(checkStep(applied(result), chainOf(draft), 'finance', t)).toEqual({
      ok: false,
      error: '这一版申请单的审批已结束（不同意），不能继续审批',
    });
  });

  test('prepareEdit leaves a draft without decisions as it is', () => {
    const draft = request();
    expect(prepareEdit(draft)).toEqual({ draft, newRevision: false });
    expect(editRule(draft, chainOf(draft))).toBe('free');
  });

  test('startRevision keeps at most MAX_HISTORY earlier revisions', () => {
    let draft = request();
    for (let i = 0; i < MAX_HISTORY + 5; i++) draft = startRevision(draft);
    expect(draft.revision).toBe(MAX_HISTORY + 6);
    expect(draft.history).toHaveLength(MAX_HISTORY);
    expect(draft.history[0]!.revision).toBe(6);
  });
});

describe('replies the requester refuses', () => {
  const decision = (
    step: string,
    approver: string,
    answers: string,
    d: ApprovalDecision['decision'] = 'approve',
  ): ApprovalDecision => ({
    step,
    approver,
    name: '某人',
    decision: d,
    comment: d === 'approve' ? '' : '请修改',
    date: '2026-03-04',
    answers,
  });

  test.each([
    // [case, edit of the payload (fp = the draft's fingerprint), message]
    [
      'another request',
      (fp: string) => ({ requestId: 'rother', decision: decision('manager', '市场经理', fp) }),
      '这个回复属于另一份申请单「暑期招生推广」，不是当前打开的这一份',
    ],
    [
      'another revision',
      (fp: string) => ({ revision: 2, decision: decision('manager', '市场经理', fp) }),
      '申请单在审批后已修改：这个回复针对第 2 版，申请单现在是第 1 版，请把新版本重新送审',
    ],
    [
      '财务部 before 市场经理',
      (fp: string) => ({ decision: decision('finance', '财务部', fp) }),
      '审批顺序不对：财务部审批之前，须先由市场经理审批',
    ],
    [
      'a step the policy does not have',
      (fp: string) => ({ decision: decision('board', '董事会', fp) }),
      '本申请单的合计金额不需要董事会审批',
    ],
    [
      'after a 退回',
      (fp: string) => ({
        earlier: [decision('manager', '市场经理', fp, 'return')],
        decision: decision('finance', '财务部', fp),
      }),
      '市场经理的意见是“退回修改”，审批到此结束，后面的步骤不能再审批',
    ],
    [
      'decisions of two revisions',
      (fp: string) => ({
        earlier: [decision('manager', '市场经理', '0'.repeat(16))],
        decision: decision('finance', '财务部', fp),
      }),
      '回复中的审批记录不属于同一版申请单，无法使用',
    ],
    [
      'one step twice',
      (fp: string) => ({
        earlier: [decision('manager', '市场经理', fp)],
        decision: decision('manager', '市场经理', fp),
      }),
      '回复中同一审批步骤出现了两次，无法使用',
    ],
  ])('%s', async (_case, edit, message) => {
    const draft = request();
    const fp = await revisionFingerprint(draft);
    const payload = {
      requestId: draft.requestId,
      revision: 1,
      project: draft.project,
      earlier: [],
      ...edit(fp),
    };
    const reply = makeReply({ tool: BUDGET_REQUEST_TOOL, answers: fp, kind: 'approval', payload }, NOW);
    expect(applyApprovalReply(draft, reply, { chain: chainOf(draft), fingerprint: fp }, t)).toEqual({
      ok: false,
      error: message,
    });
  });

  test('财务部 on a request that needs only 市场经理', async () => {
    const draft = request('800');
    const fp = await revisionFingerprint(draft);
    const payload = {
      requestId: draft.requestId,
      revision: 1,
      project: draft.project,
      earlier: [decision('manager', '市场经理', fp)],
      decision: decision('finance', '财务部', fp),
    };
    const reply = makeReply({ tool: BUDGET_REQUEST_TOOL, answers: fp, kind: 'approval', payload }, NOW);
    expect(applyApprovalReply(draft, reply, { chain: chainOf(draft), fingerprint: fp }, t)).toEqual({
      ok: false,
      error: '本申请单的合计金额不需要财务部审批',
    });
  });

  test('a reply for text changed since (same revision number)', async () => {
    const draft = request();
    const { link } = await approverReplies(draft, 'manager', 'approve');
    const edited = { ...draft, purpose: '改过的用途' }; // changed without a new revision (e.g. an edited file)
    const result = await requesterApplies(edited, link);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(
      /^申请单在审批后已修改（审批时的内容指纹 [0-9a-f-]{9}，现在 [0-9a-f-]{9}）/,
    );
  });

  test('a decision that differs from the one recorded', async () => {
    const draft = request();
    const first = await approverReplies(draft, 'manager', 'approve');
    const recorded = applied(await requesterApplies(draft, first.link));
    const other = await approverReplies(draft, 'manager', 'return', '再想想');
    expect(await requesterApplies(recorded, other.link)).toEqual({
      ok: false,
      error: '市场经理的审批意见与本机已记录的不同，未作改动；请与审批人核对',
    });
  });
});

describe('the approver’s form', () => {
  test.each([
    // [case, form, errors]
    ['同意 without 意见 is fine', form('manager', 'approve'), {}],
    [
      'nothing chosen',
      { ...form('manager', ''), name: ' ', date: '' },
      {
        name: '请填写审批人姓名',
        decision: '请选择审批意见：同意、退回修改或不同意',
        date: '请填写有效的审批日期',
      },
    ],
    ['退回修改 needs 意见', form('manager', 'return', '  '), { comment: '退回修改或不同意时，请写明意见' }],
    ['不同意 needs 意见', form('manager', 'reject'), { comment: '退回修改或不同意时，请写明意见' }],
    [
      'too long 意见',
      form('manager', 'approve', '长'.repeat(MAX_COMMENT + 1)),
      { comment: `意见超出 ${MAX_COMMENT} 字，删减后才能生成回复` },
    ],
    // counted as the reader sees characters: 500 emoji fit (1,000 UTF-16 units)
    ['500 emoji 意见 fit', form('manager', 'approve', '😀'.repeat(MAX_COMMENT)), {}],
    ['no such day', { ...form('manager', 'approve'), date: '2026-02-30' }, { date: '请填写有效的审批日期' }],
  ])('%s', (_case, input, errors) => {
    expect(decisionFormErrors(input, t)).toEqual(errors);
  });

  test.each([
    // [case, decided steps, step asked, result]
    ['the first step', [], 'manager', null],
    ['a later step too early', [], 'ceo', '审批顺序不对：总经理审批之前，须先由市场经理审批'],
    ['a step already decided', ['manager'], 'manager', '市场经理已经审批过这一版申请单'],
    ['a step the total does not need', [], 'board', '本申请单的合计金额不需要board审批'],
  ])('%s', async (_case, decided, step, error) => {
    let draft = request();
    for (const s of decided) draft = (await approverReplies(draft, s, 'approve')).forward;
    const check = checkStep(draft, chainOf(draft), step, t);
    expect(check.ok ? null : check.error).toBe(error);
  });

  test('makeApprovalReply refuses a bad form and a wrong step, and makes nothing', async () => {
    const draft = request();
    const made = await makeApprovalReply(draft, chainOf(draft), form('finance', 'return'), t, NOW);
    expect(made).toEqual({
      ok: false,
      errors: {
        comment: '退回修改或不同意时，请写明意见',
        step: '审批顺序不对：财务部审批之前，须先由市场经理审批',
      },
    });
  });

  test('the reply names the revision, the approver and the earlier decisions', async () => {
    const draft = (await approverReplies(request(), 'manager', 'approve')).forward;
    const made = await makeApprovalReply(draft, chainOf(draft), form('finance', 'approve', ' 同意 '), t, NOW);
    if (!made.ok) throw new Error('expected a reply');
    expect(made.reply).toMatchObject({
      app: 'marketing-handbook',
      reply: 'approval',
      tool: 'budget-request',
      answers: await revisionFingerprint(draft),
      at: NOW.toISOString(),
      payload: {
        requestId: draft.requestId,
        revision: 1,
        project: '暑期招生推广',
        decision: {
          step: 'finance',
          approver: '财务部',
          decision: 'approve',
          comment: '同意',
          date: '2026-03-04',
        },
        earlier: draft.approvals,
      },
    });
  });
});

describe('reading a reply', () => {
  test('from a JSON file, a bare fragment and a whole address', async () => {
    const draft = request();
    const made = await makeApprovalReply(draft, chainOf(draft), form('manager', 'approve'), t, NOW);
    if (!made.ok) throw new Error('expected a reply');
    const link = await encodeReplyLink(made.reply);
    if (!link.ok) throw new Error(link.error);
    for (const text of [
      `\uFEFF${replyToJson(made.reply)}`,
      link.fragment,
      `#${link.fragment}`,
      `http://intranet/x/#${link.fragment}`,
    ]) {
      const read = await readApprovalReply(text);
      expect(read.ok && read.reply).toEqual(made.reply);
    }
  });

  test.each([
    // [case, text, message]
    ['not a reply', '{"a":1}', '这不是回复：请打开对方发回的回复链接或回复文件'],
    ['a damaged link', 'r1.budget-request.!!', '链接已损坏，请重新复制完整的链接'],
    ['a reply of another tool', 'r1.onboarding.AAAA', '这是入职清单的签收链接，请在浏览器中直接打开：它会打开新员工签收'],
  ])('%s', async (_case, text, error) => {
    expect(await readApprovalReply(text)).toMatchObject({ ok: false, error });
  });

  test('a sign-off reply is not an approval', async () => {
    const fp = await revisionFingerprint(request());
    const other: ApprovalReply = makeReply(
      { tool: BUDGET_REQUEST_TOOL, answers: fp, kind: 'sign-off', payload: {} as never },
      NOW,
    );
    expect(await readApprovalReply(replyToJson(other))).toMatchObject({
      ok: false,
      error: '这个回复不是本工具能处理的类型',
    });
  });
});

describe('text export', () => {
  test('one line per step', async () => {
    let draft = request();
    draft = (await approverReplies(draft, 'manager', 'approve')).forward;
    draft = (await approverReplies(draft, 'finance', 'return', '请核减')).forward;
    expect(approvalTextSection(draft, chainOf(draft), t)).toEqual({
      heading: '审批记录（第 1 版，退回修改）',
      lines: [
        '市场经理：同意（manager审批人，2026-03-04）',
        '财务部：退回修改（finance审批人，2026-03-04）：请核减',
        '总经理：待审批',
      ],
    });
  });

  test('a draft not yet complete is 草稿; an empty chain too', () => {
    const draft = { ...request(), complete: false };
    expect(statusLabel(approvalProgress(draft, chainOf(draft)).status, t)).toBe('草稿');
    expect(approvalProgress(draft, []).status).toEqual({ kind: 'draft' });
  });
});

describe('drafts of version 1 still open', () => {
  const v1 = (): Record<string, unknown> => {
    const { requestId: _r, revision: _v, approvals: _a, history: _h, ...old } = request('100', 'lmyoldid');
    return old;
  };

  test('migrateDraft gives a valid draft with a stable request id', () => {
    const lifted = migrateDraft(v1(), 1);
    expect(lifted).toMatchObject({ requestId: 'rlmyoldid', revision: 1, approvals: [], history: [] });
    expect(migrateDraft(v1(), 1)).toEqual(lifted);
    expect(migrateDraft({ ...v1(), lines: [] }, 1)).toMatchObject({ requestId: 'rlegacy' });
  });

  test.each([
    // [case, data, version]
    ['version 0', {}, 0],
    ['an array', [], 1],
    ['null', null, 1],
  ])('refuses %s', (_case, data, version) => {
    expect(() => migrateDraft(data, version)).toThrow(RangeError);
  });

  test('a version-1 link and a version-1 file open', async () => {
    const link = { fragment: plainShareLink(BUDGET_REQUEST_TOOL, 1, v1()) };
    const opened = await decodeShareAny(
      link.fragment,
      BUDGET_REQUEST_TOOL,
      BUDGET_REQUEST_VERSION,
      draftSchema,
      {
        migrate: migrateDraft,
      },
    );
    expect(opened).toMatchObject({
      ok: true,
      migrated: true,
      state: { requestId: 'rlmyoldid', project: '暑期招生推广' },
    });
    const file = parseJsonFile(
      toJsonFile(BUDGET_REQUEST_TOOL, 1, v1()),
      BUDGET_REQUEST_TOOL,
      BUDGET_REQUEST_VERSION,
      draftSchema,
      { migrate: migrateDraft },
    );
    expect(file).toMatchObject({ ok: true, migrated: true });
  });

  test('a copy is a new request at revision 1', async () => {
    let draft = request();
    draft = (await approverReplies(draft, 'manager', 'approve')).forward;
    draft = startRevision(draft);
    const copy = duplicateDraft(draft, '（副本）', (i) => `lc${i}`);
    expect(copy).toMatchObject({
      requestId: 'rlc1',
      revision: 1,
      approvals: [],
      history: [],
      complete: false,
    });
    expect(duplicateDraft(draft, '', (i) => `x${i}`, 'rgiven').requestId).toBe('rgiven');
  });
});
