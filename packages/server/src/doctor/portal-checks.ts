import {
  type DepartmentRow,
  departmentIdsOf,
  discoverFields,
  findHousesPipeline,
  type MappingOverride,
  type PipelineRow,
  resolveBrigades,
  toDepartment,
  type UserFieldRow,
  type UserRow,
} from '../domain/index.js';
import { fixes, scopesFix } from './doctor-fixes.js';
import { check, type DoctorCheck } from './doctor-report.js';
import type { PortalProbe, Probed } from './portal-probe.js';
import { missingScopes } from './scope-requirements.js';

const pipelineName = 'Уборка подъездов';

export function scopesCheck(probe: PortalProbe): DoctorCheck {
  const title = 'Права доступа (scope)';
  const granted = probe.scopes.value;
  if (!granted) return refused('scopes', '2', title, probe.scopes);

  const missing = missingScopes(granted);
  if (missing.length === 0) {
    return check('scopes', '2', title, {
      status: 'ok',
      detail: `Выданы права: ${granted.join(', ')}.`,
    });
  }
  const core = missing.some((requirement) => requirement.core);
  const lacking = missing.map((requirement) => `${requirement.scope} (${requirement.feature})`);
  return check('scopes', missing[0]?.step ?? '2', title, {
    status: core ? 'fail' : 'warn',
    detail: `Не хватает прав: ${lacking.join(', ')}. Выданы: ${granted.join(', ') || 'никакие'}.`,
    fix: scopesFix(missing),
  });
}

export function pipelineCheck(probe: PortalProbe, override?: MappingOverride): DoctorCheck {
  const title = `Воронка «${pipelineName}»`;
  const categories = probe.categories.value;
  if (!categories) return refused('pipeline', '2.1', title, probe.categories);

  const pipelines = categories as unknown as PipelineRow[];
  const found = findHousesPipeline(pipelines, override?.pipeline);
  if (found) {
    return check('pipeline', '2.1', title, {
      status: 'ok',
      detail:
        `Найдена воронка «${found.name}» (id ${found.id}); ` +
        'другие воронки не синхронизируются.',
    });
  }
  const seen = pipelines.map((pipeline) => `«${pipeline.name}»`).join(', ') || 'нет';
  return check('pipeline', '2.1', title, {
    status: 'fail',
    detail: `Воронка не найдена. Воронки сделок на портале: ${seen}.`,
    fix: fixes.pipeline,
  });
}

export function fieldMappingCheck(probe: PortalProbe, override?: MappingOverride): DoctorCheck {
  const title = 'Поля домов и графика уборок';
  const rows = probe.userFields.value;
  if (!rows) return refused('field-mapping', '2.1', title, probe.userFields);

  const pipeline = findHousesPipeline(
    (probe.categories.value ?? []) as unknown as PipelineRow[],
    override?.pipeline,
  );
  const mapping = discoverFields(rows as unknown as UserFieldRow[], {
    override,
    pipelineName: pipeline?.name,
  });
  const months = new Set(mapping.schedule.map((slot) => slot.month));
  // Fields of other pipelines and fields AudioBot has no use for are expected, not problems.
  const ignored = mapping.unplaced.filter((field) => quietReasons.has(field.reason));
  const found =
    `Найдено ролей: ${Object.keys(mapping.roles).length}, месяцев графика: ${months.size}; ` +
    `не относятся к домам: ${ignored.length} полей.`;
  const problems = [
    ...mapping.missing.map((role) => `не найдено поле «${roleNames[role] ?? role}»`),
    ...mapping.unplaced
      .filter((field) => !quietReasons.has(field.reason))
      .map((field) => `${field.field} «${field.label}»: ${reasonText(field.reason)}`),
  ];
  if (problems.length === 0)
    return check('field-mapping', '2.1', title, { status: 'ok', detail: found });

  return check('field-mapping', '2.1', title, {
    status: mapping.roles.address ? 'warn' : 'fail',
    detail: `${found} Не размещено: ${problems.join('; ')}.`,
    fix: fixes.fieldMapping,
  });
}

const quietReasons = new Set(['unrecognised', 'other_pipeline']);

const roleNames: Record<string, string> = {
  address: 'Адрес многоквартирного дома',
  apartments: 'Количество квартир',
  entrances: 'Количество подъездов',
  floors: 'Количество этажей',
  area: 'Общая площадь жилых помещений',
  tariff: 'Тариф / периодичность',
  contract: '№ Договора',
  serviceStart: 'Дата начала обслуживания',
  generalCleaning: 'Генеральная уборка',
  generalCleaningDate: 'Дата генеральной',
};

const reasons: Record<string, string> = {
  unrecognised: 'название не распознано',
  no_month: 'в названии нет месяца',
  duplicate: 'повтор названия, использовано другое поле',
  overridden: 'заменено файлом соответствия',
  override_unknown_field: 'в файле соответствия указано несуществующее поле',
  other_pipeline: 'поле другой воронки',
};

function reasonText(reason: string): string {
  return reasons[reason] ?? reason;
}

export function countsCheck(probe: PortalProbe, override?: MappingOverride): DoctorCheck {
  const title = 'Дома, сотрудники и бригады на портале';
  const users = probe.users.value;
  const departments = probe.departments.value;
  const houses = probe.houseCount.value;
  if (houses === null || !users || !departments) {
    return check('counts', '5.2', title, {
      status: 'skip',
      detail: 'Нельзя посчитать: нет воронки или прав на CRM, пользователей, подразделения.',
    });
  }

  const staffDepartments = (departments as unknown as DepartmentRow[]).map(toDepartment);
  const structure = resolveBrigades(staffDepartments, { parentId: override?.brigadeParent });
  const employees = (users as unknown as UserRow[]).filter(
    (user) => structure.brigadeOf(departmentIdsOf(user.UF_DEPARTMENT)) !== null,
  );
  const brigades = structure.brigades.length;
  const detail =
    `Домов в воронке: ${houses}; сотрудников в бригадах: ${employees.length}; ` +
    `бригад: ${brigades} ` +
    `(всего активных пользователей: ${users.length}).`;
  const empty = houses === 0 || brigades === 0;
  return check('counts', '5.2', title, {
    status: empty ? 'warn' : 'ok',
    detail,
    fix: empty
      ? 'Проверьте, что дома — сделки воронки «Уборка подъездов», а бригады — подразделения ' +
        'под одним общим отделом в структуре компании.'
      : '',
  });
}

/** A check whose data the portal refused: a missing scope names itself. */
function refused<T>(
  id: DoctorCheck['id'],
  step: string,
  title: string,
  answer: Probed<T>,
): DoctorCheck {
  const refusal = answer.refusal;
  if (!refusal || refusal.code === 'not_asked') {
    return check(id, step, title, { status: 'skip', detail: 'Портал недоступен.' });
  }
  return check(id, step, title, {
    status: 'skip',
    detail: `Портал не дал данные (${refusal.code}); см. проверку прав доступа.`,
  });
}
