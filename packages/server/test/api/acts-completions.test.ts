import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { describeStore } from '../support/test-store.js';
import { type ApiFixture, asAdmin, createApiFixture } from './support/api-fixture.js';
import { HOUSES, seedControlMonth } from './support/control-month.js';

// Acts and KPI read what POST /api/completions writes, not only rows a test inserts.

// The smallest file the upload takes for a JPEG: its magic bytes, then padding.
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array<number>(60).fill(7)]);
const PHOTO = `data:image/jpeg;base64,${JPEG.toString('base64')}`;
const NOT_DONE = { reason: 'Подъезд закрыт' };

describeStore('acts and KPI after a cleaning is marked through the completions API', () => {
  let fixture: ApiFixture;
  const photoDir = mkdtempSync(join(tmpdir(), 'audiobot-act-photos-'));

  beforeAll(async () => {
    fixture = await createApiFixture({ env: { AUDIOBOT_PHOTO_DIR: photoDir } });
    await seedControlMonth(fixture.store.db);
    await fixture.store.db.deleteFrom('completions').execute();
  });
  afterAll(async () => {
    await fixture.close();
    rmSync(photoDir, { recursive: true, force: true });
  });

  const mark = (cleaning: object, status: 'done' | 'not_done') =>
    fixture.app.inject({
      method: 'POST',
      url: '/api/completions',
      headers: asAdmin,
      payload: { ...cleaning, status, ...(status === 'done' ? { photos: [PHOTO] } : NOT_DONE) },
    });
  const actOf = async (houseId: number) => {
    const body = (
      await fixture.app.inject({ url: '/api/acts?month=2026-12', headers: asAdmin })
    ).json() as { items: { house: { id: string }; done: number; status: string }[] };
    return body.items.find((act) => act.house.id === String(houseId));
  };

  it('counts a done cleaning in the act and the fact; one not done stays overdue', async () => {
    const before = await actOf(HOUSES.C);
    const done = await mark(
      { houseId: String(HOUSES.C), date: '2026-12-01', cleaningType: 'full_wet', slot: 1 },
      'done',
    );
    const notDone = await mark(
      { houseId: String(HOUSES.C), date: '2026-12-02', cleaningType: 'sweeping', slot: 2 },
      'not_done',
    );
    expect(done.statusCode, done.body).toBe(201);
    expect(notDone.statusCode, notDone.body).toBe(201);

    expect(before).toMatchObject({ done: 0, status: 'behind' });
    expect(await actOf(HOUSES.C)).toMatchObject({ done: 1, overdue: 1, status: 'behind' });
    const kpi = (
      await fixture.app.inject({ url: '/api/kpi?month=2026-12', headers: asAdmin })
    ).json() as { brigades: { brigadeId: string; fact: object }[] };
    const brigade = kpi.brigades.find((row) => row.brigadeId === '12');
    expect(brigade?.fact).toEqual({ cleanings: 1, entrances: 3, floorCleanings: 12 });
  });
});
