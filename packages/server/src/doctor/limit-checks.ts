import type { RateLimit, RequestStats } from '@audiobot/bitrix24';
import { fixes } from './doctor-fixes.js';
import { check, type DoctorCheck } from './doctor-report.js';
import type { PortalProbe } from './portal-probe.js';

/** Processing seconds a method may use per 10 minutes (the docs' example portal). */
const operatingBudgetSeconds = 480;

/**
 * Headroom under the portal's limits. The request bucket of a portal cannot be read,
 * only felt: refusals (503) while the doctor's two requests went out mean others use the
 * limit up. The time budget can be read: `time.operating` of each answer.
 */
export function rateLimitCheck(
  probe: PortalProbe,
  stats: RequestStats,
  limit: RateLimit,
  operatingSeconds: number,
): DoctorCheck {
  const title = 'Запас по лимитам запросов';
  if (probe.failure)
    return check('rate-limit', '5.1', title, { status: 'skip', detail: 'Портал недоступен.' });

  const used = Math.round((operatingSeconds / operatingBudgetSeconds) * 100);
  const detail =
    `Лимит портала: ${limit.drainPerSecond} запроса в секунду, до ${limit.capacity} подряд; ` +
    `отказов по лимиту при проверке: ${stats.retries}; бюджет времени методов использован ` +
    `на ${used}%.`;
  const tight = stats.retries > 0 || used >= 50;
  return check('rate-limit', '5.1', title, {
    status: tight ? 'warn' : 'ok',
    detail,
    fix: tight ? fixes.rateLimit : '',
  });
}

/** The portal clock against ours; the incremental sync reads changes by the portal's clock. */
export function clockSkewCheck(probe: PortalProbe): DoctorCheck {
  const title = 'Часы сервера и портала';
  const serverTime = probe.serverTime.value;
  const portalMs = serverTime ? Date.parse(serverTime) : Number.NaN;
  if (Number.isNaN(portalMs)) {
    return check('clock-skew', '5.1', title, {
      status: 'skip',
      detail: 'Время портала неизвестно.',
    });
  }

  const localMs = (probe.sentAt.getTime() + probe.answeredAt.getTime()) / 2;
  const skewSeconds = Math.round((localMs - portalMs) / 1000);
  // server.time has whole seconds and the answer takes a while: a few seconds is noise.
  const tolerance = 60 + (probe.answeredAt.getTime() - probe.sentAt.getTime()) / 1000;
  const detail = `Время портала ${serverTime}; расхождение с сервером AudioBot ${skewSeconds} с.`;
  return check('clock-skew', '5.1', title, {
    status: Math.abs(skewSeconds) > tolerance ? 'warn' : 'ok',
    detail,
    fix: Math.abs(skewSeconds) > tolerance ? fixes.clockSkew : '',
  });
}
