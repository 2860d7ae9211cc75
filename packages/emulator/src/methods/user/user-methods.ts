import type { Caller } from '../../auth/caller.js';
import { runList } from '../list/list-query.js';
import { defineMethods, type MethodContext, type Params } from '../method-definition.js';
import { flag, param, record } from '../params.js';
import { userView } from './user-view.js';

/**
 * `user.get` and `user.current` (docs: api-reference/user/user-get.md, user-current.md).
 * Filters come as `FILTER` or as top-level keys (`user.get?ID=1`), order as `sort` +
 * `order` strings; users are sorted by ascending ID by default.
 */
const paging = new Set([
  'start',
  'sort',
  'order',
  'filter',
  'admin_mode',
  'select',
  'image_resize',
]);

function userFilter(params: Params): Record<string, unknown> {
  const filter: Record<string, unknown> = { ...record(param(params, 'filter')) };
  for (const [key, value] of Object.entries(params)) {
    if (!paging.has(key.toLowerCase())) filter[key] = value;
  }

  // ACTIVE is a boolean on the portal: `ACTIVE=false` means inactive, not "any".
  if ('ACTIVE' in filter) filter.ACTIVE = flag(filter.ACTIVE);
  return filter;
}

function seesContacts(caller: Caller): boolean {
  return caller.scopes.has('user');
}

function userGet({ portal, caller }: MethodContext, params: Params) {
  const sort = param(params, 'sort');
  const direction =
    String(param(params, 'order') ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
  const page = runList(
    portal.state.users,
    {
      filter: userFilter(params),
      order: typeof sort === 'string' ? { [sort]: direction } : undefined,
      start: param(params, 'start'),
    },
    { read: (row, field) => (row as unknown as Record<string, unknown>)[field] },
  );

  const rows = page.rows.map((user) => userView(user, seesContacts(caller)));
  return { result: rows, total: page.total, next: page.next };
}

function userCurrent({ caller }: MethodContext) {
  return { result: userView(caller.user, seesContacts(caller)) };
}

export const userMethods = [
  ...defineMethods(['user', 'user_basic', 'user_brief'], { 'user.get': userGet }),
  ...defineMethods(null, { 'user.current': userCurrent }),
];
