// zh-CN strings of the 新员工签收 tool (/tools/signoffs/), flat dotted keys. Passed to the island as
// a prop by SignoffsPage.astro; `{name}` marks a value filled in with `fill`.
import { strings as onboarding } from '../../onboarding/ui/strings';

export const strings = {
  // The list, its CSV and text (logic/).
  'signoff.error.emptyLine': '空白，没有内容',
  'signoff.error.full': '列表已有 {max} 人，已满，未加入「{name}」；请先删除不再需要的记录',
  'signoff.outcome.added': '已加入「{name}」的签收',
  'signoff.outcome.updated': '已更新「{name}」的签收',
  'signoff.outcome.same': '「{name}」的签收已在列表中，没有变化',
  'signoff.outcome.older': '「{name}」已有更新的签收，这一份较早，未采用',
  'signoff.source.line': '第 {n} 行',
  'signoff.version.current': '当前版本 {version}',
  'signoff.version.editorial': '{version} 版，之后只有编辑性修订，无须重新签收',
  'signoff.version.otherVersion': '旧版本 {version}，须按当前版本重新签收',
  'signoff.version.otherVersionChanged': '旧版本 {version}，之后修订了 {count} 条，须按当前版本重新签收',
  'signoff.version.otherText': '版本 {version}，但正文已改动（指纹不同），须重新签收',
  'signoff.col.name': '姓名',
  'signoff.col.role': '岗位',
  'signoff.col.mentor': '导师',
  'signoff.col.startDate': '入职日期',
  'signoff.col.signedOn': '签收日期',
  'signoff.col.version': '制度版本',
  'signoff.col.fingerprint': '文本指纹',
  'signoff.col.versionStatus': '是否当前版本',
  'signoff.col.done': '已完成事项',
  'signoff.col.total': '事项总数',
  'signoff.col.overdueCount': '逾期事项数',
  'signoff.col.overdueItems': '逾期事项',
  'signoff.text.title': '新员工签收',
  'signoff.text.summary':
    '共 {people} 人：当前版本 {current} 人，须重新签收 {notCurrent} 人，有逾期事项 {behind} 人',
  'signoff.text.row': '{name}（{role}）：{date} 签收，{version}；已完成 {done}/{total} 项',
  'signoff.text.overdue': '；逾期：{items}',
  'signoff.text.empty': '还没有收到签收。',
  'signoff.fileBase': '新员工签收',

  // Shown on both sides of the 签收: the same words as on the new hire's page.
  'trust.heading': onboarding['trust.heading'],
  'trust.note': onboarding['trust.note'],

  // Receiving and the list (ui/).
  'receive.heading': '收进签收',
  'receive.links': '粘贴签收链接或签收文件内容（每行一个链接）',
  'receive.linksHint': '新员工在入职清单里点“复制签收链接”发来的链接；也可以直接打开那个链接。',
  'receive.load': '收进列表',
  'receive.files': '选择签收文件（.json，可多选）',
  'receive.filesHint': '也可以把文件拖到这里。',
  'receive.nothing': '没有粘贴任何内容',
  'receive.pasted': '粘贴的内容',
  'receive.opened': '打开的链接',
  'receive.summary': '收进 {ok} 份，未收下 {bad} 份：',
  'receive.ok': '{source}：{message}',
  'receive.bad': '{source}：无法读取，{error}',
  'receive.elsewhere': '{source}：没有收下。{error}',
  'receive.badAlert': '有 {bad} 份没有收下，原因见上面各行。',
  'list.heading': '签收列表',
  'list.empty': '还没有收到签收。请把新员工发来的签收链接粘贴到上面，或选择签收文件。',
  'list.caption': '新员工签收（逾期的排在前面，今天 {today}）',
  'list.col.progress': '入职进度',
  'list.col.overdue': '逾期事项（首月期限已过仍未完成）',
  'list.col.overdueShort': '逾期事项',
  'list.col.actions': '操作',
  'list.progress': '{done}/{total} 项（{percent}%）',
  'list.behind': '逾期 {n} 项',
  'list.noOverdue': '无',
  'list.blank': '（未填）',
  'list.due': '{title}（{phase}，期限 {date}）',
  'list.notCurrent': '须重新签收',
  'list.how':
    '怎么算的：逾期按今天的日期和当前入职参数重新计算：入职日期 + 阶段天数为期限，过了期限仍未勾选的事项记为逾期（勾选以新员工发签收时为准）。版本一栏对照本网站当前发布的制度版本和文本指纹。',
  'list.remove': '删除…',
  'list.removeLabel': '删除…（「{name}」的签收）',
  'list.removeQuestion': '确定从列表中删除「{name}」的签收吗？删除后可以让对方重新发送。',
  'list.removeConfirm': '确认删除',
  'list.removeCancel': '取消',
  'list.removed': '已删除「{name}」的签收',
  'list.printedOn': '打印日期 {date}',
  'share.listBanner': '只读：这是通过分享链接发来的签收列表，不会保存到本浏览器。',
  'share.listClose': '回到我的签收列表',
  'saved.at': '列表已保存在本浏览器（{time}），不会上传。',
  'saved.not': '列表只保存在本浏览器中，不会上传。',
  'saved.unavailable': '浏览器不允许保存：关闭页面后列表会丢失，请先下载 JSON 备份。',
} as const;

export type SignoffsStrings = typeof strings;

// Every word the logic asks for is here (a missing key fails the type check).
strings satisfies import('../logic/labels').SignoffLabels;
