import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';

describe('the completion photo folder setting', () => {
  let base: string;

  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'audiobot-photo-dir-'));
  });
  afterEach(() => {
    chmodSync(base, 0o700);
    rmSync(base, { recursive: true, force: true });
  });

  const load = (env: Record<string, string>) => loadConfig({ env, envFile: false, cwd: base });
  const problemsOf = (env: Record<string, string>) => {
    try {
      load(env);
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
  };

  it('defaults to photos beside the SQLite file, ./data/photos on a fresh start', () => {
    expect(load({}).photoDir).toBe(path.join(base, 'data', 'photos'));
    expect(load({ DATABASE_URL: 'sqlite:./store/a.sqlite' }).photoDir).toBe(
      path.join(base, 'store', 'photos'),
    );
  });

  it('resolves a relative AUDIOBOT_PHOTO_DIR against the start folder', () => {
    expect(load({ AUDIOBOT_PHOTO_DIR: 'media/photos' }).photoDir).toBe(
      path.join(base, 'media', 'photos'),
    );
  });

  it('stops the start when the setting names a file or a folder it cannot write', () => {
    writeFileSync(path.join(base, 'taken'), 'x');
    expect(problemsOf({ AUDIOBOT_PHOTO_DIR: 'taken' })).toEqual([
      `AUDIOBOT_PHOTO_DIR: ${path.join(base, 'taken')} is a file, not a folder`,
    ]);
    expect(problemsOf({ AUDIOBOT_PHOTO_DIR: 'taken/photos' })[0]).toMatch(/is a file$/);

    if (process.getuid?.() === 0) return; // root writes everywhere: nothing to refuse
    chmodSync(base, 0o500);
    expect(problemsOf({ AUDIOBOT_PHOTO_DIR: 'new/photos' })).toEqual([
      `AUDIOBOT_PHOTO_DIR: ${path.join(base, 'new/photos')} cannot be made: ` +
        `${base} is not writable`,
    ]);
  });
});
