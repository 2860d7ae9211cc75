import { describe, expect, it } from 'vitest';
import { Redactor, redact } from '../../src/index.js';

const code = 'k3y5ecr3tw3bh00k';

describe('redact', () => {
  it('hides webhook paths, auth parameters and bearer tokens in any text', () => {
    const text =
      `GET https://p.ru/rest/12/${code}/crm.deal.list?auth=tok3nvalue&x=1 ` +
      'Authorization: Bearer abc.def-123 {"refresh_token":"r3fr3sh"} client_secret=s3cr3t';
    const safe = redact(text);
    for (const secret of [code, 'tok3nvalue', 'abc.def-123', 'r3fr3sh', 's3cr3t']) {
      expect(safe).not.toContain(secret);
    }
    expect(safe).toContain('https://p.ru/rest/12/***/crm.deal.list');
  });

  it('hides registered secrets wherever they stand, also URL-encoded', () => {
    const redactor = new Redactor(['a+b/c=secret']);
    expect(redactor.redact('x a+b/c=secret y a%2Bb%2Fc%3Dsecret')).toBe('x *** y ***');
  });

  it('keeps the newest rotating tokens and every permanent secret', () => {
    const redactor = new Redactor();
    redactor.addSecret('p3rmanent-secret');
    for (let i = 0; i < 100; i += 1) redactor.addRotatingSecret(`t0ken-number-${1000 + i}`);

    expect(redactor.redact('p3rmanent-secret t0ken-number-1099')).toBe('*** ***');
    expect(redactor.redact('t0ken-number-1000')).toBe('t0ken-number-1000');
  });

  it('masks secret-named keys in log data', () => {
    const redactor = new Redactor();
    expect(redactor.redactValue({ auth: 'x', nested: { refresh_token: 'y' }, code: 'E' })).toEqual({
      auth: '***',
      nested: { refresh_token: '***' },
      code: 'E',
    });
  });
});
