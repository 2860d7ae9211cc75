import type { IdRow, IdTable } from '../../state/id-table.js';
import { type CrmEntity, field, readOnly } from './crm-entity.js';

/** Company fields (docs: api-reference/crm/companies/crm-company-fields.md). */
const companyFields = {
  ID: field('integer', 'ID', readOnly),
  TITLE: field('string', 'Название компании', { isRequired: true }),
  COMPANY_TYPE: field('crm_status', 'Тип компании'),
  LOGO: field('file', 'Логотип'),
  ADDRESS: field('string', 'Адрес'),
  INDUSTRY: field('crm_status', 'Сфера деятельности'),
  EMPLOYEES: field('crm_status', 'Кол-во сотрудников'),
  CURRENCY_ID: field('crm_currency', 'Валюта'),
  REVENUE: field('double', 'Годовой оборот'),
  OPENED: field('char', 'Доступна для всех'),
  COMMENTS: field('string', 'Комментарий'),
  IS_MY_COMPANY: field('char', 'Моя компания'),
  ASSIGNED_BY_ID: field('user', 'Ответственный'),
  CREATED_BY_ID: field('user', 'Кем создана', readOnly),
  MODIFY_BY_ID: field('user', 'Кем изменена', readOnly),
  DATE_CREATE: field('datetime', 'Дата создания', readOnly),
  DATE_MODIFY: field('datetime', 'Дата изменения', readOnly),
  PHONE: field('crm_multifield', 'Телефон', { isMultiple: true }),
  EMAIL: field('crm_multifield', 'E-mail', { isMultiple: true }),
};

export const companyEntity: CrmEntity = {
  name: 'company',
  eventName: 'COMPANY',
  table: (portal) => portal.state.companies as unknown as IdTable<IdRow>,
  fields: companyFields,
  multipleFields: ['PHONE', 'EMAIL'],
  userFieldCodes: () => [],
  defaults: (_portal, userId) => ({
    COMPANY_TYPE: 'CUSTOMER',
    OPENED: 'Y',
    IS_MY_COMPANY: 'N',
    ADDRESS: null,
    ASSIGNED_BY_ID: userId,
  }),
};
