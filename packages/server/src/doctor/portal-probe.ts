import type { CommandPump } from '../sync/command-pump.js';
import { CommandFailedError } from '../sync/command-pump.js';
import { listAll } from '../sync/list-all.js';
import { startedEarly } from '../sync/rest-command.js';
import type { PortalRow } from '../sync/sync-domain.js';

/** A command the portal refused inside the probe's batch, with the client's error. */
export interface ProbeRefusal {
  code: string;
  message: string;
  cause: unknown;
}

/** One probe answer: its value, or why the portal refused it. */
export type Probed<T> = { value: T; refusal: null } | { value: null; refusal: ProbeRefusal };

/**
 * What the doctor learns from the portal in two batch requests: the granted scopes,
 * the webhook's user, the portal clock, the deal fields, the pipelines and the staff
 * first; the remaining pages and the house count second. `failure` is set when a
 * request as a whole failed (unreachable, bad credentials, deleted portal).
 */
export interface PortalProbe {
  failure: unknown;
  scopes: Probed<string[]>;
  profile: Probed<PortalRow>;
  serverTime: Probed<string>;
  userFields: Probed<PortalRow[]>;
  categories: Probed<PortalRow[]>;
  users: Probed<PortalRow[]>;
  departments: Probed<PortalRow[]>;
  /** Deals in the houses pipeline; null when the pipeline was not found. */
  houseCount: Probed<number | null>;
  /** Local clock when the first request left and when its answer came. */
  sentAt: Date;
  answeredAt: Date;
}

export async function probe<T>(promise: Promise<T>): Promise<Probed<T>> {
  try {
    return { value: await promise, refusal: null };
  } catch (error) {
    if (!(error instanceof CommandFailedError)) throw error;
    return {
      value: null,
      refusal: { code: error.code, message: error.message, cause: error.cause },
    };
  }
}

const commands = {
  userFields: { method: 'crm.deal.userfield.list', params: { filter: { LANG: 'ru' } } },
  categories: { method: 'crm.category.list', params: { entityTypeId: 2 } },
  users: { method: 'user.get', params: { FILTER: { ACTIVE: true } } },
  departments: { method: 'department.get', params: {} },
};

export async function probePortal(
  pump: CommandPump,
  findPipeline: (categories: PortalRow[]) => { id: number } | null,
): Promise<PortalProbe> {
  const sentAt = new Date();
  let answeredAt = sentAt;
  const single = <T>(method: string) =>
    probe(
      pump.run({ method, params: {} }).then((outcome) => {
        answeredAt = new Date();
        return outcome.result as T;
      }),
    );
  const categories = startedEarly(probe(listAll<PortalRow>(pump, commands.categories)));
  const houseCount = probe(
    categories.then(async ({ value }) => {
      const pipeline = value ? findPipeline(value) : null;
      if (!pipeline) return null;
      const page = await pump.run(countCommand(pipeline.id));
      return page.total ?? 0;
    }),
  );

  try {
    const [scopes, profile, serverTime, userFields, users, departments] = await Promise.all([
      single<string[]>('scope'),
      single<PortalRow>('profile'),
      single<string>('server.time'),
      probe(listAll<PortalRow>(pump, commands.userFields)),
      probe(listAll<PortalRow>(pump, commands.users)),
      probe(listAll<PortalRow>(pump, commands.departments)),
    ]);
    const rest = { categories: await categories, houseCount: await houseCount };
    return {
      failure: null,
      scopes,
      profile,
      serverTime,
      userFields,
      users,
      departments,
      ...rest,
      sentAt,
      answeredAt,
    };
  } catch (failure) {
    await houseCount.catch(() => {});
    return { failure, ...notAsked(), sentAt, answeredAt };
  }
}

function countCommand(pipelineId: number) {
  return {
    method: 'crm.deal.list',
    params: { filter: { CATEGORY_ID: pipelineId }, select: ['ID'], start: 0 },
  };
}

function notAsked() {
  const nothing = { value: null, refusal: { code: 'not_asked', message: '', cause: null } };
  return {
    scopes: nothing,
    profile: nothing,
    serverTime: nothing,
    userFields: nothing,
    categories: nothing,
    users: nothing,
    departments: nothing,
    houseCount: nothing,
  };
}
