/**
 * The method and credentials a REST URL names:
 * `/rest/{userId}/{code}/{method}[.json]` (webhook) or `/rest/{method}` (OAuth).
 * Double slashes are tolerated and the method name is case-insensitive.
 */
export type RestTarget =
  | { kind: 'webhook'; userId: string; code: string; method: string }
  | { kind: 'oauth'; method: string };

function methodName(raw: string): string {
  return decodeURIComponent(raw)
    .replace(/\.(json|xml)$/i, '')
    .toLowerCase();
}

export function parseRestPath(path: string): RestTarget | null {
  const segments = path.split('/').filter(Boolean);
  if (segments[0]?.toLowerCase() !== 'rest') return null;

  const rest = segments.slice(1);
  if (rest.length === 1) return { kind: 'oauth', method: methodName(rest[0] as string) };
  if (rest.length === 3 && /^\d+$/.test(rest[0] as string)) {
    return {
      kind: 'webhook',
      userId: rest[0] as string,
      code: rest[1] as string,
      method: methodName(rest[2] as string),
    };
  }
  return null;
}
