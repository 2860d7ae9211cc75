/**
 * References from one batch command to the answers of earlier ones:
 * `$result[deals][0][ID]`, `$next[deals]`, `$total[deals]`, `$time[deals][duration]`,
 * `$error[deals]` (docs: settings/how-to-call-rest-api/batch.md, "Linked Calls").
 */
export interface BatchAnswers {
  result: Record<string, unknown>;
  next: Record<string, unknown>;
  total: Record<string, unknown>;
  time: Record<string, unknown>;
  error: Record<string, unknown>;
}

const reference = /\$(result|next|total|time|error)((?:\[[^\]]*\])+)/g;
const wholeReference = /^\$(result|next|total|time|error)((?:\[[^\]]*\])+)$/;

function lookup(answers: BatchAnswers, part: string, path: string): unknown {
  const keys = [...path.matchAll(/\[([^\]]*)\]/g)].map((match) => match[1] as string);
  let value: unknown = answers[part as keyof BatchAnswers];
  for (const key of keys) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function resolveText(text: string, answers: BatchAnswers): unknown {
  const whole = wholeReference.exec(text);
  if (whole) return lookup(answers, whole[1] as string, whole[2] as string) ?? '';

  return text.replace(reference, (_match, part: string, path: string) => {
    const value = lookup(answers, part, path);
    return value === undefined || value === null || typeof value === 'object' ? '' : String(value);
  });
}

export function resolveReferences(value: unknown, answers: BatchAnswers): unknown {
  if (typeof value === 'string') return value.includes('$') ? resolveText(value, answers) : value;
  if (Array.isArray(value)) return value.map((item) => resolveReferences(item, answers));
  if (value && typeof value === 'object') {
    const resolved: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      resolved[key] = resolveReferences(item, answers);
    return resolved;
  }
  return value;
}
