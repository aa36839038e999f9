/**
 * Starts jixiao's HTTP server: opens (and migrates) the store, seeds the demo data on first run, serves the API and
 * the web app, and on SIGTERM/SIGINT stops accepting requests, closes the store and lets the process end.
 */
import type { AddressInfo } from 'node:net';
import { hostname as machineName } from 'node:os';
import { serve } from '@hono/node-server';
import { startJobRunner } from '@jixiao/services';
import { startControlSocket, type PostgresSettings } from '@jixiao/store';
import { createApp } from './app';
import { openContext } from './context';
import { DEFAULT_WEB_DIR } from './http/static';

export interface StartServerOptions {
  port: number;
  /** Interface to listen on (default 127.0.0.1; set HOST=0.0.0.0 to share on a network, behind HTTPS — decision 010). */
  hostname?: string;
  dataDir?: string;
  databaseUrl?: string;
  /** PostgreSQL pool size and statement timeout (config.ts). */
  postgres?: PostgresSettings;
  seedsDir?: string;
  /** Seed the demo documents into an empty database and keep the demo accounts (default true). */
  demo?: boolean;
  /** Always mark the session cookie Secure / trust X-Forwarded-For (decision 010). */
  secureCookies?: boolean;
  trustProxy?: boolean;
  webDir?: string;
  /** Stop cleanly on SIGTERM/SIGINT (default true). */
  handleSignals?: boolean;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting connections, ends open ones, closes the store. Safe to call twice. */
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const ctx = await openContext({
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    ...(options.databaseUrl !== undefined ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.postgres !== undefined ? { postgres: options.postgres } : {}),
    ...(options.seedsDir !== undefined ? { seedsDir: options.seedsDir } : {}),
    demo: options.demo ?? true,
    ...(options.secureCookies !== undefined ? { secureCookies: options.secureCookies } : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  });
  // Imports started over HTTP are run here, one at a time, off the request path; with several servers on one
  // PostgreSQL each runs one and the store lets only one take a job (decision 023).
  const jobs = startJobRunner(
    { store: ctx.store },
    { runner: `${machineName()}:${process.pid}`, logError: (e, job) => console.error(`任务 ${job.id}（${job.title}）出错：`, e) },
  );
  ctx.wakeJobRunner = jobs.wake;
  const app = createApp(ctx, { webDir: options.webDir ?? DEFAULT_WEB_DIR });
  const hostname = options.hostname ?? '127.0.0.1';

  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port, hostname }, () => resolve(s));
      s.once('error', reject);
      // Keep idle connections longer than the clients and proxies in front of us do (Node's default is 5 s): a
      // client reusing a connection at the moment the server drops it gets "socket hang up" — seen once in a journey.
      if ('keepAliveTimeout' in s) {
        s.keepAliveTimeout = 65_000;
        s.headersTimeout = 66_000;
      }
    });
  } catch (e) {
    await jobs.stop(0);
    await ctx.store.close();
    throw e;
  }
  // PGlite: `jixiao backup` cannot open the locked data dir, so it asks through <dataDir>/control.sock.
  const control = options.databaseUrl ? undefined : await startControlSocket(ctx.store, options.dataDir, log);
  const port = (server.address() as AddressInfo).port;
  const shownHost = hostname === '0.0.0.0' || hostname === '::' || hostname === '127.0.0.1' ? 'localhost' : hostname;
  const url = `http://${shownHost}:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        // Browsers keep connections open; give running requests a moment, then end them.
        setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, 2000).unref();
      });
      await control?.close();
      await jobs.stop();
      await ctx.store.close();
    })();
    return closing;
  };

  if (options.handleSignals ?? true) {
    const onSignal = (signal: NodeJS.Signals) => {
      log(`收到 ${signal}，正在停止 jixiao…`);
      close().then(
        () => {
          log('jixiao 已停止。');
          process.exit(0);
        },
        (e: unknown) => {
          console.error(e);
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }

  const seed = ctx.seedReport;
  if (seed?.seeded) {
    log(`示例数据：已导入 ${seed.imported.length} 份文档${seed.skipped.length ? `，跳过 ${seed.skipped.length} 份无法读取的：${seed.skipped.map((s) => s.fileName).join('、')}` : ''}`);
  }
  const where = options.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${options.dataDir ?? '(内存)'}`;
  log(`jixiao 已启动：${url}  （数据库：${where}）`);
  return { url, port, close };
}
