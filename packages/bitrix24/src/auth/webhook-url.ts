import { Bitrix24Error } from '../errors/bitrix24-error.js';
import { redactedMark } from '../redaction/redactor.js';

/** An incoming webhook, `https://PORTAL/rest/{userId}/{code}/` (docs: authorization.md). */
export interface WebhookAddress {
  /** `https://portal.bitrix24.ru`, no trailing slash. */
  portalUrl: string;
  userId: number;
  /** The secret part; never print it. */
  code: string;
  /** `https://portal/rest/{userId}/{code}/`, where a method name is appended. */
  restBase: string;
}

/**
 * Reads a webhook URL as a person pastes it: with or without the trailing slash, with a
 * method name after the code, with a double slash. Throws a `credentials` error that does
 * not repeat the code when the URL is not a webhook.
 */
export function parseWebhookUrl(url: string): WebhookAddress {
  const parsed = parseUrl(url.trim());
  const match = /^\/+rest\/+(\d+)\/+([^/]+)(?:\/|$)/.exec(parsed.pathname);
  if (match === null) throw malformed('the path is not /rest/{userId}/{code}/');

  const userId = Number(match[1]);
  const code = decodeURIComponent(match[2] ?? '');
  if (!Number.isSafeInteger(userId) || userId <= 0) throw malformed('the user id is not a number');
  if (code === '' || code.includes('.')) throw malformed('the webhook code is missing');

  const portalUrl = parsed.origin;
  return { portalUrl, userId, code, restBase: `${portalUrl}/rest/${userId}/${code}/` };
}

/** The webhook's address with its code hidden: `https://portal/rest/1/***\/`. */
export function describeWebhook(address: WebhookAddress): string {
  return `${address.portalUrl}/rest/${address.userId}/${redactedMark}/`;
}

function parseUrl(url: string): URL {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('protocol');
    return parsed;
  } catch {
    throw malformed('it is not an http(s) URL');
  }
}

function malformed(reason: string): Bitrix24Error {
  return new Bitrix24Error({
    kind: 'credentials',
    code: 'CLIENT_WEBHOOK_URL_INVALID',
    description: `The webhook URL is not https://PORTAL/rest/{userId}/{code}/: ${reason}`,
    status: null,
    method: null,
    missingScope: null,
    retryable: false,
  });
}
