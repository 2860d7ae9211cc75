import { subscribe, unsubscribe } from 'node:diagnostics_channel';

import type { RunningEmulator } from '@audiobot/emulator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { type EmittedText, MIN_SECRET_LENGTH, type SecretKind } from './leak-scan.js';

/** Published by Fastify for every instance it creates, before any plugin or route. */
const FASTIFY_CREATED = 'fastify.initialization';

// Spelled out rather than imported: the setup file runs before every test file, and
// importing the logger and the authentication would load pino and the store into each
// one that never needs them. leak-scan.test.ts checks that both names match.
export const LOG_LINE_CHANNEL = 'audiobot.log.line';
export const SESSION_COOKIE = 'audiobot_session';

/**
 * What one test file used and said: the secrets it handed to AudioBot or the emulator
 * made, and every log line and HTTP answer AudioBot produced meanwhile. The setup file
 * (leak-watch-setup.ts) starts it before the file's tests and checks it after them.
 */
export class LeakWatch {
  readonly secrets = new Map<string, SecretKind>();
  readonly texts: EmittedText[] = [];
  /** Answers whose body is a stream (the web app's files): not read, only counted. */
  streamedAnswers = 0;
  readonly #emulators: RunningEmulator[] = [];
  /** What each emulator registered as a secret since the watch saw it start. */
  readonly #issued = new Map<RunningEmulator, Set<string>>();
  /** Bodies of answers on their way out, until their headers are final. */
  readonly #bodies = new WeakMap<FastifyRequest, string | null>();

  addSecret(secret: string, kind: SecretKind): void {
    if (secret.length >= MIN_SECRET_LENGTH && !this.secrets.has(secret)) {
      this.secrets.set(secret, kind);
    }
  }

