import type { ServerResponse } from 'node:http';
import type { ByteString } from './byte-string.js';
import { jsonChunks, type SerializedForm } from './json-chunks.js';

/**
 * Sends a JSON answer. One that fits in a chunk (64 KB) goes at once with its
 * Content-Length; a larger one goes chunked (`Transfer-Encoding: chunked`, as a portal
 * behind nginx sends a long answer), each chunk encoded once the socket has taken the
 * one before. Resolves when the last chunk is handed over or the client went away;
 * never rejects.
 */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  serialized?: SerializedForm,
): Promise<void> {
  const chunks = jsonChunks(body, serialized);
  const first = chunks.next();
  const second = chunks.next();
  const contentType = 'application/json; charset=utf-8';

  if (second.done) {
    const text = first.done ? '' : first.value;
    // A byte string: one character is one byte.
    response.writeHead(status, { 'content-type': contentType, 'content-length': text.length });
    response.end(text, 'latin1');
    return Promise.resolve();
  }

  response.writeHead(status, { 'content-type': contentType });
  return writeChunks(response, [first.value as ByteString, second.value], chunks);
}

async function writeChunks(
  response: ServerResponse,
  taken: ByteString[],
  rest: Iterator<ByteString>,
): Promise<void> {
  try {
    for (const chunk of taken) if (!(await written(response, chunk))) return;
    for (let next = rest.next(); !next.done; next = rest.next()) {
      if (!(await written(response, next.value))) return;
    }
    response.end();
  } catch (error) {
    // The status line is out: a broken answer can only be cut short.
    response.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * How much may wait in the socket's buffer before encoding pauses: a few chunks, so
 * that a fast client is not slowed by a pause after every 64 KB.
 */
const BUFFERED_BYTES = 512 * 1024;

/** False once the client has gone away. */
async function written(response: ServerResponse, chunk: ByteString): Promise<boolean> {
  if (response.destroyed) return false;
  response.write(chunk, 'latin1');
  // Past the socket's own mark `write` has asked for a pause, so 'drain' follows.
  if (response.writableLength > BUFFERED_BYTES) await drained(response);
  return !response.destroyed;
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
