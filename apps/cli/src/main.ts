/** The `jixiao` process (bin/jixiao.js): runJixiao on the process's arguments, streams and environment. */
import { runJixiao } from './run';

// `jixiao parse … | head`: the reader went away, which is not the command's failure; stop quietly as other tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await runJixiao(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
