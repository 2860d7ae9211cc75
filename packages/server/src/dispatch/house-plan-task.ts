import type { TaskUpsertPayload } from '../outbox/index.js';
import type { BrigadeDayPlan, PlannedHouse } from './brigade-day-plan.js';
import { endOfDay, houseLine, russianDate } from './brigade-plan-task.js';

/** One plan per house and date (`AUDIOBOT_DISPATCH_TASKS=house`). */
export function housePlanKey(houseId: number, date: string): string {
  return `house-plan:${houseId}:${date}`;
}

export function housePlanMarker(houseId: number, date: string): string {
  return `[AB ${housePlanKey(houseId, date)}]`;
}

/**
 * The Bitrix24 task of one house's cleaning day: what is to be done there, bound to its
 * deal, for the brigade's leader, due at the end of the day in the company's zone.
 */
export function housePlanTask(
  plan: BrigadeDayPlan & { leaderId: number },
  house: PlannedHouse,
  timeZone: string,
): TaskUpsertPayload {
  const marker = housePlanMarker(house.houseId, plan.date);
  const day = russianDate(plan.date);

  return {
    marker,
    fields: {
      TITLE: `Уборка ${day}: ${house.address ?? house.title} ${marker}`,
      DESCRIPTION: [
        `Бригада «${plan.brigadeName}», ${day}:`,
        '',
        houseLine(house),
        '',
        'Задачу ведёт AudioBot: при изменении графика она обновляется.',
      ].join('\n'),
      RESPONSIBLE_ID: plan.leaderId,
      DEADLINE: endOfDay(plan.date, timeZone),
      UF_CRM_TASK: [`D_${house.houseId}`],
    },
  };
}
