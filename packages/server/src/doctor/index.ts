export { fixes, scopesFix } from './doctor-fixes.js';
export type { CheckId, CheckStatus, DoctorCheck, DoctorReport } from './doctor-report.js';
export { type DoctorContext, runDoctor } from './run-doctor.js';
export { missingScopes, type ScopeRequirement, scopeRequirements } from './scope-requirements.js';
