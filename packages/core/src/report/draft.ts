/**
 * The self-evaluation report (自评报告) as an editable draft, in seed 001's structure: 基本情况, 收支情况, 绩效目标,
 * 综合评价分析 with the score, 各任务完成情况, 存在的主要问题, 下一步改进措施. Problems are drafted from the real
 * shortfalls — indicators not met, overruns, low or excessive execution, figures that do not add up, review findings
 * left open — and each measure answers one problem. The draft is data: the unit edits it before it is final, and a
 * writer renders it.
 */
import type { PerformanceDocument } from '../document/model';
import { formatAmount } from '../money/amount';
import type { Finding } from '../review/types';
import type { DepartmentScore } from '../scoring/score-department';
import { REPORT_WORDING, type ReportWording } from './wording';

export interface DraftParagraphs {
  heading: string;
  paragraphs: string[];
}

export type ProblemKind = 'indicator-missed' | 'indicator-overrun' | 'execution-low' | 'execution-over' | 'figures-inconsistent' | 'targets-vague' | 'review-open';

export interface DraftProblem {
  kind: ProblemKind;
  /** The problem as the report states it. */
  text: string;
  /** The measure that answers it. */
  measure: string;
  /** Where it comes from (indicator, figure, finding key), so a reader can check it. */
  source: string;
}

export interface SelfEvaluationReportDraft {
  title: string;
  department: string;
  year: number | null;
  sections: DraftParagraphs[];
  problems: DraftProblem[];
  /** `id@version` of the rule set the score came from. */
  rule: string;
}

