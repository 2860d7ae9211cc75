import type { SnapshotCategory, SnapshotStatus } from '../snapshot/snapshot-format.js';

/**
 * The deal pipelines of the portal. Houses live in «Уборка подъездов» (34); the other
 * pipelines hold the company's other business and must be ignored by AudioBot.
 */
export const HOUSES_CATEGORY_ID = 34;
export const PRIVATE_CLEANING_CATEGORY_ID = 12;
export const STAFFING_CATEGORY_ID = 20;
export const DEFAULT_CATEGORY_ID = 0;

type Semantics = 'P' | 'S' | 'F';

export interface DemoStage {
  statusId: string;
  name: string;
  semantics: Semantics;
}

interface PipelineDefinition {
  category: SnapshotCategory;
  stages: DemoStage[];
}

const working = (statusId: string, name: string): DemoStage => ({ statusId, name, semantics: 'P' });
const won = (statusId: string, name: string): DemoStage => ({ statusId, name, semantics: 'S' });
const lost = (statusId: string, name: string): DemoStage => ({ statusId, name, semantics: 'F' });

export const HOUSE_STAGES = {
  new: working('C34:NEW', 'Новый дом'),
  contract: working('C34:PREPARATION', 'Подготовка договора'),
  serviced: working('C34:UC_PG9Y90', 'На обслуживании'),
  suspended: working('C34:UC_4Q8XKT', 'Приостановлено (долг)'),
  finished: won('C34:WON', 'Договор завершён'),
  terminated: lost('C34:LOSE', 'Расторгнут'),
} as const;

export const PIPELINES: readonly PipelineDefinition[] = [
  {
    category: category(DEFAULT_CATEGORY_ID, 'Общая', 100, 'Y'),
    stages: [
      working('NEW', 'Новая'),
      working('PREPARATION', 'Подготовка документов'),
      working('PREPAYMENT_INVOICE', 'Счёт на предоплату'),
      working('EXECUTING', 'В работе'),
      working('FINAL_INVOICE', 'Финальный счёт'),
      won('WON', 'Сделка успешна'),
      lost('LOSE', 'Сделка провалена'),
      lost('APOLOGY', 'Анализ причины провала'),
    ],
  },
  {
    category: category(PRIVATE_CLEANING_CATEGORY_ID, 'Частная уборка', 200, 'N'),
    stages: [
      working('C12:NEW', 'Заявка'),
      working('C12:PREPARATION', 'Расчёт стоимости'),
      working('C12:UC_7HD2KF', 'Уборка назначена'),
      won('C12:WON', 'Выполнено'),
      lost('C12:LOSE', 'Отказ'),
    ],
  },
  {
    category: category(STAFFING_CATEGORY_ID, 'Аутстаффинг', 300, 'N'),
    stages: [
      working('C20:NEW', 'Запрос'),
      working('C20:UC_M1X0QZ', 'Подбор персонала'),
      working('C20:EXECUTING', 'Сотрудники на объекте'),
      won('C20:WON', 'Договор закрыт'),
      lost('C20:LOSE', 'Отказ'),
    ],
  },
  {
    category: category(HOUSES_CATEGORY_ID, 'Уборка подъездов', 150, 'N'),
    stages: Object.values(HOUSE_STAGES),
  },
];

/** Rows of `crm.status.list` for every pipeline's stages, ids in creation order. */
export function stageStatuses(): SnapshotStatus[] {
  const statuses: SnapshotStatus[] = [];
  let id = 40;
  for (const { category, stages } of PIPELINES) {
    stages.forEach((stage, index) => {
      id += 1;
      statuses.push(statusRow(String(id), category.id, stage, index));
    });
  }
  return statuses;
}

export function pipelineCategories(): SnapshotCategory[] {
  return PIPELINES.map(({ category }) => ({ ...category }));
}

export function stagesOf(categoryId: number): DemoStage[] {
  return PIPELINES.find(({ category }) => category.id === categoryId)?.stages ?? [];
}

function category(id: number, name: string, sort: number, isDefault: 'Y' | 'N'): SnapshotCategory {
  return { id, name, sort, entityTypeId: 2, isDefault };
}

function statusRow(
  id: string,
  categoryId: number,
  stage: DemoStage,
  index: number,
): SnapshotStatus {
  const isFirst = index === 0;
  const isFinal = stage.semantics !== 'P';
  return {
    ID: id,
    ENTITY_ID: categoryId === 0 ? 'DEAL_STAGE' : `DEAL_STAGE_${categoryId}`,
    STATUS_ID: stage.statusId,
    NAME: stage.name,
    SORT: String((index + 1) * 10),
    SYSTEM: isFirst || (isFinal && !stage.statusId.endsWith('APOLOGY')) ? 'Y' : 'N',
    CATEGORY_ID: String(categoryId),
    SEMANTICS: stage.semantics === 'P' ? null : stage.semantics,
  };
}
