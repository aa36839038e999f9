/** `jixiao parse` on hostile files: refused with exit 2 and one line, never a crash (exit 1). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '@jixiao/core/testing';
import { useCliSandbox } from '../testing/run-cli';

describe('jixiao parse on hostile files', () => {
  const cli = useCliSandbox('jixiao-parse-');

  beforeAll(() => {
    const doc = buildDocument({ department: '测试街道', year: 2024, projects: Array.from({ length: 24 }, (_, i) => buildProject({ name: `项目${i}` })) });
    const hostile = doc as unknown as { units: Array<{ projects: Array<{ indicators: unknown[] }> }> };
    for (const u of hostile.units) for (const p of u.projects) p.indicators = Array(20_000).fill(null);
    writeFileSync(join(cli.dir, 'nulls.json'), JSON.stringify(hostile));
  });

  it('refuses a .json whose projects each hold 20,000 null indicators: exit 2, one Chinese line', async () => {
    const run = await cli.run(['parse', join(cli.dir, 'nulls.json')]);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('nulls.json');
    expect(lines[0]).toContain('超过上限 2000 项');
  });
});
