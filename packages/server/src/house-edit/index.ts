export { type BrigadeStaff, responsibleForBrigade } from './brigade-responsible.js';
export {
  type DealUpdatePayload,
  type DealUpdateResult,
  dealChangedCode,
  dealUpdateKind,
  dealUpdateOperation,
} from './deal-update-operation.js';
export type { EditConflict } from './edit-conflicts.js';
export { type EditForm, loadEditForm, type SlotForm } from './edit-form.js';
export {
  COUNT_PARTS,
  type HouseEdit,
  type HouseEditStart,
  SLOT_CLEANING_TYPES,
} from './house-edit.js';
export { HouseEditing } from './house-editing.js';
export { type EditOutcome, HouseEditor } from './house-editor.js';
export { scheduleDateTime } from './portal-datetime.js';
