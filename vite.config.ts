import { defineConfig } from 'vitest/config';

// One Vitest run covers every package's pure-logic and Node tests, plus the cross-package tests
// in test/. Browser behaviour is tested in a real browser by @web/test-runner, not here.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', 'demo/**/*.test.ts'],
    globalSetup: ['test/support/postgres-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
