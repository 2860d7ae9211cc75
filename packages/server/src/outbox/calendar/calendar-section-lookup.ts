import type { OperationContext, PortalCaller } from '../outbox-operation.js';
import { OutboxPayloadError } from '../outbox-operation.js';
import type { CalendarLocation } from './calendar-event-payload.js';

/**
 * Section ids by portal client and location. A section changes rarely; asking the portal
 * before every event would double the calls of a day's dispatch. The cache lives as long
 * as the worker's client, and a write refused for its section forgets the id
 * (`forgetSection`), so the write looks again.
 */
const cache = new WeakMap<PortalCaller, Map<string, number>>();

function knownOf(portal: PortalCaller): Map<string, number> {
  let known = cache.get(portal);
  if (!known) {
    known = new Map();
    cache.set(portal, known);
  }
  return known;
}

function keyOf(memberId: string, location: CalendarLocation): string {
  return `${memberId}|${location.type}|${location.ownerId}|${location.sectionName ?? ''}`;
}

export function forgetSection(
  context: OperationContext,
  memberId: string,
  location: CalendarLocation,
): void {
  knownOf(context.portal).delete(keyOf(memberId, location));
}

/**
 * The section of the location: the one with its name (the oldest, if a race made two),
 * added when missing; or, without a name, the calendar's first section.
 */
export async function sectionIdOf(
  context: OperationContext,
  memberId: string,
  location: CalendarLocation,
): Promise<number> {
  const known = knownOf(context.portal);
  const key = keyOf(memberId, location);
  const cached = known.get(key);
  if (cached !== undefined) return cached;

  const id = (await findSection(context, location)) ?? (await addSection(context, location));
  known.set(key, id);
  return id;
}

async function findSection(
  context: OperationContext,
  location: CalendarLocation,
): Promise<number | null> {
  const answer = await context.portal.call<Array<{ ID?: unknown; NAME?: unknown }>>(
    'calendar.section.get',
    { type: location.type, ownerId: location.ownerId },
    { signal: context.signal },
  );
  const ids = (answer.result ?? [])
    .filter((section) => location.sectionName === null || section.NAME === location.sectionName)
    .map((section) => Number(section.ID))
    .filter((id) => Number.isInteger(id) && id > 0)
    .sort((a, b) => a - b);
  return ids[0] ?? null;
}

async function addSection(context: OperationContext, location: CalendarLocation) {
  if (location.sectionName === null) {
    throw new OutboxPayloadError(
      `The ${location.type} calendar ${location.ownerId} has no section to put events in`,
    );
  }
  const answer = await context.portal.call<unknown>(
    'calendar.section.add',
    {
      type: location.type,
      ownerId: location.ownerId,
      name: location.sectionName,
      description: 'Уборки по графику. Ведёт AudioBot: события меняются вместе с графиком.',
    },
    { signal: context.signal },
  );
  const id = Number(answer.result);
  if (!Number.isInteger(id) || id <= 0)
    throw new Error('calendar.section.add answered without a section id');
  return id;
}
