/**
 * 自评报告 / 评价报告 in any region's outline (templates.md §6): 部门整体 / 机关整体 / 单位整体 reports become a
 * department-self-evaluation, 项目支出绩效…自评报告 a project-self-evaluation. Read: the unit from the cover
 * (部门(单位)名称, 项目单位, 主管部门, 预算编码), the year from the title or the notice, the stated total score and
 * grade, 存在问题 / 改进措施 / 有关建议 by heading, the budget totals a sentence states, staffing and 职能职责. The
 * Guangzhou seeds keep their own readers (text/); this one is for the documents no seed layout claims.
 */
import { emptyDocument, ProblemList, type DepartmentProfile, type DocumentKind, type PerformanceDocument } from '@jixiao/core';
import type { RecogniseInput, Recogniser } from './recognisers';
import { fieldValue, headingOf, layoutHeadLines, layoutLines, locationOf, readNarrativeSections, sectionAfter, squeeze, staffingIn, statedBudgetIn, statedGradeIn, statedScoreIn, yearOf, type ReportLine } from './report-lines';
import type { Where } from './tokens';

const DEPARTMENT_TITLE = /(?:部门|机关|单位)(?:\(单位\))?整体(?:支出)?绩效(?:评价)?(?:自评)?报告|整体支出绩效(?:评价)?(?:自评)?报告/;
const PROJECT_TITLE = /项目(?:支出)?绩效(?:单位)?(?:自评|评价)(?:自评)?报告|项目支出绩效[\u4e00-\u9fff]{0,4}报告/;

const UNIT_LABELS = ['部门(单位)名称', '单位名称', '部门名称', '项目单位', '预算单位', '填报单位', '评价单位', '被评价单位'];
const DEPARTMENT_LABELS = ['主管部门', '主管部门名称'];
const CODE_LABELS = ['预算编码', '单位编码', '部门编码', '预算单位编码'];

export interface ReportTitle {
  kind: Extract<DocumentKind, 'department-self-evaluation' | 'project-self-evaluation'>;
  text: string;
  where: Where;
}

/** The report's title in the first lines; a title wrapped over two lines (`岳阳市2018年度部门整体支出` + `绩效评价自评报告`) is joined. */
export function findReportTitle(lines: readonly ReportLine[]): ReportTitle | null {
  const head = lines.slice(0, 40);
  // One line first: a wrapped title is only looked for when no line holds a whole one.
  for (const joined of [false, true]) {
    for (let i = 0; i < head.length; i++) {
      const text = squeeze(head[i]!.text) + (joined ? squeeze(head[i + 1]?.text ?? '') : '');
      if (text.length > 90) continue;
      if (DEPARTMENT_TITLE.test(text)) return { kind: 'department-self-evaluation', text, where: head[i]!.where };
      if (PROJECT_TITLE.test(text)) return { kind: 'project-self-evaluation', text, where: head[i]!.where };
    }
  }
  return null;
}

export const selfEvaluationReports: Recogniser = {
  id: 'self-evaluation-reports',
  score(input) {
    const title = findReportTitle(layoutHeadLines(input.layout, 41));
    if (!title) return 0;
    // A table with an indicator grid under a report heading is read better by the table readers.
    const grid = /一级指标/.test(input.text) && /二级指标/.test(input.text) && /(指标值|完成值|实际完成|得分)/.test(input.text);
    return grid ? 0.35 : 0.7;
  },
  read(input) {
    return readSelfEvaluationReport(input);
  },
};

