import type { Kysely } from 'kysely';
import { changedParties, refreshHouseListItems } from '../read-model/index.js';
import type { Database } from '../store/index.js';
import { upsertMany } from '../store/index.js';
import { syncHouses } from './house-phase.js';
import { markHousesDeleted, presentHouseIds } from './house-writer.js';
import { listAll } from './list-all.js';
import { fetchReference, writeReference } from './reference-step.js';
import { type CommandOutcome, startedEarly } from './rest-command.js';
import type { PhaseResult, RunContext } from './sync-context.js';
import type { PlacedReference, PortalRow } from './sync-domain.js';
import { pipelineNotFound } from './sync-errors.js';

/** Edits land a little before their DATE_MODIFY is visible; re-reading 5 minutes covers it. */
const overlapMs = 5 * 60_000;

/**
 * What changed since `since` (the portal's clock at the start of the last good run):
 * the reference lists (small, re-read whole), the house deals modified since, the
 * companies and contacts modified since, and the deals that left the pipeline.
 *
 * Deletions cost one extra request only when they happened: the pipeline's deal count
 * is read with the first batch; it differs from the stored count after the changes
 * are written exactly when some stored house is gone, and only then are all ids
 * walked (`select: ['ID']`, 50 pages to a batch) to find which.
 */
export async function incrementalSync(run: RunContext, since: string): Promise<PhaseResult> {
  const reference = fetchReference(run.pump);
  const portalStartedAt = reference.serverTime;
  // Read while the first batch is out, so the house page joins the second batch.
  const stored = startedEarly(storedDirectoryIds(run.db, run.memberId));
  const pipeline = run.domain.findPipeline(await reference.categories);
  if (!pipeline) throw pipelineNotFound();

  const modifiedSince = shifted(since, -overlapMs);
  const count = startedEarly(run.pump.run(idPage(pipeline.id, 0)));
  const directory = startedEarly(refreshDirectory(run, modifiedSince));
  const placed = startedEarly(
    reference.lists.then(async (lists) => {
      const result = run.domain.placeReference(lists);
      await writeReference(run.db, run.memberId, result);
      return result;
    }),
  );
  run.progress.phase('houses', 0);

  const filter = { CATEGORY_ID: pipeline.id, '>DATE_MODIFY': modifiedSince };
  const requested = await stored;
  const [written] = await Promise.all([
    syncHouses(run, { filter, reference: placed, requested, checkpoint: null }),
    placed,
    directory.then((rows) => writeDirectory(run, rows, placed)),
  ]);

  run.progress.phase('deletions', 0);
  const deleted = await removeDeleted(run, pipeline.id, await count);
  return { written: written.size, deleted, portalStartedAt: await portalStartedAt };
}

function idPage(pipelineId: number, start: number) {
  return {
    method: 'crm.deal.list',
    params: { filter: { CATEGORY_ID: pipelineId }, select: ['ID'], order: { ID: 'ASC' }, start },
  };
}

async function removeDeleted(run: RunContext, pipelineId: number, count: CommandOutcome) {
  const present = await presentHouseIds(run.db, run.memberId);
  if ((count.total ?? 0) === present.length) return 0;

  const rows = await listAll<PortalRow>(run.pump, idPage(pipelineId, 0));
  const inPortal = new Set(rows.map((row) => Number(row.ID)));
  const gone = present.filter((id) => !inPortal.has(id));
  await markHousesDeleted(run.db, run.memberId, gone);
  return gone.length;
}

/** Companies and contacts edited since; only the ones some house names are kept. */
function refreshDirectory(run: RunContext, modifiedSince: string) {
  const filter = { '>DATE_MODIFY': modifiedSince };
  const list = (method: string, select: string[]) =>
    listAll<PortalRow>(run.pump, { method, params: { filter, select } });

  return Promise.all([
    list('crm.company.list', ['ID', 'TITLE', 'PHONE', 'EMAIL', 'ADDRESS', 'DATE_MODIFY']),
    list('crm.contact.list', [
      'ID',
      'NAME',
      'LAST_NAME',
      'SECOND_NAME',
      'PHONE',
      'EMAIL',
      'DATE_MODIFY',
    ]),
  ]);
}

async function writeDirectory(
  run: RunContext,
  [companies, contacts]: [PortalRow[], PortalRow[]],
  placed: Promise<PlacedReference>,
): Promise<void> {
  await placed;
  const stored = await storedDirectoryIds(run.db, run.memberId);
  const stamp = { memberId: run.memberId, syncedAt: new Date().toISOString(), deletedAt: null };
  const known = (set: Set<string>) => (row: PortalRow) => set.has(String(row.ID));

  const companyRows = companies
    .filter(known(stored.companies))
    .map((row) => ({ ...run.domain.managementCompanyOf(row), ...stamp }));
  const residentRows = contacts
    .filter(known(stored.contacts))
    .map((row) => ({ ...run.domain.seniorResidentOf(row), ...stamp }));

  await run.db.transaction().execute(async (trx) => {
    const renamed = {
      companies: await changedParties(trx, 'managementCompanies', run.memberId, companyRows),
      residents: await changedParties(trx, 'seniorResidents', run.memberId, residentRows),
    };
    await upsertMany(trx, 'managementCompanies', companyRows, ['memberId', 'id']);
    await upsertMany(trx, 'seniorResidents', residentRows, ['memberId', 'id']);
    await refreshHouseListItems(trx, run.memberId, renamed);
  });
}

async function storedDirectoryIds(db: Kysely<Database>, memberId: string) {
  const [companies, contacts] = await Promise.all([
    db.selectFrom('managementCompanies').select('id').where('memberId', '=', memberId).execute(),
    db.selectFrom('seniorResidents').select('id').where('memberId', '=', memberId).execute(),
  ]);
  return {
    companies: new Set(companies.map((row) => String(row.id))),
    contacts: new Set(contacts.map((row) => String(row.id))),
  };
}

/** The same instant moved by `ms`, written with the offset the portal used. */
export function shifted(portalTime: string, ms: number): string {
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(portalTime)?.[1] ?? 'Z';
  const instant = new Date(Date.parse(portalTime) + ms);
  if (offset === 'Z') return instant.toISOString().replace(/\.\d{3}Z$/, '+00:00');

  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours = 0, minutes = 0] = offset.slice(1).split(':').map(Number);
  const local = new Date(instant.getTime() + sign * (hours * 60 + minutes) * 60_000);
  return `${local.toISOString().slice(0, 19)}${offset}`;
}
