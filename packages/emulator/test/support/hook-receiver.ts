import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'qs';

/** One POST a handler received: the raw form body and its PHP-style parse. */
export interface ReceivedCall {
  path: string;
  contentType: string;
  raw: string;
  form: Record<string, unknown>;
}

/**
 * A local HTTP endpoint standing in for an application's install URL or event handler.
 * `status` decides what it answers (e.g. 500 to prove events are not retried).
 */
export interface HookReceiver {
  url: string;
  calls: ReceivedCall[];
  status: number;
  close(): Promise<void>;
}

export async function startHookReceiver(): Promise<HookReceiver> {
  const calls: ReceivedCall[] = [];
  const receiver = { url: '', calls, status: 200, close: async () => {} };

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      calls.push({
        path: request.url ?? '/',
        contentType: String(request.headers['content-type'] ?? ''),
        raw,
        form: parse(raw) as Record<string, unknown>,
      });
      response.writeHead(receiver.status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}
