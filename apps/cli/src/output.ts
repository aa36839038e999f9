import type { TextSink } from './io';

/** Exit codes of interchange.md: 0 done (warnings included), 1 anything else, 2 input we cannot read. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** A failure the command has already explained; main prints `message` as one line and exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
  }
}

export function printJson(io: { stdout: TextSink }, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
