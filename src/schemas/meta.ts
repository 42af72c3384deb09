import { z } from 'astro/zod';

/** 制度版本信息（content/policy/meta.yaml）。 */
export const metaSchema = z.object({
  /** 制度全称，如「培训机构市场部制度」。 */
  title: z.string().min(1, { error: '制度名称不能为空' }),
  /** 引用时用的简称，如「市场部制度」（复制引用：《市场部制度》第三章…）。 */
  shortTitle: z.string().min(1, { error: '简称不能为空' }),
  /** 版本号，如 "1.0"（写成带引号的字符串，避免 YAML 把 1.10 读成 1.1）。 */
  version: z.string().regex(/^\d+(\.\d+)*$/, { error: '版本号应形如 1.0 或 1.2.1' }),
  /** 生效日期，YYYY-MM-DD。 */
  effectiveDate: z.coerce.date({ error: '生效日期应为 YYYY-MM-DD 格式的日期' }),
  /** 制度归口部门。 */
  owner: z.string().min(1),
});
export type PolicyMeta = z.infer<typeof metaSchema>;
