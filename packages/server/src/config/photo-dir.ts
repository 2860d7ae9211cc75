import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Where completion photos are kept: `AUDIOBOT_PHOTO_DIR`, else `photos` in the data
 * folder (./data/photos by default). The folder is made on first use; here it is only
 * checked, so a start that could not store a photo stops with the reason instead of
 * failing later on a brigade leader's phone.
 */
export function photoDirOf(
  value: string | undefined,
  dataDir: string,
  cwd: string,
  problems: string[],
): string {
  const dir = value ? path.resolve(cwd, value) : path.join(dataDir, 'photos');
  const problem = photoDirProblem(dir);
  if (problem) problems.push(`AUDIOBOT_PHOTO_DIR: ${dir} ${problem}`);
  return dir;
}

function photoDirProblem(dir: string): string | null {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) return 'is a file, not a folder';
    return writable(dir) ? null : 'is not writable';
  }
  const parent = nearestExisting(path.dirname(dir));
  if (!statSync(parent).isDirectory()) return `cannot be made: ${parent} is a file`;
  return writable(parent) ? null : `cannot be made: ${parent} is not writable`;
}

function nearestExisting(dir: string): string {
  let current = dir;
  while (!existsSync(current)) current = path.dirname(current);
  return current;
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
