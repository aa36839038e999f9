import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '../../testing/builders';
import { levelMismatch } from './level-mismatch';
import { runCheck } from './test-helpers';

const docWith = (levels: string) =>
  buildDocument({ projects: [buildProject({ name: '项目', indicators: [{ name: '群众满意度', annual: '≥80%', levels }] })] });

describe('level-mismatch', () => {
  it.each(['3-满意度指标; 12-质量指标', '2-效益指标; 31-服务对象满意度'])('finds %s (seed 002)', (levels) => {
    const [f] = runCheck(levelMismatch, docWith(levels));
    expect(f).toMatchObject({ check: 'level-mismatch', severity: 'error', location: { project: '项目', indicator: 1, indicatorName: '群众满意度' }, evidence: levels.replace(' ', '') .replace(';', '；') });
  });

  it('accepts levels that belong together', () => {
    expect(runCheck(levelMismatch, docWith('3-满意度指标; 31-服务对象满意度'))).toEqual([]);
    expect(runCheck(levelMismatch, docWith('1-产出指标; 13-时效指标'))).toEqual([]);
  });

  it('is only a warning when the levels are known by name alone (seed 000: 效益指标-服务对象满意度指标)', () => {
    const [f] = runCheck(levelMismatch, docWith('效益指标; 服务对象满意度指标'));
    expect(f?.severity).toBe('warning');
  });

  it('finds a code that contradicts its own name', () => {
    const [f] = runCheck(levelMismatch, docWith('2-效益指标; 31-社会效益'));
    expect(f?.message).toContain('编码与名称不一致');
  });
});
