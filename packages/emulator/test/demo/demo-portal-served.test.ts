import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/index.js';
import { DEMO_NOW, referencePortal } from './demo-fixture.js';

/** The contract with the engine: it serves the generated snapshot as a portal. */
let emulator: RunningEmulator;

interface Envelope {
  result: unknown;
  total?: number;
  next?: number;
}

async function call(method: string, body: object = {}): Promise<Envelope> {
  const response = await fetch(`${emulator.webhookUrl}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Envelope;
}

beforeAll(async () => {
  emulator = await startEmulator({ snapshot: referencePortal(), now: DEMO_NOW });
});

afterAll(async () => {
  await emulator?.stop();
});

describe('demo portal served by the emulator', () => {
  it("hands out the snapshot's admin webhook and application", () => {
    const snapshot = referencePortal();
    expect(emulator.webhookUrl).toContain(`/rest/1/${snapshot.webhooks[0]?.code}/`);
    expect(emulator.application.clientId).toBe(snapshot.applications[0]?.clientId);
    expect(emulator.memberId).toBe(snapshot.portal.memberId);
  });

  it('lists the 490 houses of pipeline 34 in pages of 50', async () => {
    const page = await call('crm.deal.list', {
      filter: { CATEGORY_ID: 34 },
      select: ['ID', 'TITLE', 'UF_*'],
      order: { ID: 'ASC' },
    });
    expect(page.total).toBe(490);
    expect(page.next).toBe(50);
    expect(page.result).toHaveLength(50);
  });

  it('describes the user fields with labels and enumeration lists', async () => {
    const fields = (await call('crm.deal.userfield.list', { filter: { LANG: 'ru' } })).result;
    expect(Array.isArray(fields)).toBe(true);
    const labels = (fields as { EDIT_FORM_LABEL: unknown }[]).map((field) => field.EDIT_FORM_LABEL);
    expect(labels).toContain('Дата уборки1| Май 2025');
  });

  it('answers department.get with six brigades under the cleaning department', async () => {
    const departments = (await call('department.get')).result as {
      ID: string;
      NAME: string;
      PARENT?: string;
    }[];
    const parent = departments.find((department) => department.NAME === 'Отдел уборки');
    expect(departments.filter((department) => department.PARENT === parent?.ID)).toHaveLength(6);
  });
});
