import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import type { BrowserCommand } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/chromium.js';

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

type Media = {
  colorScheme?: 'light' | 'dark' | null;
  forcedColors?: 'active' | 'none' | null;
  reducedMotion?: 'reduce' | 'no-preference' | null;
};

/** Emulates media features (dark scheme, forced colours, reduced motion) for the test page. */
const emulateMedia: BrowserCommand<[media: Media]> = async (context, media) => {
  await (context as unknown as { page: import('playwright').Page }).page.emulateMedia(media);
};

/** Saves a PNG of the element matched by `selector` to `path` (relative to the repository). */
const screenshot: BrowserCommand<[selector: string, path: string]> = async (
  context,
  selector,
  path,
) => {
  const frame = await (
    context as unknown as { frame(): Promise<import('playwright').Frame> }
  ).frame();
  await frame
    .locator(selector)
    .screenshot({ path: new URL(path, import.meta.url).pathname, animations: 'disabled' });
};

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
            'packages/protocol/src/**/*.test.ts',
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
          globalSetup: ['test/support/collector-global-setup.ts'],
          // Pre-bundled up front, so Vite never reloads a running test to add one.
          deps: {
            optimizer: {
              client: {
                include: [
                  'lit',
                  'lit/directives/ref.js',
                  '@lit/localize',
                  'axe-core/axe.min.js',
                  'accessibility-checker-engine/ace-window.js',
                ],
              },
            },
          },
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                ...(CHROMIUM_PATH === undefined ? {} : { executablePath: CHROMIUM_PATH }),
                args: CHROMIUM_ARGS,
              },
            }),
            instances: [{ browser: 'chromium' }],
            commands: { ariaSnapshot, emulateMedia, screenshot },
          },
        },
      },
    ],
  },
});
