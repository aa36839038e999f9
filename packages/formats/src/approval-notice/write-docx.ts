/**
 * The finance bureau's 批复 of a unit's targets (「关于批复……年度部门整体预算绩效目标的通知」) as a .docx in the shape
 * of GB/T 9704: the red 发文机关标志 and a 文号 left blank for the bureau's registry to fill, the red rule, the title,
 * the 主送机关, the body (what is approved, with its figures, and what the unit must do with it), 附件说明, the issuer
 * and the approval date, the 附注 naming the approved version and who approved it, the 版记; then the approved
 * 绩效目标表 as the attachments (the same sections as the target table's .docx). It renders what it is given.
 */
import { formatAmount, listProjects, sumAmounts } from '@jixiao/core';
import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import { chineseDate } from '../docx/chinese-date';
import { blank, body, FONT, heading1, officialSection, run, SIZE, signature } from '../docx/official-style';
import { departmentName, indicatorCount, inWan, projectTotal, targetTableParts, type TargetTableInput } from '../target-table/rows';
import { targetTableSections } from '../target-table/write-docx';

export interface ApprovalNoticeInput extends TargetTableInput {
  /** 发文机关, e.g. 「广州市荔湾区财政局」. */
  issuer: string;
}

const RED = 'E00000';
const line28 = { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** How many 二号 characters a title line holds on the type area (156 mm / 7.8 mm). */
const TITLE_LINE = 20;

/** 「荔财〔2024〕号」 is the bureau's registry's to give: the 文号 is printed with its blanks. */
export function documentNumberPlaceholder(year: number | null): string {
  return `＿＿〔${year ?? '　　'}〕＿＿号`;
}

/** What the targets are called in the title and the body. */
function kindWords(input: TargetTableInput): string {
  return input.document.kind === 'department-targets' ? '部门整体预算绩效目标' : '项目支出绩效目标';
}

const unitsOf = (text: string) => [...text].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 1 : 0.5), 0);

/**
 * The title on lines that never break inside a word: it is cut into words (关于批复, the unit's name after its
 * 人民政府, the year, the kind of targets, 的通知) and the words are packed onto lines of at most 20 characters.
 */
export function noticeTitleLines(department: string, year: number | null, kind: string): string[] {
  const name = /^(.*?人民政府)(.+)$/u.exec(department);
  const words = ['关于批复', ...(name ? [name[1]!, name[2]!] : [department]), ...(year ? [`${year}年度`] : []), `${kind}的通知`];
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && unitsOf(last + word) <= TITLE_LINE) lines[lines.length - 1] = last + word;
    else lines.push(word);
  }
  return lines;
}

function centred(text: string, opts: { font: string; size: number; color?: string; after?: number }): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: Math.round(opts.size * 16), lineRule: LineRuleType.EXACT, before: 0, after: opts.after ?? 0 },
    children: [new TextRun({ text, font: { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: opts.font }, size: opts.size, ...(opts.color ? { color: opts.color } : {}) })],
  });
}

/** 发文机关标志 in red, the 文号, and the red rule under it. */
function masthead(input: ApprovalNoticeInput): Paragraph[] {
  return [
    centred(`${input.issuer}文件`, { font: FONT.title, size: 72, color: RED, after: 600 }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...line28, after: 480 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 12 } },
      children: [run(documentNumberPlaceholder(input.document.year))],
    }),
  ];
}

