import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, request } from '../../src/api/http.js';

// An API error reaches the page as words in Russian, whatever the server says.

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('API errors', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('turns a catalogue code into Russian words and keeps the code', async () => {
    vi.stubGlobal('fetch', async () =>
      answer(404, { error: 'house_not_found', message: 'No house' }),
    );

    const failure = await request('/api/cleaning/houses/1').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      code: 'house_not_found',
      status: 404,
      message: 'Такого дома нет.',
    });
  });

  it('shows the server message for a code it does not know', async () => {
    vi.stubGlobal('fetch', async () => answer(409, { error: 'new_code', message: 'Что-то новое' }));
    await expect(request('/api/x')).rejects.toMatchObject({
      code: 'new_code',
      message: 'Что-то новое',
    });
  });

  it('says the server is down when the request never arrives', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(request('/api/health')).rejects.toMatchObject({
      code: 'network_error',
      status: 0,
    });
  });

  it('names the HTTP status when the body is not JSON', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 502 }));
    await expect(request('/api/health')).rejects.toMatchObject({
      message: expect.stringContaining('502'),
    });
  });
});
