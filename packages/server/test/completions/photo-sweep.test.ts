import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PhotoStore } from '../../src/completions/photo-store.js';
import { PHOTO_SWEEP_AGE_MS, sweepPendingPhotos } from '../../src/completions/photo-sweep.js';
import type { Store } from '../../src/store/index.js';
import { createTestStore, describeStore } from '../support/test-store.js';

const MEMBER = 'sweep-portal';
const jpeg = {
  contentType: 'image/jpeg' as const,
  extension: 'jpg' as const,
  bytes: Buffer.from([0xff, 0xd8, 0xff]),
};

describeStore('photos left by a process killed while a completion was stored', () => {
  let store: Store;
  let folder: string;
  let photos: PhotoStore;

  beforeEach(async () => {
    store = await createTestStore();
    folder = mkdtempSync(path.join(tmpdir(), 'audiobot-sweep-'));
    photos = new PhotoStore(folder);
  });
  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const save = () => photos.save(MEMBER, '2026-12-03', jpeg);
  const exists = (name: string) => existsSync(path.join(folder, name));
  const filesIn = () =>
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  const age = (name: string, ms: number) => {
    const at = new Date(Date.now() - ms);
    utimesSync(path.join(folder, `${name}.pending`), at, at);
  };
  const storePhotoRow = (fileName: string) =>
    store.db
      .insertInto('completionPhotos')
      .values({
        memberId: MEMBER,
        completionId: 1,
        fileName,
        contentType: 'image/jpeg',
        size: 3,
        createdAt: new Date().toISOString(),
      })
      .execute();

  it('names a photo only once its completion is stored', async () => {
    const name = await save();
    expect(exists(name)).toBe(false);
    expect(await photos.open(name)).toBeNull();

    await photos.commit([name]);

    expect(exists(name)).toBe(true);
    expect(filesIn()).toEqual([path.basename(name)]);
  });

  it('removes old pending photos of no completion, finishes those of a stored one', async () => {
    const orphan = await save();
    const stored = await save();
    const young = await save();
    await storePhotoRow(stored);
    age(orphan, PHOTO_SWEEP_AGE_MS + 60_000);
    age(stored, PHOTO_SWEEP_AGE_MS + 60_000);

    const swept = await sweepPendingPhotos(store.db, photos, new Date());

    expect(swept).toEqual({ committed: 1, removed: 1 });
    expect(exists(stored)).toBe(true);
    expect(await photos.open(stored)).not.toBeNull();
    expect(existsSync(path.join(folder, `${orphan}.pending`))).toBe(false);
    // Younger than an hour: a request may still be storing its completion.
    expect(existsSync(path.join(folder, `${young}.pending`))).toBe(true);
    expect((await photos.pending()).map((one) => one.fileName)).toEqual([young]);
  });

  it('answers an empty sweep for a folder not made yet', async () => {
    const absent = new PhotoStore(path.join(folder, 'not-yet'));
    expect(await sweepPendingPhotos(store.db, absent, new Date())).toEqual({
      committed: 0,
      removed: 0,
    });
  });
});
