import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import type { PhotoStore } from './photo-store.js';

/** A pending photo younger than this may belong to a request still under way. */
export const PHOTO_SWEEP_AGE_MS = 60 * 60_000;

export interface PhotoSweep {
  /** Pending files whose completion was stored: renamed to their own name. */
  committed: number;
  /** Pending files of a completion never stored: removed. */
  removed: number;
}

/**
 * Finishes what a killed process left in the photo folder, run at start. A pending file
 * older than an hour either belongs to a stored completion (the process died between the
 * commit and the rename: the photo takes its name) or to none (it died before the commit:
 * the file goes). Younger ones are left to the request that may still be writing them,
 * on this server or another sharing the folder.
 */
export async function sweepPendingPhotos(
  db: Kysely<Database>,
  photos: PhotoStore,
  now: Date,
): Promise<PhotoSweep> {
  const sweep: PhotoSweep = { committed: 0, removed: 0 };
  const stale = (await photos.pending()).filter(
    (photo) => now.getTime() - photo.modifiedAt.getTime() > PHOTO_SWEEP_AGE_MS,
  );

  for (const photo of stale) {
    const stored = await db
      .selectFrom('completionPhotos')
      .select('id')
      .where('fileName', '=', photo.fileName)
      .executeTakeFirst();
    if (stored) {
      await photos.commit([photo.fileName]);
      sweep.committed += 1;
    } else {
      await photos.discard([photo.fileName]);
      sweep.removed += 1;
    }
  }
  return sweep;
}
