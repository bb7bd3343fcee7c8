import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

/** Debian's Chromium (or CHROME_PATH), started the way this machine kind needs. */
export function launchChromium(): Promise<Browser> {
  if (CHROMIUM_PATH === undefined) {
    throw new Error(
      'No Chromium found: run `npm test` (it installs Debian’s chromium) or set CHROME_PATH.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless=new', ...CHROMIUM_ARGS],
  });
}
