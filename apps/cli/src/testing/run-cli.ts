/**
 * What the CLI tests share: `jixiao ARGS` with its exit code and output captured, on a temp JIXIAO_DATA_DIR that a
 * describe block makes before its tests and removes after. `jixiao` runs the CLI in-process (`runJixiao`, run.ts:
 * the same dispatch, error lines and exit codes as the real command, each run opening and closing its own store),
 * which spares a node start and the loading of every module per run, and a data dir it makes starts as a copy of
 * the migrated PGlite template (decision 017); `jixiaoProcess` runs the real
 * `node apps/cli/bin/jixiao.js`, for the few tests that check the process wrapper itself.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { approveTargetsForTest } from '@jixiao/services/testing';
import { openStore, pgliteTemplate } from '@jixiao/store';
import { afterAll, beforeAll } from 'vitest';
import { cliChangeFor } from '../cli-change';
import type { CliIo, CommandIo } from '../io';
import { runJixiao } from '../run';

const BIN = resolve(fileURLToPath(new URL('../../bin/jixiao.js', import.meta.url)));

/** fixtures/seeds. */
export const SEEDS = resolve(fileURLToPath(new URL('../../../../fixtures/seeds', import.meta.url)));
/** Seed 002 (金花街道's project target table). */
export const SEED_002 = join(SEEDS, '002_71a78aaa1661d207.pages-1-5.txt');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `env` over the test's environment, DATABASE_URL left out (so it is PGlite in the data dir). */
function cliEnv(env: Record<string, string>): Record<string, string | undefined> {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, ...env };
}

const asText = (chunk: string | Uint8Array) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));

/** An io whose output is collected as text; `stdin`, when given, is its standard input, which is otherwise empty. */
export function memoryIo(env: Record<string, string> = {}, stdin?: string): { io: CommandIo; stdout(): string; stderr(): string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (chunk: string | Uint8Array) => (stdout += asText(chunk)) },
    stderr: { write: (chunk: string | Uint8Array) => (stderr += asText(chunk)) },
    stdin: Readable.from(stdin === undefined ? [] : [Buffer.from(stdin, 'utf8')]),
    env: cliEnv(env),
  };
  return { io: { ...io, change: cliChangeFor() }, stdout: () => stdout, stderr: () => stderr };
}

/**
 * Runs `jixiao ARGS` in this process with `env` over the test's environment (DATABASE_URL left out, so it is
 * PGlite in the data dir); `stdin`, when given, is its standard input, which is otherwise empty.
 */
export async function jixiao(args: string[], env: Record<string, string>, stdin?: string): Promise<CliRun> {
  // A data dir the run makes starts as a copy of the migrated template rather than an initdb plus every migration.
  const run = memoryIo({ JIXIAO_TEST_PGLITE_TEMPLATE: await pgliteTemplate(), ...env }, stdin);
  const code = await runJixiao(args, run.io);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** Runs `jixiao ARGS` as a user runs it: a real `node apps/cli/bin/jixiao.js` process (environment as `jixiao`). */
export function jixiaoProcess(args: string[], env: Record<string, string>, stdin?: string): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cliEnv(env), stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

export interface CliSandbox {
  /** The temp dir (for the files a test writes and reads). */
  readonly dir: string;
  /** `<dir>/data`, not created until the CLI stores something. */
  readonly dataDir: string;
  /** `{ JIXIAO_DATA_DIR: dataDir }`. */
  readonly env: Record<string, string>;
  /** `jixiao ARGS` on this data dir. */
  run(args: string[], stdin?: string): Promise<CliRun>;
}

/**
 * A temp dir `<prefix>XXXXXX` for the enclosing describe block, made before its tests and removed after them.
 * `defaultStdin`, when given, goes to the standard input of every run not given one (a pipe rather than none).
 */
export function useCliSandbox(prefix: string, defaultStdin?: string): CliSandbox {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const made = () => {
    if (dir === undefined) throw new Error('useCliSandbox: the temp dir is made before the tests run');
    return dir;
  };
  return {
    get dir() {
      return made();
    },
    get dataDir() {
      return join(made(), 'data');
    },
    get env() {
      return { JIXIAO_DATA_DIR: join(made(), 'data') };
    },
    run(args, stdin = defaultStdin) {
      return jixiao(args, { JIXIAO_DATA_DIR: join(made(), 'data') }, stdin);
    },
  };
}

/**
 * Approves a target document in a CLI data dir through the real workflow (the CLI has no workflow commands: targets
 * are submitted and approved in the web app), so `actuals start` and `rollover` may use it.
 */
export async function approveTargetsIn(dataDir: string, documentId: number): Promise<void> {
  const store = await openStore({ dataDir });
  try {
    await approveTargetsForTest({ store }, documentId);
  } finally {
    await store.close();
  }
}
