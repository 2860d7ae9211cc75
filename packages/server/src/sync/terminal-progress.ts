import type { SyncProgress } from './sync-progress.js';

const barWidth = 30;

/**
 * A one-line progress bar for `npm run sync`. On a terminal it redraws in place;
 * piped into a file or CI log it prints one line per phase instead, so logs stay
 * readable.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): {
  update(progress: SyncProgress): void;
  done(): void;
} {
  let lastPhase = '';
  let drawn = false;

  return {
    update(progress) {
      if (!stream.isTTY) {
        if (progress.phase !== lastPhase) stream.write(`${phaseLabel(progress.phase)}…\n`);
        lastPhase = progress.phase;
        return;
      }
      stream.write(`\r${progressLine(progress)}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}

export function progressLine(progress: SyncProgress): string {
  const ratio = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const filled = Math.round(ratio * barWidth);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}`;
  const percent = `${Math.round(ratio * 100)}`.padStart(3);

  return `${bar} ${percent}% ${phaseLabel(progress.phase)} ${progress.done}/${progress.total}`;
}

const phaseLabels: Record<string, string> = {
  queued: 'в очереди',
  reference: 'справочники и поля',
  houses: 'дома',
  deletions: 'удалённые дома',
  finished: 'готово',
};

export function phaseLabel(phase: string): string {
  return phaseLabels[phase] ?? phase;
}
