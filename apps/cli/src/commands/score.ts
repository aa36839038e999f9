import {
  NATIONAL_DEPARTMENT_SELF_EVALUATION,
  NATIONAL_PROJECT_SELF_EVALUATION,
  listProjects,
  scoreDepartment,
  scoreProject,
  type PerformanceDocument,
} from '@jixiao/core';
import type { Command } from '../command';
import { CliError, EXIT_BAD_INPUT, printJson } from '../output';
import { readDocumentFile } from '../read-file';

export const scoreCommand: Command = {
  name: 'score',
  summary: '绩效自评评分：按规则集计算每个指标、每项任务的得分和总分 (score a self-evaluation)',
  usage: 'jixiao score FILE',
  help: [
    '读取自评文档（项目支出绩效自评表、部门整体支出绩效自评表或自评报告），按规则集（rules.md R3–R8）计算：',
    '预算执行率及得分、每个指标的得分和理由（例如「未达成: 85/90 × 10 = 9.44」）、各任务得分、总分和等级；',
    '文档自己写明的得分与规则算出的不一致时，列在 differences 中。输出 JSON。',
    '退出码：0 成功，2 文件无法读取或不是自评文档，1 其他错误。',
  ],
  options: {},
  async run({ positionals }) {
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new CliError(`用法 (usage): ${this.usage}`);
    const { document } = await readDocumentFile(file);
    printJson(scoreDocument(document, file));
  },
};

function scoreDocument(doc: PerformanceDocument, file: string) {
  const summary = { kind: doc.kind, department: doc.department, year: doc.year, amountUnit: doc.amountUnit };
  if (doc.kind === 'department-self-evaluation') {
    const budget = doc.budget ?? { initial: null, adjustment: null, adjusted: null, spent: null, bySource: [] };
    const score = scoreDepartment(
      { budget, goalTier: null, keyTasks: doc.keyTasks ?? [], statedScore: doc.statedScore ?? null, statedKeyTasksScore: doc.profile?.statedFigures?.['年度主要支出计划得分'] ?? null },
      doc.amountUnit,
      NATIONAL_DEPARTMENT_SELF_EVALUATION,
    );
    return { document: summary, statedScore: doc.statedScore ?? null, statedGrade: doc.statedGrade ?? null, score };
  }
  if (doc.kind === 'project-self-evaluation') {
    const projects = listProjects(doc).map(({ unit, project }) => ({
      unit: unit.name,
      project: project.name,
      score: scoreProject(project, project.budget ?? { initial: null, adjustment: null, spent: null }, doc.amountUnit, NATIONAL_PROJECT_SELF_EVALUATION),
    }));
    return { document: summary, projects };
  }
  throw new CliError(`${file}: 这是绩效目标文档（${doc.kind}），不是自评文档，无法评分；请用 jixiao review 审核目标 (not a self-evaluation)`, EXIT_BAD_INPUT);
}
