// What the page shows once the team has a member — the scoring (self-review derive, bonus), the
// 上级评定 form, the team view, the reply and the print sheets — loaded then, not with the page
// so a manager who opens the page to receive the first 自评 loads none of it yet.
export { createTeamDeriver } from '../logic/derive';
export { appraisalSheet, periodText } from '../logic/export';
export { RecordReview } from './RecordReview';
export { Reply } from './Reply';
export { PrintSheet, SheetTables } from './Sheet';
export { TeamSheet } from './TeamSheet';
export { TeamView } from './TeamView';
export { Members } from './Members';
export { YearGridSheet } from './YearGrid';
