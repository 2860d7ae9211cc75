/** Outbox keys of a completion's writes: all start with `completion:<id>:`. */
export const completionKeys = {
  prefix: (id: number) => `completion:${id}:`,
  comment: (id: number) => `completion:${id}:comment`,
  dayTask: (id: number) => `completion:${id}:day-task`,
  notify: (id: number, userId: number) => `completion:${id}:notify:${userId}`,
};

/**
 * The day's task a cleaning belongs to, by the keys dispatch stores it under: one task
 * per house (`AUDIOBOT_DISPATCH_TASKS=house`) or one per brigade.
 */
export function dayTaskKeys(houseId: number, brigadeId: number | null, date: string) {
  return {
    house: `house-plan:${houseId}:${date}`,
    brigade: brigadeId === null ? null : `brigade-plan:${brigadeId}:${date}`,
  };
}