export function readSelfEvaluationReport(input: RecogniseInput): PerformanceDocument {
  const lines = layoutLines(input.layout);
  const title = findReportTitle(lines);
  const kind = title?.kind ?? 'department-self-evaluation';
  const doc = emptyDocument(kind);
  const problems = new ProblemList({ file: input.fileName });
  const cover = readCover(lines, title);
  doc.department = cover.unit ?? cover.department;
  if (cover.code && doc.department) doc.units = [{ name: doc.department, code: cover.code, statedAmount: null, projects: [] }];
  if (!doc.department) problems.warning('department-missing', '报告封面没有读到部门（单位）名称：请核对「部门(单位)名称」或「项目单位」', locationOf(input.fileName, title?.where, '部门(单位)名称'));

  const titleYear = title ? /((?:19|20)\d{2})年/.exec(title.text) : null;
  doc.year = titleYear ? Number(titleYear[1]) : yearOf(lines.slice(0, 80).map((l) => l.text).join('\n'));
  if (doc.year === null) problems.warning('year-missing', '没有读到报告所属年度（如标题中的「2020年度」）：请在导入时选择年度', locationOf(input.fileName, title?.where, '年度'));

  const score = statedScoreIn(lines);
  doc.statedScore = score?.score ?? null;
  doc.statedGrade = statedGradeIn(lines.map((l) => l.text).join('\n'));
  if (!score) problems.info('score-missing', '报告中没有读到自评总分（如「综合评分为97分」「自评得分90分」）', locationOf(input.fileName, title?.where, '自评得分'));

  const sections = readNarrativeSections(lines);
  doc.issuesText = sections.issues?.text ?? null;
  doc.improvementsText = sections.improvements?.text ?? null;
  if (!sections.issues) problems.info('issues-missing', '报告中没有读到「存在的问题」部分（文件可能不完整）', { file: input.fileName, field: '存在问题' });
  if (!sections.improvements) problems.info('improvements-missing', '报告中没有读到「改进措施」或「有关建议」部分（文件可能不完整）', { file: input.fileName, field: '改进措施' });

  const budget = statedBudgetIn(lines);
  const profile: DepartmentProfile = {};
  if (budget.initial !== null || budget.adjusted !== null || budget.spent !== null) {
    doc.budget = { initial: budget.initial, adjustment: null, adjusted: budget.adjusted, spent: budget.spent, bySource: [] };
  }
  if (budget.unit) doc.amountUnit = budget.unit;
  if (budget.received !== null) profile.statedFigures = { 实际到位资金: budget.received };

  const staffing = staffingIn(lines, { authorized: input.vocab.data.fields.staffAuthorized ?? [], actual: input.vocab.data.fields.staffActual ?? [] });
  if (staffing.authorized !== null || staffing.actual !== null) profile.staffing = staffing;
  const functions = readFunctions(lines, input.vocab.data.fields.functions ?? []);
  if (functions) profile.functions = functions;
  if (Object.keys(profile).length > 0) doc.profile = profile;

  doc.problems = problems.items;
  doc.source = { file: input.fileName, sha256: null, layout: `layout/${input.layout.source}/self-evaluation-report` };
  return doc;
}

function readCover(lines: readonly ReportLine[], title: ReportTitle | null): { unit: string | null; department: string | null; code: string | null } {
  const to = Math.min(lines.length, 60);
  const unit = orgName(fieldValue(lines, UNIT_LABELS, { to })?.value);
  const department = orgName(fieldValue(lines, DEPARTMENT_LABELS, { to })?.value);
  const codeText = fieldValue(lines, CODE_LABELS, { to })?.value ?? null;
  const code = codeText && /^[0-9A-Za-z-]{2,30}$/.test(codeText.replace(/\s+/g, '')) ? codeText.replace(/\s+/g, '') : null;
  // `南县财政局2020年度机关整体支出绩效评价报告`: the words before the year name the unit (not a bare place name).
  let fromTitle: string | null = null;
  if (title) {
    const m = /^(.{2,40}?)(?:19|20)\d{2}年/.exec(title.text);
    if (m && !/^[\u4e00-\u9fff]{1,5}[省市县区州盟旗]$/.test(m[1]!)) fromTitle = orgName(m[1]);
  }
  const published = orgName(fieldValue(lines, ['发布机构'], { to: 20 })?.value);
  return { unit: unit ?? fromTitle ?? published, department, code };
}

/** A unit's name as written, without `(盖章)`, trailing punctuation or a checkbox. */
function orgName(text: string | undefined | null): string | null {
  if (!text) return null;
  const t = text.replace(/\(盖章\)|（盖章）|[□√☑]/g, '').replace(/[:：,，。]+$/, '').trim();
  if (t.length < 2 || t.length > 40 || t.startsWith('[')) return null;
  return t;
}

/** 职能职责: a heading naming them (`（四）单位职责`, `（一）部门机构设置与主要职能`), else the label and its value. */
function readFunctions(lines: readonly ReportLine[], labels: readonly string[]): string | null {
  for (let i = 0; i < lines.length; i++) {
    const h = headingOf(lines[i]!.text);
    if (!h || !/职能|职责/.test(h.title)) continue;
    const text = sectionAfter(lines, i, h.level).text;
    if (text) return text;
  }
  const v = fieldValue(lines, [...labels, '职能职责概述', '职能职责', '主要职责']);
  return v?.value ?? null;
}
