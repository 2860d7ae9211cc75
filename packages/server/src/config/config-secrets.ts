import type { Config } from './load-config.js';

/**
 * Every secret value in the configuration, for the log redactor: the webhook code (and
 * the whole webhook URL), the application secret, the admin token, the secret key and
 * a database password. Empty and very short values are left out: redacting "1" would
 * mangle every log line.
 */
export function secretsOf(config: Config): string[] {
  const secrets = [
    ...portalSecrets(config),
    config.adminToken,
    config.secretKey,
    databasePassword(config),
  ];
  return secrets.filter((secret): secret is string => !!secret && secret.length >= 4);
}

function portalSecrets(config: Config): (string | null)[] {
  const portal = config.portal;
  if (portal.kind === 'demo') return [];

  const secrets: (string | null)[] = [portal.application?.clientSecret ?? null];
  if (portal.kind === 'webhook') {
    const code = /\/rest\/\d+\/([^/]+)\//.exec(portal.webhookUrl)?.[1] ?? null;
    secrets.push(portal.webhookUrl, code);
  }
  return secrets;
}

function databasePassword(config: Config): string | null {
  if (config.database.dialect !== 'postgres') return null;
  const password = new URL(config.database.url).password;
  return password ? decodeURIComponent(password) : null;
}
