import { searchTokens } from '../../domain/search-text.js';

/**
 * `LIKE` patterns for a search: one per word, each to be found anywhere in the store's
 * `search_text` (normalised by the same domain rule: lowercase, ё as е, punctuation
 * gone). "аллейная 6" finds «Аллейная улица, 6». The normalisation keeps only letters,
 * digits and spaces, so no LIKE wildcard can come from the user.
 */
export function searchPatterns(query: string): string[] {
  return searchTokens(query).map((token) => `%${token}%`);
}
