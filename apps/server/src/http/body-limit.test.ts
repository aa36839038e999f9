/**
 * Request bodies are limited by route before they are read (issue 9 item 6), over a real socket: a 30 MB JSON body
 * is refused with 413 whether it declares its length or streams without one, while the server keeps answering.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../serve';
import { MAX_JSON_BODY_BYTES } from './body-limit';

let dataDir: string;
let running: RunningServer;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jixiao-body-limit-'));
  running = await startServer({ port: 0, dataDir, demo: false, handleSignals: false, log: () => {} });
});

afterAll(async () => {
  await running?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sends `chunks` (with or without Content-Length) and answers the status and how many bytes the server took. */
function send(path: string, method: string, size: number, declareLength: boolean): Promise<{ status: number; body: string }> {
  const url = new URL(path, running.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method, headers: { 'Content-Type': 'application/json', ...(declareLength ? { 'Content-Length': String(size) } : {}) } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // The server may answer and close before the whole body is sent: that is the point.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

/** Declares a body of `length` bytes, sends none of it, and answers the status line's code: what the server decides unread. */
function statusBeforeBody(path: string, method: string, length: number): Promise<number> {
  const url = new URL(path, running.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(`${method} ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/octet-stream\r\nContent-Length: ${length}\r\n\r\n`);
    });
    let head = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      head += d;
      const status = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (status) {
        socket.destroy();
        resolve(Number(status[1]));
      }
    });
    socket.on('error', reject);
  });
}

describe('request body limits', () => {
  it('refuses a 30 MB JSON body on an ordinary JSON route with 413, declared or streamed', async () => {
    for (const declareLength of [true, false]) {
      const res = await send('/api/documents/1/review/decisions', 'POST', 30 * 1024 * 1024, declareLength);
      expect({ declareLength, status: res.status }).toEqual({ declareLength, status: 413 });
      expect(res.body).toContain('请求内容超过');
    }
    const health = await fetch(`${running.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it('lets a JSON body under the limit reach the route (which answers for itself), and sign-in too', async () => {
    const small = await send('/api/session', 'POST', 1024, true);
    expect(small.status).not.toBe(413);
    const over = await send('/api/session', 'POST', MAX_JSON_BODY_BYTES + 1, true);
    expect(over.status).toBe(413);
  });

  it('gives uploads the file limit, not the JSON limit', async () => {
    // 4 MB passes the limiter and is refused later (not signed in), not for its size; 40 MB is refused unread.
    expect(await statusBeforeBody('/api/documents', 'POST', 4 * 1024 * 1024)).toBe(401);
    expect(await statusBeforeBody('/api/documents', 'POST', 40 * 1024 * 1024)).toBe(413);
    expect(await statusBeforeBody('/api/documents/1/review/decisions', 'POST', 30 * 1024 * 1024)).toBe(413);
  });
});