function approvedFigures(input: ApprovalNoticeInput): string {
  const doc = input.document;
  const unit = doc.amountUnit;
  const parts: string[] = [];
  const p = doc.profile;
  const wan = (v: number | null | undefined) => `${formatAmount(inWan(v ?? null, unit))} 万元`;
  if (doc.kind === 'department-targets' && p?.budgetTotal != null) {
    const split = [p.basicExpenditure != null ? `基本支出 ${wan(p.basicExpenditure)}` : '', p.projectExpenditure != null ? `项目支出 ${wan(p.projectExpenditure)}` : ''].filter(Boolean).join('、');
    parts.push(`部门整体支出预算 ${wan(p.budgetTotal)}${split ? `，其中${split}` : ''}`);
  }
  const tasks = doc.keyTasks ?? [];
  if (tasks.length) {
    const funds = sumAmounts(tasks.map((t) => inWan(t.funds, unit)), '万元');
    parts.push(`年度重点工作任务 ${tasks.length} 项${funds != null ? `，拟投入资金 ${formatAmount(funds)} 万元` : ''}`);
  }
  if (doc.indicators?.length) parts.push(`部门整体绩效指标 ${doc.indicators.length} 个`);
  const projects = listProjects(doc);
  if (projects.length) {
    const withIndicators = projects.reduce((n, { project }) => n + project.indicators.length, 0);
    parts.push(`纳入绩效目标管理的项目 ${projects.length} 个，项目金额合计 ${formatAmount(projectTotal(doc))} 万元${withIndicators ? `，设置项目绩效指标 ${withIndicators} 个` : ''}`);
  }
  return parts.length ? `${parts.join('；')}。` : '';
}

const REQUIREMENTS = [
  ['（一）严格执行。', '请按照批复的绩效目标组织预算执行。批复的绩效目标是开展绩效运行监控、绩效自评和绩效评价的依据。'],
  ['（二）做好监控。', '在预算执行中对绩效目标实现程度和预算执行进度实行“双监控”，发现偏差及时分析原因、采取纠偏措施。'],
  ['（三）规范调整。', '批复的绩效目标原则上不作调整；确需调整的，请按程序提出调整申请，经财政部门审核后执行。'],
  ['（四）做好公开。', '请按照预算公开的有关要求，将批复的绩效目标随部门预算一并公开。'],
] as const;

function noticeBody(input: ApprovalNoticeInput): Paragraph[] {
  const doc = input.document;
  const name = departmentName(doc);
  const year = doc.year ? `${doc.year}年度` : '';
  const kind = kindWords(input);
  const parts = targetTableParts(input);
  const a = input.approval;
  return [
    ...noticeTitleLines(name, doc.year, kind).map((l, i, all) => centred(l, { font: FONT.title, size: SIZE.title, after: i === all.length - 1 ? 560 : 0 })),
    new Paragraph({ spacing: line28, children: [run(`${name}：`)] }),
    body(`你单位报送的${year}${kind}收悉。经审核${a.conclusion ? `（评审结论：${a.conclusion}）` : ''}，现批复如下：`),
    heading1('一、批复的绩效目标'),
    body(`批复你单位${year}${kind}（第 ${a.version} 版）。${approvedFigures(input)}具体绩效目标详见附件。`),
    heading1('二、有关要求'),
    ...REQUIREMENTS.map(([lead, text]) => body(text, lead)),
    body('特此通知。'),
    blank(),
    ...parts.map((p, i) =>
      new Paragraph({
        spacing: line28,
        // The second and later attachments line up under the first one's number, after 「附件：」.
        indent: { left: i === 0 ? 640 : 640 + 960 },
        children: [run(`${i === 0 ? '附件：' : ''}${parts.length > 1 ? `${i + 1}. ` : ''}${p.title}`)],
      }),
    ),
    blank(),
    signature(input.issuer),
    signature(a.approvedOn ? chineseDate(a.approvedOn) : '　　年　　月　　日'),
    body(`（本通知批复的是第 ${a.version} 版绩效目标${a.approvedBy ? `，由${a.approvedBy}审核批复` : ''}；共设置绩效指标 ${indicatorCount(doc)} 个。）`),
    new Paragraph({
      spacing: line28,
      border: { top: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 } },
      indent: { left: 280, right: 280 },
      tabStops: [{ type: 'right', position: 8000 }],
      children: [run(`${input.issuer}办公室`, { size: SIZE.small }), run(`\t${a.approvedOn ? chineseDate(a.approvedOn) : '　　年　　月　　日'}印发`, { size: SIZE.small })],
    }),
  ];
}

export async function writeApprovalNotice(input: ApprovalNoticeInput): Promise<Uint8Array> {
  const doc = input.document;
  const title = noticeTitleLines(departmentName(doc), doc.year, kindWords(input)).join('');
  const file = new Document({ creator: 'jixiao', title, sections: [officialSection([...masthead(input), ...noticeBody(input)]), ...targetTableSections(input)] });
  return new Uint8Array(await Packer.toBuffer(file));
}
