/**
 * `jixiao` — the command line (interchange.md), runnable in-process: `runJixiao(argv, io)` dispatches to one file per
 * command under commands/, prints help, and turns failures into one line on `io.stderr`, returning the exit code
 * 0 / 1 / 2. main.ts runs it on the process; the CLI tests run it directly (testing/run-cli.ts).
 */
import { parseArgs } from 'node:util';
import type { Command } from './command';
import { parseCommand } from './commands/parse';
import { reviewCommand } from './commands/review';
import { scoreCommand } from './commands/score';
import { importCommand } from './commands/import';
import { exportCommand } from './commands/export';
import { templateCommand } from './commands/template';
import { serveCommand } from './commands/serve';
import { rulesCommand } from './commands/rules';
import { actualsCommand } from './commands/actuals';
import { userCommand } from './commands/user';
import { backupCommand } from './commands/backup';
import { restoreCommand } from './commands/restore';
import { auditCommand } from './commands/audit';
import { cliChangeFor } from './cli-change';
import type { CliIo } from './io';
import { CliError, EXIT_FAILURE, EXIT_OK } from './output';

const COMMANDS: Command[] = [parseCommand, reviewCommand, scoreCommand, importCommand, exportCommand, serveCommand, templateCommand, rulesCommand, actualsCommand, userCommand, auditCommand, backupCommand, restoreCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'jixiao — 预算绩效管理 (budget performance management)',
    '',
    '用法 (usage): jixiao <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '每个命令都有 --help。退出码：0 成功，2 输入文件无法读取，1 其他错误。',
  ].join('\n');
}

function commandHelp(c: Command): string {
  const opts = Object.entries(c.options).map(([name, o]) => `  --${name}${o.type === 'string' ? ' VALUE' : ''}`);
  return [`用法 (usage): ${c.usage}`, '', c.summary, '', ...c.help, ...(opts.length ? ['', '选项 (options):', ...opts] : []), '  --help'].join('\n');
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${mainHelp()}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new CliError(`未知命令 (unknown command): ${name}\n${mainHelp()}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${commandHelp(command)}\n`);
    return EXIT_OK;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${e instanceof Error ? e.message : String(e)}\n用法 (usage): ${command.usage}`);
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
