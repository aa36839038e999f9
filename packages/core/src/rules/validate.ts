/**
 * Validation of a rule set's settings against its scheme (decision 003): a bad local edit is refused with the
 * setting's name and what is wrong, in Chinese. Settings come from the database or an admin's edit, so everything is
 * checked from `unknown`, against the scheme's one table (settings-tables.ts, decision 019).
 */
import type { RuleScheme, RuleSet } from './rule-set';
import { checkSettings } from './settings-spec';
import { SETTINGS_TABLES } from './settings-tables';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const RULE_SCHEMES = Object.keys(SETTINGS_TABLES) as RuleScheme[];

export const SCHEME_LABELS: Record<RuleScheme, string> = {
  'target-review': '绩效目标审核',
  'project-self-evaluation': '项目支出绩效自评',
  'department-self-evaluation': '部门整体支出绩效自评',
  monitoring: '绩效运行监控',
  'results-use': '绩效结果应用',
};

/** Problems of the settings for the scheme (empty = valid), each naming the setting, in Chinese. */
export function validateRuleSetSettings(scheme: RuleScheme, settings: unknown): string[] {
  const table = Object.hasOwn(SETTINGS_TABLES, scheme) ? SETTINGS_TABLES[scheme] : undefined;
  if (!table) return [`规则类型 ${String(scheme)} 不存在（可用：${RULE_SCHEMES.join('、')}）`];
  if (!isObj(settings)) return ['规则集的设置（settings）应为一组设置（对象）'];
  return checkSettings(table, settings);
}

/** Problems of a whole rule set: identity, years, sources, then its settings. */
export function validateRuleSet(ruleSet: RuleSet<unknown>): string[] {
  const problems: string[] = [];
  if (typeof ruleSet.id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(ruleSet.id)) problems.push(`规则集编号 ${JSON.stringify(ruleSet.id)} 无效：只能用小写字母、数字和连字符，最长 64 个字符`);
  if (!Number.isInteger(ruleSet.version) || ruleSet.version < 1) problems.push(`版本号 ${String(ruleSet.version)} 无效：应为正整数`);
  if (!RULE_SCHEMES.includes(ruleSet.scheme)) problems.push(`规则类型 ${String(ruleSet.scheme)} 不存在（可用：${RULE_SCHEMES.join('、')}）`);
  if (typeof ruleSet.region !== 'string' || !ruleSet.region.trim()) problems.push('应写明适用地区（全国、广东省、荔湾区 …）');
  if (typeof ruleSet.name !== 'string' || !ruleSet.name.trim()) problems.push('应写明规则集名称');
  const { from, to } = ruleSet.years ?? { from: null, to: null };
  for (const y of [from, to]) if (y !== null && (!Number.isInteger(y) || y < 1990 || y > 2100)) problems.push(`适用年度 ${String(y)} 无效：应为四位年份`);
  if (from !== null && to !== null && from > to) problems.push(`适用年度起 ${from} 晚于止 ${to}`);
  if (!Array.isArray(ruleSet.sources) || ruleSet.sources.length === 0) problems.push('应至少写明一个依据文件（文号）');
  else ruleSet.sources.forEach((s, i) => (!s || typeof s.docNo !== 'string' || !s.docNo.trim() ? problems.push(`依据文件第 ${i + 1} 项缺少文号`) : undefined));
  if (RULE_SCHEMES.includes(ruleSet.scheme)) problems.push(...validateRuleSetSettings(ruleSet.scheme, ruleSet.settings));
  return problems;
}
