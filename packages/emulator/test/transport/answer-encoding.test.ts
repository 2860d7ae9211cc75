import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator-harness.js';

interface RawReply {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

async function raw(url: string, body?: object): Promise<RawReply> {
  const response = await fetch(url, {
    method: body ? 'POST' : 'GET',
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString() };
}

const pageCommands = (pages: number) => {
  const cmd: Record<string, string> = {};
  for (let page = 0; page < pages; page++) {
    cmd[`page${page}`] = `crm.deal.list?select[]=*&select[]=UF_*&start=${page * 50}`;
  }
  return { halt: 0, cmd };
};

// Answers are written in chunks, list rows from a cache of rows already answered
// (src/http/json-chunks.ts, src/state/list-row-cache.ts). A client must see what a
// portal sends: one JSON document in UTF-8
// (settings/how-to-call-rest-api/general-principles.md: "the result in JSON").
describe('answer encoding', () => {
  const emulator = useEmulator();

  it('sends an answer larger than a chunk chunked, as canonical JSON', async () => {
    const { webhookUrl } = emulator();
    const reply = await raw(`${webhookUrl}batch`, pageCommands(3));

    expect(reply.status).toBe(200);
    expect(reply.bytes.length).toBeGreaterThan(64 * 1024);
    expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(reply.headers.get('transfer-encoding')).toBe('chunked');
    expect(reply.headers.get('content-length')).toBeNull();
    expect(JSON.stringify(JSON.parse(reply.text))).toBe(reply.text);

    const pages = JSON.parse(reply.text).result.result;
    expect(pages.page0).toHaveLength(50);
    expect(pages.page0[0].TITLE).toBe('Дом 1');
  });

  it('sends a small answer at once with its Content-Length in bytes', async () => {
    const { webhookUrl } = emulator();
    const reply = await raw(`${webhookUrl}crm.deal.get?id=1`);

    expect(reply.headers.get('transfer-encoding')).toBeNull();
    expect(Number(reply.headers.get('content-length'))).toBe(reply.bytes.length);
    expect(reply.bytes.length).toBeGreaterThan(reply.text.length);
    expect(JSON.parse(reply.text).result.TITLE).toBe('Дом 1');
  });

  it('answers a row read again the same way, and a written row with its new values', async () => {
    const { webhookUrl } = emulator();
    const page = `${webhookUrl}crm.deal.list?select[]=*&select[]=UF_*&filter[<=ID]=3`;
    const first = await raw(page);
    const second = await raw(page);
    const third = await raw(page);
    const withoutTime = (reply: RawReply) => JSON.parse(reply.text).result;
    expect(withoutTime(second)).toEqual(withoutTime(first));
    expect(withoutTime(third)).toEqual(withoutTime(first));

    const update = await raw(`${webhookUrl}crm.deal.update`, {
      id: 2,
      fields: { TITLE: 'Дом 2, корпус 1' },
    });
    expect(update.status).toBe(200);

    const before = withoutTime(first);
    const after = withoutTime(await raw(page));
    expect(after[1].TITLE).toBe('Дом 2, корпус 1');
    expect(after[1].DATE_MODIFY).not.toBe(before[1].DATE_MODIFY);
    expect([after[0], after[2]]).toEqual([before[0], before[2]]);
  });

  it('lets a batch refer to a row answered from the cache ($result)', async () => {
    const { webhookUrl } = emulator();
    const list = 'crm.deal.list?select[]=ID&select[]=TITLE&filter[ID]=5';
    await raw(`${webhookUrl}${list}`);
    await raw(`${webhookUrl}${list}`);

    const reply = await raw(`${webhookUrl}batch`, {
      halt: 0,
      cmd: { listed: list, again: 'crm.deal.get?id=$result[listed][0][ID]' },
    });

    expect(JSON.parse(reply.text).result.result.again.TITLE).toBe('Дом 5');
  });
});
