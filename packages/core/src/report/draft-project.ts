/**
 * The 自评报告 draft of a project self-evaluation (one or several projects of a unit), in seed 001's structure:
 * 基本情况, 收支情况, 绩效目标, 综合评价分析 with the score, 各项目绩效目标完成情况, 存在的主要问题, 下一步改进措施.
 * As for a department (draft.ts), problems come only from real shortfalls — indicators not met, overruns, low or
 * excessive execution, review findings still open — and each measure answers its problem.
 */
import type { PerformanceDocument } from '../document/model';
import { formatAmount, sumAmounts } from '../money/amount';
import { formatTarget } from '../target/parse-target';
import type { Finding } from '../review/types';
import type { ProjectEvaluationScore } from '../self-evaluation/score-self-evaluation';
import { projectTotal } from '../self-evaluation/score-self-evaluation';
import type { DraftParagraphs, DraftProblem, SelfEvaluationReportDraft } from './draft';
import { REPORT_WORDING, type ReportWording } from './wording';

export interface ProjectDraftInput {
  document: PerformanceDocument;
  projects: readonly ProjectEvaluationScore[];
  rule: string;
  /** The rule set in words, with its 文号 (`ruleSetTitle`): what the report says it was scored by. */
  ruleTitle: string;
  openFindings?: readonly Finding[];
  wording?: ReportWording;
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const num = (i: number) => CN[i] ?? String(i + 1);
/** `「a」目标 …` lines → `「a」、「b」`: the indicators a problem is about. */
const names = (list: string[]) => list.map((x) => x.slice(0, x.indexOf('」') + 1)).join('、');

export function draftProjectSelfEvaluationReport(input: ProjectDraftInput): SelfEvaluationReportDraft {
  const { document: doc, projects } = input;
  const w = input.wording ?? REPORT_WORDING;
  const unit = doc.amountUnit;
  const department = doc.department ?? doc.units[0]?.name ?? '本单位';
  const all = doc.units.flatMap((u) => u.projects);
  const problems = draftProjectProblems(input, w);

  // 年初预算数 over every project; 全年预算数 and 执行数 only over the projects whose figures were entered, so the two
  // sums compare like with like.
  const budgets = all.map((p) => p.budget);
  const initial = sumAmounts(budgets.map((b) => b?.initial ?? null), unit);
  const filled = budgets.filter((b) => b?.spent != null);
  const adjusted = sumAmounts(filled.map((b) => b?.adjusted ?? b?.initial ?? null), unit);
  const spent = sumAmounts(filled.map((b) => b?.spent ?? null), unit);
  // Only projects with both figures get a rate line; the rest are counted once, not listed one by one.
  const withRates = projects.filter((p) => p.score.execution.rate != null);
  const income = [
    `本次自评共 ${all.length} 个项目，年初预算数合计 ${formatAmount(initial)} ${unit}${filled.length ? `；已填报执行数的 ${filled.length} 个项目全年预算数合计 ${formatAmount(adjusted)} ${unit}，全年执行数合计 ${formatAmount(spent)} ${unit}` : ''}。`,
    ...withRates.map((p) => `「${p.project}」全年预算执行率 ${p.score.execution.rate!.toFixed(2)}%。`),
    ...(withRates.length < projects.length ? [`另有 ${projects.length - withRates.length} 个项目尚未填报全年预算数或执行数。`] : []),
  ];
  const goals = all.map((p, i) => `${i + 1}. ${p.name}：${p.goal?.trim() || '（目标申报表未写明项目绩效目标。）'}`);
  const graded = projects.filter((p) => projectTotal(p.score) != null);
  // Graded projects each get their sentence; the ones still being filled are counted once, not listed one by one.
  const ungraded = projects.filter((p) => projectTotal(p.score) == null);
  const conclusion = projects.length
    ? [
        ...graded.map((p) => `「${p.project}」自评得分 ${projectTotal(p.score)} 分，等级为「${p.score.grade}」。`),
        ...(ungraded.length ? [`${ungraded.map((p) => `「${p.project}」`).join('、')}尚有指标未填报或待评定，填报完成后计算总分和等级。`] : []),
      ]
    : [w.missingTasks];
  conclusion.unshift(`按「${input.ruleTitle}」计算（预算执行 ${projects[0]?.score.execution.weight ?? 10} 分，其余按一级指标分值），${graded.length} 个项目已得出总分。`);
  // One sentence per project: how many indicators were met, and only the ones that were not, with their figures
  // (a report of 24 projects used to list every indicator of every project: 25 pages nobody reads).
  const analysis = projects.map((p, i) => {
    const project = all[i];
    const started = p.score.lines.some((l) => l.result.status !== 'pending') || p.score.execution.rate != null;
    if (!started) return `${i + 1}. ${p.project}：${p.score.lines.length} 个绩效指标尚未填报实际完成值。`;
    const count = (status: string) => p.score.lines.filter((l) => l.result.status === status).length;
    const done = count('met') + count('qualitative');
    const tally = [`共 ${p.score.lines.length} 个绩效指标，已完成或已评定 ${done} 个`, ...(count('pending') ? [`待填报 ${count('pending')} 个`] : []), ...(count('invalid') ? [`填报有误 ${count('invalid')} 个`] : [])];
    const short = p.score.lines.filter((l) => l.result.status !== 'met' && l.result.status !== 'qualitative' && l.result.status !== 'pending');
    const details = short.map((l) => {
      const ind = project?.indicators.find((x) => x.no === l.no && x.name === l.name);
      const verdict = l.result.status === 'invalid' ? '填报有误' : '未完成';
      return `「${l.name}」目标 ${formatTarget(ind?.annualTarget ?? ind?.periodTarget ?? null) || '—'}、完成 ${ind?.actual?.text ?? '未填报'}，${verdict}，得分 ${l.result.score ?? '—'}/${l.weight}`;
    });
    const total = projectTotal(p.score);
    return `${i + 1}. ${p.project}：${tally.join('，')}${details.length ? `；未达成的：${details.join('；')}` : '，全部达成'}${total != null ? `；项目得分 ${total} 分` : ''}。`;
  });
  const sections: DraftParagraphs[] = [
    { heading: `${num(0)}、基本情况`, paragraphs: [] },
    { heading: '（一）项目概况', paragraphs: all.map((p, i) => `${i + 1}. ${p.name}${p.description ? `：${p.description}` : ''}`) },
    { heading: '（二）项目资金收支情况', paragraphs: income },
    { heading: '（三）项目绩效目标', paragraphs: goals.length ? goals : [w.missingGoal] },
    { heading: `${num(1)}、综合评价分析`, paragraphs: [] },
    { heading: '（一）自评结论综述', paragraphs: conclusion },
    { heading: '（二）各项目绩效目标完成情况分析', paragraphs: analysis.length ? analysis : [w.missingTasks] },
    { heading: `${num(2)}、存在的主要问题`, paragraphs: problems.length ? problems.map((p, i) => `（${num(i)}）${p.text}`) : [w.noProblems] },
    { heading: `${num(3)}、下一步改进措施`, paragraphs: problems.length ? problems.map((p, i) => `（${num(i)}）${p.measure}`) : [w.noProblemsMeasure] },
  ];
  return { title: `${doc.year ?? ''}年度${department}项目支出绩效自评报告`, department, year: doc.year, sections, problems, rule: input.rule };
}

function draftProjectProblems(input: ProjectDraftInput, w: ReportWording): DraftProblem[] {
  const { document: doc, projects } = input;
  const all = doc.units.flatMap((u) => u.projects);
  const out: DraftProblem[] = [];
  projects.forEach((p, i) => {
    const rate = p.score.execution.rate;
    if (rate != null && rate < w.lowExecutionBelow) out.push({ kind: 'execution-low', text: `「${p.project}」${w.executionLow(rate)}`, measure: `「${p.project}」：${w.executionLowMeasure}`, source: `${p.project} 预算执行率 ${rate.toFixed(2)}%` });
    else if (rate != null && rate > 100) out.push({ kind: 'execution-over', text: `「${p.project}」${w.executionOver(rate)}`, measure: `「${p.project}」：${w.executionOverMeasure}`, source: `${p.project} 预算执行率 ${rate.toFixed(2)}%` });
    // One problem per project for its indicators not met (and one for its overruns), each naming the indicators.
    const missed: string[] = [];
    const over: string[] = [];
    for (const line of p.score.lines) {
      const ind = all[i]?.indicators.find((x) => x.no === line.no && x.name === line.name);
      const said = `「${line.name}」目标 ${formatTarget(ind?.annualTarget ?? ind?.periodTarget ?? null)}、实际完成 ${ind?.actual?.text ?? ''}`;
      if (line.result.status === 'partly' || line.result.status === 'missed') missed.push(said);
      else if (line.result.overrun) over.push(said);
    }
    if (missed.length) {
      out.push({ kind: 'indicator-missed', text: `部分绩效指标未完成。「${p.project}」有 ${missed.length} 个指标未达到年度目标：${missed.join('；')}。`, measure: w.indicatorMissedMeasure(names(missed).replace(/^「|」$/g, '')), source: `${p.project} / ${names(missed)}` });
    }
    if (over.length) {
      out.push({ kind: 'indicator-overrun', text: `部分绩效指标值设定偏低。「${p.project}」有 ${over.length} 个指标超额完成较多：${over.join('；')}，说明年初目标设定不够科学。`, measure: w.indicatorOverrunMeasure(names(over).replace(/^「|」$/g, '')), source: `${p.project} / ${names(over)}` });
    }
  });
  const findings = (input.openFindings ?? []).filter((f) => f.severity !== 'info');
  if (findings.length) out.push({ kind: 'review-open', text: w.reviewOpen(findings.length, findings.slice(0, 3).map((f) => f.message)), measure: w.reviewOpenMeasure, source: findings.map((f) => f.key).join(', ') });
  return out;
}
