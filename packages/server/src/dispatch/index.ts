export { type BrigadeDayPlan, brigadeDayPlans, type PlannedHouse } from './brigade-day-plan.js';
export {
  type BrigadeDispatch,
  type BrigadeDispatchInput,
  type BrigadeDispatchRun,
  type BrigadePlanDispatch,
  type DispatchTaskMode,
  dispatchOutboxIds,
  enqueueBrigadeDispatch,
  runBrigadeDispatch,
} from './brigade-dispatch.js';
export {
  brigadePlanKey,
  brigadePlanMarker,
  brigadePlanTask,
  endOfDay,
} from './brigade-plan-task.js';
export {
  type CancelReason,
  cancelledPlanTask,
  cancelledTitlePrefix,
} from './cancelled-plan-task.js';
export {
  type DayDispatch,
  type DayDispatchInput,
  type DayDispatchRun,
  dayDispatchOutboxIds,
  enqueueDayDispatch,
  runDayDispatch,
} from './day-dispatch.js';
export { dayOutboxEntries } from './day-outbox.js';
export {
  type BrigadeDispatchJobPayload,
  brigadeDispatchJobName,
  type DispatchScheduler,
  registerBrigadeDispatchJob,
  startDispatchScheduler,
} from './dispatch-scheduler.js';
export { housePlanKey, housePlanMarker, housePlanTask } from './house-plan-task.js';
