import { isBitrix24Error } from '@audiobot/bitrix24';
import type { PortalConnection } from '../portal/connect-portal.js';
import { fixes } from './doctor-fixes.js';
import { check, type DoctorCheck } from './doctor-report.js';
import type { PortalProbe } from './portal-probe.js';

const titles = {
  configuration: 'Настройки AudioBot (.env)',
  reachability: 'Портал Bitrix24 отвечает',
  credentials: 'Вебхук или приложение принят порталом',
};

export function configurationCheck(
  problems: string[],
  connection: PortalConnection | null,
): DoctorCheck {
  if (problems.length > 0) {
    return check('configuration', '4.1', titles.configuration, {
      status: 'fail',
      detail: `Ошибки в настройках: ${problems.join('; ')}`,
      fix: fixes.configuration,
    });
  }
  const mode = {
    demo: 'демо-портал (эмулятор Bitrix24 внутри AudioBot): портал не настроен',
    webhook: 'входящий вебхук',
    application: 'локальное приложение (OAuth)',
  };
  const detail = connection
    ? `Подключение: ${mode[connection.kind]}; портал ${connection.domain}.`
    : 'Подключение к порталу не создано.';
  return check('configuration', '4.1', titles.configuration, {
    status: connection?.demo ? 'warn' : 'ok',
    detail,
    fix: connection?.demo
      ? 'Чтобы работать с настоящим порталом, укажите BITRIX_WEBHOOK_URL в .env (Шаг 4.1).'
      : '',
  });
}

/** Reachability and credentials, from how the first request ended. */
export function accessChecks(
  probe: PortalProbe | null,
  connection: PortalConnection | null,
): DoctorCheck[] {
  if (!probe || !connection) {
    const skipped = { status: 'skip' as const, detail: 'Нет подключения к порталу.' };
    return [
      check('reachability', '3.2', titles.reachability, skipped),
      check('credentials', '3.2', titles.credentials, skipped),
    ];
  }

  const failure = probe.failure;
  const unreachable =
    isBitrix24Error(failure) && ['network', 'timeout', 'server'].includes(failure.kind);
  if (failure && (unreachable || !isBitrix24Error(failure))) {
    return [
      check('reachability', '3.2', titles.reachability, {
        status: 'fail',
        detail: `Портал ${connection.domain} не ответил: ${messageOf(failure)}`,
        fix: fixes.unreachable,
      }),
      check('credentials', '3.2', titles.credentials, {
        status: 'skip',
        detail: 'Портал недоступен.',
      }),
    ];
  }

  const reachable = check('reachability', '3.2', titles.reachability, {
    status: 'ok',
    detail: `Портал ${connection.domain} отвечает.`,
  });
  return [reachable, credentialsCheck(probe, connection)];
}

function credentialsCheck(probe: PortalProbe, connection: PortalConnection): DoctorCheck {
  const failure = probe.failure;
  if (isBitrix24Error(failure) && ['rate_limit', 'time_budget'].includes(failure.kind)) {
    return check('credentials', '3.2', titles.credentials, {
      status: 'warn',
      detail: `Портал ответил отказом по лимиту (${failure.code}); доступ проверить не удалось.`,
      fix: fixes.rateLimit,
    });
  }
  if (isBitrix24Error(failure)) {
    return check('credentials', '3.2', titles.credentials, {
      status: 'fail',
      detail: `Портал отказал: ${failure.code || failure.kind}${inBrackets(failure.description)}.`,
      fix: credentialsFix(failure.kind, failure.code, failure.description, connection.kind),
    });
  }

  const profile = probe.profile.value;
  const who = profile
    ? `${String(profile.NAME ?? '')} ${String(profile.LAST_NAME ?? '')}`.trim()
    : '';
  const admin = profile?.ADMIN === true || profile?.ADMIN === 'Y';
  return check('credentials', '3.2', titles.credentials, {
    status: admin ? 'ok' : 'warn',
    detail:
      `Запросы идут от имени пользователя #${String(profile?.ID ?? '?')}${who ? ` (${who})` : ''}` +
      `${admin ? ', администратор портала.' : ', он не администратор портала.'}`,
    fix: admin ? '' : fixes.recreateAsAdmin,
  });
}

/** The guide's fix for each way the portal refuses the credentials. */
export function credentialsFix(
  kind: string,
  code: string,
  description: string,
  connectionKind: PortalConnection['kind'],
): string {
  const lowerCode = code.toLowerCase();
  if (kind === 'portal_gone' || /user.*not.*found/i.test(`${code} ${description}`)) {
    return fixes.recreateAsAdmin;
  }
  if (
    kind === 'token_expired' ||
    ['invalid_grant', 'invalid_token', 'expired_token'].includes(lowerCode)
  ) {
    return connectionKind === 'application' ? fixes.reinstallApplication : fixes.webhookToken;
  }
  if (kind === 'user_inactive') return fixes.inactiveUser;
  if (kind === 'access_denied') return fixes.accessDenied;
  return fixes.webhookToken;
}

function messageOf(error: unknown): string {
  if (isBitrix24Error(error))
    return `${error.kind}${error.description ? ` (${error.description})` : ''}`;
  return error instanceof Error ? error.message : String(error);
}

function inBrackets(text: string): string {
  return text ? ` (${text})` : '';
}
