import { defineConfig } from 'vitest/config';

// Vitest runs the Node code and the end-to-end tests (collector, cross-package tests with real
// servers, databases and browsers). The widget's component tests run on @web/test-runner in
// Chromium, Firefox and WebKit: packages/widget/web-test-runner.config.mjs.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'packages/collector/src/**/*.test.ts',
            'packages/protocol/src/**/*.test.ts',
            'test/**/*.test.ts',
            'demo/**/*.test.ts',
          ],
          globalSetup: ['test/support/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
