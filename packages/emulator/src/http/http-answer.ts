import type { ServerResponse } from 'node:http';
import type { ByteString } from './byte-string.js';
import { jsonChunks, type SerializedForm } from './json-chunks.js';

/**
 * Sends a JSON answer with its Content-Length, in chunks of about 64 KB, each written
 * once the socket has taken the one before. Resolves when the last chunk is handed
 * over or the client went away; never rejects.
 */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  serialized?: SerializedForm,
): Promise<void> {
  const chunks = jsonChunks(body, serialized);
  // Byte strings: one character is one byte.
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': length,
  });

  if (chunks.length <= 1) {
    response.end(chunks[0] ?? '', 'latin1');
    return Promise.resolve();
  }
  return writeChunks(response, chunks);
}

async function writeChunks(response: ServerResponse, chunks: ByteString[]): Promise<void> {
  for (const chunk of chunks) {
    if (response.destroyed) return;
    if (!response.write(chunk, 'latin1')) await drained(response);
  }
  response.end();
}

function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

export function sendRedirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { location, 'content-length': 0 });
  response.end();
}

export function sendText(
  response: ServerResponse,
  status: number,
  contentType: string,
  text: string,
): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
