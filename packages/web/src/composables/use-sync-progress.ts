import { onBeforeUnmount, ref, shallowRef } from 'vue';
import { api } from '../api/audiobot-api.js';
import { errorText } from '../api/http.js';
import type { SyncRun } from '../api/types.js';

// Starts a sync and follows it by polling its run until it ends. The run is
// the server's; this only watches, so leaving the page does not stop it.

const POLL_MS = 700;

export function isFinished(run: SyncRun): boolean {
  return run.status === 'succeeded' || run.status === 'failed';
}

export function progressPercent(run: SyncRun): number {
  if (run.status === 'succeeded') return 100;
  if (run.total <= 0) return 0;
  return Math.min(100, Math.round((run.done / run.total) * 100));
}

export function useSyncProgress(onFinished: (run: SyncRun) => void) {
  const run = shallowRef<SyncRun | null>(null);
  const error = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function start(mode: SyncRun['mode']): Promise<void> {
    error.value = null;

    try {
      run.value = (await api.startSync(mode)).run;
      follow();
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  function follow(): void {
    const current = run.value;
    if (!current) return;
    if (isFinished(current)) {
      onFinished(current);
      return;
    }
    timer = setTimeout(() => void poll(current.id), POLL_MS);
  }

  async function poll(id: string): Promise<void> {
    try {
      run.value = await api.syncRun(id);
      follow();
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  /** Picks up a run that was already going when the page opened. */
  function watchRun(existing: SyncRun): void {
    run.value = existing;
    follow();
  }

  onBeforeUnmount(() => clearTimeout(timer));
  return { run, error, start, watchRun };
}
