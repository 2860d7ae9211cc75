import type { FastifyInstance } from 'fastify';

/**
 * Bitrix24 cloud portals live under these zones (`company.bitrix24.ru`, …). A CSP host
 * source may wildcard only the leftmost label, so each zone is named.
 */
export const CLOUD_PORTAL_ZONES = [
  'bitrix24.ru',
  'bitrix24.by',
  'bitrix24.kz',
  'bitrix24.ua',
  'bitrix24.com',
  'bitrix24.de',
  'bitrix24.es',
  'bitrix24.eu',
  'bitrix24.fr',
  'bitrix24.it',
  'bitrix24.pl',
  'bitrix24.uk',
  'bitrix24.in',
  'bitrix24.cn',
  'bitrix24.jp',
  'bitrix24.vn',
  'bitrix24.id',
  'bitrix24.com.br',
  'bitrix24.com.tr',
  'bitrix24.mx',
  'bitrix24.co',
] as const;

/**
 * Who may show AudioBot in a frame: AudioBot itself, the served portal (an on-premise
 * portal has its own host) and Bitrix24's cloud portals, where the local application
 * opens. Any other site framing it could overlay it to trick a signed-in user into
 * clicks, so the browser refuses.
 */
export function frameAncestorsPolicy(portalDomain: string | null): string {
  const sources = ["'self'"];
  if (portalDomain && isHost(portalDomain)) sources.push(`https://${portalDomain}`);
  for (const zone of CLOUD_PORTAL_ZONES) sources.push(`https://*.${zone}`);
  return `frame-ancestors ${sources.join(' ')}`;
}

// The domain comes from the install; a value with spaces or `;` would add directives.
function isHost(domain: string): boolean {
  return /^[a-z0-9.-]+(:\d{1,5})?$/i.test(domain);
}

/** Sends the policy on every answer: pages, files, API and errors alike. */
export function installFrameAncestors(
  app: FastifyInstance,
  portalDomain: () => string | null,
): void {
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('content-security-policy', frameAncestorsPolicy(portalDomain()));
  });
}
