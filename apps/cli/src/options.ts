/** Reading option values the same way in every command (decision 022). */
import { CliError, EXIT_BAD_INPUT } from './output';

/** `--name N`: a positive whole number, or undefined when the option is absent; anything else is refused with exit 2. */
export function positiveInt(name: string, value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < 1) throw new CliError(`--${name} ${String(value)}: 应为正整数 (expected a positive integer)`, EXIT_BAD_INPUT);
  return Number(value);
}
