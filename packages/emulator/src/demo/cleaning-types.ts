/**
 * The enumeration texts of the real portal. The three cleaning types are the items of
 * every «Тип уборки» field; general cleaning has its own multiple enumeration.
 */
export type DemoCleaningType = 'full_wet' | 'sweeping' | 'first_floor';

export const CLEANING_TYPE_TEXTS: Readonly<Record<DemoCleaningType, string>> = {
  full_wet:
    'Влажная уборка лестничных площадок всех этажей и лифта (при наличии); ' +
    'Профилактическая дезинфекция МОП;',
  sweeping:
    'Подметание лестничных площадок и маршей всех этажей, влажная уборка 1 этажа и лифта ' +
    '(при наличии); Профилактическая дезинфекция МОП;',
  first_floor: 'Влажная уборка 1 этажа и лифта (при наличии); Профилактическая дезинфекция МОП;',
};

export const CLEANING_TYPES: readonly DemoCleaningType[] = ['full_wet', 'sweeping', 'first_floor'];

/** Items of «Генеральная уборка»: what a general cleaning includes. */
export const GENERAL_CLEANING_TEXTS = [
  'Влажная уборка стен',
  'Мытьё перил и поручней',
  'Мытьё плинтусов',
  'Мытьё окон и подоконников',
] as const;
