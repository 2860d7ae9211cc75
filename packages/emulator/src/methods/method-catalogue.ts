import { systemMethods } from './app/system-methods.js';
import { batchMethods } from './batch/batch-method.js';
import { calendarMethods } from './calendar/calendar-methods.js';
import { companyEntity } from './crm/company-entity.js';
import { contactEntity } from './crm/contact-entity.js';
import { crmCatalogMethods } from './crm/crm-catalog-methods.js';
import { crmEntityMethods } from './crm/crm-entity-methods.js';
import { crmItemMethods } from './crm/crm-item-methods.js';
import { dealEntity } from './crm/deal-entity.js';
import { timelineCommentMethods } from './crm/timeline-comment-methods.js';
import { eventMethods } from './events/event-methods.js';
import { notifyMethods } from './im/notify-methods.js';
import type { MethodDefinition } from './method-definition.js';
import { checklistItemMethods } from './tasks/checklist-item-methods.js';
import { taskMethods } from './tasks/task-methods.js';
import { departmentMethods } from './user/department-methods.js';
import { userMethods } from './user/user-methods.js';

/**
 * Every REST method the emulator answers, by lower-case name. A name not here answers
 * 404 ERROR_METHOD_NOT_FOUND. Each definition carries its scope.
 */
let catalogue: Map<string, MethodDefinition> | null = null;

function build(): Map<string, MethodDefinition> {
  const definitions = [
    ...systemMethods,
    ...batchMethods,
    ...crmEntityMethods(dealEntity),
    ...crmEntityMethods(companyEntity),
    ...crmEntityMethods(contactEntity),
    ...crmItemMethods,
    ...crmCatalogMethods,
    ...timelineCommentMethods,
    ...userMethods,
    ...departmentMethods,
    ...taskMethods,
    ...checklistItemMethods,
    ...calendarMethods,
    ...eventMethods,
    ...notifyMethods,
  ];
  return new Map(definitions.map((definition) => [definition.name, definition]));
}

export function findMethod(name: string): MethodDefinition | undefined {
  catalogue ??= build();
  return catalogue.get(name.toLowerCase());
}

export function methodNames(): string[] {
  catalogue ??= build();
  return [...catalogue.keys()];
}
