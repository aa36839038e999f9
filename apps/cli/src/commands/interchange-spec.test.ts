/**
 * Issue 10 item 6, "the interchange.md example goes through parse, review and score": the commands run in-process
 * (their `run` on an io that collects stdout) on fixtures/interchange — the spec's example as shown, and the same document as a
 * project self-evaluation with the fields the spec names for one.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Command } from '../command';
import { CliError, EXIT_BAD_INPUT } from '../output';
import { memoryIo } from '../testing/run-cli';
import { parseCommand } from './parse';
import { reviewCommand } from './review';
import { scoreCommand } from './score';

const FIXTURES = fileURLToPath(new URL('../../../../fixtures/interchange/', import.meta.url));
const SPEC = `${FIXTURES}spec-example.json`;
const SELF_EVALUATION = `${FIXTURES}spec-example-self-evaluation.json`;

/** Runs a command as main does and returns the JSON it printed. */
async function run(command: Command, file: string): Promise<Record<string, unknown>> {
  const { io, stdout } = memoryIo();
  await command.run({ positionals: [file], values: {} }, io);
  return JSON.parse(stdout()) as Record<string, unknown>;
}

describe('the interchange.md example through the CLI', () => {
  it('jixiao parse prints it back with what was derived (target kinds, the problem code) and nothing else added', async () => {
    const doc = (await run(parseCommand, SPEC)) as { units: Array<{ projects: Array<{ indicators: Array<{ annualTarget: unknown }> }> }>; problems: unknown[]; source: unknown };
    expect(doc.units[0]!.projects[0]!.indicators[0]!.annualTarget).toEqual({ text: '100%', op: '=', value: 100, unit: '%', kind: 'quantitative' });
    expect(doc.problems).toEqual([{ severity: 'warning', code: 'reported', message: '…', location: { unit: '…', project: '…', line: 12 } }]);
    expect(doc.source).toMatchObject({ file: 'spec-example.json' });
  });

  it('jixiao review runs the checks on it: the excerpt lacks 效益/满意度 and its totals do not reconcile', async () => {
    const out = (await run(reviewCommand, SPEC)) as { document: { kind: string }; findings: Array<{ check: string; evidence: string }>; review: { rule: string; conclusion: string } };
    expect(out.document.kind).toBe('project-targets');
    expect(out.findings.map((f) => f.check)).toEqual(expect.arrayContaining(['missing-level1', 'too-few-indicators', 'sum-mismatch']));
    // 16.56 is the only project of a unit stated as 3,111.77: the example is an excerpt, and the review says so.
    expect(out.findings.find((f) => f.check === 'sum-mismatch')?.evidence).toBe('16.56 = 16.56；合计 3,111.77');
    expect(out.review.rule).toBe('cn-target-review@2');
    expect(out.review.conclusion).toMatch(/^[优良中差]$/);
  });

  it('jixiao score: the targets document is told apart (exit 2, not a read error); its self-evaluation is scored', async () => {
    const refused = await scoreCommand.run({ positionals: [SPEC], values: {} }, memoryIo().io).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CliError);
    expect(refused).toMatchObject({ exitCode: EXIT_BAD_INPUT, message: expect.stringContaining('不是自评文档') });
    const scored = (await run(scoreCommand, SELF_EVALUATION)) as { document: { kind: string }; projects: Array<{ project: string; score: unknown }> };
    expect(scored.document.kind).toBe('project-self-evaluation');
    expect(scored.projects.map((p) => p.project)).toEqual(['街消毒站病媒生物防治专职人员补贴']);
    const score = scored.projects[0]!.score as { execution: { rate: number; score: number }; lines: Array<{ result: { score: number } }>; differences: Array<{ stated: number; computed: number }> };
    // 全年执行数 16.2 of 16.56 → 97.83%; 98% of a 100% target → 9.8 of 10, beside the 9 the document states.
    expect(score.execution).toMatchObject({ rate: 97.83, score: 9.78 });
    expect(score.lines[0]!.result.score).toBe(9.8);
    expect(score.differences).toMatchObject([{ stated: 9, computed: 9.8 }]);
  });
});
