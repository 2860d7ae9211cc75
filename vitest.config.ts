import { defineConfig } from 'vitest/config';

// One run, one project per package. The browser suite has its own config
// (vitest.browser.config.ts) because it needs Chromium, which a fresh machine lacks.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'emulator',
          include: ['packages/emulator/test/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'bitrix24',
          include: ['packages/bitrix24/test/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['packages/server/test/**/*.test.ts'],
          testTimeout: 30_000,
          // Every test file is watched for secrets in its logs and answers: see
          // packages/server/test/security/README.md.
          setupFiles: ['packages/server/test/security/support/leak-watch-setup.ts'],
          globalSetup: ['packages/server/test/security/support/leak-watch-teardown.ts'],
        },
      },
      {
        test: {
          name: 'web',
          include: ['packages/web/test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
