/**
 * 整改情况报告 (issue 14 item 2): where the rectification items stand — a count by state, the overdue ones named,
 * then a table of every item (问题, 责任单位, 期限, 状态, 整改情况 as the unit last reported it) and, per item, the
 * measures taken and the evidence given (file names and their SHA-256, so a printed report points at the stored files).
 */
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, type Table } from 'docx';
import { chineseDate } from '../docx/chinese-date';
import { body, caption, heading1, heading2, officialSection, run, signature, SIZE, table, title } from '../docx/official-style';

/** The evidence line: left-aligned, since a long file name and its hash would be stretched apart by justification. */
function evidenceLine(evidence: RectificationReportItem['evidence']): Paragraph {
  const text = evidence.length > 0 ? evidence.map((e) => `${e.fileName}（SHA-256 ${e.sha256.slice(0, 16)}…）`).join('；') : '无。';
  return new Paragraph({ spacing: { line: 560, lineRule: LineRuleType.EXACT }, indent: { firstLine: 640 }, alignment: AlignmentType.LEFT, children: [run('佐证材料：', { bold: true }), run(text)] });
}

export interface RectificationReportItem {
  number: number;
  unitName: string;
  responsiblePerson: string;
  problem: string;
  measures: string;
  deadline: string;
  statusLabel: string;
  overdue: boolean;
  /** The unit's last feedback, or null. */
  feedback: string | null;
  evidence: Array<{ fileName: string; sha256: string }>;
  verifiedAt: string | null;
}

export interface RectificationReportInput {
  /** Whose items: 「金花街道办事处」 or 「全区」. */
  scope: string;
  issuer: string;
  date: string;
  items: RectificationReportItem[];
}

type Block = Paragraph | Table;

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export async function writeRectificationReport(input: RectificationReportInput): Promise<Uint8Array> {
  const count = (label: string) => input.items.filter((i) => i.statusLabel === label).length;
  const overdue = input.items.filter((i) => i.overdue);
  const blocks: Block[] = [
    ...title([input.scope, '整改情况报告']),
    heading1('一、总体情况'),
    body(
      `截至${chineseDate(input.date)}，共登记整改事项 ${input.items.length} 项：已销号 ${count('已销号')} 项，已反馈待核实 ${count('已反馈')} 项，整改中 ${count('整改中')} 项，退回整改 ${count('退回整改')} 项，待下发 ${count('待下发')} 项。` +
        (overdue.length > 0 ? `其中 ${overdue.length} 项已超过整改期限仍未反馈。` : '没有超过整改期限未反馈的事项。'),
    ),
    heading1('二、整改事项一览'),
    caption('整改事项一览表'),
    table(
      [
        { header: '序号', width: 5, align: 'center' },
        { header: '问题', width: 30 },
        { header: '责任单位', width: 15 },
        { header: '整改期限', width: 12, align: 'center' },
        { header: '状态', width: 10, align: 'center' },
        { header: '整改情况', width: 28 },
      ],
      input.items.map((i, k) => [String(k + 1), i.problem, `${i.unitName}\n${i.responsiblePerson}`, i.deadline, i.overdue ? `${i.statusLabel}\n（已逾期）` : i.statusLabel, i.feedback ?? '尚未反馈']),
      SIZE.tableSmall,
    ),
    heading1('三、逐项情况'),
    ...input.items.flatMap((i, k) => [
      heading2(`（${CN[k] ?? k + 1}）${i.problem}`),
      body(i.measures, '整改措施：'),
      body(i.feedback ?? '尚未反馈。', '整改情况：'),
      evidenceLine(i.evidence),
      ...(i.verifiedAt ? [body(`已于${chineseDate(i.verifiedAt)}核实销号。`)] : []),
    ]),
    signature(input.issuer),
    signature(chineseDate(input.date)),
  ];
  const doc = new Document({ creator: 'jixiao', title: '整改情况报告', sections: [officialSection(blocks)] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
