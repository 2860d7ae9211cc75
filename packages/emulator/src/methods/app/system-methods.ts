import { formatZoned } from '../../clock/zoned-time.js';
import { defineMethods, type MethodContext, type Params } from '../method-definition.js';
import { flag, param } from '../params.js';
import { knownScopes } from './known-scopes.js';

/**
 * Methods any authorised caller may call (scope `basic`). Docs:
 * api-reference/common/system/server-time.md, scope.md, app-info.md,
 * api-reference/common/users/profile.md.
 */
function serverTime({ portal }: MethodContext) {
  return { result: formatZoned(portal.clock.now(), portal.state.portal.timeZone) };
}

function profile({ caller }: MethodContext) {
  const user = caller.user;
  return {
    result: {
      ID: user.ID,
      ADMIN: user.IS_ADMIN,
      NAME: user.NAME,
      LAST_NAME: user.LAST_NAME,
      PERSONAL_GENDER: '',
      TIME_ZONE: user.TIME_ZONE,
    },
  };
}

function scope({ caller }: MethodContext, params: Params) {
  if (flag(param(params, 'full'))) return { result: [...knownScopes] };
  return { result: [...caller.scopes] };
}

function license(plan: 'standard' | 'enterprise') {
  return plan === 'enterprise'
    ? { LICENSE: 'ru_ent250', LICENSE_TYPE: 'ent250', LICENSE_FAMILY: 'ent' }
    : { LICENSE: 'ru_project', LICENSE_TYPE: 'project', LICENSE_FAMILY: 'project' };
}

function appInfo({ portal, caller }: MethodContext) {
  const plan = license(portal.state.portal.plan);
  if (caller.clientId === null) return { result: { SCOPE: [...caller.scopes], ...plan } };

  const installed = portal.state.installations.has(caller.clientId);
  return {
    result: {
      ID: 1,
      CODE: caller.clientId,
      VERSION: 1,
      STATUS: 'L',
      INSTALLED: installed,
      PAYMENT_EXPIRED: 'N',
      DAYS: null,
      LANGUAGE_ID: 'ru',
      ...plan,
    },
  };
}

export const systemMethods = defineMethods(null, {
  'server.time': serverTime,
  profile,
  scope,
  'app.info': appInfo,
});
