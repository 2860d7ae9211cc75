import { fixes } from '../doctor/doctor-fixes.js';
import { check, type DoctorCheck } from '../doctor/doctor-report.js';
import type { ApplicationServices } from './application-services.js';

const TITLE = 'Локальное приложение: установка и токены';
const STEP = '3.1';

/**
 * The local application's state for the doctor: installed or not, tokens alive or
 * lost to a refused refresh, and the fix. The doctor adds it to its report when the
 * portal is connected as an application; no request goes to the portal.
 */
export async function applicationCheck(
  services: Pick<ApplicationServices, 'db' | 'failures'>,
  memberId: string,
): Promise<DoctorCheck> {
  const portal = await services.db
    .selectFrom('portals')
    .select(['domain', 'authKind', 'status', 'refreshToken', 'installedAt'])
    .where('memberId', '=', memberId)
    .executeTakeFirst();
  const failure = services.failures.of(memberId);

  if (portal?.authKind !== 'application' || portal.status !== 'active') {
    return check('credentials', STEP, TITLE, {
      status: 'fail',
      detail: 'Приложение не установлено на портале (или удалено с него).',
      fix: 'Установите локальное приложение на портале (Шаг 1): AudioBot получит токены сам.',
    });
  }
  if (failure?.code === 'invalid_client') {
    return check('credentials', STEP, TITLE, {
      status: 'fail',
      detail:
        'Сервер авторизации Bitrix24 отклонил BITRIX_APPLICATION_ID / BITRIX_APPLICATION_SECRET.',
      fix:
        'Скопируйте APPLICATION_ID и APPLICATION_SECRET из карточки приложения (Шаг 3.1) ' +
        'в .env (Шаг 4.1) и перезапустите AudioBot.',
    });
  }
  if (!portal.refreshToken) {
    const when = failure ? ` (${failure.at}, ${failure.code})` : '';
    return check('credentials', STEP, TITLE, {
      status: 'fail',
      detail:
        `Портал ${portal.domain} отказал в обновлении токенов${when}: ` +
        'токен обновления недействителен или истёк.',
      fix: fixes.reinstallApplication,
    });
  }
  return check('credentials', STEP, TITLE, {
    status: 'ok',
    detail:
      `Приложение установлено на ${portal.domain} ` +
      `(${portal.installedAt ?? 'дата неизвестна'}); токены обновляются сами.`,
  });
}
