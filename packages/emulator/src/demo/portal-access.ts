import type {
  SnapshotApplication,
  SnapshotPortal,
  SnapshotWebhook,
} from '../snapshot/snapshot-format.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * The portal's identity and its ways in: one admin webhook with every scope and the
 * local application of the customer's setup guide. Secrets derive from the seed, so a
 * test can rebuild them; they protect nothing beyond the emulator.
 */
export const DEMO_DOMAIN = 'vas-dom.bitrix24.ru';

/** Every scope a webhook form offers that the product or a test may touch. */
export const ALL_SCOPES = [
  'crm',
  'user',
  'user_basic',
  'user_brief',
  'department',
  'task',
  'tasks',
  'tasks_extended',
  'calendar',
  'log',
  'sonet_group',
  'lists',
  'disk',
  'im',
  'imbot',
  'placement',
  'entity',
  'bizproc',
  'timeman',
  'telephony',
  'pull',
  'catalog',
  'sale',
  'landing',
  'documentgenerator',
  'userfieldconfig',
  'mailservice',
  'messageservice',
  'rpa',
  'intranet',
];

/** The scopes step 2 of the setup guide asks for (`user.basic` is spelt `user_basic`). */
export const SETUP_GUIDE_SCOPES = [
  'crm',
  'user',
  'department',
  'user_basic',
  'task',
  'tasks',
  'calendar',
  'log',
  'sonet_group',
  'lists',
  'disk',
  'im',
];

export function demoPortal(now: Date, timeZone: string, random: SeededRandom): SnapshotPortal {
  return {
    domain: DEMO_DOMAIN,
    memberId: random.hex(32),
    plan: 'standard',
    timeZone,
    now: now.toISOString(),
  };
}

export function adminWebhook(adminId: string, random: SeededRandom): SnapshotWebhook {
  return {
    userId: adminId,
    code: random.fromAlphabet('abcdefghijklmnopqrstuvwxyz0123456789', 16),
    scopes: [...ALL_SCOPES],
    title: 'AudioBot',
  };
}

/** Registered but not installed; AudioBot's default local address is its install URL. */
export function localApplication(random: SeededRandom): SnapshotApplication {
  return {
    clientId: `local.${random.hex(14)}.${random.digits(8)}`,
    clientSecret: random.fromAlphabet(
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
      50,
    ),
    scopes: [...SETUP_GUIDE_SCOPES],
    appUrl: 'http://localhost:3000/',
    installUrl: 'http://localhost:3000/api/bitrix24/install',
  };
}
