import { existsSync } from 'node:fs';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import type { BrowserCommand } from 'vitest/node';

/**
 * The accessibility tree a screen reader gets, as Playwright's ARIA snapshot (YAML) of the
 * element matched by `selector` in the test's frame; it pierces open shadow roots.
 */
const ariaSnapshot: BrowserCommand<[selector: string]> = async (context, selector) => {
  if (context.provider.name !== 'playwright')
    throw new Error('ariaSnapshot needs the playwright provider');
  const frame = await (
    context as unknown as { frame(): Promise<import('playwright').Frame> }
  ).frame();
  return frame.locator(selector).ariaSnapshot();
};

/** Debian's Chromium (or CHROME_PATH): nothing here downloads a browser. */
const chromium = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => path !== undefined && existsSync(path),
);

// One Vitest run: pure logic and Node tests (collector, cross-package end-to-end tests with real
// servers and databases), and the widget's tests in a real Chromium.
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
            'test/**/*.test.ts',
            'demo/**/*.test.ts',
          ],
          globalSetup: ['test/support/postgres-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['packages/widget/src/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                ...(chromium === undefined ? {} : { executablePath: chromium }),
                args: [
                  '--no-sandbox',
                  '--disable-gpu',
                  '--disable-background-networking',
                  '--disable-component-update',
                  '--disable-sync',
                  '--no-first-run',
                ],
              },
            }),
            instances: [{ browser: 'chromium' }],
            commands: { ariaSnapshot },
          },
        },
      },
    ],
  },
});
