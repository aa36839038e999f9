/**
 * The CLI's one convention (decision 022), over the whole command table so a new command or option is held to it:
 * every option has a Chinese description that `--help` prints, and an unknown command, an unknown option, a missing
 * value or an extra argument is refused in Chinese and English with exit 2 and the usage.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao } from '../testing/run-cli';
import { COMMANDS } from './index';

describe('every command', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s: --help lists every option with its description', async (name, entry) => {
    const command = await entry.load();
    expect(command.name).toBe(name);
    const run = await jixiao([name, '--help'], {});
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain(entry.summary);
    const lines = run.stdout.split('\n');
    const optionsAt = lines.indexOf('选项 (options):');
    expect(optionsAt).toBeGreaterThan(0);
    const optionLines = lines.slice(optionsAt + 1);
    for (const [option, spec] of Object.entries(command.options)) {
      expect(spec.describe.trim(), `${name} --${option} has no description`).not.toBe('');
      // Chinese-first: the description is written for the person reading the help.
      expect(spec.describe, `${name} --${option}`).toMatch(/[\u4e00-\u9fff]/);
      const flag = `--${option}${spec.type === 'string' ? ' VALUE' : ''}`;
      const line = optionLines.find((l) => l.trimStart().startsWith(`${flag} `));
      expect(line, `${name} --help has no line for ${flag}`).toBeDefined();
      expect(line!.endsWith(`  ${spec.describe}`)).toBe(true);
    }
    expect(optionLines.some((l) => /^\s+--help\s+显示本帮助/.test(l))).toBe(true);
  });

  it('the main help lists every command with its summary', async () => {
    const run = await jixiao(['--help'], {});
    expect(run.code).toBe(0);
    for (const c of COMMANDS) expect(run.stdout).toContain(`  ${c.name.padEnd(8)}  ${c.summary}`);
  });
});

describe('refusals: Chinese and English, exit 2', () => {
  it('refuses an unknown command and shows the main help', async () => {
    const run = await jixiao(['frobnicate'], {});
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe('未知命令 (unknown command): frobnicate');
    expect(run.stderr).toContain('用法 (usage): jixiao <command> [options]');
  });

  it('refuses an unknown option, naming it, with the usage', async () => {
    const run = await jixiao(['import', 'x.txt', '--bogus'], {});
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toEqual(['未知选项 --bogus（jixiao import --help 列出全部选项） (unknown option --bogus)', expect.stringMatching(/^用法 \(usage\): jixiao import FILE\|DIR/), '']);
  });

  it('refuses a missing value, a value given to a switch and an argument a command does not take', async () => {
    const missing = await jixiao(['import', 'x.txt', '--year'], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('选项 --year 需要一个值 (option --year needs a value)');

    const switchValue = await jixiao(['audit', 'verify', '--json=yes'], {});
    expect(switchValue.code).toBe(2);
    expect(switchValue.stderr).toContain('选项 --json 不带值 (option --json takes no value)');

    const extra = await jixiao(['backup', 'extra', '--out', 'x.jixiao-backup'], {});
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('jixiao backup 不接受参数 extra (unexpected argument)');
    expect(extra.stderr).toContain('用法 (usage): jixiao backup --out FILE');
  });

  it('refuses the usage errors a command detects itself with exit 2 as well', async () => {
    const noFile = await jixiao(['parse'], {});
    expect(noFile).toMatchObject({ code: 2, stderr: '用法 (usage): jixiao parse FILE\n' });
    const noOut = await jixiao(['template', '--kind', 'project'], {});
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('用法 (usage): jixiao template');
  });
});

describe('--json where a person-readable result is printed', () => {
  it('template --json prints what it wrote as JSON instead of the Chinese line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-json-'));
    try {
      const out = join(dir, 'project.xlsx');
      const text = await jixiao(['template', '--kind', 'project', '--out', out], {});
      expect(text).toMatchObject({ code: 0, stdout: `已生成 (written): ${out}\n` });
      const json = await jixiao(['template', '--kind', 'department', '--out', out, '--example', '--json'], {});
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toEqual({ file: out, kind: 'department', example: true, unit: '万元' });
      expect(existsSync(out)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
