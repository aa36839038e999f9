/**
 * What a `jixiao` invocation reads and writes besides files and the database: given by bin/jixiao.js's main.ts
 * (the process's own streams and environment) or by a test running the CLI in-process (strings it collects).
 * Commands touch only this, never `process.stdout`, `process.env` or `process.stdin`, so one process can run many
 * invocations, each with its own environment and output.
 */
import type { Readable } from 'node:stream';
import type { CliChange } from './cli-change';

export interface TextSink {
  write(text: string): unknown;
  /** True on a terminal: `jixiao import DIR` then redraws one progress line instead of printing a line per file. */
  isTTY?: boolean;
}

/** Standard input; on a terminal (`isTTY`) `setRawMode` lets a password be typed without being shown. */
export type CliStdin = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  stdin: CliStdin;
  /** The environment the command reads (DATABASE_URL, JIXIAO_DATA_DIR, PORT, …). */
  env: Readonly<Record<string, string | undefined>>;
}

/** What a command runs with: the invocation's io and who makes its changes (one ChangeContext per invocation). */
export interface CommandIo extends CliIo {
  change: CliChange;
}
