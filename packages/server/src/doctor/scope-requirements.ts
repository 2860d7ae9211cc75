/**
 * The scopes each AudioBot feature needs, with the setup guide's step that ticks them
 * (Шаг 2). Core scopes stop the mirror when missing (a failure); the others stop one
 * feature (a warning). The guide's "дополнительные" scopes (log, sonet_group, lists,
 * disk) are not used by any feature, so they are not checked.
 */
export interface ScopeRequirement {
  scope: string;
  /** Any of these granted also satisfies it (Bitrix24's `user_basic` reads users too). */
  alternatives: string[];
  step: string;
  feature: string;
  core: boolean;
}

export const scopeRequirements: ScopeRequirement[] = [
  { scope: 'crm', alternatives: [], step: '2.1', feature: 'дома, УК и старшие', core: true },
  {
    scope: 'user',
    alternatives: ['user_basic', 'user_brief'],
    step: '2.2',
    feature: 'сотрудники',
    core: true,
  },
  { scope: 'department', alternatives: [], step: '2.2', feature: 'бригады', core: true },
  { scope: 'task', alternatives: [], step: '2.3', feature: 'задачи бригадам', core: false },
  { scope: 'calendar', alternatives: [], step: '2.4', feature: 'календарь уборок', core: false },
  { scope: 'im', alternatives: [], step: '2.4', feature: 'уведомления', core: false },
];

export function missingScopes(granted: string[]): ScopeRequirement[] {
  const have = new Set(granted.map((scope) => scope.toLowerCase()));

  return scopeRequirements.filter(
    (requirement) =>
      !have.has(requirement.scope) && !requirement.alternatives.some((name) => have.has(name)),
  );
}
