/**
 * 绩效运行监控表 (.docx): the same rows as the .xlsx (official/monitoring-rows.ts) in official typography, A4
 * landscape (the tables have eleven columns), with the light counts and the rule set under the tables.
 */
import { Document, Footer, PageNumber, Packer, PageOrientation, Paragraph, AlignmentType, TextRun, type Table } from 'docx';
import { budgetHeaders, budgetRow, headerLine, INDICATOR_HEADERS, indicatorRow, summaryLines, tableTitle, type MonitoringTableInput } from './rows';
import { FONT, run, SIZE, table, type Column } from '../docx/official-style';

const MM = 56.7;

const BUDGET_WIDTHS = [22, 10, 10, 8, 8, 7, 6, 16, 9, 14];
const INDICATOR_WIDTHS = [14, 9, 9, 16, 8, 9, 8, 6, 13, 8, 11];


function columns(headers: string[], widths: number[], center: number[]): Column[] {
  return headers.map((header, i) => ({ header, width: widths[i] ?? 10, align: center.includes(i) ? 'center' : i === 1 || i === 2 ? 'right' : 'left' }));
}

const heading = (text: string) => new Paragraph({ spacing: { before: 200, after: 100 }, keepNext: true, children: [run(text, { font: FONT.heading, size: SIZE.small })] });
const note = (text: string) => new Paragraph({ spacing: { before: 60, after: 0 }, children: [run(text, { size: SIZE.tableSmall })] });

export async function writeMonitoringTableDocx(input: MonitoringTableInput): Promise<Uint8Array> {
  const { result } = input;
  const blocks: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(tableTitle(input), { font: FONT.title, size: SIZE.heading })] }),
    new Paragraph({ spacing: { after: 120 }, children: [run(headerLine(input), { size: SIZE.tableSmall })] }),
    heading('一、预算执行情况'),
    table(
      columns(budgetHeaders(result.cutoffMonth, result.amountUnit), BUDGET_WIDTHS, [3, 4, 5, 6, 8]),
      [...result.budgetLines, result.total].map(budgetRow),
      SIZE.tableSmall,
    ),
    heading('二、绩效目标完成情况'),
    table(
      INDICATOR_HEADERS.map((header, i) => ({ header, width: INDICATOR_WIDTHS[i] ?? 10, align: [4, 5, 6, 7, 9].includes(i) ? 'center' : 'left' })),
      result.indicatorLines.map(indicatorRow),
      SIZE.tableSmall,
    ),
    ...summaryLines(input).map(note),
    note(`填报人：${input.updatedBy ?? '＿＿＿＿'}　　　　单位负责人：＿＿＿＿${input.status ? `　　　　状态：${input.status}` : ''}`),
  ];
  const file = new Document({
    creator: 'jixiao',
    title: tableTitle(input),
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: { top: Math.round(20 * MM), bottom: Math.round(18 * MM), left: Math.round(18 * MM), right: Math.round(18 * MM), footer: Math.round(10 * MM) },
          },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { eastAsia: FONT.pageNumber, ascii: FONT.latin, hAnsi: FONT.latin }, size: SIZE.tableSmall })] })],
          }),
        },
        children: blocks,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
