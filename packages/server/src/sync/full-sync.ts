import { loadingCleanings } from '../store/index.js';
import { syncHouses } from './house-phase.js';
import { markHousesDeleted, presentHouseIds } from './house-writer.js';
import { fetchReference, writeReference } from './reference-step.js';
import { startedEarly } from './rest-command.js';
import type { PhaseResult, RunContext, SyncCheckpoint } from './sync-context.js';
import { pipelineNotFound } from './sync-errors.js';

/**
 * Everything, from the first house: the reference lists, then every house deal of the
 * pipeline in `ID` order, then the houses the walk did not see are marked deleted.
 * A resumed run starts after the checkpoint's deal id.
 *
 * Known shortcoming: pages are fetched by offset, so a deal deleted in the portal while
 * the walk runs shifts the later pages by one row and one house can be missed, then
 * marked deleted, until the next sync. Walking by `>ID` cursor would remove it, at the
 * cost of sending the pages one after another instead of 50 to a batch.
 */
export async function fullSync(run: RunContext): Promise<PhaseResult> {
  // An installation's first sync loads every cleaning: the index by day is built after.
  // Settled before the first request, so the requests go as they would without it.
  return loadingCleanings(run.db, () => syncEverything(run));
}

async function syncEverything(run: RunContext): Promise<PhaseResult> {
  const reference = fetchReference(run.pump);
  const portalStartedAt = run.resumeFrom?.portalStartedAt ?? (await reference.serverTime);
  const pipeline = run.domain.findPipeline(await reference.categories);
  if (!pipeline) throw pipelineNotFound();

  const placed = startedEarly(
    reference.lists.then(async (lists) => {
      const result = run.domain.placeReference(lists);
      await writeReference(run.db, run.memberId, result);
      return result;
    }),
  );
  const afterId = run.resumeFrom?.afterId ?? 0;
  const checkpoint: SyncCheckpoint = { afterId, portalStartedAt };
  run.progress.phase('houses', 0);

  const filter = { CATEGORY_ID: pipeline.id, ...(afterId > 0 ? { '>ID': afterId } : {}) };
  const requested = { companies: new Set<string>(), contacts: new Set<string>() };
  const [written] = await Promise.all([
    syncHouses(run, { filter, reference: placed, requested, checkpoint }),
    placed,
  ]);

  run.progress.phase('deletions', 0);
  const gone = (await presentHouseIds(run.db, run.memberId)).filter(
    (id) => id > afterId && !written.has(id),
  );
  await markHousesDeleted(run.db, run.memberId, gone);
  return { written: written.size, deleted: gone.length, portalStartedAt };
}
