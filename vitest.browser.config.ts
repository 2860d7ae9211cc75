import { defineConfig } from 'vitest/config';

// The web app in Debian's Chromium against the real AudioBot server with the
// demo portal. Separate from vitest.config.ts because it needs Chromium and a
// built web app; `npm run test:browser` runs it, `.ci/run` on a clean clone.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'browser',
          include: ['packages/web/test/browser/**/*.test.ts'],
          globalSetup: ['packages/web/test/browser/global-setup.ts'],
          // One Chromium at a time: the machine has two cores shared with the server.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
