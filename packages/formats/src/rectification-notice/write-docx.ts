/**
 * 整改通知书 (issue 14 item 2): the finance bureau's notice to the responsible unit — to whom, what was found and
 * on what basis, what is to be done and by when, how to report back (反馈整改情况并附佐证材料), the issuer and the
 * date. Official typography (docx/official-style.ts). It renders what it is given; it decides nothing.
 */
import { AlignmentType, Document, LineRuleType, Packer, Paragraph } from 'docx';
import { chineseDate } from '../docx/chinese-date';
import { blank, body, heading1, officialSection, run, signature, title } from '../docx/official-style';

export interface RectificationNoticeInput {
  /** 文号 or the item's number, e.g. 「整改〔2025〕3号」. */
  number: string;
  issuer: string;
  unitName: string;
  department: string | null;
  responsiblePerson: string;
  problem: string;
  basis: string;
  measures: string;
  /** `YYYY-MM-DD`. */
  deadline: string;
  /** How it was found, as the notice says it: 「检查」「绩效运行监控」…; with its reference (文号) when there is one. */
  foundBy: string;
  sourceReference: string | null;
  projectName: string | null;
  /** The notice's date (`YYYY-MM-DD`); the writer has no clock. */
  date: string;
}

/** 「广州市荔湾区金花街道办事处」 once, not the department and the unit's shorter name one after the other. */
function addressee(department: string | null, unit: string): string {
  if (!department || department.includes(unit)) return department ?? unit;
  return unit.includes(department) ? unit : `${department}${unit}`;
}

export async function writeRectificationNotice(input: RectificationNoticeInput): Promise<Uint8Array> {
  const to = addressee(input.department, input.unitName);
  const where = input.sourceReference ? `${input.foundBy}（${input.sourceReference}）` : input.foundBy;
  const children = [
    ...title(['整改通知书']),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 280 }, children: [run(input.number)] }),
    new Paragraph({ spacing: { line: 560, lineRule: LineRuleType.EXACT }, children: [run(`${to}：`)] }),
    body(`经${where}，发现你单位${input.projectName ? `「${input.projectName}」` : ''}存在以下问题，现通知你单位限期整改。`),
    heading1('一、存在的问题'),
    body(input.problem),
    heading1('二、依据'),
    body(input.basis),
    heading1('三、整改要求'),
    body(input.measures),
    body(`请于${chineseDate(input.deadline)}前完成整改，由${input.responsiblePerson}负责落实。`),
    heading1('四、反馈方式'),
    body('整改完成后，请在预算绩效管理系统「整改」中逐项反馈已采取的措施和整改结果，并上传相关佐证材料（PDF、图片或 Office 文件）。逾期未整改或整改不到位的，将在以后年度预算安排中予以调减或整改到位后再安排。'),
    blank(),
    signature(input.issuer),
    signature(chineseDate(input.date)),
  ];
  const doc = new Document({ creator: 'jixiao', title: '整改通知书', sections: [officialSection(children)] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
