import { describe, expect, it } from 'vitest';
import { domainRules } from '../../src/sync/domain-rules.js';
import type { ReferenceLists } from '../../src/sync/sync-domain.js';
import { realPortalFields, userField } from '../support/portal-rows.js';

// The reference step must apply what the mapping file says and what the portal names,
// not only the defaults discovery falls back to.

const departments = [
  { ID: '1', NAME: 'Компания', PARENT: null },
  { ID: '11', NAME: 'Клининг', PARENT: '1' },
  { ID: '21', NAME: 'Бригада 1', PARENT: '11' },
  { ID: '22', NAME: 'Бригада 2', PARENT: '11' },
  { ID: '31', NAME: 'Офис', PARENT: '1' },
  { ID: '32', NAME: 'Склад', PARENT: '1' },
];

function lists(overrides: Partial<ReferenceLists> = {}): ReferenceLists {
  return {
    userFields: realPortalFields() as unknown as ReferenceLists['userFields'],
    categories: [{ id: 34, name: 'Уборка подъездов' }],
    departments,
    users: [],
    ...overrides,
  };
}

function rules(override?: Parameters<typeof domainRules>[0]['override']) {
  return domainRules({ memberId: 'm1', timeZone: 'Europe/Moscow', override });
}

describe('placing the reference lists', () => {
  it('finds the brigades by their names when no parent is configured', () => {
    const placed = rules().placeReference(lists());
    const brigades = placed.brigades.filter((row) => row.isBrigade === 1).map((row) => row.id);
    expect(brigades).toEqual([21, 22]);
  });

  it('takes the brigades parent from the mapping file over discovery', () => {
    const placed = rules({ brigadeParent: 1 }).placeReference(lists());
    const brigades = placed.brigades.filter((row) => row.isBrigade === 1).map((row) => row.id);
    expect(brigades).toEqual([11, 31, 32]);
  });

  it('reads field labels of a renamed houses pipeline chosen by id', () => {
    const renamed = 'Подъезды МКД';
    const userFields = [
      userField('UF_CRM_ADDR_OTHER', 'Адрес многоквартирного дома | Уборка подъездов'),
      userField('UF_CRM_ADDR', `Адрес многоквартирного дома | ${renamed}`, {
        USER_TYPE_ID: 'address',
      }),
    ] as unknown as ReferenceLists['userFields'];
    const placed = rules({ pipeline: 40 }).placeReference(
      lists({ userFields, categories: [{ id: 40, name: renamed }] }),
    );

    expect(placed.pipeline).toEqual({ id: 40, name: renamed });
    const address = placed.fieldMappings.find((row) => row.role === 'address');
    expect(address?.fieldName).toBe('UF_CRM_ADDR');
  });
});
