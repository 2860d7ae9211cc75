import type { IdRow, IdTable } from '../../state/id-table.js';
import { type CrmEntity, field, readOnly } from './crm-entity.js';

/** Contact fields (docs: api-reference/crm/contacts/crm-contact-fields.md). */
const contactFields = {
  ID: field('integer', 'ID', readOnly),
  HONORIFIC: field('crm_status', 'Обращение'),
  NAME: field('string', 'Имя'),
  SECOND_NAME: field('string', 'Отчество'),
  LAST_NAME: field('string', 'Фамилия'),
  PHOTO: field('file', 'Фотография'),
  BIRTHDATE: field('date', 'Дата рождения'),
  TYPE_ID: field('crm_status', 'Тип контакта'),
  SOURCE_ID: field('crm_status', 'Источник'),
  POST: field('string', 'Должность'),
  COMMENTS: field('string', 'Комментарий'),
  OPENED: field('char', 'Доступен для всех'),
  COMPANY_ID: field('crm_company', 'Компания'),
  ASSIGNED_BY_ID: field('user', 'Ответственный'),
  CREATED_BY_ID: field('user', 'Кем создан', readOnly),
  MODIFY_BY_ID: field('user', 'Кем изменён', readOnly),
  DATE_CREATE: field('datetime', 'Дата создания', readOnly),
  DATE_MODIFY: field('datetime', 'Дата изменения', readOnly),
  PHONE: field('crm_multifield', 'Телефон', { isMultiple: true }),
  EMAIL: field('crm_multifield', 'E-mail', { isMultiple: true }),
};

export const contactEntity: CrmEntity = {
  name: 'contact',
  eventName: 'CONTACT',
  table: (portal) => portal.state.contacts as unknown as IdTable<IdRow>,
  fields: contactFields,
  multipleFields: ['PHONE', 'EMAIL'],
  userFieldCodes: () => [],
  defaults: (_portal, userId) => ({
    TYPE_ID: 'CLIENT',
    OPENED: 'Y',
    POST: null,
    COMPANY_ID: null,
    ASSIGNED_BY_ID: userId,
  }),
};
