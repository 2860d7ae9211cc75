import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm start` serves the built web app. Building takes tens of seconds, so it is done only
 * when some input is newer than the last build (or there is none): a fresh clone and a
 * `git pull` that touched the web app rebuild, a plain restart does not.
 */

const root = join(import.meta.dirname, '..');
const INPUTS = ['src', 'index.html', 'vite.config.ts', 'package.json', '../../package-lock.json'];
const BUILT = join(root, 'dist', 'index.html');

function newestChange(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

function builtAt(): number {
  return statSync(BUILT, { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

const inputs = Math.max(...INPUTS.map((input) => newestChange(join(root, input))));
if (builtAt() > inputs) {
  process.stdout.write('Веб-приложение уже собрано: сборка пропущена.\n');
} else {
  execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
}
