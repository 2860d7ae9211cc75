import { normalizeLabel } from './field-label.js';

/** A row of `crm.category.list` (entityTypeId 2): the deal pipelines. */
export interface PipelineRow {
  id: number | string;
  name: string;
}

export const HOUSES_PIPELINE_NAME = 'Уборка подъездов';

/**
 * The pipeline whose deals are the houses, found by its name (case, ё and spaces
 * ignored), or by the id or name a mapping file gives. Null when none matches: the
 * doctor then names the pipelines it saw.
 */
export function findHousesPipeline(
  pipelines: readonly PipelineRow[],
  wanted: number | string = HOUSES_PIPELINE_NAME,
): { id: number; name: string } | null {
  const byId = typeof wanted === 'number' || /^\d+$/.test(wanted);
  const name = normalizeLabel(String(wanted));

  const found = pipelines.find((pipeline) =>
    byId ? Number(pipeline.id) === Number(wanted) : normalizeLabel(pipeline.name) === name,
  );
  return found ? { id: Number(found.id), name: found.name } : null;
}
