/**
 * The checking half of the suite-wide leak scan (see ../README.md): given the secrets a
 * test file used and every text AudioBot sent out while it ran, name each text that
 * contains a secret. Pure, so that a deliberate leak can prove it works.
 */

/** Shorter values are ids and words, not secrets (the redactor's own threshold). */
export const MIN_SECRET_LENGTH = 6;

/** What a secret is, for the failure message: never the value itself. */
export type SecretKind = string;

export interface EmittedText {
  /** `log`, or `response GET /api/houses 200`: where the text went. */
  origin: string;
  text: string;
  /**
   * Secrets this one text may hold: the answer that hands a new API token or session
   * cookie to the person who created it. Only that secret, only in that answer.
   */
  exempt?: ReadonlySet<string>;
}

export interface Leak {
  kind: SecretKind;
  origin: string;
  /** Where the secret sits in the text, with the secret itself replaced. */
  excerpt: string;
}

const EXCERPT_CHARS = 60;

export function findLeaks(
  secrets: ReadonlyMap<string, SecretKind>,
  texts: Iterable<EmittedText>,
): Leak[] {
  const forms = secretForms(secrets);
  const leaks: Leak[] = [];

  for (const emitted of texts) {
    for (const [form, secret] of forms) {
      if (!emitted.text.includes(form) || emitted.exempt?.has(secret)) continue;
      const kind = secrets.get(secret) ?? 'secret';
      const masked = maskAll(emitted.text, forms, secrets);
      leaks.push({ kind, origin: emitted.origin, excerpt: excerptOf(masked, `[${kind}]`) });
    }
  }
  return leaks;
}

/**
 * The same as `findLeaks`, faster for a whole test file's output: most secrets occur
 * nowhere, and one search of all texts at once rules each of those out.
 */
export function findLeaksIn(
  secrets: ReadonlyMap<string, SecretKind>,
  texts: readonly EmittedText[],
): Leak[] {
  const all = texts.map((emitted) => emitted.text).join('\n');
  const present = new Map<string, SecretKind>();
  for (const [secret, kind] of secrets) {
    if (all.includes(secret) || all.includes(encodeURIComponent(secret))) {
      present.set(secret, kind);
    }
  }
  return present.size === 0 ? [] : findLeaks(present, texts);
}

/** One line per leak, safe to print: the secret is named by its kind, never shown. */
export function describeLeaks(leaks: readonly Leak[]): string {
  return leaks.map((leak) => `${leak.kind} in ${leak.origin}: …${leak.excerpt}…`).join('\n');
}

// A secret leaks as itself or URL-encoded (in a query string, a Location header).
function secretForms(secrets: ReadonlyMap<string, SecretKind>): Map<string, string> {
  const forms = new Map<string, string>();
  for (const secret of secrets.keys()) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    forms.set(secret, secret);
    forms.set(encodeURIComponent(secret), secret);
  }
  return forms;
}

// Every secret in the text is masked before the excerpt is cut, so that neither the one
// found nor a neighbour, nor a part of one at the excerpt's edge, reaches the report.
function maskAll(
  text: string,
  forms: ReadonlyMap<string, string>,
  secrets: ReadonlyMap<string, SecretKind>,
): string {
  let masked = text;
  const longestFirst = [...forms.keys()].sort((a, b) => b.length - a.length);
  for (const form of longestFirst) {
    const secret = forms.get(form) ?? form;
    if (masked.includes(form)) masked = masked.replaceAll(form, `[${secrets.get(secret)}]`);
  }
  return masked;
}

function excerptOf(masked: string, marker: string): string {
  const at = masked.indexOf(marker);
  const before = masked.slice(Math.max(0, at - EXCERPT_CHARS), at);
  const after = masked.slice(at + marker.length, at + marker.length + EXCERPT_CHARS);
  return `${before}${marker}${after}`.replaceAll('\n', ' ');
}
