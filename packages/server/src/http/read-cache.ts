import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Answers of read routes kept as the bytes last sent, per portal, viewer scope and URL,
 * while the store's data version stays the same. Reads only change when a sync writes
 * (each page it commits moves the version) or when `invalidate()` is called (CRM event
 * handlers of issue 5 must call it after writing a house). A route opts in with
 * `config: { cache: true }`.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    cache?: boolean;
  }
}

export interface ReadCache {
  /** Forgets everything: call after writing to the store outside a sync run. */
  invalidate(): void;
}

export interface ReadCacheOptions {
  /** A string that changes whenever the portal's data changes (e.g. the newest sync run). */
  dataVersion(memberId: string): Promise<string>;
  memberId(): string | null;
  /** The company's date: answers that depend on "today" never outlive it. */
  today(): string;
  /** The version is read again at most this often; default 250 ms. */
  probeEveryMs?: number;
  /** Entries kept; the least recently used goes first. Default 500. */
  maxEntries?: number;
  /** Answers larger than this are not kept. Default 1 MB. */
  maxBytes?: number;
  /** False turns the cache off (every answer computed). Default true. */
  enabled?: boolean;
}

interface Entry {
  version: string;
  contentType: string;
  /** As the route sent it: serialized by Fastify, or JSON text the route wrote itself. */
  body: string | Buffer;
}

const HIT = Symbol('read cache key');

export function installReadCache(app: FastifyInstance, options: ReadCacheOptions): ReadCache {
  const entries = new Map<string, Entry>();
  const version = versionProbe(options);
  const maxEntries = options.maxEntries ?? 500;
  const maxBytes = options.maxBytes ?? 1_000_000;
  if (options.enabled === false) return { invalidate: () => {} };

  // After authentication (hooks run in order of registration): the key includes the scope.
  app.addHook('onRequest', async (request, reply) => {
    const key = keyOf(request, options.memberId(), options.today());
    if (!key) return;

    const current = await version.current();
    const entry = entries.get(key);
    (request as unknown as Record<symbol, unknown>)[HIT] = { key, version: current };
    if (!entry || entry.version !== current) return;

    entries.delete(key);
    entries.set(key, entry);
    return sendCached(reply, entry);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = (request as unknown as Record<symbol, { key: string; version: string }>)[HIT];
    const text = typeof payload === 'string' || Buffer.isBuffer(payload);
    if (!pending || reply.statusCode !== 200 || !text) return payload;
    if (payload.length > maxBytes) return payload;

    const contentType = String(reply.getHeader('content-type') ?? 'application/json');
    entries.set(pending.key, {
      version: pending.version,
      contentType,
      body: payload as string | Buffer,
    });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    return payload;
  });

  return { invalidate: () => entries.clear() };
}

function keyOf(request: FastifyRequest, memberId: string | null, today: string): string | null {
  if (request.method !== 'GET' || !request.routeOptions.config.cache || !memberId) return null;
  // Brigade users may later see only their brigade (issue 5): never share their answers.
  const user = request.user;
  const scope = user?.role.startsWith('brigade') ? `brigade:${user.brigadeId}` : 'all';
  return `${memberId}|${scope}|${today}|${request.url}`;
}

function sendCached(reply: FastifyReply, entry: Entry): FastifyReply {
  return reply.type(entry.contentType).send(entry.body);
}

function versionProbe(options: ReadCacheOptions) {
  const every = options.probeEveryMs ?? 250;
  let value = '';
  let readAt = 0;
  let reading: Promise<string> | null = null;

  const read = async (): Promise<string> => {
    const memberId = options.memberId();
    value = memberId ? await options.dataVersion(memberId) : '';
    readAt = Date.now();
    reading = null;
    return value;
  };

  return {
    current: (): Promise<string> => {
      if (Date.now() - readAt < every) return Promise.resolve(value);
      reading ??= read();
      return reading;
    },
  };
}