  start(): void {
    subscribe(LOG_LINE_CHANNEL, this.#onLogLine);
    subscribe(FASTIFY_CREATED, this.#onFastify);
  }

  /**
   * Stops listening and adds what the file's emulators hold: the secrets they made
   * meanwhile, and the records AudioBot wrote that Bitrix24 shows people.
   */
  stop(): void {
    unsubscribe(LOG_LINE_CHANNEL, this.#onLogLine);
    unsubscribe(FASTIFY_CREATED, this.#onFastify);
    for (const emulator of this.#emulators) {
      this.#collectEmulatorSecrets(emulator);
      this.#collectShownRecords(emulator);
    }
  }

  /**
   * The emulator registers every secret it issues (webhook codes, OAuth codes and
   * tokens, application tokens, client secrets) with its own log's redactor: listen
   * there too.
   */
  watchEmulator(emulator: RunningEmulator): RunningEmulator {
    const logger = emulator.portal.logger;
    const register = logger.addSecret.bind(logger);
    const issued = new Set<string>();
    logger.addSecret = (secret) => {
      register(secret);
      issued.add(secret);
    };
    this.#emulators.push(emulator);
    this.#issued.set(emulator, issued);
    return emulator;
  }

  #collectEmulatorSecrets(emulator: RunningEmulator): void {
    const state = emulator.portal.state;
    const code = /\/rest\/\d+\/([^/]+)\//.exec(emulator.webhookUrl)?.[1];
    if (code) this.addSecret(code, 'emulator webhook code');
    for (const webhook of state.webhooks.values()) this.addSecret(webhook.code, 'webhook code');
    for (const application of state.applications.values()) {
      this.addSecret(application.clientSecret, 'client secret');
    }

    // A client id is public (it is in every authorize link) but the emulator makes its
    // random part with the same helper as secrets, which registers it as one.
    const clientIds = [...state.applications.values()].map((application) => application.clientId);
    clientIds.push(emulator.application.clientId);
    for (const secret of this.#issued.get(emulator) ?? []) {
      if (clientIds.some((clientId) => clientId.includes(secret))) continue;
      this.addSecret(secret, 'emulator-issued token or code');
    }
  }

  // Tasks, comments and notifications are read by people in the portal: what AudioBot
  // puts there is said as much as an answer is. The CRM's own rows are left out: the
  // demo's hundreds of deals would cost more than AudioBot's few field edits are worth.
  #collectShownRecords(emulator: RunningEmulator): void {
    const state = emulator.portal.state;
    const shown = {
      tasks: state.tasks,
      'checklist items': state.checklistItems,
      'calendar events': state.calendarEvents,
      'timeline comments': state.timelineComments,
      notifications: state.notifications,
    };
    for (const [name, table] of Object.entries(shown)) {
      if (table.size === 0) continue;
      const origin = `the emulator's ${name}, shown in Bitrix24`;
      this.texts.push({ origin, text: JSON.stringify(table.values()) });
    }
  }

  readonly #onLogLine = (line: unknown): void => {
    this.texts.push({ origin: 'a log line', text: String(line) });
  };

  readonly #onFastify = (message: unknown): void => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRequest', async (request) => this.#collectSent(request));
    // The body is known when it is sent, the headers when the answer is done: the cookie
    // plugin writes Set-Cookie in an onSend hook of its own, after this one.
    fastify.addHook('onSend', async (request, _reply, payload) => {
      this.#bodies.set(request, bodyText(payload));
      return payload;
    });
    fastify.addHook('onResponse', async (request, reply) => this.#collectAnswer(request, reply));
  };

  /** A bearer token or session cookie a test sends is a secret, whoever made it. */
  #collectSent(request: FastifyRequest): void {
    const bearer = /^Bearer\s+(\S+)/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) this.addSecret(bearer, 'bearer token sent to AudioBot');
    const session = cookieValue(request.headers.cookie ?? '', SESSION_COOKIE);
    if (session) this.addSecret(session, 'session token');
  }

  #collectAnswer(request: FastifyRequest, reply: FastifyReply): void {
    const answer = `the answer to ${request.method} ${routeOf(request)} (${reply.statusCode})`;
    const body = this.#bodies.has(request) ? (this.#bodies.get(request) ?? null) : '';
    if (body === null) this.streamedAnswers += 1;

    const headers = JSON.stringify(reply.getHeaders());
    this.texts.push(
      { origin: `the headers of ${answer}`, text: headers, exempt: this.#sessionSet(reply) },
      {
        origin: `the body of ${answer}`,
        text: body ?? '',
        exempt: this.#tokenCreated(request, reply, body ?? ''),
      },
    );
  }

  /**
   * The two answers that must carry a secret, each in one place: a sign-in's
   * Set-Cookie header hands the new session token to the person signing in, and the
   * body of the answer that creates an API token shows it to its admin, once. Any
   * other secret there, or this one anywhere else, is still a leak.
   */
  #sessionSet(reply: FastifyReply): Set<string> {
    const session = sessionCookieSet(reply);
    if (!session) return new Set();
    this.addSecret(session, 'session token');
    return new Set([session]);
  }

  #tokenCreated(request: FastifyRequest, reply: FastifyReply, body: string): Set<string> {
    const creating = request.method === 'POST' && routeOf(request) === '/api/tokens';
    const json = String(reply.getHeader('content-type')).startsWith('application/json');
    if (!creating || reply.statusCode !== 201 || !json) return new Set();

    const secret = secretOf(body);
    if (secret === null) return new Set();
    this.addSecret(secret, 'API token');
    return new Set([secret]);
  }
}

// The route pattern, never the URL: a URL can hold a secret (an OAuth `code`), and
// the origin is printed when a leak is found.
function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? '(no route)';
}

function bodyText(payload: unknown): string | null {
  if (payload === undefined || payload === null) return '';
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  return null;
}

function secretOf(body: string): string | null {
  try {
    const secret = (JSON.parse(body) as { secret?: unknown }).secret;
    return typeof secret === 'string' ? secret : null;
  } catch {
    return null;
  }
}

function sessionCookieSet(reply: FastifyReply): string | null {
  const header = reply.getHeader('set-cookie');
  const cookies = Array.isArray(header) ? header : [String(header ?? '')];
  for (const cookie of cookies) {
    const value = cookieValue(cookie.split(';')[0] ?? '', SESSION_COOKIE);
    if (value) return value;
  }
  return null;
}

function cookieValue(cookies: string, name: string): string | null {
  for (const part of cookies.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name && value.length > 0) return decoded(value.join('='));
  }
  return null;
}

// A test may send a malformed cookie on purpose; the watch must not fail its request.
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
