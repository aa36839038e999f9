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
  const blocks: Paragraph[] = [...title(splitTitle(draft.title))];
  for (const section of draft.sections) {
    blocks.push(/^[一二三四五六七八九十]+、/.test(section.heading) ? heading1(section.heading) : heading2(section.heading));
    for (const p of section.paragraphs) if (p.trim()) blocks.push(body(p));
  }
  blocks.push(blank(), signature(input.signedBy), signature(chineseDate(input.date)));
  const file = new Document({ creator: 'jixiao', title: draft.title, sections: [officialSection(blocks)] });
  return new Uint8Array(await Packer.toBuffer(file));
}

/** Breaks a long title before 「部门整体支出绩效自评报告」, as seed 001's title is set on two lines. */
function splitTitle(text: string): string[] {
  const at = text.indexOf('部门整体支出绩效自评报告');
  return at > 0 ? [text.slice(0, at), text.slice(at)] : [text];
}
