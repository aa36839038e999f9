/** `jixiao export` takes exactly the contract's output formats: its usage names each once, and an unknown one is refused listing them all. */
import { OUTPUT_FORMAT_IDS } from '@jixiao/contract';
import { describe, expect, it } from 'vitest';
import type { CommandIo } from '../io';
import { CliError } from '../output';
import { exportCommand } from './export';

describe('jixiao export --format', () => {
  it('names every registry format in its usage and help, each once in the usage', () => {
    const named = [...exportCommand.usage.matchAll(/--format ([a-z|-]+)/g)].flatMap((m) => m[1]!.split('|'));
    expect([...new Set(named)].sort()).toEqual([...OUTPUT_FORMAT_IDS].sort());
    for (const id of OUTPUT_FORMAT_IDS) expect(exportCommand.help.some((line) => line.startsWith(`--format ${id} `))).toBe(true);
  });

  // Refused before anything is read or written, so the invocation's io is not needed.
  it('refuses a format outside the registry, listing the registry’s', async () => {
    const error = await Promise.resolve(exportCommand.run({ positionals: [], values: { format: 'pdf', document: '1' } }, {} as CommandIo)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toContain(`可用：${OUTPUT_FORMAT_IDS.join('、')}`);
  });
});
