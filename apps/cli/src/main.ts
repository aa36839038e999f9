/**
 * `jixiao` — the command line (interchange.md). One file per command under commands/; this file only dispatches,
 * prints help, and turns failures into one line on stderr with the exit codes 0 / 1 / 2.
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

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${mainHelp()}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new CliError(`未知命令 (unknown command): ${name}\n${mainHelp()}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${commandHelp(command)}\n`);
    return EXIT_OK;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${e instanceof Error ? e.message : String(e)}\n用法 (usage): ${command.usage}`);
  }
  await command.run({ positionals: parsed.positionals, values: parsed.values as Record<string, string | boolean | undefined> });
  return EXIT_OK;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof CliError) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = e.exitCode;
    } else {
      // An unexpected failure is a bug: one line for the person, the details only when asked for.
      const message = e instanceof Error ? e.message : String(e);
      process.stderr.write(`jixiao: 出错了 (error): ${message}\n`);
      if (process.env.JIXIAO_DEBUG) console.error(e);
      process.exitCode = EXIT_FAILURE;
    }
  },
);
