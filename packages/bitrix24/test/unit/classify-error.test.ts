import { describe, expect, it } from 'vitest';
import { classifyErrorAnswer, errorKinds, requiredScope } from '../../src/index.js';

/** The system errors of docs: error-codes.md / _includes/system-errors.md and BITRIX24.md. */
const table = [
  ['NO_AUTH_FOUND', 401, 'credentials', false],
  ['INVALID_CREDENTIALS', 401, 'credentials', false],
  ['invalid_token', 401, 'credentials', false],
  ['invalid_grant', 400, 'credentials', false],
  ['insufficient_scope', 401, 'scope', false],
  ['expired_token', 401, 'token_expired', false],
  ['authorization_error', 401, 'user_inactive', false],
  ['user_access_error', 403, 'access_denied', false],
  ['ACCESS_DENIED', 403, 'access_denied', false],
  ['PORTAL_DELETED', 403, 'portal_gone', false],
  ['QUERY_LIMIT_EXCEEDED', 503, 'rate_limit', true],
  ['OVERLOAD_LIMIT', 401, 'rate_limit', false],
  ['OPERATION_TIME_LIMIT', 429, 'time_budget', true],
  ['ERROR_METHOD_NOT_FOUND', 404, 'method_not_found', false],
  ['INVALID_REQUEST', 400, 'bad_input', false],
  ['ERROR_CORE', 400, 'bad_input', false],
  ['ERROR_ARGUMENT', 400, 'bad_input', false],
  ['ERROR_BATCH_LENGTH_EXCEEDED', null, 'bad_input', false],
  ['INTERNAL_SERVER_ERROR', 500, 'server', true],
  ['', 502, 'server', true],
  ['SOMETHING_NEW', 503, 'rate_limit', true],
  ['SOMETHING_NEW', 401, 'credentials', false],
] as const;

describe('classifyErrorAnswer', () => {
  it.each(table)('%s with HTTP %s is %s (retryable %s)', (code, status, kind, retryable) => {
    const answer = { code, description: '', status, method: 'crm.deal.list' };
    expect(classifyErrorAnswer(answer)).toMatchObject({ kind, retryable });
  });

  it('reads the old CRM methods\' empty code with "Not found"', () => {
    const answer = { code: '', description: 'Not found', status: 400, method: 'crm.deal.get' };
    expect(classifyErrorAnswer(answer).kind).toBe('not_found');
  });

  it('names the missing scope of a known method', () => {
    const scope = (method: string) =>
      classifyErrorAnswer({ code: 'insufficient_scope', description: '', status: 401, method })
        .missingScope;
    expect(scope('crm.deal.list')).toBe('crm');
    expect(scope('user.get')).toBe('user');
    expect(scope('department.get')).toBe('department');
    expect(scope('tasks.task.add')).toBe('task');
    expect(scope('calendar.event.add')).toBe('calendar');
    expect(scope('im.notify.system.add')).toBe('im');
    expect(scope('something.unknown')).toBeNull();
  });

  it('hints the scope on method_not_found too, which a portal answers for ungranted scopes', () => {
    const answer = { code: 'ERROR_METHOD_NOT_FOUND', description: '', status: 404, method: 'im.x' };
    expect(classifyErrorAnswer(answer)).toMatchObject({
      kind: 'method_not_found',
      missingScope: 'im',
    });
  });

  it('knows methods without scope and unknown methods apart', () => {
    expect(requiredScope('server.time')).toBeNull();
    expect(requiredScope('BATCH')).toBeNull();
    expect(requiredScope('foo.bar')).toBeUndefined();
  });

  it('documents every kind', () => {
    for (const info of Object.values(errorKinds)) expect(info.meaning.length).toBeGreaterThan(20);
  });
});
