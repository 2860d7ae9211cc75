export type CleaningType = 'full_wet' | 'sweeping' | 'first_floor' | 'general' | 'unknown';

export const CLEANING_TYPES: readonly CleaningType[] = [
  'full_wet',
  'sweeping',
  'first_floor',
  'general',
  'unknown',
];

/** Russian names for the filters and exports. */
export const CLEANING_TYPE_NAMES: Record<CleaningType, string> = {
  full_wet: 'Влажная уборка всех этажей',
  sweeping: 'Подметание всех этажей, влажная уборка 1 этажа',
  first_floor: 'Влажная уборка 1 этажа',
  general: 'Генеральная уборка',
  unknown: 'Тип не указан',
};

/**
 * Reads a cleaning type from the enumeration text the portal shows. The texts are long
 * sentences written by people, so the rule looks for the words that tell them apart,
 * in this order (the first that matches wins):
 * 1. «генеральн…» → general;
 * 2. «подмет…» → sweeping (its text also says «влажная уборка 1 этажа», hence before 4);
 * 3. «всех этажей» with «влажн…» → full_wet;
 * 4. «1 этаж», «1-го этажа», «первого этажа» → first_floor;
 * 5. «влажн…» alone → full_wet;
 * anything else, or no text, → unknown. The text itself is always kept beside the code.
 */
export function normalizeCleaningType(text: string | null | undefined): CleaningType {
  if (!text) return 'unknown';

  let type = knownTexts.get(text);
  if (type === undefined) {
    type = typeOfText(text);
    if (knownTexts.size >= 1_000) knownTexts.clear();
    knownTexts.set(text, type);
  }
  return type;
}

/** A portal has a handful of type texts, read once per cleaning: each is read once. */
const knownTexts = new Map<string, CleaningType>();

function typeOfText(text: string): CleaningType {
  const normalized = text.toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ');

  if (/генеральн/.test(normalized)) return 'general';
  if (/подмет/.test(normalized)) return 'sweeping';
  const wet = /влажн/.test(normalized);
  if (wet && /всех этаж/.test(normalized)) return 'full_wet';
  if (/(\b1|перв\S*)\s*(-?\s*г?о)?\s*этаж/.test(normalized)) return 'first_floor';
  if (wet) return 'full_wet';
  return 'unknown';
}
