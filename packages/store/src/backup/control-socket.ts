/**
 * The running server's backup door for PGlite: the data dir is locked by `jixiao serve`, so `jixiao backup` cannot
 * open it, and a consistent copy must come through the server's own connection. The server listens on
 * `<dataDir>/control.sock` (mode 0600; whoever reaches it can already read the data dir) and answers the one
 * request `backup\n` with the gzipped dump (dump.ts) on the same connection.
 */
import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { OpenedStore, Store } from '../open-store';
import { dumpDatabase } from './dump';

export const CONTROL_SOCKET = 'control.sock';

export const controlSocketPath = (dataDir: string): string => join(resolve(dataDir), CONTROL_SOCKET);

export interface ControlSocket {
  path: string;
  close(): Promise<void>;
}

/** Listens on the data dir's control socket; undefined for a store without a PGlite data dir. */
export async function startControlSocket(store: Store, dataDir: string | undefined, log: (line: string) => void = () => {}): Promise<ControlSocket | undefined> {
  const db = (store as Partial<OpenedStore>).db;
  if (store.kind !== 'pglite' || !db) return undefined;
  const path = controlSocketPath(dataDir ?? './data');
  // We hold the data-dir lock, so a socket file left here is a dead server's.
  if (existsSync(path)) unlinkSync(path);
  const server: Server = createServer((socket) => {
    socket.once('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').trim() !== 'backup') {
        socket.end('unknown request\n');
        return;
      }
      const gzip = createGzip();
      const sent = pipeline(gzip, socket);
      dumpDatabase({ db, kind: store.kind }, gzip).then(
        () => gzip.end(),
        (e: unknown) => {
          log(`备份失败：${e instanceof Error ? e.message : String(e)}`);
          // Cut the stream: the client's check of the file refuses it.
          gzip.destroy(e instanceof Error ? e : new Error(String(e)));
        },
      );
      sent.catch(() => {});
    });
    socket.on('error', () => {});
  });
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(path, () => done());
    });
    chmodSync(path, 0o600);
  } catch (e) {
    log(`无法在 ${path} 上提供备份接口（${e instanceof Error ? e.message : String(e)}）；jixiao backup 需在停止服务后运行。`);
    return undefined;
  }
  return {
    path,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
      }),
  };
}

/** Asks the server holding `dataDir` for a backup, written (gzipped) to `out`. Rejects when no server answers. */
export function requestBackup(dataDir: string, out: Writable): Promise<void> {
  return new Promise((done, fail) => {
    const socket = createConnection(controlSocketPath(dataDir));
    socket.once('connect', () => {
      socket.write('backup\n');
      pipeline(socket, out).then(done, fail);
    });
    socket.once('error', fail);
  });
}
