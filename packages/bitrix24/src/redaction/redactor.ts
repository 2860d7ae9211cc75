/**
 * Removes secrets from any text the client emits: error messages, descriptions the portal
 * sent, log lines. Two layers: the exact secrets the client holds (webhook code, access
 * and refresh tokens, client secret), registered as soon as they are known, and patterns
 * that catch a secret the client never saw (a webhook path or an `auth=` parameter in text
 * someone else produced).
 */
export const redactedMark = '***';

const secretPatterns: ReadonlyArray<readonly [RegExp, string]> = [
  // https://portal/rest/1/abc123/ → https://portal/rest/1/***/
  [/(\/rest\/\d+\/)[^/\s?#"']+/g, `$1${redactedMark}`],
  [
    /\b(auth|access_token|refresh_token|client_secret|code|AUTH_ID|REFRESH_ID)=[^&\s"']+/gi,
    `$1=${redactedMark}`,
  ],
  [
    /("(?:auth|access_token|refresh_token|client_secret|AUTH_ID|REFRESH_ID)"\s*:\s*)"[^"]*"/gi,
    `$1"${redactedMark}"`,
  ],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, `$1${redactedMark}`],
];

/** Secrets shorter than this are not matched by value: they would blank ordinary words. */
const minimumSecretLength = 6;

/**
 * Rotating secrets kept, newest last. An access token lives an hour and a refresh token
 * is spent by its refresh, so a client refreshing hourly for months needs only the last
 * few; the bound keeps `redact` from slowing down with every refresh.
 */
const rotatingSecretsKept = 64;

export class Redactor {
  private readonly permanent = new Set<string>();
  private readonly rotating = new Set<string>();

  constructor(secrets: Iterable<string> = []) {
    for (const secret of secrets) this.addSecret(secret);
  }

  /** Registers a secret for good (a webhook code, a client secret). */
  addSecret(secret: string | null | undefined): void {
    for (const form of forms(secret)) this.permanent.add(form);
  }

  /** Registers a token that a later one replaces; only the newest ones are kept. */
  addRotatingSecret(secret: string | null | undefined): void {
    for (const form of forms(secret)) {
      this.rotating.delete(form);
      this.rotating.add(form);
    }
    for (const oldest of this.rotating) {
      if (this.rotating.size <= rotatingSecretsKept) break;
      this.rotating.delete(oldest);
    }
  }

  redact(text: string): string {
    let safe = text;
    for (const secrets of [this.permanent, this.rotating]) {
      for (const secret of secrets) safe = safe.split(secret).join(redactedMark);
    }
    for (const [pattern, replacement] of secretPatterns) safe = safe.replace(pattern, replacement);
    return safe;
  }

  /** A deep copy of a log object with every string redacted and secret-named keys masked. */
  redactValue(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (value === null || typeof value !== 'object' || depth > 8) return value;
    if (value instanceof Error) return this.redact(String(value));
    if (Array.isArray(value)) return value.map((item) => this.redactValue(item, depth + 1));

    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = secretKey.test(key) ? redactedMark : this.redactValue(item, depth + 1);
    }
    return copy;
  }
}

const secretKey =
  /^(auth|access_?token|refresh_?token|client_?secret|secret|password|webhook_?url)$/i;

function forms(secret: string | null | undefined): string[] {
  if (typeof secret !== 'string' || secret.length < minimumSecretLength) return [];
  return [secret, encodeURIComponent(secret)];
}

/** Redacts by pattern only, plus any secrets given: for text outside a client. */
export function redact(text: string, secrets: Iterable<string> = []): string {
  return new Redactor(secrets).redact(text);
}
