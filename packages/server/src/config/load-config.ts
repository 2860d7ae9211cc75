import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import type { ZodIssue } from 'zod';
import type { MappingOverride } from '../domain/mapping-override.js';
import { ConfigError } from './config-error.js';
import { type DatabaseConfig, dataDirOf, parseDatabaseUrl } from './database-url.js';
import { type Env, envSchema } from './env-schema.js';
import { readMappingFile } from './mapping-file.js';
import { photoDirOf } from './photo-dir.js';
import { type PortalConfig, portalConfigOf } from './portal-config.js';

export type LogLevel = Env['LOG_LEVEL'];

/** The validated settings of one AudioBot process. Frozen: nothing changes them later. */
export interface Config {
  portal: PortalConfig;
  database: DatabaseConfig;
  /** Folder beside the store for AudioBot's own files (the generated secret key). */
  dataDir: string;
  server: { host: string; port: number; publicUrl: string | null };
  /** IANA zone of the cleaning company; schedule dates are days in this zone. */
  timeZone: string;
  adminToken: string | null;
  /** null: use the key generated into the data dir (see `resolveSecretKey`). */
  secretKey: string | null;
  mappingFile: string | null;
  /** The mapping file's content, validated; null without a file. */
  mappingOverride: MappingOverride | null;
  sync: {
    /** 0 = no scheduled incremental sync. */
    incrementalMinutes: number;
    /** Local time of the nightly full sync, or null when turned off. */
    fullAt: { hour: number; minute: number } | null;
  };
  /** What a day's dispatch writes: one task per brigade or per house; which calendar. */
  dispatch: {
    tasks: Env['AUDIOBOT_DISPATCH_TASKS'];
    calendar: Env['AUDIOBOT_CALENDAR'];
  };
  outbox: {
    /** How long a write is held by its process; past it a crashed write is taken over. */
    leaseSeconds: number;
  };
  logLevel: LogLevel;
  mapTileUrl: string;
  /** Folder of the completion photos, absolute; checked writable at load. */
  photoDir: string;
}

export interface LoadConfigOptions {
  /** Variables to read; default `process.env`. They win over the .env file. */
  env?: Record<string, string | undefined>;
  /** The .env file; default `<cwd>/.env`; `false` to read none. A missing file is fine. */
  envFile?: string | false;
  /** Base of relative paths; default `process.cwd()`. */
  cwd?: string;
}

/**
 * Reads, validates and freezes the configuration. Throws one `ConfigError` listing every
 * problem, so a start that cannot work stops with the whole list to fix.
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  const raw = mergeSources(options, cwd);

  const parsed = envSchema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map(describeIssue);
  const database = parseDatabaseUrl(raw.DATABASE_URL, cwd);
  if ('problem' in database) problems.push(database.problem);

  const portal = portalOf(raw, problems);
  const mappingFile = raw.AUDIOBOT_MAPPING_FILE
    ? path.resolve(cwd, raw.AUDIOBOT_MAPPING_FILE.trim())
    : null;
  const mappingOverride = mappingFile ? readMappingFile(mappingFile, problems) : null;
  const dataDir = 'problem' in database ? cwd : dataDirOf(database, cwd);
  const photoDir = photoDirOf(raw.AUDIOBOT_PHOTO_DIR?.trim(), dataDir, cwd, problems);
  if (!parsed.success || 'problem' in database || !portal || problems.length > 0) {
    throw new ConfigError(problems);
  }

  const config = configOf(parsed.data, portal, database, cwd);
  return deepFreeze({ ...config, mappingFile, mappingOverride, photoDir });
}

function configOf(
  env: Env,
  portal: PortalConfig,
  database: DatabaseConfig,
  cwd: string,
): Omit<Config, 'mappingFile' | 'mappingOverride' | 'photoDir'> {
  return {
    portal,
    database,
    dataDir: dataDirOf(database, cwd),
    server: { host: env.HOST, port: env.PORT, publicUrl: env.AUDIOBOT_PUBLIC_URL ?? null },
    timeZone: env.AUDIOBOT_TIME_ZONE,
    adminToken: env.AUDIOBOT_ADMIN_TOKEN ?? null,
    secretKey: env.AUDIOBOT_SECRET_KEY ?? null,
    sync: {
      incrementalMinutes: env.AUDIOBOT_SYNC_INCREMENTAL_MINUTES,
      fullAt: timeOfDay(env.AUDIOBOT_SYNC_FULL_AT),
    },
    dispatch: { tasks: env.AUDIOBOT_DISPATCH_TASKS, calendar: env.AUDIOBOT_CALENDAR },
    outbox: { leaseSeconds: env.AUDIOBOT_OUTBOX_LEASE_SECONDS },
    logLevel: env.LOG_LEVEL,
    mapTileUrl: env.AUDIOBOT_MAP_TILE_URL,
  };
}

/** The .env file fills only what the environment leaves unset; empty values count as unset. */
function mergeSources(options: LoadConfigOptions, cwd: string): Record<string, string> {
  const file = options.envFile === undefined ? path.join(cwd, '.env') : options.envFile;
  const fromFile = file && existsSync(file) ? parseDotenv(readFileSync(file)) : {};
  const fromEnv = options.env ?? process.env;

  const merged: Record<string, string> = {};
  for (const source of [fromFile, fromEnv]) {
    for (const [name, value] of Object.entries(source)) {
      if (value !== undefined && value.trim() !== '') merged[name] = value;
    }
  }
  return merged;
}

/**
 * The portal rules run even when another variable is wrong, so the list is complete.
 * When a portal variable itself is malformed, the schema has already said so.
 */
function portalOf(raw: Record<string, string>, problems: string[]): PortalConfig | null {
  const portalEnv = envSchema
    .pick({
      BITRIX_WEBHOOK_URL: true,
      BITRIX_PORTAL_URL: true,
      BITRIX_APPLICATION_ID: true,
      BITRIX_APPLICATION_SECRET: true,
      BITRIX_MEMBER_ID: true,
    })
    .safeParse(raw);
  return portalEnv.success ? portalConfigOf(portalEnv.data, problems) : null;
}

function describeIssue(issue: ZodIssue): string {
  return `${issue.path.join('.')}: ${issue.message}`;
}

function timeOfDay(value: string): { hour: number; minute: number } | null {
  if (value === 'off') return null;
  const [hour, minute] = value.split(':').map(Number);
  return { hour: hour ?? 0, minute: minute ?? 0 };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
