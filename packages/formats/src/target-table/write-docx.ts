/**
 * 绩效目标表 (.docx): the tables of `rows.ts` in official typography — 「附件1」 in 黑体 at the top left, the title in
 * 方正小标宋, the grid in 仿宋 五号 with the printed form's merged cells — one section per table (部门整体 A4 portrait,
 * 项目支出 A4 landscape, its header row repeated on each page). The 批复 notice appends the same sections.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { FONT, run, SIZE } from '../docx/official-style';
import { approvalLine, targetTableParts, type GridCell, type TargetTableInput, type TargetTablePart } from './rows';

const MM = 56.7;
const A4 = { short: 11906, long: 16838 };
const MARGIN = { portrait: { top: 30, bottom: 28, left: 25, right: 25 }, landscape: { top: 22, bottom: 20, left: 20, right: 20 } } as const;
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: border, bottom: border, left: border, right: border };
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** The page's text width in twips. */
function textWidth(landscape: boolean): number {
  const m = MARGIN[landscape ? 'landscape' : 'portrait'];
  return (landscape ? A4.long : A4.short) - Math.round((m.left + m.right) * MM);
}

function gridTable(part: TargetTablePart): Table {
  const total = part.widths.reduce((a, b) => a + b, 0);
  const width = textWidth(part.landscape);
  const columns = part.widths.map((w) => Math.floor((w / total) * width));
  let col = 0;
  const rows = part.rows.map((cells, r) => {
    col = 0;
    // A row of headers only (the indicators' 一级指标 … 指标值) stays on the page of the rows it heads.
    const keepNext = cells.every((c) => c.head);
    return new TableRow({
      tableHeader: r < part.headerRows,
      cantSplit: true,
      children: cells.map((cell: GridCell) => {
        const span = cell.colSpan ?? 1;
        const w = columns.slice(col, col + span).reduce((a, b) => a + b, 0);
        col += span;
        return new TableCell({
          borders: BORDERS,
          verticalAlign: VerticalAlign.CENTER,
          ...(cell.colSpan ? { columnSpan: cell.colSpan } : {}),
          ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
          width: { size: w, type: WidthType.DXA },
          margins: { top: 30, bottom: 30, left: 45, right: 45 },
          children: cell.text.split('\n').map(
            (line) =>
              new Paragraph({
                alignment: ALIGN[cell.align ?? 'left'],
                keepNext,
                spacing: { line: 280, lineRule: LineRuleType.AUTO },
                children: [run(line, { font: cell.head ? FONT.heading : FONT.table, size: SIZE.tableSmall })],
              }),
          ),
        });
      }),
    });
  });
  return new Table({ layout: TableLayoutType.FIXED, width: { size: width, type: WidthType.DXA }, columnWidths: columns, rows });
}

/** One section per table: 「附件N」, the title, the subtitle, the grid, the approval line. */
export function targetTableSections(input: TargetTableInput): ISectionOptions[] {
  const note = approvalLine(input.approval);
  return targetTableParts(input).map((part) => {
    const m = MARGIN[part.landscape ? 'landscape' : 'portrait'];
    return {
      properties: {
        page: {
          size: { width: A4.short, height: A4.long, orientation: part.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: Math.round(m.top * MM), bottom: Math.round(m.bottom * MM), left: Math.round(m.left * MM), right: Math.round(m.right * MM), footer: Math.round(10 * MM) },
        },
      },
      footers: {
        default: new Footer({
          children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { eastAsia: FONT.pageNumber, ascii: FONT.latin, hAnsi: FONT.latin }, size: SIZE.tableSmall })] })] }),
      },
      children: [
        new Paragraph({ spacing: { after: 120 }, children: [run(part.attachment, { font: FONT.heading, size: SIZE.body })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(part.title, { font: FONT.title, size: SIZE.heading })] }),
        ...(part.subtitle ? [new Paragraph({ spacing: { after: 100 }, children: [run(part.subtitle, { size: SIZE.tableSmall })] })] : []),
        gridTable(part),
        new Paragraph({ spacing: { before: 120 }, children: [run(note, { size: SIZE.tableSmall })] }),
      ],
    };
  });
}

export async function writeTargetTableDocx(input: TargetTableInput): Promise<Uint8Array> {
  const title = targetTableParts(input).map((p) => p.title).join('、');
  const file = new Document({ creator: 'jixiao', title, sections: targetTableSections(input) });
  return new Uint8Array(await Packer.toBuffer(file));
}
