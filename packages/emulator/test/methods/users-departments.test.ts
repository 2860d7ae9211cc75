import { describe, expect, it } from 'vitest';
import { callRest, control, useEmulator } from '../support/emulator-harness.js';

type Row = Record<string, unknown>;

// Docs: api-reference/user/user-get.md, user-current.md,
// api-reference/departments/department-get.md.
describe('users and departments', () => {
  const emulator = useEmulator();
  const call = (method: string, params: object = {}) =>
    callRest(emulator().webhookUrl, method, params);

  it('answers user.get: string ID, boolean ACTIVE, int UF_DEPARTMENT (user-get.md)', async () => {
    const reply = await call('user.get', { ID: 2 });
    const [user] = reply.body.result as Row[];

    expect(user).toMatchObject({
      ID: '2',
      ACTIVE: true,
      NAME: 'Пётр',
      UF_DEPARTMENT: [2],
      EMAIL: 'user2@example.test',
    });
    expect(reply.body.total).toBe(1);
  });

  it('filters by FILTER, ACTIVE and department; sorts with sort/order', async () => {
    const all = await call('user.get', {});
    expect(all.body.total).toBe(5);

    const active = await call('user.get', { FILTER: { ACTIVE: true } });
    expect((active.body.result as Row[]).map((user) => user.ID)).toEqual(['1', '2', '3', '4']);

    const brigade = await call('user.get', { filter: { UF_DEPARTMENT: 2 } });
    expect((brigade.body.result as Row[]).map((user) => user.ID)).toEqual(['2', '4']);

    const sorted = await call('user.get', { sort: 'ID', order: 'DESC' });
    expect((sorted.body.result as Row[])[0]?.ID).toBe('5');
  });

  it('leaves out contacts for user_basic (api-reference/scopes/permissions.md)', async () => {
    await control(emulator(), 'POST', '/webhooks', {
      userId: 1,
      scopes: ['user_basic'],
      code: 'basicusers00001',
    });
    const reply = await callRest(`${emulator().url}/rest/1/basicusers00001/`, 'user.get', {
      ID: 2,
    });
    const [user] = reply.body.result as Row[];

    expect(user).toHaveProperty('NAME', 'Пётр');
    expect(user).not.toHaveProperty('EMAIL');
    expect(user).not.toHaveProperty('PERSONAL_MOBILE');
  });

  it('answers user.current with the webhook user (user-current.md)', async () => {
    expect((await call('user.current')).body.result).toMatchObject({ ID: '1', ACTIVE: true });
  });

  it('answers department.get rows and filters by PARENT (department-get.md)', async () => {
    const all = await call('department.get');
    expect(all.body.total).toBe(3);
    expect((all.body.result as Row[])[0]).toEqual({
      ID: '1',
      NAME: 'Вас дом',
      SORT: 500,
      UF_HEAD: '1',
    });

    const brigades = await call('department.get', { PARENT: 1 });
    expect(brigades.body.result).toEqual([
      { ID: '2', NAME: 'Бригада 1', SORT: 500, PARENT: '1', UF_HEAD: '2' },
      { ID: '3', NAME: 'Бригада 2', SORT: 510, PARENT: '1', UF_HEAD: '3' },
    ]);
  });
});
