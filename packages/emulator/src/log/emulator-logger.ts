/**
 * The emulator's own log: one JSON line per event with a category. Every line passes
 * through `redactSecrets`, the one place that removes webhook codes, tokens and the
 * client secret, so no caller has to remember to.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogLine {
  level: LogLevel;
  category: string;
  message: string;
  [field: string]: unknown;
}

export type LogSink = (line: string) => void;

export interface EmulatorLogger {
  log(level: LogLevel, category: string, message: string, data?: Record<string, unknown>): void;
  /** Values that must never appear: registered webhook codes, issued tokens, secrets. */
  addSecret(secret: string): void;
}

const secretKeys =
  /^(auth|access_token|refresh_token|client_secret|code|application_token|password)$/i;
const webhookPath = /(\/rest\/\d+\/)[^/?]+/g;
const secretQuery = /((?:auth|access_token|refresh_token|client_secret|code)=)[^&\s"]+/gi;

export function redactSecrets(value: unknown, secrets: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, secrets));
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = secretKeys.test(key) ? '[redacted]' : redactSecrets(item, secrets);
    }
    return copy;
  }
  return value;
}

function redactText(text: string, secrets: ReadonlySet<string>): string {
  let clean = text.replace(webhookPath, '$1[redacted]').replace(secretQuery, '$1[redacted]');
  for (const secret of secrets)
    if (secret && clean.includes(secret)) clean = clean.replaceAll(secret, '[redacted]');
  return clean;
}

export function createLogger(sink: LogSink | null, minimum: LogLevel = 'info'): EmulatorLogger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const secrets = new Set<string>();

  return {
    addSecret: (secret) => {
      if (secret.length >= 6) secrets.add(secret);
    },
    log: (level, category, message, data = {}) => {
      if (!sink || order.indexOf(level) < order.indexOf(minimum)) return;
      const line = redactSecrets(
        { time: new Date().toISOString(), level, category, message, ...data },
        secrets,
      );
      sink(JSON.stringify(line));
    },
  };
}
