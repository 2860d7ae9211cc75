import { CLEANING_TYPE_NAMES } from '../domain/index.js';
import { zoneOffsetMs } from '../domain/zone-offset.js';
import type { TaskUpsertPayload } from '../outbox/index.js';
import type { BrigadeDayPlan, PlannedHouse } from './brigade-day-plan.js';

/** One plan per brigade and date: the outbox key, and the marker its task's title carries. */
export function brigadePlanKey(brigadeId: number, date: string): string {
  return `brigade-plan:${brigadeId}:${date}`;
}

export function brigadePlanMarker(brigadeId: number, date: string): string {
  return `[AB ${brigadePlanKey(brigadeId, date)}]`;
}

/**
 * The Bitrix24 task of a brigade's day: its houses in order with the cleaning types,
 * bound to their deals, for the brigade's leader, due at the end of that day in the
 * company's zone. The plan must have a leader.
 */
export function brigadePlanTask(
  plan: BrigadeDayPlan & { leaderId: number },
  timeZone: string,
): TaskUpsertPayload {
  const marker = brigadePlanMarker(plan.brigadeId, plan.date);
  const day = russianDate(plan.date);
  const count = plan.houses.length === 0 ? 'уборок нет' : housesWord(plan.houses.length);

  return {
    marker,
    fields: {
      TITLE: `Уборка ${day}: ${plan.brigadeName}, ${count} ${marker}`,
      DESCRIPTION: description(plan, day),
      RESPONSIBLE_ID: plan.leaderId,
      DEADLINE: endOfDay(plan.date, timeZone),
      UF_CRM_TASK: plan.houses.map((house) => `D_${house.houseId}`),
    },
  };
}

function description(plan: BrigadeDayPlan, day: string): string {
  if (plan.houses.length === 0) {
    return `На ${day} у бригады «${plan.brigadeName}» уборок по графику нет.`;
  }
  const lines = plan.houses.map((house, index) => `${index + 1}. ${houseLine(house)}`);
  return [
    `Дома бригады «${plan.brigadeName}» на ${day}, в порядке адресов:`,
    '',
    ...lines,
    '',
    'Задачу ведёт AudioBot: при изменении графика она обновляется.',
  ].join('\n');
}

/** `ул. Ленина, 9 — Влажная уборка всех этажей (подъездов: 4, этажей: 9)`. */
export function houseLine(house: PlannedHouse): string {
  const types = house.cleanings.map((cleaning) => CLEANING_TYPE_NAMES[cleaning.type]).join(' + ');
  const counts = [
    house.entrances === null ? null : `подъездов: ${house.entrances}`,
    house.floors === null ? null : `этажей: ${house.floors}`,
  ].filter((part) => part !== null);
  const tail = counts.length > 0 ? ` (${counts.join(', ')})` : '';
  return `${house.address ?? house.title} — ${types}${tail}`;
}

/** `2025-09-16T23:59:59+03:00`: the last second of the date on the company's clock. */
export function endOfDay(date: string, timeZone: string): string {
  const asUtc = Date.parse(`${date}T23:59:59Z`);
  const offsetMinutes = Math.round(zoneOffsetMs(asUtc, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
  return `${date}T23:59:59${sign}${hours}:${minutes}`;
}

/** `16.09.2025` for `2025-09-16`. */
export function russianDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

function housesWord(count: number): string {
  const lastTwo = count % 100;
  const last = count % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return `${count} домов`;
  if (last === 1) return `${count} дом`;
  if (last >= 2 && last <= 4) return `${count} дома`;
  return `${count} домов`;
}
