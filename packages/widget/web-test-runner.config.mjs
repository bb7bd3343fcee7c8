// The widget's component tests on @web/test-runner, in Chromium, Firefox and WebKit (issue 13):
// Debian's Chromium through Playwright (it gives the ARIA snapshot and media emulation),
// Debian's Firefox ESR through Puppeteer over WebDriver BiDi, and WebKitGTK's MiniBrowser
// through WebKitWebDriver under an Xvfb of its own. `HARK_BROWSERS=firefox,webkit` picks engines.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { build } from 'esbuild';
import * as puppeteer from 'puppeteer-core';
import { harkCommands } from './test-runner/hark-commands.mjs';
import { summaryReporter } from './test-runner/summary-reporter.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const rootDir = join(here, '..', '..');
const engines = (process.env.HARK_BROWSERS ?? 'chromium,firefox,webkit').split(',');

// The services are TypeScript shared with the Node tests: bundle them for this plain-JS config.
const servicesFile = join(here, 'node_modules', '.cache', 'hark', 'services.mjs');
mkdirSync(dirname(servicesFile), { recursive: true });
await build({
  entryPoints: [join(here, 'test-runner', 'services.ts')],
  outfile: servicesFile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'error',
});
const { startServices, CHROMIUM_ARGS, CHROMIUM_PATH } = await import(
  pathToFileURL(servicesFile).href
);
const services = await startServices(engines);

/** Debian's WebKitGTK MiniBrowser, in the library folder of this machine's architecture. */
function miniBrowser() {
  const found = readdirSync('/usr/lib')
    .map((dir) => join('/usr/lib', dir, 'webkit2gtk-4.1', 'MiniBrowser'))
    .find((path) => existsSync(path));
  if (found === undefined) throw new Error('no MiniBrowser: apt-get install webkit2gtk-driver');
  return found;
}

/** WebdriverLauncher names a browser by its `browserName` capability, which WebKitGTK must not get. */
class WebKitLauncher extends WebdriverLauncher {
  async initialize(config, testFiles) {
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }
}

const launchers = {
  chromium: () =>
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        ...(CHROMIUM_PATH === undefined ? {} : { executablePath: CHROMIUM_PATH }),
        args: CHROMIUM_ARGS,
      },
    }),
  firefox: () =>
    chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
        headless: true,
      },
    }),
  webkit: () =>
    new WebKitLauncher({
      hostname: '127.0.0.1',
      port: services.webkitDriverPort,
      logLevel: 'error',
      // No browserName: WebKitWebDriver matches none of the names webdriverio would send.
      capabilities: {
        'webkitgtk:browserOptions': {
          binary: process.env.MINIBROWSER_PATH ?? miniBrowser(),
          args: ['--automation'],
        },
      },
    }),
};

export default {
  rootDir,
  // Absolute, so the run finds them from any working directory.
  files: [join(here, 'src', '**', '*.test.ts')],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // One test file at a time per engine (the three engines run side by side): the files share an
  // origin's storage, and WebDriver runs a file in the top-level page only at concurrency 1.
  concurrency: 1,
  concurrentBrowsers: 3,
  browsers: engines.map((name) => {
    const launcher = launchers[name];
    if (!launcher) throw new Error(`HARK_BROWSERS: unknown engine "${name}"`);
    return launcher();
  }),
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 30_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
  <body>
    <script>globalThis.HARK_COLLECTOR_URLS = ${JSON.stringify(services.collectorUrls)};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [
    defaultReporter(),
    summaryReporter({
      outputFile:
        process.env.HARK_WTR_REPORT ?? join(rootDir, '.hark', 'web-test-runner-report.json'),
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(here, 'tsconfig.json') }),
    harkCommands({ rootDir }),
    {
      name: 'hark-services',
      async serverStop() {
        await services.stop();
      },
    },
  ],
};
