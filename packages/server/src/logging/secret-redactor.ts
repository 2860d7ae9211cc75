/**
 * The one place where secrets are removed from text that leaves the process: every log
 * line (the logger's output stream runs through it) and every error message sent to a
 * client. Two layers: patterns for the shapes secrets take (webhook codes, OAuth
 * parameters, bearer tokens, cookies, `auth[...]` form fields), and the exact strings
 * the configuration or a sign-in made known, whatever shape they appear in.
 */

export const REDACTED = '[redacted]';

// Shorter strings would redact ordinary words and ids; no real secret is this short.
const MIN_SECRET_LENGTH = 6;

const SECRET_JSON_FIELD =
  '[a-z_]*token|[a-z_]*secret|password|authorization|cookie|auth_id|refresh_id';

const patterns: ReadonlyArray<readonly [RegExp, string]> = [
  // Webhook URL: /rest/{userId}/{code}/ — the code is the credential.
  [/(\/rest\/\d+\/)[^/\s"'?&]+/g, `$1${REDACTED}`],
  // OAuth and event parameters in query strings and form bodies, plain or URL-encoded.
  [
    /\b([a-z_]*token|auth|client_secret|auth_id|refresh_id|code|password)=([^&\s"';]+)/gi,
    `$1=${REDACTED}`,
  ],
  [/\b(auth(?:\[|%5B)[^\]%=]*(?:\]|%5D))=([^&\s"';]+)/gi, `$1=${REDACTED}`],
  // JSON-shaped fields with a secret-looking name.
  [
    new RegExp(`("(?:${SECRET_JSON_FIELD})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)"`, 'gi'),
    `$1${REDACTED}"`,
  ],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`],
  [/\b(audiobot_session)=([^;\s"',&]+)/g, `$1=${REDACTED}`],
];

export interface SecretRedactor {
  /** Returns the text with every known secret and secret-shaped value replaced. */
  redact(text: string): string;
  /** Makes a secret learned at runtime (a new token) known to every later redaction. */
  addSecret(secret: string): void;
}

export function createSecretRedactor(secrets: Iterable<string> = []): SecretRedactor {
  const known = new Set<string>();

  const addSecret = (secret: string): void => {
    if (secret.length >= MIN_SECRET_LENGTH) known.add(secret);
  };
  for (const secret of secrets) addSecret(secret);

  const redact = (text: string): string => {
    let result = text;
    for (const secret of known) {
      if (result.includes(secret)) result = result.replaceAll(secret, REDACTED);
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret && result.includes(encoded)) {
        result = result.replaceAll(encoded, REDACTED);
      }
    }
    for (const [pattern, replacement] of patterns) result = result.replace(pattern, replacement);
    return result;
  };

  return { redact, addSecret };
}
