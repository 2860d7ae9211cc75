import type { SnapshotCompany } from '../snapshot/snapshot-format.js';
import type { MultiFieldIds } from './multi-field-ids.js';
import { randomCityPhone, randomMobilePhone } from './phone-numbers.js';
import { formatPortalDateTime, portalInstant } from './portal-time.js';
import { cumulativeWeights, type SeededRandom } from './seeded-random.js';
import { transliterate } from './transliteration.js';

/**
 * The clients: management companies (УК), homeowners' associations (ТСЖ, ТСН) and
 * housing co-operatives (ЖСК). Titles keep the inconsistent quoting managers typed.
 * A few large УК hold most houses; an association usually holds one.
 */
const COMPANY_TITLES = [
  'ООО «УК Жилищник»',
  'ООО "Управляющая компания Калуга-Сити"',
  'ТСЖ «Весна»',
  'ТСЖ "Заря"',
  'ЖСК «Строитель-3»',
  'ООО «ЖРЭУ №8»',
  'ООО УК Домострой',
  'МУП «УЖКХ г. Калуги»',
  'ООО «Калужская управляющая компания»',
  'ООО «УК Правобережье»',
  'ООО "ЖилСервис"',
  'ООО «Комфорт-Сервис»',
  'ООО «УК Мой дом»',
  'ТСН «Московская 250»',
  'ООО «УК Гранит»',
  'ООО «Жилищный стандарт»',
  'ООО «УК Содружество»',
  'ООО «ГУК Калуга»',
  'УК Уютный дом',
  'ТСЖ «Молодёжный»',
  'ООО «УК Надёжный дом»',
  'ООО «ЖЭУ-12»',
  'ООО «Партнёр-Сервис»',
  'ООО «УК Анненки»',
  'ООО «УК Спектр»',
  'ТСЖ «Рассвет»',
  'ЖСК «Энергетик»',
  'ООО «УК Наш дом»',
  'ООО «Домоуправление №5»',
  'ООО «Квартал»',
  'ТСЖ «Кубяка 7»',
  'ООО «УК Перспектива»',
  'ООО «СтройДом-Сервис»',
  'ООО «Калуга-Эксплуатация»',
  'ТСЖ «Северный»',
  'ООО «УК Оптима»',
  'ООО «УК Единство»',
  'ТСН «Берёзка»',
  'ООО «ЖКС Терепец»',
  'ООО «УК Центр»',
];

const EXTRA_TITLE_FORMS = [
  'ТСЖ «Дом {n}»',
  'ООО «УК Жилфонд-{n}»',
  'ТСН «Квартал {n}»',
  'ЖСК «№{n}»',
];

const OFFICE_ADDRESSES = [
  'ул. Ленина, д. 38, оф. 12',
  'ул. Кирова, д. 21А',
  'ул. Московская, д. 188',
  'Грабцевское ш., д. 35, оф. 4',
  'ул. Маршала Жукова, д. 31',
  'ул. Гагарина, д. 4, пом. 2',
];

export interface DemoManagementCompanies {
  companies: SnapshotCompany[];
  /** Cumulative weights: which company a new house most likely belongs to. */
  weights: Float64Array;
}

/** About 40 for the reference 490 houses, in proportion for other sizes. */
export function managementCompanyCount(houses: number): number {
  return Math.max(3, Math.round((houses * 40) / 490));
}

export function buildManagementCompanies(
  count: number,
  managerIds: string[],
  multiFields: MultiFieldIds,
  random: SeededRandom,
): DemoManagementCompanies {
  const companies: SnapshotCompany[] = [];
  const weights: number[] = [];
  let id = 2;

  for (let index = 0; index < count; index++) {
    const title = companyTitle(index);
    companies.push(companyRow(String(id), title, managerIds, multiFields, random));
    weights.push(companyWeight(title, index));
    id += random.chance(0.3) ? random.int(2, 6) : 1;
  }
  return { companies, weights: cumulativeWeights(weights) };
}

function companyTitle(index: number): string {
  const known = COMPANY_TITLES[index];
  if (known) return known;

  const form = EXTRA_TITLE_FORMS[index % EXTRA_TITLE_FORMS.length] as string;
  return form.replace('{n}', String(index));
}

/** Associations keep one or two houses; the big УК at the top of the list many. */
function companyWeight(title: string, index: number): number {
  if (/^(ТСЖ|ТСН|ЖСК)/.test(title)) return 0.6;
  return 12 / (1 + (index % COMPANY_TITLES.length)) ** 0.8;
}

function companyRow(
  id: string,
  title: string,
  managerIds: string[],
  multiFields: MultiFieldIds,
  random: SeededRandom,
): SnapshotCompany {
  const created = portalInstant(2022, 11, 28, 10) + random.int(0, 700) * 86_400_000;
  const phones = [multiFields.value('PHONE', 'WORK', randomCityPhone(random))];
  if (random.chance(0.35))
    phones.push(multiFields.value('PHONE', 'MOBILE', randomMobilePhone(random)));

  const company: SnapshotCompany = {
    ID: id,
    TITLE: title,
    COMPANY_TYPE: 'CUSTOMER',
    ASSIGNED_BY_ID: random.pick(managerIds),
    ADDRESS: random.chance(0.6) ? `г. Калуга, ${random.pick(OFFICE_ADDRESSES)}` : null,
    PHONE: phones,
    DATE_CREATE: formatPortalDateTime(created),
    DATE_MODIFY: formatPortalDateTime(created + random.int(0, 200) * 86_400_000),
  };
  if (random.chance(0.85)) {
    company.EMAIL = [multiFields.value('EMAIL', 'WORK', companyEmail(title, id, random))];
  }
  return company;
}

function companyEmail(title: string, id: string, random: SeededRandom): string {
  const slug = transliterate(title.replace(/^(ООО|МУП|ТСЖ|ТСН|ЖСК)\s*/, '')) || `company-${id}`;
  return random.chance(0.5) ? `info@${slug}.ru` : `${slug.replace(/-/g, '')}@mail.ru`;
}
