import type { Level1Key } from '../../indicators/levels';
import { LEVEL1_LABEL, level1Of } from '../facts';
import type { Check } from './check';
import { cutOff, cutOffNote, projectsWithIndicatorSets } from './check';

/** R2: a project needs at least one 产出, one 效益 and one 满意度 indicator (the set is a setting). */
export const missingLevel1: Check = {
  id: 'missing-level1',
  dimension: 'completeness',
  run(ctx) {
    const required = ctx.settings.requiredLevel1;
    const cut = cutOff(ctx);
    for (const { unit, project } of projectsWithIndicatorSets(ctx)) {
      const present = new Set<Level1Key | undefined>();
      for (const i of project.indicators) present.add(level1Of(i).key);
      if (required.every((k) => present.has(k))) continue;
      const missing = required.filter((k) => !present.has(k));
      const names = missing.map((k) => LEVEL1_LABEL[k]);
      const had = [...present].filter((k) => k !== undefined).map((k) => LEVEL1_LABEL[k]);
      // A project the file breaks off in may have the missing 一级 on the pages not read.
      const cutHere = cut.project(project.name);
      ctx.report({
        check: 'missing-level1',
        dimension: 'completeness',
        location: { unit: unit.name, project: project.name },
        ...(cutHere ? { severity: 'info' as const } : {}),
        message: cutHere ? `项目「${project.name}」读到的指标中没有${names.join('、')}；${cutOffNote(cut)}。` : `项目「${project.name}」没有${names.join('、')}。`,
        suggestion: missing.includes('satisfaction')
          ? `按产出、效益、满意度三类设置指标：补充${names.join('、')}，例如满意度写成「服务对象满意度 ≥90%」，并写明调查方式。`
          : `按产出、效益、满意度三类设置指标：补充${names.join('、')}，写明可核查的数值目标。`,
        evidence: had.length ? `已有一级指标：${had.join('、')}` : '没有任何指标',
      });
    }
  },
};
