/**
 * The review opinion (评审意见) as a .docx in the shape of seed 000: title, basis, 部门基本情况, 部门年度绩效目标,
 * key tasks with their money, the indicator system, then the findings grouped by dimension with suggestions, the
 * scores and the conclusion with what follows from it (R9), the reviewer and the date. It renders what it is given
 * (the document, the review with the reviewer's decisions); it decides nothing.
 */
import {
  CHECK_LABELS,
  DIMENSION_LABELS,
  formatAmount,
  formatTarget,
  listProjects,
  percentOf,
  sumAmounts,
  type Dimension,
  type FindingLocation,
  type FindingStatus,
  type PerformanceDocument,
  type ReviewResult,
} from '@jixiao/core';
import { Document, Packer, type Paragraph, type Table } from 'docx';
import { chineseDate } from '../docx/chinese-date';
import { blank, body, caption, heading1, heading2, officialSection, signature, SIZE, table, title } from '../docx/official-style';

export interface ReviewOpinionInput {
  document: PerformanceDocument;
  review: ReviewResult;
  reviewer: { name: string; organization?: string | null };
  /** The date of the opinion (`2024-01-15`); the writer has no clock. */
  date: string;
  /** The documents the review was done under; defaults to a sentence naming the rule set. */
  basis?: string[];
}

type Block = Paragraph | Table;

const CN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const DIMENSION_ORDER: Dimension[] = ['completeness', 'relevance', 'appropriateness', 'feasibility', 'consistency', 'wording'];
const SEVERITY_WORD = { error: '须修改', warning: '建议修改', info: '请核实' } as const;
const WHAT_FOLLOWS: Record<string, string> = {
  优: '绩效目标编制质量好，可直接进入预算安排。',
  良: '绩效目标编制质量较好，请单位按本意见修改完善后进入预算安排，不再重新评审。',
  中: '绩效目标编制存在较多问题，退回单位修改后重新提交评审。',
  差: '绩效目标编制质量差，不予安排预算。',
};

export async function writeReviewOpinion(input: ReviewOpinionInput): Promise<Uint8Array> {
  const { document: doc, review } = input;
  const name = doc.department ?? doc.units[0]?.name ?? '（未注明部门）';
  const what = doc.kind === 'department-targets' ? '部门整体绩效目标' : '项目支出绩效目标';
  const h1 = numberedHeadings();
  const blocks: Block[] = [
    ...title([name, `${what}编制评审意见`]),
    body(basisSentence(input, name, what)),
    ...departmentSection(doc, h1),
    ...goalSection(doc, h1),
    ...keyTaskSection(doc, h1),
    ...indicatorSection(doc, review, h1),
    ...findingsSection(review, h1),
    ...conclusionSection(review, h1),
    blank(),
    ...(input.reviewer.organization ? [signature(input.reviewer.organization)] : []),
    signature(`评审人：${input.reviewer.name}`),
    signature(chineseDate(input.date)),
  ];
  const file = new Document({ creator: 'jixiao', title: `${name}${what}编制评审意见`, sections: [officialSection(blocks)] });
  return new Uint8Array(await Packer.toBuffer(file));
}

type H1 = (text: string) => Paragraph;

/** Level-1 headings numbered 一、二、… in the order they are written, so optional sections leave no gaps. */
function numberedHeadings(): H1 {
  let n = 0;
  return (text) => heading1(`${CN_ORDINALS[n++] ?? n}、${text}`);
}

function basisSentence(input: ReviewOpinionInput, name: string, what: string): string {
  const who = input.reviewer.organization ?? input.reviewer.name;
  const basis = input.basis?.length ? input.basis.map((b) => `《${b.replace(/^《|》$/g, '')}》`).join('、') : '预算绩效目标管理的有关规定';
  const year = input.document.year ? `${input.document.year}年度` : '';
  return `根据${basis}，${who}于${chineseDate(input.date)}对${name}${year}${what}编制情况进行了评审。现将评审情况报告如下：`;
}

