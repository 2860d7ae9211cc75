import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendJson } from '../../src/http/http-answer.js';

/** A real server answering every request with `body` through sendJson. */
async function serve(body: unknown, sent: Array<Promise<void>>): Promise<Server> {
  const server = createServer((_request, response) => {
    sent.push(sendJson(response, 200, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const bigBody = {
  result: Array.from({ length: 60_000 }, (_, id) => ({ ID: String(id), TEXT: 'ж'.repeat(300) })),
};

describe('sendJson over a real socket', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('waits for a client that does not read, and lets go when it leaves', async () => {
    const sent: Array<Promise<void>> = [];
    server = await serve(bigBody, sent);
    const { port } = server.address() as AddressInfo;

    const socket = connect(port, '127.0.0.1');
    socket.pause();
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 300));

    let finished = false;
    void sent[0]?.then(() => {
      finished = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(finished).toBe(false);

    socket.destroy();
    await expect(sent[0]).resolves.toBeUndefined();

    const again = await fetch(`http://127.0.0.1:${port}/`);
    const text = await again.text();
    expect(JSON.parse(text).result).toHaveLength(60_000);
  });
});
