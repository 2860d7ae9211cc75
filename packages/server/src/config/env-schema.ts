import { z } from 'zod';

/**
 * Every environment variable AudioBot reads, with its type, default and meaning.
 * This is the only place that names them; `.env.example` documents the same list.
 * An empty value (`NAME=` in a .env file) counts as "not set".
 */

const optionalText = z.string().trim().optional();

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function integer(min: number, max: number, fallback: number) {
  return z.coerce
    .number({ invalid_type_error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);
}

function url(message: string) {
  return z
    .string()
    .trim()
    .refine((value) => URL.canParse(value), message);
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const envSchema = z.object({
  /** Incoming webhook, `https://PORTAL/rest/{userId}/{code}/`. Secret: the code is a password. */
  BITRIX_WEBHOOK_URL: url('must be a URL like https://PORTAL/rest/1/CODE/').optional(),
  /** Portal origin, `https://PORTAL.bitrix24.ru`. Derived from the webhook when absent. */
  BITRIX_PORTAL_URL: url('must be a URL like https://PORTAL.bitrix24.ru').optional(),
  /** Local application client_id, e.g. `local.6537665f598492.98090704`. */
  BITRIX_APPLICATION_ID: optionalText,
  /** Local application client_secret. Secret. */
  BITRIX_APPLICATION_SECRET: optionalText,
  /** The portal's member_id; learnt from the install event when absent. */
  BITRIX_MEMBER_ID: optionalText,

  /**
   * Where the store lives. Absent: SQLite file `./data/audiobot.sqlite`.
   * `postgres://user:pass@host:5432/db` (or `postgresql://`): PostgreSQL.
   * `sqlite:PATH`, a plain path, or `:memory:` (tests): SQLite. Secret: may hold a password.
   */
  DATABASE_URL: optionalText,

  /** HTTP port of the API and web app. */
  PORT: integer(0, 65535, 3000),
  /** Interface to listen on; 0.0.0.0 = every interface. */
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  /** Address users reach AudioBot at (for links, the Bitrix24 app URL, event handlers). */
  AUDIOBOT_PUBLIC_URL: url('must be a URL like https://audiobot.example.ru').optional(),

  /** The cleaning company's IANA time zone: schedule dates are days in this zone. */
  AUDIOBOT_TIME_ZONE: z
    .string()
    .trim()
    .default('Europe/Moscow')
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Moscow'),

  /** Bootstrap admin API token (`Authorization: Bearer ...`). Secret. At least 16 characters. */
  AUDIOBOT_ADMIN_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').optional(),
  /**
   * Key that encrypts portal tokens at rest. Secret. At least 32 characters.
   * Absent: a random key is generated once into `<data dir>/secret.key` (see secret-key.ts).
   */
  AUDIOBOT_SECRET_KEY: z.string().trim().min(32, 'must be at least 32 characters').optional(),
  /** JSON file that maps roles to field codes, overriding discovery by label. */
  AUDIOBOT_MAPPING_FILE: optionalText,

  /** Minutes between incremental syncs; 0 turns the schedule off. */
  AUDIOBOT_SYNC_INCREMENTAL_MINUTES: integer(0, 24 * 60, 10),
  /** Local time (company zone) of the nightly full sync, HH:MM; `off` turns it off. */
  AUDIOBOT_SYNC_FULL_AT: z
    .string()
    .trim()
    .default('03:00')
    .refine((value) => value === 'off' || /^([01]\d|2[0-3]):[0-5]\d$/.test(value), {
      message: 'must be HH:MM (00:00-23:59) or off',
    }),

  /**
   * Bitrix24 tasks of a day's dispatch: `brigade`, one task per brigade listing its houses;
   * `house`, one task per house and day. Switching rewrites the other kind's tasks of a
   * date dispatched again as cancelled (see src/dispatch/README.md).
   */
  AUDIOBOT_DISPATCH_TASKS: z.enum(['brigade', 'house']).default('brigade'),
  /**
   * Where the cleanings go as calendar events: `brigade`, a section «Уборки: <brigade>» in
   * the brigade leader's calendar; `company`, the company calendar; `off`, nowhere (the
   * events made before are left as they are and no longer kept in step).
   */
  AUDIOBOT_CALENDAR: z.enum(['brigade', 'company', 'off']).default('brigade'),

  /**
   * Folder of the completion photos (made when missing). Absent: `photos` in the data
   * folder, ./data/photos by default. Keep it with the store's backups.
   */
  AUDIOBOT_PHOTO_DIR: optionalText,

  /**
   * Seconds an outbox write is held by the process running it. A process that dies
   * mid-write (crash, kill -9) leaves the write held this long; then another run takes it
   * over and finds what the dead one made. Longer than any one write can take.
   */
  AUDIOBOT_OUTBOX_LEASE_SECONDS: integer(1, 24 * 60 * 60, 300),

  /** Log verbosity. */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Map tiles for the web app; {z}/{x}/{y} are replaced by the map. */
  AUDIOBOT_MAP_TILE_URL: z
    .string()
    .trim()
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png')
    .refine((value) => /\{z\}/.test(value) && /\{x\}/.test(value) && /\{y\}/.test(value), {
      message: 'must contain {z}, {x} and {y}',
    }),
});

export type Env = z.infer<typeof envSchema>;

/** The variable names, for tests and for the example file check. */
export const ENV_NAMES = Object.keys(envSchema.shape) as (keyof Env)[];
