/**
 * Bitrix24 posts form-encoded bodies with PHP-style names (`auth[member_id]`,
 * `data[FIELDS][ID]`); the form parser keeps those names flat. A JSON body may nest
 * them instead. Either way, one field reads as a trimmed string or null, and a field
 * sent twice counts as not sent: nothing is guessed.
 */
export type FormBody = Record<string, unknown>;

export function formField(body: FormBody | undefined, ...path: string[]): string | null {
  if (!body) return null;

  const flat =
    path[0] +
    path
      .slice(1)
      .map((part) => `[${part}]`)
      .join('');
  if (Object.hasOwn(body, flat)) return textOf(body[flat]);

  let value: unknown = body;
  for (const part of path) {
    if (!value || typeof value !== 'object' || !Object.hasOwn(value, part)) return null;
    value = (value as Record<string, unknown>)[part];
  }
  return textOf(value);
}

function textOf(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;

  const text = value.trim();
  return text === '' ? null : text;
}
