import { z } from 'astro/zod';
import { isoToDayNumber } from '../core/calendar-date';

/** 制度版本信息（content/policy/meta.yaml）。 */
export const metaSchema = z
  .object({
    /** 制度全称，如「培训机构市场部制度」。 */
    title: z.string().min(1, { error: '制度名称不能为空' }),
    /** 引用时用的简称，如「市场部制度」（复制引用：《市场部制度》第三章…）。 */
    shortTitle: z.string().min(1, { error: '简称不能为空' }),
    /** 版本号，如 "1.0"（写成带引号的字符串，避免 YAML 把 1.10 读成 1.1）。 */
    version: z.string().regex(/^\d+(\.\d+)*$/, { error: '版本号应形如 1.0 或 1.2.1' }),
    /** 生效日期，YYYY-MM-DD。 */
    effectiveDate: z.coerce.date({ error: '生效日期应为 YYYY-MM-DD 格式的日期' }),
    /** 制度归口部门，如「市场部」。 */
    owner: z.string().min(1),
    /**
     * 下次复审日期（复审日期），YYYY-MM-DD，无默认值。从这一天起首页提示本制度已到复审日期；
     * npm run release 把它改为新版本的生效日期加复审周期。
     */
    reviewDate: z.string().refine((s) => isoToDayNumber(s) !== null, {
      error: (issue) =>
        `复审日期应为真实的日期，格式 YYYY-MM-DD，如 2027-01-01，现在是「${String(issue.input)}」`,
    }),
    /** 复审周期（月），大于 0 的整数，无默认值；npm run release 按它推算下次复审日期。 */
    reviewIntervalMonths: z
      .number()
      .int({ error: '复审周期应为大于 0 的整数（月数），如 12' })
      .positive({ error: '复审周期应为大于 0 的整数（月数），如 12' }),
    /**
     * 备份提醒天数，不小于 1 的整数，默认 30：工具页在本机有保存的工作、且上次「备份全部」早于这么多天
     * （或从未备份）时提醒去「我的数据」备份。产品的默认设定，制度没有规定。
     */
    backupReminderDays: z
      .number()
      .int({ error: '备份提醒天数 backupReminderDays 应为不小于 1 的整数（天数），如 30' })
      .min(1, { error: '备份提醒天数 backupReminderDays 应为不小于 1 的整数（天数），如 30' })
      .default(30),
  })
  .refine((m) => m.reviewDate >= m.effectiveDate.toISOString().slice(0, 10), {
    path: ['reviewDate'],
    error: (issue) => {
      const m = issue.input as { reviewDate: string; effectiveDate: Date };
      return `复审日期 ${m.reviewDate} 早于生效日期 ${m.effectiveDate.toISOString().slice(0, 10)}`;
    },
  });
export type PolicyMeta = z.infer<typeof metaSchema>;
