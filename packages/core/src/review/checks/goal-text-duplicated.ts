import type { Project } from '../../document/model';
import { normalizeForCompare } from '../facts';
import type { Check } from './check';

/**
 * The same 绩效目标 or 项目情况简介 on several projects (seed 000: projects 4–8 share one description): the text was
 * copied and does not describe the project.
 */
export const goalTextDuplicated: Check = {
  id: 'goal-text-duplicated',
  dimension: 'relevance',
  run(ctx) {
    for (const [field, pick] of [
      ['绩效目标', (p: Project) => p.goal],
      ['项目情况简介', (p: Project) => p.description],
    ] as const) {
      const groups = new Map<string, Array<{ unit: string; project: Project }>>();
      for (const { unit, project } of ctx.projects) {
        const text = pick(project);
        if (!text) continue;
        const key = normalizeForCompare(text);
        if (key.length < ctx.settings.duplicateTextMinLength) continue;
        const group = groups.get(key) ?? [];
        group.push({ unit: unit.name, project });
        groups.set(key, group);
      }
      for (const group of groups.values()) {
        if (group.length < 2) continue;
        const text = pick(group[0]!.project) ?? '';
        for (const [i, { unit, project }] of group.entries()) {
          // The others only: the project itself is the subject of the sentence.
          const names = group.filter((_, j) => j !== i).map((g) => `「${g.project.name}」`).join('、');
          ctx.report({
            check: 'goal-text-duplicated',
            dimension: 'relevance',
            location: { unit, project: project.name, field },
            message: `项目「${project.name}」的${field}与另外 ${group.length - 1} 个项目完全相同（${names}），没有写出本项目的具体内容。`,
            suggestion: `分别写明每个项目的资金用途、服务对象、年度要完成的事项和预期效果，不要多个项目共用一段${field}。`,
            evidence: text.length > 60 ? `${text.slice(0, 60)}…` : text,
          });
        }
      }
    }
  },
};