export interface DraftInput {
  document: PerformanceDocument;
  score: DepartmentScore;
  /** Review findings still open on the approved targets (dismissed ones left out by the caller). */
  openFindings?: readonly Finding[];
  wording?: ReportWording;
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function draftSelfEvaluationReport(input: DraftInput): SelfEvaluationReportDraft {
  const { document: doc, score } = input;
  const w = input.wording ?? REPORT_WORDING;
  const unit = doc.amountUnit;
  const department = doc.department ?? doc.units[0]?.name ?? '本部门';
  const problems = draftProblems(input, w);
  const b = doc.budget;
  const rate = score.spendingProgress.rate;

  const income: string[] = [];
  if (b) {
    const total = b.adjusted ?? null;
    const parts = [
      total != null ? `全年预算数 ${formatAmount(total)} ${unit}` : b.initial != null ? `年初预算数 ${formatAmount(b.initial)} ${unit}${b.adjustment != null ? `，调整 ${formatAmount(b.adjustment)} ${unit}` : ''}` : null,
      b.spent != null ? `执行数 ${formatAmount(b.spent)} ${unit}` : null,
      rate != null ? `预算执行率 ${rate.toFixed(2)}%` : null,
    ].filter(Boolean);
    if (parts.length) income.push(`${parts.join('，')}。`);
    const sources = b.bySource.filter((r) => !/^(合计|总计)$/.test(r.source) && r.spent != null);
    if (sources.length) income.push(`按资金来源分，${sources.map((r) => `${r.source}支出 ${formatAmount(r.spent)} ${unit}`).join('，')}。`);
    if (b.basic != null || b.project != null) income.push(`按支出性质分，基本支出 ${formatAmount(b.basic)} ${unit}，项目支出 ${formatAmount(b.project)} ${unit}。`);
  }

  const tasks = (doc.keyTasks ?? []).map((t, i) => `${i + 1}. ${t.name}${t.content ? `。${t.content}` : ''}`);
  const taskAnalysis: string[] = score.tasks.map((t, i) => {
    const lines = t.lines.map((l) => {
      const ind = doc.keyTasks?.[i]?.indicators?.find((x) => x.no === l.no);
      const target = ind?.annualTarget?.text ?? '—';
      const actual = ind?.actual?.text ?? '未填报';
      const verdict = l.result.status === 'met' ? '已完成' : l.result.status === 'qualitative' ? (l.result.score != null && l.result.score >= l.weight * 0.8 ? '已达成' : '部分达成') : l.result.status === 'pending' ? '待评定' : l.result.status === 'invalid' ? '填报有误，待核实' : '未完成';
      return `「${l.name}」目标 ${target}，完成 ${actual}，${verdict}`;
    });
    const scoreText = t.score != null ? `，得分 ${t.score}${t.weight != null ? `（满分 ${t.weight}）` : ''}` : '';
    return `${i + 1}. ${t.name}${scoreText}。${lines.join('；')}${lines.length ? '。' : ''}`;
  });

  const conclusion: string[] = [];
  if (score.total != null) conclusion.push(`按「${score.ruleTitle}」计算，${doc.year ?? ''}年度部门整体支出绩效自评得分 ${score.total} 分，等级为「${score.grade}」。`);
  else conclusion.push(`部门支出进度得分 ${score.spendingProgress.score ?? '—'} 分；年度目标、各任务的定性指标尚待评定，评定后计算总分和等级。`);
  if (doc.statedScore != null && score.total != null && Math.abs(doc.statedScore - score.total) > 0.005) conclusion.push(`（原自评结果为 ${doc.statedScore} 分，与按规则计算的结果不一致，请核对。）`);

  const sections: DraftParagraphs[] = [
    { heading: `${CN[0]}、基本情况`, paragraphs: [] },
    { heading: '（一）部门职能', paragraphs: doc.profile?.functions ? doc.profile.functions.split(/\n+/) : [w.missingFunctions] },
    { heading: '（二）部门整体收支情况', paragraphs: income.length ? income : [w.missingBudget] },
    { heading: '（三）部门整体支出绩效目标', paragraphs: [doc.goalText ?? doc.profile?.overallGoal ?? w.missingGoal] },
    { heading: '（四）部门年度重点工作任务', paragraphs: tasks.length ? tasks : [w.missingTasks] },
    { heading: `${CN[1]}、综合评价分析`, paragraphs: [] },
    { heading: '（一）自评结论综述', paragraphs: conclusion },
    { heading: '（二）各重点工作任务绩效目标完成情况分析', paragraphs: taskAnalysis.length ? taskAnalysis : [w.missingTasks] },
    { heading: `${CN[2]}、存在的主要问题`, paragraphs: problems.length ? problems.map((p, i) => `（${CN[i] ?? i + 1}）${p.text}`) : [w.noProblems] },
    { heading: `${CN[3]}、下一步改进措施`, paragraphs: problems.length ? problems.map((p, i) => `（${CN[i] ?? i + 1}）${p.measure}`) : [w.noProblemsMeasure] },
  ];
  return { title: `${doc.year ?? ''}年度${department}部门整体支出绩效自评报告`, department, year: doc.year, sections, problems, rule: score.rule };
}

function draftProblems(input: DraftInput, w: ReportWording): DraftProblem[] {
  const { document: doc, score } = input;
  const out: DraftProblem[] = [];
  const rate = score.spendingProgress.rate;
  if (rate != null && rate < w.lowExecutionBelow) {
    out.push({ kind: 'execution-low', text: w.executionLow(rate), measure: w.executionLowMeasure, source: `预算执行率 ${rate.toFixed(2)}%` });
  } else if (rate != null && rate > 100) {
    out.push({ kind: 'execution-over', text: w.executionOver(rate), measure: w.executionOverMeasure, source: `预算执行率 ${rate.toFixed(2)}%` });
  }
  score.tasks.forEach((task, t) => {
    for (const line of task.lines) {
      const indicator = doc.keyTasks?.[t]?.indicators?.find((x) => x.no === line.no);
      const target = indicator?.annualTarget?.text ?? '';
      const actual = indicator?.actual?.text ?? '';
      if (line.result.status === 'partly' || line.result.status === 'missed') {
        out.push({ kind: 'indicator-missed', text: w.indicatorMissed(task.name, line.name, target, actual), measure: w.indicatorMissedMeasure(line.name), source: `${task.name} / ${line.name}` });
      } else if (line.result.overrun) {
        out.push({ kind: 'indicator-overrun', text: w.indicatorOverrun(task.name, line.name, target, actual), measure: w.indicatorOverrunMeasure(line.name), source: `${task.name} / ${line.name}` });
      }
    }
  });
  const findings = input.openFindings ?? [];
  const inconsistent = findings.filter((f) => f.dimension === 'consistency');
  if (inconsistent.length) {
    out.push({ kind: 'figures-inconsistent', text: w.figuresInconsistent(inconsistent.map((f) => f.message)), measure: w.figuresInconsistentMeasure, source: inconsistent.map((f) => f.key).join(', ') });
  }
  const vague = findings.filter((f) => f.check === 'qualitative-target');
  if (vague.length) out.push({ kind: 'targets-vague', text: w.targetsVague(vague.length), measure: w.targetsVagueMeasure, source: vague.map((f) => f.key).join(', ') });
  const other = findings.filter((f) => f.dimension !== 'consistency' && f.check !== 'qualitative-target' && f.severity !== 'info');
  if (other.length) out.push({ kind: 'review-open', text: w.reviewOpen(other.length, other.slice(0, 3).map((f) => f.message)), measure: w.reviewOpenMeasure, source: other.map((f) => f.key).join(', ') });
  return out;
}
