/**
 * `jixiao` — the command line (interchange.md), runnable in-process: `runJixiao(argv, io)` dispatches to one file per
 * command under commands/, loaded only when that command runs (the table in commands/index.ts), prints help, and
 * turns failures into one line on `io.stderr`, returning the exit code 0 / 1 / 2. main.ts runs it on the process;
 * the CLI tests run it directly (testing/run-cli.ts). Conventions (decision 022): every option described in
 * `--help`; an unknown command or option refused in Chinese and English with exit 2.
 */
import { parseArgs } from 'node:util';
import type { Command } from './command';
import { COMMANDS, type CommandEntry } from './commands/index';
import { cliChangeFor } from './cli-change';
import type { CliIo } from './io';
import { CliError, EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK } from './output';

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'jixiao — 预算绩效管理 (budget performance management)',
    '',
    '用法 (usage): jixiao <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '每个命令都有 --help，列出它的全部选项。',
    '退出码：0 成功，2 输入有误（文件无法读取、未知命令或选项、参数不对），1 其他错误。',
  ].join('\n');
}

const HELP_OPTION = { name: 'help', type: 'boolean', describe: '显示本帮助 (show this help)' } as const;

/** `--name VALUE  description` per option, aligned, `--help` last. */
function optionLines(c: Command): string[] {
  const rows = [...Object.entries(c.options).map(([name, o]) => ({ name, ...o })), HELP_OPTION].map((o) => ({ flag: `--${o.name}${o.type === 'string' ? ' VALUE' : ''}`, describe: o.describe }));
  const width = Math.max(...rows.map((r) => r.flag.length));
  return rows.map((r) => `  ${r.flag.padEnd(width)}  ${r.describe}`);
}

export function commandHelp(entry: CommandEntry, c: Command): string {
  return [`用法 (usage): ${c.usage}`, '', entry.summary, '', ...c.help, '', '选项 (options):', ...optionLines(c)].join('\n');
}

/** The option a parseArgs message names (`Unknown option '--foo'`, `Option '--year <value>' argument missing`). */
function namedOption(message: string): string {
  const quoted = /'(-[^' ]+)/.exec(message);
  return quoted?.[1] ?? '';
}

/** A parseArgs refusal as one Chinese line naming the option, the English, and the usage (exit 2). */
function refusal(e: unknown, c: Command): CliError {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = namedOption(message);
  let line: string;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') line = `未知选项 ${option}（jixiao ${c.name} --help 列出全部选项） (unknown option ${option})`;
  else if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing/.test(message)) line = `选项 ${option} 需要一个值 (option ${option} needs a value)`;
  else if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') line = `选项 ${option} 不带值 (option ${option} takes no value)`;
  else if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') line = `jixiao ${c.name} 不接受参数 ${/'([^']*)'/.exec(message)?.[1] ?? ''} (unexpected argument)`;
  else line = `参数有误 (invalid arguments): ${message}`;
  return new CliError(`${line}\n用法 (usage): ${c.usage}`, EXIT_BAD_INPUT);
}

/** The parseArgs options of a command: its own without the descriptions. */
function parseOptions(c: Command): NonNullable<Parameters<typeof parseArgs>[0]>['options'] {
  return Object.fromEntries(Object.entries(c.options).map(([name, o]) => [name, { type: o.type }]));
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${mainHelp()}\n`);
    return EXIT_OK;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) throw new CliError(`未知命令 (unknown command): ${name}\n${mainHelp()}`, EXIT_BAD_INPUT);
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${commandHelp(entry, command)}\n`);
    return EXIT_OK;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: parseOptions(command), allowPositionals: command.positionals !== false, strict: true });
  } catch (e) {
    throw refusal(e, command);
  }
  await command.run({ positionals: parsed.positionals, values: parsed.values as Record<string, string | boolean | undefined> }, { ...io, change: cliChangeFor() });
  return EXIT_OK;
}

/** Runs `jixiao ARGV` on `io` and returns its exit code; never throws. (`serve` returns once the server listens.) */
export async function runJixiao(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`${e.message}\n`);
      return e.exitCode;
    }
    // An unexpected failure is a bug: one line for the person, the details only when asked for.
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`jixiao: 出错了 (error): ${message}\n`);
    if (io.env.JIXIAO_DEBUG) io.stderr.write(`${e instanceof Error ? (e.stack ?? message) : message}\n`);
    return EXIT_FAILURE;
  }
}