function departmentSection(doc: PerformanceDocument, h1: H1): Block[] {
  const out: Block[] = [h1('部门基本情况')];
  const p = doc.profile;
  let n = 0;
  const h2 = (t: string) => heading2(`（${CN_ORDINALS[n++]}）${t}`);
  if (p?.functions) {
    out.push(h2('部门主要职能'));
    for (const line of p.functions.split(/\n+/).filter(Boolean)) out.push(body(line));
  }
  if (doc.units.length) {
    out.push(h2('预算单位'));
    const withProjects = doc.units.some((u) => u.projects.length);
    out.push(caption(`表 ${1} 预算单位情况`));
    out.push(
      table(
        [
          { header: '序号', width: 8, align: 'center' },
          { header: '单位名称', width: 40 },
          { header: '单位编码', width: 12, align: 'center' },
          { header: withProjects ? '项目数' : '单位性质', width: 14, align: 'center' },
          { header: withProjects ? `项目金额（${doc.amountUnit}）` : '编制数', width: 16, align: 'right' },
        ],
        doc.units.map((u, i) => [
          String(i + 1),
          u.name,
          u.code ?? '',
          withProjects ? String(u.projects.length) : (u.nature ?? ''),
          withProjects ? formatAmount(sumProjects(u.projects.map((x) => x.amount), doc)) : String(u.staffing?.authorized ?? ''),
        ]),
      ),
    );
  }
  if (p?.staffing) {
    out.push(h2('人员编制'));
    const share = p.staffing.actual != null && p.staffing.authorized ? `，占编制数的 ${percentOf(p.staffing.actual, p.staffing.authorized, '万元', 0)}%` : '';
    out.push(body(`编制 ${p.staffing.authorized ?? '—'} 人，在职实有 ${p.staffing.actual ?? '—'} 人${share}${p.retired != null ? `；离退休人员 ${p.retired} 人` : ''}。`));
  }
  const total = p?.budgetTotal ?? doc.statedTotal;
  if (total != null) {
    out.push(h2('预算情况'));
    const parts: string[] = [`预算总数 ${formatAmount(total)} ${doc.amountUnit}`];
    if (p?.basicExpenditure != null) parts.push(`其中基本支出 ${formatAmount(p.basicExpenditure)} ${doc.amountUnit}（${percentOf(p.basicExpenditure, total, doc.amountUnit)}%）`);
    if (p?.projectExpenditure != null) parts.push(`项目支出 ${formatAmount(p.projectExpenditure)} ${doc.amountUnit}（${percentOf(p.projectExpenditure, total, doc.amountUnit)}%）`);
    const projects = listProjects(doc);
    if (projects.length) parts.push(`列入评审的项目 ${projects.length} 个，金额合计 ${formatAmount(sumProjects(projects.map((x) => x.project.amount), doc))} ${doc.amountUnit}`);
    out.push(body(`${parts.join('；')}。`));
  }
  return out;
}

function goalSection(doc: PerformanceDocument, h1: H1): Block[] {
  const goal = doc.profile?.overallGoal ?? doc.goalText;
  if (goal) return [h1('部门年度绩效目标'), body(goal)];
  const projects = listProjects(doc).filter(({ project }) => project.goal);
  if (!projects.length) return [];
  return [
    h1('项目绩效目标'),
    caption('表 2 项目绩效目标'),
    table(
      [
        { header: '序号', width: 8, align: 'center' },
        { header: '项目名称', width: 24 },
        { header: `金额（${doc.amountUnit}）`, width: 12, align: 'right' },
        { header: '绩效目标', width: 58 },
      ],
      projects.map(({ project }, i) => [String(i + 1), project.name, formatAmount(project.amount), project.goal ?? '']),
      SIZE.tableSmall,
    ),
  ];
}

function keyTaskSection(doc: PerformanceDocument, h1: H1): Block[] {
  const tasks = doc.keyTasks ?? [];
  if (!tasks.length) return [];
  return [
    h1('年度重点工作任务'),
    caption('表 3 年度重点工作任务及资金'),
    table(
      [
        { header: '序号', width: 8, align: 'center' },
        { header: '任务名称', width: 18 },
        { header: '主要实施内容', width: 34 },
        { header: `拟投入资金（${doc.amountUnit}）`, width: 12, align: 'right' },
        { header: '期望达到的目标', width: 30 },
      ],
      tasks.map((t, i) => [String(i + 1), t.name, t.content ?? '', formatAmount(t.funds), t.expected ?? t.completion ?? '']),
      SIZE.tableSmall,
    ),
  ];
}

