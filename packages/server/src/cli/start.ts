import { startServer } from '../app/start-server.js';
import { ConfigError } from '../config/index.js';
import { limitHeapGrowth } from './heap-growth.js';

/**
 * `npm start`. Invalid settings stop it with every problem listed; SIGINT and SIGTERM
 * stop it gracefully (requests in flight finish, a running sync stops at a checkpoint).
 */
async function main(): Promise<void> {
  limitHeapGrowth();
  const server = await startServer();

  const demo = server.connection?.demo ? ' (демо-портал: Bitrix24 не настроен)' : '';
  process.stdout.write(`\nAudioBot работает: ${server.url}${demo}\n`);
  process.stdout.write(`Документация API: ${server.url}/api/docs\n\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: останавливаюсь…\n`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Остановка с ошибкой: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write('AudioBot не запущен: настройки содержат ошибки.\n');
    for (const problem of error.problems) process.stderr.write(`  - ${problem}\n`);
  } else {
    process.stderr.write(
      `AudioBot не запущен: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
});
