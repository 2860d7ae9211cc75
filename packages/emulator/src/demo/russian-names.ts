import type { SeededRandom } from './seeded-random.js';

/**
 * Russian personal names for staff and senior residents. Last names are stored in the
 * male form; `lastNameFor` derives the female form the way the language does.
 */
const MALE_FIRST_NAMES = [
  'Александр',
  'Алексей',
  'Андрей',
  'Анатолий',
  'Виктор',
  'Владимир',
  'Геннадий',
  'Дмитрий',
  'Евгений',
  'Иван',
  'Игорь',
  'Константин',
  'Максим',
  'Михаил',
  'Николай',
  'Олег',
  'Павел',
  'Роман',
  'Сергей',
  'Юрий',
  'Валерий',
  'Борис',
  'Василий',
  'Артём',
  'Денис',
  'Руслан',
];

const FEMALE_FIRST_NAMES = [
  'Анна',
  'Антонина',
  'Валентина',
  'Галина',
  'Екатерина',
  'Елена',
  'Зинаида',
  'Ирина',
  'Людмила',
  'Лариса',
  'Любовь',
  'Марина',
  'Мария',
  'Надежда',
  'Наталья',
  'Нина',
  'Ольга',
  'Светлана',
  'Татьяна',
  'Тамара',
  'Юлия',
  'Вера',
  'Оксана',
  'Раиса',
  'Алла',
  'Гульнара',
];

/** Fathers' names as patronymic stems: + `ович`/`овна` or the irregular forms below. */
const PATRONYMICS: readonly (readonly [male: string, female: string])[] = [
  ['Александрович', 'Александровна'],
  ['Алексеевич', 'Алексеевна'],
  ['Андреевич', 'Андреевна'],
  ['Викторович', 'Викторовна'],
  ['Владимирович', 'Владимировна'],
  ['Васильевич', 'Васильевна'],
  ['Геннадьевич', 'Геннадьевна'],
  ['Дмитриевич', 'Дмитриевна'],
  ['Евгеньевич', 'Евгеньевна'],
  ['Иванович', 'Ивановна'],
  ['Игоревич', 'Игоревна'],
  ['Михайлович', 'Михайловна'],
  ['Николаевич', 'Николаевна'],
  ['Петрович', 'Петровна'],
  ['Сергеевич', 'Сергеевна'],
  ['Юрьевич', 'Юрьевна'],
  ['Анатольевич', 'Анатольевна'],
  ['Борисович', 'Борисовна'],
];

const LAST_NAMES = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Соколов',
  'Лебедев',
  'Козлов',
  'Новиков',
  'Морозов',
  'Петров',
  'Волков',
  'Соловьёв',
  'Васильев',
  'Зайцев',
  'Павлов',
  'Семёнов',
  'Голубев',
  'Виноградов',
  'Богданов',
  'Воробьёв',
  'Фёдоров',
  'Михайлов',
  'Беляев',
  'Тарасов',
  'Белов',
  'Комаров',
  'Орлов',
  'Киселёв',
  'Макаров',
  'Андреев',
  'Ковалёв',
  'Ильин',
  'Гусев',
  'Титов',
  'Кузьмин',
  'Кудрявцев',
  'Баранов',
  'Куликов',
  'Алексеев',
  'Степанов',
  'Яковлев',
  'Сорокин',
  'Сергеев',
  'Романов',
  'Захаров',
  'Борисов',
  'Королёв',
  'Герасимов',
  'Пономарёв',
  'Григорьев',
  'Лазарев',
  'Медведев',
  'Ершов',
  'Никитин',
  'Соболев',
  'Рябов',
  'Поляков',
  'Цветков',
  'Данилов',
  'Жуков',
  'Фролов',
  'Журавлёв',
  'Николаев',
  'Крылов',
  'Максимов',
  'Сидоров',
  'Осипов',
  'Белоусов',
  'Федотов',
  'Дорофеев',
  'Калинин',
  'Тихонов',
  'Гордеев',
  'Черных',
  'Мельник',
  'Рахимов',
  'Каримов',
  'Шевченко',
];

export type Gender = 'male' | 'female';

export interface PersonName {
  gender: Gender;
  firstName: string;
  lastName: string;
  secondName: string;
}

export function randomPersonName(random: SeededRandom, femaleShare: number): PersonName {
  const gender: Gender = random.chance(femaleShare) ? 'female' : 'male';
  const patronymic = random.pick(PATRONYMICS);
  return {
    gender,
    firstName: random.pick(gender === 'female' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
    lastName: lastNameFor(random.pick(LAST_NAMES), gender),
    secondName: gender === 'female' ? patronymic[1] : patronymic[0],
  };
}

/** Иванов → Иванова, Ильин → Ильина; Черных, Мельник, Шевченко do not change. */
function lastNameFor(maleForm: string, gender: Gender): string {
  if (gender === 'male') return maleForm;
  if (/(ов|ев|ёв|ин)$/.test(maleForm)) return `${maleForm}а`;
  return maleForm;
}
