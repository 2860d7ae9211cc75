/**
 * The scope each REST method needs (docs: api-reference/scopes/permissions.md and the
 * `Scope:` line of each method page). The table names the methods AudioBot calls; the
 * prefixes cover the rest of each family. `null` means the method needs no scope.
 */
const scopeByMethod: Record<string, string | null> = {
  batch: null,
  scope: null,
  methods: null,
  'method.get': null,
  'app.info': null,
  'server.time': null,
  profile: null,
  'feature.get': null,
  'event.bind': null,
  'event.get': null,
  'event.unbind': null,
  'user.get': 'user',
  'user.current': 'user',
  'user.search': 'user',
  'department.get': 'department',
  'crm.deal.list': 'crm',
  'crm.deal.get': 'crm',
  'crm.deal.add': 'crm',
  'crm.deal.update': 'crm',
  'crm.deal.delete': 'crm',
  'crm.deal.fields': 'crm',
  'crm.deal.userfield.list': 'crm',
  'crm.category.list': 'crm',
  'crm.status.list': 'crm',
  'crm.company.list': 'crm',
  'crm.company.get': 'crm',
  'crm.contact.list': 'crm',
  'crm.contact.get': 'crm',
  'crm.timeline.comment.add': 'crm',
  'crm.timeline.comment.list': 'crm',
  'tasks.task.add': 'task',
  'tasks.task.update': 'task',
  'tasks.task.get': 'task',
  'tasks.task.list': 'task',
  'tasks.task.delete': 'task',
  'calendar.event.add': 'calendar',
  'calendar.event.update': 'calendar',
  'calendar.event.get': 'calendar',
  'calendar.event.delete': 'calendar',
  'calendar.section.get': 'calendar',
  'calendar.section.add': 'calendar',
  'im.notify.system.add': 'im',
};

const scopeByPrefix: ReadonlyArray<readonly [string, string]> = [
  ['crm.', 'crm'],
  ['user.', 'user'],
  ['department.', 'department'],
  ['tasks.', 'task'],
  ['task.', 'task'],
  ['calendar.', 'calendar'],
  ['im.', 'im'],
  ['imbot.', 'imbot'],
  ['disk.', 'disk'],
  ['lists.', 'lists'],
  ['log.', 'log'],
  ['sonet_group.', 'sonet_group'],
  ['entity.', 'entity'],
  ['placement.', 'placement'],
  ['telephony.', 'telephony'],
  ['timeman.', 'timeman'],
  ['bizproc.', 'bizproc'],
];

/**
 * The scope `method` needs: a name such as 'crm', null when it needs none, undefined
 * when the client does not know the method.
 */
export function requiredScope(method: string): string | null | undefined {
  const name = method.toLowerCase();
  if (name in scopeByMethod) return scopeByMethod[name];

  const prefix = scopeByPrefix.find(([start]) => name.startsWith(start));
  return prefix === undefined ? undefined : prefix[1];
}

/** The methods of the table, for the doctor to list what each feature needs. */
export const knownMethodScopes: Readonly<Record<string, string | null>> = scopeByMethod;
