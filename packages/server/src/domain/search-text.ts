/**
 * Text as search compares it: lowercase, ё → е (people type «е» for both), punctuation
 * and runs of spaces collapsed to one space. «Аллейная ул., д.6» → «аллейная ул д 6»,
 * so "аллейная 6" is found with `LIKE '%аллейная%' AND LIKE '%6%'` or a token match.
 */
export function normalizeSearchText(text: string | null | undefined): string {
  if (!text) return '';
  // Plain Latin and Cyrillic classes: Unicode property escapes are several times slower,
  // and addresses of Russian portals hold no other letters worth searching by.
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^0-9a-zа-я]+/g, ' ')
    .replace(/([a-zа-я])(\d)/g, '$1 $2')
    .trim();
}

/** The words of a search query, normalised the same way; empty words dropped. */
export function searchTokens(query: string | null | undefined): string[] {
  return normalizeSearchText(query).split(' ').filter(Boolean);
}
