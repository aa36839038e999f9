/**
 * The worker side of `readDocumentInWorker`: reads each file it is sent with `readDocument` and posts the result
 * back. The result is plain data (documents, problems, ReadErrors are plain objects), so it survives the structured
 * clone unchanged.
 */
import { parentPort } from 'node:worker_threads';
import type { ReadLimits } from './limits';
import { readDocument, type ReadResult } from './read-document';

export interface ReadRequest {
  id: number;
  fileName: string;
  bytes: Uint8Array;
  limits: ReadLimits;
}

export interface ReadReply {
  id: number;
  result: ReadResult;
}

parentPort?.on('message', (request: ReadRequest) => {
  void readDocument({ fileName: request.fileName, bytes: request.bytes }, request.limits).then((result) => {
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread's port, not a window
    parentPort?.postMessage({ id: request.id, result } satisfies ReadReply);
  });
});
