/**
 * Renders a self-evaluation report draft (`draftSelfEvaluationReport` in @jixiao/core, edited by the unit) as a
 * .docx in official-document typography. Headings keep the draft's numbering (一、 / （一）), so what the unit
 * edited is what is printed.
 */
import type { SelfEvaluationReportDraft } from '@jixiao/core';
import { Document, Packer, type Paragraph } from 'docx';
import { chineseDate } from '../docx/chinese-date';
import { blank, body, heading1, heading2, officialSection, signature, title } from '../docx/official-style';

export interface SelfEvaluationReportInput {
  draft: SelfEvaluationReportDraft;
  /** Signature: the unit, and the date (`2024-05-29`); the writer has no clock. */
  signedBy: string;
  date: string;
}

export async function writeSelfEvaluationReport(input: SelfEvaluationReportInput): Promise<Uint8Array> {
  const { draft } = input;
  const blocks: Paragraph[] = [...title(titleLines(draft.title))];
  for (const section of draft.sections) {
    blocks.push(/^[一二三四五六七八九十]+、/.test(section.heading) ? heading1(section.heading) : heading2(section.heading));
    for (const p of section.paragraphs) if (p.trim()) blocks.push(body(p));
  }
  blocks.push(blank(), signature(input.signedBy), signature(chineseDate(input.date)));
  const file = new Document({ creator: 'jixiao', title: draft.title, sections: [officialSection(blocks)] });
  return new Uint8Array(await Packer.toBuffer(file));
}

/** How many characters of the title size (二号) fit on a line of the official A4 page. */
const TITLE_CHARS = 20;

/**
 * The title on lines that never break inside a word (「办/事处」): the unit's name on its own line(s) — a name too
 * long for one broken after its 人民政府 / 委员会 / 局 — then the year and the kind of report, as official reports
 * are set (`广州市荔湾区人民政府金花街道办事处` / `2024年度项目支出绩效自评报告`).
 */
export function titleLines(text: string): string[] {
  const m = /^(\d{4}\s*年度?)?(.+?)((?:项目支出|部门整体支出)绩效自评报告)$/.exec(text.trim());
  if (!m) return [text];
  const [, year = '', who = '', kind = ''] = m;
  return [...nameLines(who.trim()), `${year.replace(/\s+/g, '')}${kind}`];
}

function nameLines(name: string): string[] {
  if (name.length <= TITLE_CHARS) return [name];
  const breaks = [...name.matchAll(/人民政府|委员会|局|办公室/g)].map((b) => (b.index ?? 0) + b[0].length).filter((at) => at < name.length && at <= TITLE_CHARS);
  const at = breaks.at(-1);
  return at ? [name.slice(0, at), ...nameLines(name.slice(at))] : [name];
}
