/** The `jixiao` process (bin/jixiao.js): runJixiao on the process's arguments, streams and environment. */
import { runJixiao } from './run';

process.exitCode = await runJixiao(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
