import type { CommandIo } from './io';

export interface CommandInput {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** One option: its parseArgs type and the Chinese description `--help` prints beside it (decision 022). */
export interface CommandOption {
  type: 'string' | 'boolean';
  /** What the option does, in Chinese (an example value where it helps): every option has one, `--help` lists it. */
  describe: string;
}

/** One CLI command: its own file under commands/ (its one-line summary is in the table, commands/index.ts), its help, its options, its run. */
export interface Command {
  name: string;
  usage: string;
  help: string[];
  options: Record<string, CommandOption>;
  /** False for a command that takes no positional argument: one is refused by the parser (exit 2). Default true. */
  positionals?: boolean;
  /** Writes only to `io` and reads the environment and standard input only from it (in-process runs, run.ts). */
  run(input: CommandInput, io: CommandIo): Promise<void>;
}
