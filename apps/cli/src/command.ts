import type { ParseArgsConfig } from 'node:util';
import type { CommandIo } from './io';

export interface CommandInput {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** One CLI command: its own file under commands/, its help, its options (node:util parseArgs), its run. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  help: string[];
  options: NonNullable<ParseArgsConfig['options']>;
  /** Writes only to `io` and reads the environment and standard input only from it (in-process runs, run.ts). */
  run(input: CommandInput, io: CommandIo): Promise<void>;
}
