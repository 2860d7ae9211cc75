import { describe, expect, it } from 'vitest';

import { createLogCapture } from '../../src/logging/log-capture.js';
import { createLogger } from '../../src/logging/logger.js';
import { createSecretRedactor, REDACTED } from '../../src/logging/secret-redactor.js';

describe('secret redactor', () => {
  const redactor = createSecretRedactor(['configured-admin-token-123456']);

  it.each([
    ['webhook code', 'GET https://x.bitrix24.ru/rest/1/abcdef123456/crm.deal.list', 'abcdef123456'],
    ['OAuth query', '/rest/user.get?auth=tok3n-value&x=1', 'tok3n-value'],
    ['refresh token', 'grant_type=refresh_token&refresh_token=r3fresh-xyz', 'r3fresh-xyz'],
    ['client secret', 'client_id=local.1&client_secret=s3cret-app', 's3cret-app'],
    ['auth form field', 'event=ONAPPINSTALL&auth[access_token]=acc-999&ts=1', 'acc-999'],
    ['encoded auth field', 'auth%5Bapplication_token%5D=app-tok-7', 'app-tok-7'],
    ['bearer header', 'Authorization: Bearer abc.def-ghi', 'abc.def-ghi'],
    ['session cookie', 'cookie: audiobot_session=sess-value-42; other=1', 'sess-value-42'],
    ['JSON token field', '{"refresh_token":"json-refresh-1","id":2}', 'json-refresh-1'],
    ['configured secret', 'token was configured-admin-token-123456 here', 'configured-admin'],
  ])('removes a %s', (_name, text, secret) => {
    const redacted = redactor.redact(text);

    expect(redacted).not.toContain(secret);
    expect(redacted).toContain(REDACTED);
  });

  it('keeps ordinary text intact', () => {
    const text = '{"error":"house_not_found","houseId":"42","url":"/api/cleaning/houses?q=Ленина"}';

    expect(redactor.redact(text)).toBe(text);
  });

  it('redacts secrets learned after creation, also URL-encoded', () => {
    const local = createSecretRedactor();
    local.addSecret('late+secret/value');

    expect(local.redact('x late+secret/value y late%2Bsecret%2Fvalue')).toBe(
      `x ${REDACTED} y ${REDACTED}`,
    );
  });
});

describe('logger', () => {
  it('writes no secret, whatever the caller logs', () => {
    const capture = createLogCapture();
    const redactor = createSecretRedactor(['the-client-secret-abc']);
    const logger = createLogger({ redactor, destination: capture });

    logger.info({ webhookUrl: 'https://p.bitrix24.ru/rest/7/hookcode777/' }, 'connecting');
    logger.error({ err: new Error('failed with the-client-secret-abc') }, 'refresh failed');
    logger.warn('auth=inline-token-5 in message');

    const text = capture.text();
    expect(capture.lines).toHaveLength(3);
    for (const secret of ['hookcode777', 'the-client-secret-abc', 'inline-token-5']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('log categories', () => {
  it('writes the category once, and a line may override it', async () => {
    const { categoryLogger } = await import('../../src/logging/logger.js');
    const capture = createLogCapture();
    const logger = createLogger({ redactor: createSecretRedactor(), destination: capture });
    const sync = categoryLogger(logger, 'sync');

    sync.child({ syncRunId: 7 }).info('from a child');
    sync.info({ category: 'jobs' }, 'overridden');

    expect(capture.lines[0]?.match(/"category"/g)).toHaveLength(1);
    expect(JSON.parse(capture.lines[0] ?? '')).toMatchObject({ category: 'sync', syncRunId: 7 });
    expect(capture.lines[1]?.match(/"category"/g)).toHaveLength(1);
    expect(JSON.parse(capture.lines[1] ?? '')).toMatchObject({ category: 'jobs' });
  });
});
