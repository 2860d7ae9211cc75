import type { ScopeRequirement } from './scope-requirements.js';

/**
 * The fixes the doctor prints, in the words of the setup guide's troubleshooting
 * section («Возможные проблемы и решения»), with the step to go back to.
 */
export const fixes = {
  configuration:
    'Исправьте перечисленные переменные в файле .env (Шаг 4.1) и перезапустите AudioBot ' +
    '(Шаг 4.2).',

  unreachable:
    'Проверьте адрес портала в BITRIX_WEBHOOK_URL / BITRIX_PORTAL_URL (Шаг 4.1) и доступ ' +
    'сервера AudioBot в интернет; затем повторите проверку.',

  webhookToken:
    'Проверьте корректность WEBHOOK_TOKEN в .env файле: BITRIX_WEBHOOK_URL должен совпадать ' +
    'с адресом входящего вебхука из настроек приложения (Шаг 3.2, Шаг 4.1).',

  inactiveUser:
    'Проверьте корректность WEBHOOK_TOKEN в .env файле (Шаг 4.1). Если пользователь, от ' +
    'имени которого создан вебхук, уволен или деактивирован, пересоздайте локальное ' +
    'приложение и вебхук с правами администратора (Шаг 1, Шаг 3.2).',

  recreateAsAdmin:
    'Пересоздайте локальное приложение с правами администратора (Шаг 1) и обновите ' +
    'BITRIX_WEBHOOK_URL, BITRIX_APPLICATION_ID, BITRIX_APPLICATION_SECRET и BITRIX_MEMBER_ID ' +
    'в .env (Шаг 3.1, Шаг 4.1).',

  reinstallApplication:
    'Переустановите приложение на портале: токен обновления недействителен или истёк. ' +
    'Откройте Приложения → Разработчикам, переустановите AudioBot (Шаг 1) — новые токены ' +
    'придут сами.',

  accessDenied:
    'Войдите на портал как администратор и дайте пользователю вебхука доступ к приложению ' +
    'и REST API (Шаг 1); проверьте, что тариф портала разрешает REST.',

  pipeline:
    'Создайте в CRM воронку сделок «Уборка подъездов» (или верните ей это название): ' +
    'AudioBot находит дома по названию воронки.',

  fieldMapping:
    'Проверьте названия пользовательских полей сделки в Bitrix24 (CRM → Сделки → ' +
    'Настройки → Пользовательские поля) или укажите код поля в файле AUDIOBOT_MAPPING_FILE.',

  rateLimit:
    'Портал близок к пределу запросов: другие интеграции расходуют лимит. Уменьшите их ' +
    'частоту или увеличьте AUDIOBOT_SYNC_INCREMENTAL_MINUTES.',

  clockSkew:
    'Синхронизируйте часы сервера AudioBot (NTP): расхождение со временем портала ломает ' +
    'инкрементальную синхронизацию и токены.',
} as const;

/** «Отметьте права: crm, department (Шаг 2.1, 2.2)». Every missing scope by name. */
export function scopesFix(missing: ScopeRequirement[]): string {
  const names = missing.map((requirement) => requirement.scope).join(', ');
  const steps = [...new Set(missing.map((requirement) => requirement.step))].join(', ');

  return (
    `Отметьте права: ${names} — в настройках входящего вебхука и локального приложения ` +
    `(Шаг ${steps}), сохраните и повторите проверку. Убедитесь, что выбраны ВСЕ ` +
    'необходимые права в Шаге 2.'
  );
}
