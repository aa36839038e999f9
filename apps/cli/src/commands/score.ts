import {
  budgetTable,
  builtinRuleSetFor,
  listProjects,
  scoredTasks,
  ruleSetRef,
  scoreDepartment,
  scoreProject,
  type DepartmentScoringSettings,
  type PerformanceDocument,
  type ProjectScoringSettings,
  type RuleScheme,
  type RuleSet,
} from '@jixiao/core';
import { formatScoreText } from './score-text';
import { resolveRuleSet } from '@jixiao/services';
import type { Command } from '../command';
import { CliError, EXIT_BAD_INPUT, printJson } from '../output';
import { readDocumentFile } from '../read-file';
import { withStore } from '../store-env';

export const scoreCommand: Command = {
  name: 'score',
  usage: 'jixiao score FILE [--rules ID@VERSION | --region 地区] [--text]',
  help: [
    '读取自评文档（项目支出绩效自评表、部门整体支出绩效自评表或自评报告），按规则集（rules.md R3–R8）计算：',
    '预算执行率及得分、每个指标的得分和理由（例如「未达成: 85/90 × 10 = 9.44」）、各任务得分、总分和等级；',
    '文档自己写明的分值、得分、总分、等级与规则算出的不一致时，列在 differences 中（写明规则、文档数和计算数；整数得分按四舍五入比较）。',
    '预算表按资金来源重新计算：合计及每个来源的执行率 = 全年执行数 / 全年预算数、调整率 = 调整数 / 年初预算数，与文档写明的并列（budgetTable）。',
    '输出 JSON；加 --text 输出便于阅读的中文文本。',
    '规则集：--rules ID@VERSION 用指定版本（数据库中保存的或内置的，jixiao rules list 可列出）；--region 地区 用该地区在',
    '文档年度启用的规则集（jixiao rules activate）；都不写时按文档选内置规则集：广州的部门用广州的规则，其他地区的部门和',
    '国家/四川自评表样式（预算表有分值、得分列）用全国通用规则。输出的 ruleSet 写明所用规则集的「编号@版本」，ruleSetReason 写明为何选它。',
    '退出码：0 成功，2 文件无法读取、不是自评文档、规则集不适用或参数有误，1 其他错误。',
  ],
  options: { rules: { type: 'string', describe: '用指定的规则集「编号@版本」，例如 liwan-project@1' }, region: { type: 'string', describe: '用该地区在文档年度启用的规则集，例如 荔湾区' }, text: { type: 'boolean', describe: '输出便于阅读的中文文本（默认 JSON）' } },
  async run({ positionals, values }, io) {
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new CliError(`用法 (usage): ${this.usage}`, EXIT_BAD_INPUT);
    const ref = typeof values.rules === 'string' ? values.rules : undefined;
    const region = typeof values.region === 'string' ? values.region : undefined;
    if (ref && region) throw new CliError('--rules 与 --region 只能写一个 (use one of --rules and --region)', EXIT_BAD_INPUT);
    const { document } = await readDocumentFile(file);
    const scheme = schemeOf(document, file);
    // The database is opened only when a stored rule set may be needed.
    const builtin = builtinRuleSetFor(scheme, document);
    const ruleSet =
      ref || region
        ? await withStore(io, (store) => resolveRuleSet({ store }, { scheme, ...(ref ? { ref } : {}), ...(region ? { region } : {}), year: document.year ?? null, document }))
        : builtin.ruleSet;
    const reason = ref ? `按 --rules 指定` : region ? `按 --region ${region} 启用的规则集（未启用时按文档选内置规则集）` : builtin.reason;
    const result = { ...scoreDocument(document, ruleSet), ruleSetName: ruleSet.name, ruleSetReason: reason };
    if (values.text === true) io.stdout.write(formatScoreText(result));
    else printJson(io, result);
  },
};

function schemeOf(doc: PerformanceDocument, file: string): RuleScheme {
  if (doc.kind === 'department-self-evaluation' || doc.kind === 'project-self-evaluation') return doc.kind;
  throw new CliError(`${file}: 这是绩效目标文档（${doc.kind}），不是自评文档，无法评分；请用 jixiao review 审核目标 (not a self-evaluation)`, EXIT_BAD_INPUT);
}

export function scoreDocument(doc: PerformanceDocument, ruleSet: RuleSet<unknown>) {
  const summary = { kind: doc.kind, department: doc.department, year: doc.year, amountUnit: doc.amountUnit };
  if (doc.kind === 'department-self-evaluation') {
    const budget = doc.budget ?? { initial: null, adjustment: null, adjusted: null, spent: null, bySource: [] };
    // Key tasks when the document has them (Guangzhou); the department-wide indicators of a national table otherwise.
    const keyTasks = doc.keyTasks?.length ? doc.keyTasks : scoredTasks(doc);
    const score = scoreDepartment(
      { budget, goalTier: null, keyTasks, statedScore: doc.statedScore ?? null, statedKeyTasksScore: doc.profile?.statedFigures?.['年度主要支出计划得分'] ?? null },
      doc.amountUnit,
      ruleSet as RuleSet<DepartmentScoringSettings>,
    );
    const table = budgetTable(doc.budget, doc.amountUnit, { executionRate: doc.statedExecutionRate ?? null, adjustmentRate: doc.statedAdjustmentRate ?? null });
    return { document: summary, ruleSet: ruleSetRef(ruleSet), statedScore: doc.statedScore ?? null, statedGrade: doc.statedGrade ?? null, budgetTable: table, score };
  }
  if (doc.kind === 'project-self-evaluation') {
    const projects = listProjects(doc).map(({ unit, project }) => ({
      unit: unit.name,
      project: project.name,
      statedScore: project.statedScore ?? null,
      statedGrade: project.statedGrade ?? null,
      budgetTable: budgetTable(project.budget, doc.amountUnit),
      score: scoreProject(project, project.budget ?? { initial: null, adjustment: null, spent: null }, doc.amountUnit, ruleSet as RuleSet<ProjectScoringSettings>),
    }));
    return { document: summary, ruleSet: ruleSetRef(ruleSet), projects };
  }
  throw new CliError(`这是绩效目标文档（${doc.kind}），不是自评文档，无法评分 (not a self-evaluation)`, EXIT_BAD_INPUT);
}
