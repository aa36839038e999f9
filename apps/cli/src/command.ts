import type { ParseArgsConfig } from 'node:util';

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
  run(input: CommandInput): Promise<void>;
}
