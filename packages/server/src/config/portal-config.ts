import type { Env } from './env-schema.js';

export interface ApplicationCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * How AudioBot reaches the portal.
 * - `webhook`: REST calls go through the incoming webhook. Application credentials, when
 *   also given (the guide sets all five variables), are kept for install and events.
 * - `application`: OAuth of a local application; tokens arrive with the install event.
 * - `demo`: nothing configured; the start runs the emulator's demo portal in-process.
 */
export type PortalConfig =
  | {
      kind: 'webhook';
      webhookUrl: string;
      portalUrl: string;
      domain: string;
      memberId: string | null;
      application: ApplicationCredentials | null;
    }
  | {
      kind: 'application';
      portalUrl: string | null;
      domain: string | null;
      memberId: string | null;
      application: ApplicationCredentials;
    }
  | { kind: 'demo' };

type PortalEnv = Pick<
  Env,
  | 'BITRIX_WEBHOOK_URL'
  | 'BITRIX_PORTAL_URL'
  | 'BITRIX_APPLICATION_ID'
  | 'BITRIX_APPLICATION_SECRET'
  | 'BITRIX_MEMBER_ID'
>;

const WEBHOOK_PATH = /^\/rest\/(\d+)\/([A-Za-z0-9_]+)\/?$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Derives the portal mode; pushes a sentence to `problems` for each bad setting. */
export function portalConfigOf(env: PortalEnv, problems: string[]): PortalConfig {
  problems.push(...placeholderProblems(env));

  const application = applicationOf(env, problems);
  const memberId = env.BITRIX_MEMBER_ID ?? null;
  const portalUrl = env.BITRIX_PORTAL_URL ? originOf(env.BITRIX_PORTAL_URL, problems) : null;

  if (env.BITRIX_WEBHOOK_URL) {
    const webhook = webhookOf(env.BITRIX_WEBHOOK_URL, problems);
    if (portalUrl && webhook && portalUrl !== webhook.origin) {
      problems.push(
        `BITRIX_PORTAL_URL: ${portalUrl} is not the portal of BITRIX_WEBHOOK_URL ` +
          `(${webhook.origin})`,
      );
    }
    return {
      kind: 'webhook',
      webhookUrl: webhook?.url ?? env.BITRIX_WEBHOOK_URL,
      portalUrl: webhook?.origin ?? portalUrl ?? '',
      domain: webhook ? new URL(webhook.origin).host : '',
      memberId,
      application,
    };
  }

  if (application) {
    const domain = portalUrl ? new URL(portalUrl).host : null;
    return { kind: 'application', portalUrl, domain, memberId, application };
  }

  if (env.BITRIX_PORTAL_URL || env.BITRIX_MEMBER_ID) {
    problems.push(
      'BITRIX_PORTAL_URL / BITRIX_MEMBER_ID are set, but neither BITRIX_WEBHOOK_URL nor ' +
        'BITRIX_APPLICATION_ID with BITRIX_APPLICATION_SECRET: set one way to connect, ' +
        'or remove them all to run the demo portal',
    );
  }
  return { kind: 'demo' };
}

/** The guide shows `[USER_ID]`, `[APPLICATION_ID]` ...: a value still holding one is unfilled. */
function placeholderProblems(env: PortalEnv): string[] {
  return Object.entries(env)
    .filter(([, value]) => typeof value === 'string' && /\[[A-Z_]+\]/.test(value))
    .map(([name]) => `${name}: still holds a placeholder from the guide, e.g. [USER_ID]`);
}

function applicationOf(env: PortalEnv, problems: string[]): ApplicationCredentials | null {
  const clientId = env.BITRIX_APPLICATION_ID;
  const clientSecret = env.BITRIX_APPLICATION_SECRET;
  if (clientId && clientSecret) return { clientId, clientSecret };

  if (clientId) problems.push('BITRIX_APPLICATION_SECRET: required with BITRIX_APPLICATION_ID');
  if (clientSecret) problems.push('BITRIX_APPLICATION_ID: required with BITRIX_APPLICATION_SECRET');
  return null;
}

function webhookOf(value: string, problems: string[]): { url: string; origin: string } | null {
  const parsed = new URL(value);
  const origin = originOf(value, problems, 'BITRIX_WEBHOOK_URL');
  const path = WEBHOOK_PATH.exec(parsed.pathname);
  if (!path) {
    problems.push('BITRIX_WEBHOOK_URL: must look like https://PORTAL/rest/USER_ID/CODE/');
    return null;
  }
  if (!origin) return null;
  return { url: `${origin}/rest/${path[1]}/${path[2]}/`, origin };
}

/**
 * Bitrix24 answers plain http with "Https required.", so only loopback (the emulator)
 * may use http.
 */
function originOf(value: string, problems: string[], name = 'BITRIX_PORTAL_URL'): string | null {
  const parsed = new URL(value);
  const local = LOOPBACK_HOSTS.has(parsed.hostname);
  if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && local)) {
    return parsed.origin;
  }
  problems.push(`${name}: must use https:// (Bitrix24 refuses plain http)`);
  return null;
}