function indicatorSection(doc: PerformanceDocument, review: ReviewResult, h1: H1): Block[] {
  const rows: string[][] = [];
  for (const i of doc.indicators ?? []) rows.push(['部门整体', i.level1 ?? '', i.level2 ?? '', i.name, formatTarget(i.annualTarget ?? i.periodTarget)]);
  for (const { project } of listProjects(doc)) {
    for (const i of project.indicators) rows.push([project.name, `${i.level1Code ? `${i.level1Code}-` : ''}${i.level1 ?? ''}`, `${i.level2Code ? `${i.level2Code}-` : ''}${i.level2 ?? ''}`, i.name, formatTarget(i.annualTarget ?? i.periodTarget) || '（缺失）']);
  }
  if (!rows.length) return [];
  const q = review.quantified;
  return [
    h1('绩效指标体系'),
    body(`共设置绩效指标 ${q.indicators} 个，其中量化指标 ${q.quantitative} 个，量化指标占比 ${q.share ?? 0}%。`),
    caption('表 4 绩效指标'),
    table(
      [
        { header: '所属', width: 20 },
        { header: '一级指标', width: 13 },
        { header: '二级指标', width: 15 },
        { header: '三级指标', width: 34 },
        { header: '年度指标值', width: 18, align: 'center' },
      ],
      rows,
      SIZE.tableSmall,
    ),
  ];
}

function findingsSection(review: ReviewResult, h1: H1): Block[] {
  const standing = review.findings.filter((f) => f.status !== 'dismissed');
  const dismissed = review.findings.length - standing.length;
  const out: Block[] = [h1('评审发现的问题及修改建议')];
  if (!standing.length) {
    out.push(body('未发现需要修改的问题。'));
    return out;
  }
  const c = review.counts;
  out.push(body(`共发现问题 ${standing.length} 条，其中须修改 ${c.error} 条、建议修改 ${c.warning} 条、请核实 ${c.info} 条${dismissed ? `；另有 ${dismissed} 条经评审人核实后排除` : ''}。按评审维度列示如下：`));
  let group = 0;
  for (const dimension of DIMENSION_ORDER) {
    const items = standing.filter((f) => f.finding.dimension === dimension);
    if (!items.length) continue;
    out.push(heading2(`（${CN_ORDINALS[group++]}）${DIMENSION_LABELS[dimension]}（${items.length} 条）`));
    items.forEach((item, i) => {
      out.push(body(`${i + 1}. 【${SEVERITY_WORD[item.finding.severity]}】${where(item.finding.location)}${item.finding.message}${item.status === 'added' ? '（评审人补充）' : ''}`));
      out.push(body(item.finding.suggestion, '修改建议：'));
    });
  }
  return out;
}

function where(l: FindingLocation): string {
  const parts: string[] = [];
  if (l.keyTask) parts.push(`任务「${l.keyTask}」`);
  if (l.project) parts.push(`项目「${l.project}」`);
  if (l.indicator != null) parts.push(`第 ${l.indicator} 个指标`);
  if (!parts.length && l.field) parts.push(l.field);
  return parts.length ? `${parts.join('')}：` : '';
}

function conclusionSection(review: ReviewResult, h1: H1): Block[] {
  const out: Block[] = [
    h1('评审结论'),
    caption('表 5 评审得分'),
    table(
      [
        { header: '评审维度', width: 18 },
        { header: '分值', width: 12, align: 'center' },
        { header: '得分', width: 12, align: 'center' },
        { header: '扣分项', width: 58 },
      ],
      [
        ...review.dimensions.map((d) => [d.label, String(d.max), String(d.score), d.deductions.map((x) => `${CHECK_LABELS[x.check]} ${x.findings} 条，扣 ${x.points} 分`).join('\n') || '—']),
        ['合计', String(review.dimensions.reduce((a, d) => a + d.max, 0)), String(review.total), ''],
      ],
    ),
  ];
  const override = review.override;
  if (override) {
    out.push(body(`按评审规则计算得分 ${review.total} 分，对应结论为「${review.computedConclusion}」。评审人综合判断，结论调整为「${override.conclusion}」，理由：${override.reason}`));
  } else {
    out.push(body(`评审得分 ${review.total} 分，评审结论为「${review.conclusion}」。`));
  }
  out.push(body(WHAT_FOLLOWS[review.conclusion] ?? ''));
  out.push(body(`本意见依据「${review.ruleTitle}」计分。`));
  return out;
}

function sumProjects(amounts: Array<number | null>, doc: PerformanceDocument): number | null {
  return sumAmounts(amounts, doc.amountUnit);
}

export type { FindingStatus };
