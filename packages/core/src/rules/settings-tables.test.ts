/**
 * The settings tables (decision 019) read as the validator: what the table itself decides — unknown parts of a fixed
 * set, limits that follow another setting, a mode's own fields — and that every scheme has a table.
 */
import { describe, expect, it } from 'vitest';
import { NATIONAL_TARGET_REVIEW } from '../review/builtin-rule-set';
import { NATIONAL_PROJECT_SELF_EVALUATION } from '../scoring/builtin-rule-sets';
import { SETTINGS_TABLES } from './settings-tables';
import { RULE_SCHEMES, validateRuleSetSettings } from './validate';

const project = () => structuredClone(NATIONAL_PROJECT_SELF_EVALUATION.settings);

describe('the settings tables', () => {
  it('has one table per scheme, and the schemes are listed from them', () => {
    expect(RULE_SCHEMES).toEqual(Object.keys(SETTINGS_TABLES));
    expect([...RULE_SCHEMES].sort()).toEqual(['department-self-evaluation', 'monitoring', 'project-self-evaluation', 'results-use', 'target-review']);
  });

  it('names a part a fixed set does not have, with the parts it has', () => {
    const settings = { ...project(), weights: { ...project().weights, bonus: 0 } };
    expect(validateRuleSetSettings('project-self-evaluation', settings)).toEqual(['设置 weights.bonus：没有这一项（可用：execution、output、outcome、satisfaction、cost）']);
  });

  it('bounds the review conclusion bands by the points of the scored dimensions', () => {
    const settings = { ...structuredClone(NATIONAL_TARGET_REVIEW.settings), pointsPerDimension: 20 };
    expect(validateRuleSetSettings('target-review', { ...settings, grades: [{ grade: '优', min: 90 }, { grade: '差', min: 0 }] })).toEqual(['设置 grades[0].min：最低分应在 0–80 之间，现为 90']);
    expect(validateRuleSetSettings('target-review', { ...settings, grades: [{ grade: '优', min: 72 }, { grade: '差', min: 0 }] })).toEqual([]);
  });

  it('checks the fields of the mode chosen, and names an unknown mode', () => {
    expect(validateRuleSetSettings('project-self-evaluation', { ...project(), execution: { mode: 'proportional', steps: 'ignored' } })).toEqual([]);
    expect(validateRuleSetSettings('project-self-evaluation', { ...project(), execution: { mode: 'steps', steps: [{ minRate: 60, fraction: 0.5 }, { minRate: 90, fraction: 2 }] } })).toEqual([
      '设置 execution.steps[1].fraction：得分比例应在 0–1 之间，现为 2',
      '设置 execution.steps：各档应按执行率下限从高到低排列，且不能重复',
    ]);
    expect(validateRuleSetSettings('project-self-evaluation', { ...project(), execution: { mode: 'tiers' } })).toEqual(['设置 execution.mode：应为 proportional / steps 之一，现为 "tiers"']);
  });
});
