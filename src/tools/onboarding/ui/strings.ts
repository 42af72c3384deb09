// zh-CN strings of the 入职清单 tool (/tools/onboarding/) and the 本章已读 control of the chapter
// pages, flat dotted keys. Passed to the island as a prop by OnboardingPage.astro; `{name}` marks a
// value filled in with `fill` (src/core/template.ts).
export const strings = {
  'tool.title': '入职清单',
  'tool.fileBase': '入职清单',
  'tool.loading': '正在读取本浏览器保存的进度…',

  'people.label': '新员工',
  'people.unnamed': '未填姓名',
  'people.new': '新增一位新员工',
  'people.hint': '每位新员工的进度分开保存在本浏览器中，不会上传。',
  'people.created': '已新增一份空白清单',

  'profile.legend': '新员工信息',
  'field.name': '姓名',
  'field.role': '岗位',
  'field.rolePlaceholder': '请选择岗位',
  'field.startDate': '入职日期',
  'field.startDateHint': '例如 2026-03-02 或 2026年3月2日',
  'field.mentor': '导师',
  'field.ackDate': '签收日期',
  'field.ackDateHint': '留空则打印当天日期',

  'error.roleMissing': '尚未选择岗位：下面只列出各岗位共同的事项，选择岗位后显示本岗位的全部事项',
  'error.roleUnknown': '岗位「{role}」不在当前的入职参数中，请重新选择；下面只列出各岗位共同的事项',
  'error.startMissing': '请填写入职日期，以便计算各阶段的完成期限',
  'error.startInvalid': '{error}；在改正之前不计算完成期限',
  'warn.startPast': '入职日期在 {n} 天前，请核对；期限和逾期仍按此日期计算',
  'warn.startFuture': '入职日期在 {n} 天后，请核对；期限仍按此日期计算',
  'error.ackDate': '{error}；打印时日期留空',

  'progress.label': '入职进度',
  'progress.overall': '总进度',
  'progress.value': '已完成 {done}/{total} 项（{percent}%）',
  'progress.overdue': '逾期 {n} 项',
  'progress.noOverdue': '没有逾期事项',
  'progress.phase': '{phase}：{done}/{total}',
  'progress.reading': '阅读顺序：已读 {read}/{total} 章',
  'progress.how':
    '怎么算的：各阶段的期限 = 入职日期 + 该阶段的天数（入职当天为第 0 天）；过了期限仍未勾选的事项记为逾期（{asOf}）。进度 = 已勾选 ÷ 本岗位事项数。事项与期限来自入职参数（默认示例参数，可由市场部调整），依据',
  'progress.howToday': '以本机今天的日期 {today} 为准',
  // Before the tool has run (server-rendered page) there is no date of the reader's machine yet.
  'progress.howNoToday': '以本机今天的日期为准',

  'phase.heading': '{phase}',
  'phase.due': '期限 {date}（入职后第 {day} 天）',
  'phase.dueUnknown': '期限：填写入职日期后显示（入职后第 {day} 天）',
  'phase.count': '已完成 {done}/{total}',
  'phase.empty': '本阶段没有适用于该岗位的事项',
  'item.owner': '负责：',
  'item.clause': '条款',
  'item.clauseLabel': '条款 {label}：{title}',
  'item.overdue': '逾期',
  'item.dueToday': '今天到期',
  'item.doneAt': '完成于 {date}',

  'reading.heading': '阅读顺序',
  'reading.intro': '按下面的顺序阅读制度；每章末尾有“我已读完本章”，勾选后这里会显示。',
  'reading.read': '已读（{date}）',
  'reading.unread': '未读',
  'reading.note': '阅读记录保存在本浏览器中，所有人共用。',

  // 制度测验 (Quiz.tsx): a learning check in the reader's browser, never an exam.
  'field.quiz': '制度测验',
  'quiz.heading': '制度测验',
  'quiz.intro':
    '读完制度后做一次小测验，看看是否理解了制度的要点。每次从适用于你岗位的题目中随机抽 {count} 道，第一次作答就答对 {pass}% 即为通过。每答一题都会显示正确答案和它出自的条款；答错的题在本轮稍后会再出一次，帮助记住，但得分只算第一次的回答。',
  'quiz.trustHeading': '测验说明',
  'quiz.trust': '这是帮助理解制度的自测，在你的浏览器中进行，不是考试；答案就在页面里。',
  'quiz.needRole': '请先在上面选择岗位：测验按岗位出题。',
  'quiz.start': '开始测验',
  'quiz.again': '再做一次',
  'quiz.restart': '重新开始本轮',
  'quiz.progress': '第 {n} 题，共 {total} 题',
  'quiz.progressAgain': '再答一次：这道题刚才答错了（还剩 {left} 题）',
  'quiz.multi': '多选：选出全部正确的选项',
  'quiz.single': '单选',
  'quiz.submit': '提交答案',
  'quiz.pickFirst': '请先选择答案',
  'quiz.right': '回答正确',
  'quiz.wrong': '回答错误',
  'quiz.wrongLater': '这道题本轮稍后会再出一次。',
  'quiz.answerIs': '正确答案：',
  'quiz.basis': '依据条款',
  'quiz.next': '下一题',
  'quiz.finish': '查看结果',
  'quiz.scorePassed': '本轮得分 {score}%（第一次就答对 {correct}/{asked} 题），达到及格线 {pass}%，已通过。',
  'quiz.scoreFailed': '本轮得分 {score}%（第一次就答对 {correct}/{asked} 题），未达到及格线 {pass}%。可以重读相关条款后再做一次。',
  'quiz.reviewHeading': '第一次答错的题',
  'quiz.result': '测验结果：{value}',
  'quiz.value.passed': '通过，得分 {score}%（共做 {attempts} 次，{date} 完成）',
  'quiz.value.failed': '未通过，得分 {score}%（共做 {attempts} 次，最近一次 {date}）',
  'quiz.value.none': '未做测验',
  'quiz.inProgress': '本轮测验尚未做完。',

  'slip.heading': '制度签收单',
  'slip.intro':
    '打印后由新员工签字，交市场经理存档。签收单上的版本和文本指纹对应本网站当前的制度文字；制度修订后指纹会改变。',
  'slip.title': '《{title}》签收单',
  'slip.version': '制度版本',
  'slip.versionValue': '{version}（生效日期 {effective}）',
  'slip.fingerprint': '文本指纹',
  'slip.fingerprintNote': '六章条文的 SHA-256 前 12 位，网站构建时计算',
  'slip.statement': '本人已阅读并理解《{shortTitle}》，并将遵照执行。',
  'slip.quiz': '制度测验',
  'slip.quizEdition': '（按制度版本 {version} 作答，文本指纹 {fingerprint}）',
  'slip.print': '打印签收单',
  'slip.signHire': '新员工签名',
  'slip.signManager': '市场经理签收',
  'slip.blankDate': '    年   月   日',

  'print.title': '新员工入职清单',
  'print.colPhase': '阶段',
  'print.colItem': '事项',
  'print.colOwner': '负责',
  'print.colDue': '期限',
  'print.colDone': '完成',
  'print.colDoneAt': '完成日期',
  'print.colClause': '条款',
  'print.printedOn': '打印日期 {date}',
  'print.signHire': '新员工',
  'print.signMentor': '导师',
  'print.signManager': '市场经理',
  'print.policy': '依据《{title}》五（一）1 新员工入职培训 · 制度版本 {version} · 文本指纹 {fingerprint}',

  // 加入日历 (logic/calendar.ts): the open items as all-day events in the reader's own calendar.
  'calendar.heading': '加入日历',
  'calendar.button': '加入日历',
  'calendar.hint':
    '下载日历文件（.ics），把未勾选的事项按期限加入日历，到期前一天上午 9 点提醒；日历、Outlook、钉钉日历都能导入。改了入职日期或又勾选了事项，可再下载导入：同一事项会更新，不会重复（已勾选事项原有的提醒请在日历里删除）。',
  'calendar.downloaded': '已下载日历文件「{file}」：在日历、Outlook 或钉钉日历中选择“导入”即可',
  'calendar.noStart': '请先填写入职日期，才能按期限生成日历提醒',
  'calendar.nothingOpen': '本岗位的事项都已勾选完成，没有需要提醒的事项',
  'calendar.failed': '日历功能没有加载成功（可能网络中断），请联网后再试',
  'calendar.fileName': '入职提醒-{name}.ics',
  'calendar.name': '入职提醒 · {name}',
  'calendar.summary': '入职清单：{title}',
  'calendar.description': '{phase}事项，期限 {date}（入职后第 {day} 天），负责：{owner}',
  'calendar.clause': '依据制度 {label} {title}：{url}',
  'calendar.alarm': '明天到期：{title}',

  'reset.button': '清空勾选…',
  'reset.question':
    '确定清空「{name}」的全部勾选吗？姓名、岗位和日期会保留，清空后无法恢复（可先“下载 JSON”备份）。',
  'reset.confirm': '确认清空',
  'reset.cancel': '取消',
  'reset.done': '已清空勾选',
  'delete.button': '删除此人记录…',
  'delete.question': '确定删除「{name}」的入职清单吗？删除后无法恢复（可先“下载 JSON”备份）。',
  'delete.confirm': '确认删除',
  'delete.done': '已删除「{name}」',

  'share.banner': '只读：这是「{name}」通过分享链接发来的入职进度，不会保存到本浏览器。',
  'share.close': '回到我的清单',
  'share.error': '分享链接无法打开：{error}。下面是本浏览器中保存的清单。',
  'share.readingNote': '阅读记录为发链接时的状态。',
  'import.done': '已导入为新的一份清单「{name}」',

  'text.title': '入职清单',
  'text.progress': '进度',
  'text.due': '期限 {date}',
  'text.owner': '负责',
  'text.blank': '（未填）',

  // The new hire's 签收 (logic/signoff.ts); the 新员工签收 list has its own words (src/tools/signoffs).
  'signoff.error.name': '请填写姓名后再发送签收',
  'signoff.error.role': '请选择岗位后再发送签收',
  'signoff.error.date': '签收日期格式不对，请写成 2026-03-02 或留空（按今天）',

  // Shown on both sides of the 签收: a link can be edited by whoever holds it, so the signed paper
  // 签收单 is the record.
  'trust.heading': '签收链接能证明什么',
  'trust.note':
    '文本指纹只能说明所签的是哪一版制度正文、正文有没有被改动；链接和文件谁都能改写，也不能证明是本人发出的。新员工签字的纸质制度签收单才是正式记录。',

  // 发送签收 on the new hire's page (SignoffSend.tsx).
  'send.heading': '发送签收',
  'send.intro':
    '读完制度、打印并签好纸质签收单后，把签收链接（或签收文件）发给市场经理或导师，他们在“新员工签收”页面收进列表，就能看到你签的是哪一版制度和入职进度。',
  'send.version': '制度版本',
  'send.fingerprint': '文本指纹',
  'send.date': '签收日期',
  'send.dateToday': '{date}（未填写，按今天）',
  'send.progress': '入职进度',
  'send.progressValue': '已完成 {done}/{total} 项',
  'send.progressOverdue': '，逾期 {n} 项',
  'send.quiz': '制度测验',
  'send.blank': '（未填）',
  'send.fix': '去填写{field}',
  'send.copy': '复制签收链接',
  'send.download': '下载签收文件',
  'send.copied': '已复制签收链接，可以粘贴到微信或钉钉发给市场经理或导师',
  'send.notCopied': '浏览器不允许自动复制：请从下面的框里复制签收链接',
  'send.downloaded': '已下载签收文件，可以作为附件发给市场经理或导师',
  'send.blocked': '还不能发送签收：请先补上下面标出的内容',
  'send.link': '签收链接（发给市场经理或导师）',
  'send.stale': '清单改动后，之前复制的签收链接不再是最新的，请重新复制',
  'send.fileBase': '签收-{name}-{date}',
} as const;

export type OnboardingStrings = typeof strings;

// Every word the 签收 logic asks for is here (a missing key fails the type check).
strings satisfies import('../logic/signoff').SignoffSendLabels;
strings satisfies Readonly<Record<import('../logic/calendar').OnboardingCalendarLabelKey, string>>;
export type OnboardingStringKey = keyof OnboardingStrings;

// The 本章已读 control at the end of each chapter page (src/components/ChapterRead.astro).
export const chapterReadStrings = {
  label: '我已读完本章',
  read: '已于 {date} 标记为已读。',
  unread: '读完后勾选，入职清单的“阅读顺序”会显示。',
  link: '查看入职清单',
  cannotSave: '浏览器不允许保存，本标记关闭页面后会丢失。',
} as const;
