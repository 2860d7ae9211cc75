/** A user field row of `crm.deal.userfield.list`, as much of it as discovery reads. */
export interface UserFieldRow {
  ID?: string | number;
  FIELD_NAME: string;
  USER_TYPE_ID?: string;
  MULTIPLE?: string;
  /** A string with `filter: {LANG: 'ru'}`, else an object by language. */
  EDIT_FORM_LABEL?: string | Record<string, string> | null;
  LIST_COLUMN_LABEL?: string | Record<string, string> | null;
  LIST_FILTER_LABEL?: string | Record<string, string> | null;
  LIST?:
    | {
        ID: string | number;
        VALUE: string;
        SORT?: string | number;
        XML_ID?: string;
        DEF?: string;
      }[]
    | null;
}

const LABEL_KEYS = ['EDIT_FORM_LABEL', 'LIST_COLUMN_LABEL', 'LIST_FILTER_LABEL'] as const;

/**
 * The labels of a field, Russian first, in the order the portal's forms show them.
 * The admin may fill only the list-column label, so all are candidates.
 */
export function labelsOf(field: UserFieldRow): string[] {
  const labels: string[] = [];
  for (const key of LABEL_KEYS) {
    const value = field[key];
    if (typeof value === 'string') labels.push(value);
    else if (value) labels.push(value.ru ?? '', ...Object.values(value));
  }
  return [...new Set(labels.map((label) => label.trim()).filter(Boolean))];
}

/**
 * A label as discovery compares it: lowercase, ё → е, one space between words, and
 * exactly « | » around the separator. «Дата уборки1| Май 2025» → «дата уборки1 | май 2025».
 */
export function normalizeLabel(label: string): string {
  return label
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/\s*\|\s*/g, ' | ')
    .replace(/\s+/g, ' ')
    .trim();
}

const MONTHS: [RegExp, number][] = [
  [/^янв/, 1],
  [/^фев/, 2],
  [/^мар/, 3],
  [/^апр/, 4],
  [/^ма[йя]/, 5],
  [/^июн/, 6],
  [/^июл/, 7],
  [/^авг/, 8],
  [/^сен/, 9],
  [/^окт/, 10],
  [/^ноя/, 11],
  [/^дек/, 12],
];

/**
 * Finds «Сентябрь 2025» (any case, «сентября», «сент.») in a normalised label and
 * returns `2025-09`, or null. A month name without a year cannot be placed safely.
 */
export function monthOfLabel(normalized: string): string | null {
  const match = /([а-я]+)\.?\s*(\d{4})\b/.exec(normalized);
  if (!match?.[1] || !match[2]) return null;

  const month = MONTHS.find(([pattern]) => pattern.test(match[1] ?? ''))?.[1];
  return month ? `${match[2]}-${String(month).padStart(2, '0')}` : null;
}
