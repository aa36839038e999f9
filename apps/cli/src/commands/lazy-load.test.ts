/**
 * Commands are loaded lazily (decision 022): `jixiao --help` loads no command module, `jixiao NAME --help` only
 * NAME's. Each command module is wrapped so that loading it is recorded.
 */
import { describe, expect, it, vi } from 'vitest';

const { loaded, recorded } = vi.hoisted(() => {
  const names: string[] = [];
  const wrap = (name: string) => async (importOriginal: () => Promise<unknown>) => {
    names.push(name);
    return importOriginal();
  };
  return { loaded: names, recorded: wrap };
});
vi.mock('./parse', recorded('parse'));
vi.mock('./review', recorded('review'));
vi.mock('./score', recorded('score'));
vi.mock('./import', recorded('import'));
vi.mock('./export', recorded('export'));
vi.mock('./serve', recorded('serve'));
vi.mock('./template', recorded('template'));
vi.mock('./rules', recorded('rules'));
vi.mock('./actuals', recorded('actuals'));
vi.mock('./user', recorded('user'));
vi.mock('./audit', recorded('audit'));
vi.mock('./backup', recorded('backup'));
vi.mock('./restore', recorded('restore'));

describe('lazy commands', () => {
  it('the main help loads no command; one command’s help loads only that command', async () => {
    const { memoryIo } = await import('../testing/run-cli');
    const { runJixiao } = await import('../run');
    const { COMMANDS } = await import('./index');
    const main = memoryIo();
    expect(await runJixiao(['--help'], main.io)).toBe(0);
    expect(main.stdout()).toContain('backup');
    expect(loaded).toEqual([]);

    const one = memoryIo();
    expect(await runJixiao(['template', '--help'], one.io)).toBe(0);
    expect(one.stdout()).toContain('--kind VALUE');
    expect(loaded).toEqual(['template']);
    // Every command of the table is wrapped above, so a command added without a mock here fails this test.
    expect(COMMANDS.map((c) => c.name).sort()).toEqual(['actuals', 'audit', 'backup', 'export', 'import', 'parse', 'restore', 'review', 'rollover', 'rules', 'score', 'serve', 'template', 'user']);
  });
});
