import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { parse } from 'qs';

/**
 * A request reduced to what the portal reads: the path, the PHP-style nested query
 * (`filter[>ID]=5&select[]=ID`) and the body, JSON or form-encoded.
 */
export interface IncomingCall {
  httpMethod: string;
  path: string;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

const MAX_BODY_BYTES = 50 * 1024 * 1024;

// PHP keeps any number of `select[]` entries; qs would turn more than 20 into an object.
const phpLikeQuery = { depth: 20, arrayLimit: 100_000, parameterLimit: 1_000_000 };

export function parsePhpQuery(text: string): Record<string, unknown> {
  return parse(text, phpLikeQuery) as Record<string, unknown>;
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string, contentType: string): Record<string, unknown> {
  if (text.trim() === '') return {};

  const looksJson = contentType.includes('json') || /^\s*[[{]/.test(text);
  if (looksJson) {
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    } catch {
      if (contentType.includes('json')) return {};
    }
  }
  return parsePhpQuery(text);
}

export async function readIncomingCall(request: IncomingMessage): Promise<IncomingCall> {
  const url = new URL(request.url ?? '/', 'http://emulator.local');
  const text = await readText(request);

  return {
    httpMethod: request.method ?? 'GET',
    path: url.pathname,
    query: parsePhpQuery(url.search.slice(1)),
    body: parseBody(text, String(request.headers['content-type'] ?? '')),
    headers: request.headers,
  };
}

/** Query and body merged; body values override query values. */
export function mergedParams(call: IncomingCall): Record<string, unknown> {
  return { ...call.query, ...call.body };
}
