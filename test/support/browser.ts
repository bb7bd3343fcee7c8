import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (or CHROME_PATH), started the way this machine kind needs. */
export function launchChromium(): Promise<Browser> {
  const executablePath = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].find((path): path is string => path !== undefined && existsSync(path));
  if (executablePath === undefined) {
    throw new Error(
      'No Chromium found: run `npm test` (it installs Debian’s chromium) or set CHROME_PATH.',
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
