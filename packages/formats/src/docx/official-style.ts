/**
 * Chinese official-document typography (党政机关公文格式 GB/T 9704, as district finance documents use it): A4,
 * margins 37/35/28/26 mm, title in 方正小标宋简体 二号, level-1 headings 黑体 三号, level-2 楷体 三号, body 仿宋 三号
 * with a fixed 28-point line and a two-character first-line indent, page numbers 「— 1 —」 in 宋体 四号 at the foot.
 * The fonts are named as Word on a finance officer's Windows machine knows them; elsewhere they are substituted.
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';

const MM = 56.7; // twips per millimetre
export const FONT = {
  title: '方正小标宋简体',
  heading: '黑体',
  subheading: '楷体_GB2312',
  body: '仿宋_GB2312',
  table: '仿宋_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;
/** Half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt. */
export const SIZE = { title: 44, heading: 32, body: 32, small: 28, table: 24, tableSmall: 21 } as const;

const font = (eastAsia: string) => ({ ascii: FONT.latin, hAnsi: FONT.latin, eastAsia, cs: FONT.latin });
const line28 = { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

export function run(text: string, opts: { font?: string; size?: number; bold?: boolean } = {}): TextRun {
  return new TextRun({ text, font: font(opts.font ?? FONT.body), size: opts.size ?? SIZE.body, bold: opts.bold ?? false });
}

/** The title, centred; one paragraph per line. */
export function title(lines: string[]): Paragraph[] {
  return lines.map(
    (l, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...line28, line: 700, after: i === lines.length - 1 ? 560 : 0 },
        children: [run(l, { font: FONT.title, size: SIZE.title })],
      }),
  );
}

/** 「一、…」 heading in 黑体. */
export function heading1(text: string): Paragraph {
  return new Paragraph({ spacing: line28, indent: { firstLine: 640 }, keepNext: true, children: [run(text, { font: FONT.heading })] });
}

/** 「（一）…」 heading in 楷体. */
export function heading2(text: string): Paragraph {
  return new Paragraph({ spacing: line28, indent: { firstLine: 640 }, keepNext: true, children: [run(text, { font: FONT.subheading })] });
}

/** A body paragraph: 仿宋 三号, first-line indent of two characters; `lead` is set in bold (e.g. 「修改建议：」). */
export function body(text: string, lead?: string): Paragraph {
  const children = lead ? [run(lead, { bold: true }), run(text)] : [run(text)];
  return new Paragraph({ spacing: line28, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, children });
}

/** A right-aligned line (signature, date). */
export function signature(text: string): Paragraph {
  return new Paragraph({ spacing: line28, alignment: AlignmentType.RIGHT, indent: { right: 640 }, children: [run(text)] });
}

export function blank(): Paragraph {
  return new Paragraph({ spacing: line28, children: [run('')] });
}

/** A table caption, centred, 黑体 小四. */
export function caption(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 }, keepNext: true, children: [run(text, { font: FONT.heading, size: SIZE.table })] });
}

export interface Column {
  header: string;
  /** Relative width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A bordered table in 仿宋 小四 with a bold repeated header row. */
export function table(columns: Column[], rows: string[][], size: number = SIZE.table): Table {
  const total = columns.reduce((a, c) => a + c.width, 0);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, c: Column, header: boolean) =>
    new TableCell({
      borders,
      verticalAlign: VerticalAlign.CENTER,
      width: { size: Math.round((c.width / total) * 100), type: WidthType.PERCENTAGE },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: header || c.align === 'center' ? AlignmentType.CENTER : c.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
            spacing: { line: 300, lineRule: LineRuleType.AUTO },
            children: [run(line, { font: header ? FONT.heading : FONT.table, size })],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c.header, c, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: columns.map((c, i) => cell(r[i] ?? '', c, false)) })),
    ],
  });
}

/** Section properties: A4 portrait, official margins, 「— N —」 page numbers. */
export function officialSection(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: 11906, height: 16838 },
        margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), footer: Math.round(20 * MM) },
        pageNumbers: { start: 1 },
      },
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONT.pageNumber), size: SIZE.small })],
          }),
        ],
      }),
    },
    children,
  };
}
