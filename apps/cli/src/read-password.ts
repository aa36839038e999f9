/**
 * A password for `jixiao user`: from standard input (`--password-stdin`, for scripts: `echo … | jixiao user …`), or
 * typed at a prompt on a terminal without being shown. Never from a command-line argument (it would end up in the
 * shell history and the process list).
 */
import type { CliIo, CliStdin } from './io';
import { CliError, EXIT_BAD_INPUT } from './output';

async function readStdin(stdin: CliStdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function prompt(io: CliIo, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { stdin, stderr } = io;
    const setRawMode = (raw: boolean) => stdin.setRawMode?.(raw);
    stderr.write(question);
    setRawMode(true);
    stdin.resume();
    let typed = '';
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          stderr.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          setRawMode(false);
          reject(new CliError('已取消 (cancelled)', EXIT_BAD_INPUT));
          return;
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export async function readPassword(io: CliIo, fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin(io.stdin);
  if (!io.stdin.isTTY) throw new CliError('请在终端中输入密码，或用 --password-stdin 从标准输入读取 (no terminal: use --password-stdin)', EXIT_BAD_INPUT);
  const first = await prompt(io, '密码 (password): ');
  const again = await prompt(io, '再输入一次 (again): ');
  if (first !== again) throw new CliError('两次输入的密码不一致 (passwords differ)', EXIT_BAD_INPUT);
  return first;
}
