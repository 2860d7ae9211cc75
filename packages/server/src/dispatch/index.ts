export { type BrigadeDayPlan, brigadeDayPlans, type PlannedHouse } from './brigade-day-plan.js';
export {
  type BrigadeDispatch,
  type BrigadeDispatchInput,
  type BrigadeDispatchRun,
  type BrigadePlanDispatch,
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
  type BrigadeDispatchJobPayload,
  brigadeDispatchJobName,
  type DispatchScheduler,
  registerBrigadeDispatchJob,
  startDispatchScheduler,
} from './dispatch-scheduler.js';
