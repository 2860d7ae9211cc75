import { describe, expect, it } from 'vitest';
import { Bitrix24Error, createBitrix24Client, parseWebhookUrl } from '../../src/index.js';

const code = 'k3y5ecr3tw3bh00k';

describe('parseWebhookUrl', () => {
  it('reads the portal, user and code', () => {
    expect(parseWebhookUrl(`https://vas-dom.bitrix24.ru/rest/1/${code}/`)).toEqual({
      portalUrl: 'https://vas-dom.bitrix24.ru',
      userId: 1,
      code,
      restBase: `https://vas-dom.bitrix24.ru/rest/1/${code}/`,
    });
  });

  it('accepts a missing slash, a method name after the code, and a double slash', () => {
    for (const url of [
      `https://p.bitrix24.ru/rest/7/${code}`,
      `https://p.bitrix24.ru/rest/7/${code}/crm.deal.list.json`,
      `https://p.bitrix24.ru//rest/7/${code}/`,
    ]) {
      expect(parseWebhookUrl(url)).toMatchObject({ userId: 7, code });
    }
  });

  it('rejects what is not a webhook without repeating the code', () => {
    for (const url of ['not a url', `https://p.bitrix24.ru/api/${code}/`, 'ftp://x/rest/1/abc/']) {
      const error = catchError(() => parseWebhookUrl(url));
      expect(error).toBeInstanceOf(Bitrix24Error);
      expect(error.kind).toBe('credentials');
      expect(String(error)).not.toContain(code);
    }
  });

  it('describes the endpoint with the code hidden', () => {
    const client = createBitrix24Client({
      auth: { type: 'webhook', webhookUrl: `https://p.bitrix24.ru/rest/1/${code}/` },
    });
    expect(client.describeEndpoint()).toBe('https://p.bitrix24.ru/rest/1/***/');
  });
});

function catchError(action: () => unknown): Bitrix24Error {
  try {
    action();
  } catch (error) {
    return error as Bitrix24Error;
  }
  throw new Error('expected an error');
}
