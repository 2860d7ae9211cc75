/**
 * PHP-style nested query strings, as a batch command carries its parameters
 * (`crm.deal.list?filter[%3EID]=5&select[0]=ID`): the portal splits each command with
 * `parse_url` and reads the query with `parse_str` (docs: batch.md, data-encoding.md).
 *
 * Brackets stay literal for readability (parse_str accepts them); names and values are
 * percent-encoded, so `&`, `=`, `#` or `$` inside them cannot break the command.
 * A `$result[cmd][0][ID]` reference is a plain string value: the portal decodes it and
 * then substitutes it.
 *
 * Like PHP's http_build_query, null, undefined and empty arrays or objects produce no
 * pair at all. Mind that `filter: {'@ID': []}` therefore filters nothing: check for an
 * empty list before sending it inside a batch.
 */
export function encodePhpQuery(params: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    appendPairs(pairs, encodeURIComponent(name), value);
  }
  return pairs.join('&');
}

function appendPairs(pairs: string[], key: string, value: unknown): void {
  if (value === null || value === undefined) return;

  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      appendPairs(pairs, `${key}[${index}]`, item);
    });
    return;
  }

  if (value instanceof Date) {
    pairs.push(`${key}=${encodeURIComponent(value.toISOString())}`);
    return;
  }

  if (typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) {
      appendPairs(pairs, `${key}[${encodeURIComponent(name)}]`, item);
    }
    return;
  }

  pairs.push(`${key}=${encodeURIComponent(scalarText(value))}`);
}

function scalarText(value: unknown): string {
  // PHP sends booleans as 1 and 0; Bitrix24 reads both.
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}
