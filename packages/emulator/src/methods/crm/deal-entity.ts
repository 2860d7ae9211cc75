import { formatZoned } from '../../clock/zoned-time.js';
import type { EmulatorPortal } from '../../portal/emulator-portal.js';
import type { IdRow, IdTable } from '../../state/id-table.js';
import { type CrmEntity, field, readOnly } from './crm-entity.js';

/** Deal fields in the order `crm.deal.fields` lists them (docs: crm-deal-fields.md). */
const dealFields = {
  ID: field('integer', 'ID', readOnly),
  TITLE: field('string', 'Название'),
  TYPE_ID: field('crm_status', 'Тип'),
  CATEGORY_ID: field('crm_category', 'Воронка', { isImmutable: true }),
  STAGE_ID: field('crm_status', 'Стадия сделки'),
  STAGE_SEMANTIC_ID: field('string', 'Группа стадии', readOnly),
  IS_NEW: field('char', 'Новая сделка', readOnly),
  IS_RECURRING: field('char', 'Регулярная сделка'),
  IS_RETURN_CUSTOMER: field('char', 'Повторная сделка'),
  IS_REPEATED_APPROACH: field('char', 'Повторное обращение'),
  PROBABILITY: field('integer', 'Вероятность'),
  CURRENCY_ID: field('crm_currency', 'Валюта'),
  OPPORTUNITY: field('double', 'Сумма'),
  IS_MANUAL_OPPORTUNITY: field('char', 'IS_MANUAL_OPPORTUNITY'),
  TAX_VALUE: field('double', 'Ставка налога'),
  COMPANY_ID: field('crm_company', 'Компания'),
  CONTACT_ID: field('crm_contact', 'Контакт'),
  QUOTE_ID: field('crm_quote', 'Предложение', readOnly),
  BEGINDATE: field('date', 'Дата начала'),
  CLOSEDATE: field('date', 'Дата завершения'),
  OPENED: field('char', 'Доступна для всех'),
  CLOSED: field('char', 'Сделка закрыта'),
  COMMENTS: field('string', 'Комментарий'),
  ASSIGNED_BY_ID: field('user', 'Ответственный'),
  CREATED_BY_ID: field('user', 'Кем создана', readOnly),
  MODIFY_BY_ID: field('user', 'Кем изменена', readOnly),
  MOVED_BY_ID: field('user', 'Кем изменена стадия', readOnly),
  DATE_CREATE: field('datetime', 'Дата создания', readOnly),
  DATE_MODIFY: field('datetime', 'Дата изменения', readOnly),
  MOVED_TIME: field('datetime', 'Дата изменения стадии', readOnly),
  SOURCE_ID: field('crm_status', 'Источник'),
  SOURCE_DESCRIPTION: field('string', 'Дополнительно об источнике'),
  LEAD_ID: field('crm_lead', 'Лид', readOnly),
  ADDITIONAL_INFO: field('string', 'Дополнительная информация'),
  LOCATION_ID: field('location', 'Местоположение'),
  ORIGINATOR_ID: field('string', 'Внешний источник'),
  ORIGIN_ID: field('string', 'Идентификатор элемента во внешнем источнике'),
  UTM_SOURCE: field('string', 'Рекламная система'),
  UTM_MEDIUM: field('string', 'Тип трафика'),
  UTM_CAMPAIGN: field('string', 'Обозначение рекламной кампании'),
  UTM_CONTENT: field('string', 'Содержание кампании'),
  UTM_TERM: field('string', 'Условие поиска кампании'),
  LAST_ACTIVITY_TIME: field('datetime', 'Последняя активность', readOnly),
  LAST_ACTIVITY_BY: field('user', 'Автор последней активности', readOnly),
  CONTACT_IDS: field('crm_contact', 'Контакты', { isMultiple: true }),
};

/** The first stage of a pipeline by sort (docs: crm-status-list.md, DEAL_STAGE_<id>). */
export function firstStageOf(portal: EmulatorPortal, categoryId: string): string {
  const entityId = categoryId === '0' ? 'DEAL_STAGE' : `DEAL_STAGE_${categoryId}`;
  const stages = portal.state.statuses.filter((status) => status.ENTITY_ID === entityId);
  stages.sort((left, right) => Number(left.SORT) - Number(right.SORT));
  return stages[0]?.STATUS_ID ?? (categoryId === '0' ? 'NEW' : `C${categoryId}:NEW`);
}

export const dealEntity: CrmEntity = {
  name: 'deal',
  eventName: 'DEAL',
  table: (portal) => portal.state.deals as unknown as IdTable<IdRow>,
  fields: dealFields,
  multipleFields: ['CONTACT_IDS'],
  userFieldCodes: (portal) => portal.state.dealUserFields.map((userField) => userField.FIELD_NAME),
  defaults: (portal, userId) => {
    const today = formatZoned(portal.clock.now(), portal.state.portal.timeZone).slice(0, 10);
    return {
      CATEGORY_ID: '0',
      STAGE_SEMANTIC_ID: 'P',
      IS_NEW: 'Y',
      CURRENCY_ID: 'RUB',
      OPPORTUNITY: '0.00',
      OPENED: 'Y',
      CLOSED: 'N',
      COMPANY_ID: '0',
      CONTACT_ID: null,
      ASSIGNED_BY_ID: userId,
      BEGINDATE: `${today}T03:00:00+03:00`,
      CLOSEDATE: `${today}T03:00:00+03:00`,
    };
  },
};

/** A deal's stage follows its pipeline when the caller gives none. */
export function dealStageDefault(portal: EmulatorPortal, row: Record<string, unknown>): void {
  if (!row.STAGE_ID) row.STAGE_ID = firstStageOf(portal, String(row.CATEGORY_ID ?? '0'));
}
