import type { SnapshotUser } from '../../snapshot/snapshot-format.js';

/**
 * A user as `user.get` answers: `ID` a string, `ACTIVE` a boolean, `UF_DEPARTMENT` an
 * int array. With only `user_basic` the contact fields are left out
 * (docs: api-reference/user/user-get.md, api-reference/scopes/permissions.md).
 */
const contactFields = new Set(['EMAIL', 'PERSONAL_MOBILE', 'WORK_PHONE', 'PERSONAL_PHONE']);

export function userView(user: SnapshotUser, withContacts: boolean): Record<string, unknown> {
  const view: Record<string, unknown> = {
    ID: user.ID,
    XML_ID: null,
    ACTIVE: user.ACTIVE,
    NAME: user.NAME,
    LAST_NAME: user.LAST_NAME,
    SECOND_NAME: user.SECOND_NAME,
    EMAIL: user.EMAIL,
    LAST_LOGIN: null,
    DATE_REGISTER: user.DATE_REGISTER,
    TIME_ZONE: user.TIME_ZONE,
    IS_ONLINE: 'N',
    PERSONAL_GENDER: '',
    PERSONAL_MOBILE: user.PERSONAL_MOBILE,
    WORK_PHONE: user.WORK_PHONE,
    WORK_POSITION: user.WORK_POSITION,
    UF_DEPARTMENT: user.UF_DEPARTMENT,
    USER_TYPE: 'employee',
  };
  if (withContacts) return view;

  for (const field of contactFields) delete view[field];
  return view;
}
