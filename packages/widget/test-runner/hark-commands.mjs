// The browser commands Hark's component tests use (see src/testing/browser.ts), for the three
// launchers: Playwright (Chromium), Puppeteer over WebDriver BiDi (Firefox) and WebDriver (WebKit).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

// WebDriver's code points for the keys the tests press (W3C WebDriver, "Keyboard actions").
const WEBDRIVER_KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
};

function webdriverKey(key) {
  const code = key.length === 1 ? key : WEBDRIVER_KEYS[key];
  if (code === undefined) throw new Error(`hark-keys: no WebDriver code for the key "${key}"`);
  return code;
}

/** The steps as one W3C key action sequence: a press is a down then an up. */
function webdriverActions(steps) {
  const actions = [];
  for (const step of steps) {
    if ('type' in step)
      for (const char of step.type)
        actions.push({ type: 'keyDown', value: char }, { type: 'keyUp', value: char });
    else if ('press' in step) {
      const value = webdriverKey(step.press);
      actions.push({ type: 'keyDown', value }, { type: 'keyUp', value });
    } else if ('down' in step) actions.push({ type: 'keyDown', value: webdriverKey(step.down) });
    else actions.push({ type: 'keyUp', value: webdriverKey(step.up) });
  }
  return [{ type: 'key', id: 'keyboard', actions }];
}

/** Which engine a launcher drives: by its type, then by its name for the Puppeteer ones. */
function engineOf(browser) {
  if (browser.type === 'webdriver') return 'webkit';
  if (browser.type === 'puppeteer' && /firefox/i.test(browser.name)) return 'firefox';
  return 'chromium';
}

const MEDIA_FEATURES = {
  colorScheme: 'prefers-color-scheme',
  forcedColors: 'forced-colors',
  reducedMotion: 'prefers-reduced-motion',
};

/**
 * @param {{ rootDir: string }} options where screenshot paths are resolved from
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function harkCommands({ rootDir }) {
  return {
    name: 'hark-commands',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('hark-')) return undefined;
      const browser = session.browser;
      const engine = engineOf(browser);
      const page = browser.type === 'webdriver' ? undefined : browser.getPage(session.id);
      switch (command) {
        case 'hark-engine':
          return {
            name: engine,
            ariaSnapshot: browser.type === 'playwright',
            emulateMedia: browser.type === 'playwright',
            screenshot: browser.type === 'playwright',
            // MiniBrowser's window keeps its toolbar, which is at least 447 px wide.
            narrowestViewport: browser.type === 'webdriver' ? 447 : 0,
          };
        case 'hark-keys':
          if (browser.type === 'webdriver') {
            await browser.driver.performActions(webdriverActions(payload));
            await browser.driver.releaseActions();
            return true;
          }
          for (const step of payload) {
            if ('type' in step) await page.keyboard.type(step.type);
            else if ('press' in step) await page.keyboard.press(step.press);
            else if ('down' in step) await page.keyboard.down(step.down);
            else await page.keyboard.up(step.up);
          }
          return true;
        case 'hark-viewport': {
          const { width, height } = payload;
          if (browser.type === 'playwright') await page.setViewportSize({ width, height });
          else if (browser.type === 'puppeteer') await page.setViewport({ width, height });
          else await setWebdriverViewport(browser.driver, width, height);
          return true;
        }
        case 'hark-media':
          if (browser.type === 'playwright') await page.emulateMedia(payload);
          else if (browser.type === 'puppeteer')
            await page.emulateMediaFeatures(
              Object.entries(payload).map(([key, value]) => ({
                name: MEDIA_FEATURES[key],
                value: value ?? '',
              })),
            );
          else throw new Error('hark-media: WebDriver cannot emulate media features');
          return true;
        case 'hark-aria-snapshot':
          if (browser.type !== 'playwright')
            throw new Error(`hark-aria-snapshot: only Playwright's Chromium has it`);
          return page.locator(payload.selector).ariaSnapshot();
        case 'hark-screenshot': {
          if (browser.type !== 'playwright')
            throw new Error(`hark-screenshot: only Playwright's Chromium takes them`);
          const path = new URL(payload.path, `file://${rootDir}/`).pathname;
          mkdirSync(dirname(path), { recursive: true });
          await page.locator(payload.selector).screenshot({ path, animations: 'disabled' });
          return true;
        }
        default:
          throw new Error(`unknown command ${command}`);
      }
    },
  };
}

/** What the window's frame adds to the viewport, per driver: measured once, it does not change. */
const frames = new WeakMap();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether two `[width, height]` pairs are the same size. */
const sameSize = (a, b) => a?.[0] === b[0] && a[1] === b[1];

/** The viewport's size, asked again while the page cannot answer (WebKit, mid-way through a modal). */
async function viewportOf(driver) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const size = await driver.execute(() => [window.innerWidth, window.innerHeight]);
    if (Array.isArray(size) && size.every(Number.isFinite)) return size;
    await sleep(50);
  }
  throw new Error('hark-viewport: the page did not say its viewport size');
}

/**
 * The window's size minus the viewport's, once two reads 50 ms apart agree: WebKitGTK answers a
 * resize before the window has taken it, so one read may pair an old viewport with a new window.
 */
async function frameOf(driver) {
  let previous;
  for (let attempt = 0; attempt < 40; attempt++) {
    const window = await driver.getWindowRect();
    const [innerWidth, innerHeight] = await viewportOf(driver);
    const frame = [window.width - innerWidth, window.height - innerHeight];
    if (sameSize(previous, frame)) return frame;
    previous = frame;
    await sleep(50);
  }
  throw new Error(`hark-viewport: the window's frame did not settle (last ${previous.join('×')})`);
}

/**
 * WebDriver sizes the window, not the viewport: size the window to the viewport plus the frame,
 * then wait for the page to see it, since the resize is applied after the command returns. A
 * viewport that moved but settled at another size means the frame was measured wrong (it can
 * depend on the window's size): the frame is corrected by the difference, once, and kept if the
 * corrected size is reached.
 */
async function setWebdriverViewport(driver, width, height) {
  let frame = frames.get(driver);
  if (frame === undefined) {
    frame = await frameOf(driver);
    frames.set(driver, frame);
  }
  const before = await viewportOf(driver);
  for (let resize = 0; resize < 2; resize++) {
    await driver.setWindowSize(width + frame[0], height + frame[1]);
    const reached = await settledViewport(driver, [width, height], before);
    if (sameSize(reached, [width, height])) {
      frames.set(driver, frame); // kept only once it proved right
      return;
    }
    const moved = !sameSize(reached, before);
    if (resize === 1 || !moved)
      throw new Error(
        `hark-viewport: asked for ${width}×${height}, the window gives ${reached[0]}×${reached[1]}` +
          (moved ? ' after correcting its frame' : ' (it did not resize within 5 s)'),
      );
    frame = [frame[0] + width - reached[0], frame[1] + height - reached[1]];
  }
}

/**
 * The viewport once it is `target`, or once it has left `before` and kept one size for three
 * reads 50 ms apart; at the latest after 5 s.
 */
async function settledViewport(driver, target, before) {
  let reached = await viewportOf(driver);
  let same = 0;
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; ) {
    if (sameSize(reached, target)) return reached;
    await sleep(50);
    const now = await viewportOf(driver);
    same = !sameSize(now, before) && sameSize(now, reached) ? same + 1 : 0;
    reached = now;
    if (same >= 3) return reached;
  }
  return reached;
}
