import type { Bitrix24ErrorKind } from './error-kind.js';

export interface Bitrix24ErrorFields {
  kind: Bitrix24ErrorKind;
  /**
   * The raw code: Bitrix24's `error` (may be '' for the old CRM methods), the OAuth server's
   * (`invalid_grant`), or one of the client's own, which start with `CLIENT_`.
   */
  code: string;
  /** Bitrix24's `error_description`, or the client's own explanation; never a secret. */
  description: string;
  /** HTTP status; null when no answer came or for a command inside a batch. */
  status: number | null;
  /** The REST method; for a batch command, the command's own method. */
  method: string | null;
  /** The scope the method needs, when the error points at a missing one and it is known. */
  missingScope: string | null;
  retryable: boolean;
  /** For `time_budget`: how long until the method is unblocked, when the portal said. */
  retryAfterMs?: number | null;
  /** How many HTTP attempts were made before giving up (1 = no retry). */
  attempts?: number;
}

/**
 * Every failure the client reports. All text in it has passed through redaction before
 * it got here, so printing, logging or serialising the error never reveals a secret.
 */
export class Bitrix24Error extends Error {
  override readonly name = 'Bitrix24Error';
  readonly kind: Bitrix24ErrorKind;
  readonly code: string;
  readonly description: string;
  readonly status: number | null;
  readonly method: string | null;
  readonly missingScope: string | null;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly attempts: number;

  constructor(fields: Bitrix24ErrorFields) {
    super(composeMessage(fields));
    this.kind = fields.kind;
    this.code = fields.code;
    this.description = fields.description;
    this.status = fields.status;
    this.method = fields.method;
    this.missingScope = fields.missingScope;
    this.retryable = fields.retryable;
    this.retryAfterMs = fields.retryAfterMs ?? null;
    this.attempts = fields.attempts ?? 1;
  }

  /** The same error, saying how many attempts it took to give up. */
  withAttempts(attempts: number): Bitrix24Error {
    return new Bitrix24Error({ ...this.fields(), attempts });
  }

  fields(): Bitrix24ErrorFields {
    return {
      kind: this.kind,
      code: this.code,
      description: this.description,
      status: this.status,
      method: this.method,
      missingScope: this.missingScope,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      attempts: this.attempts,
    };
  }

  toJSON(): Bitrix24ErrorFields & { name: string; message: string } {
    return { name: this.name, message: this.message, ...this.fields() };
  }
}

export function isBitrix24Error(value: unknown): value is Bitrix24Error {
  return value instanceof Bitrix24Error;
}

function composeMessage(fields: Bitrix24ErrorFields): string {
  const where = fields.method ?? 'Bitrix24 request';
  const code = fields.code === '' ? fields.kind : fields.code;
  const status = fields.status === null ? '' : ` (HTTP ${fields.status})`;
  const scope = fields.missingScope === null ? '' : `; missing scope: ${fields.missingScope}`;
  const description = fields.description === '' ? '' : `: ${fields.description}`;

  return `${where} failed with ${code}${status}${description}${scope}`;
}
