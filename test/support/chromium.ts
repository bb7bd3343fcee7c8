import { existsSync } from 'node:fs';

/** Debian's Chromium (or CHROME_PATH): nothing here downloads a browser. */
export const CHROMIUM_PATH = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].find((path): path is string => path !== undefined && existsSync(path));

/** How this machine kind needs Chromium started (as root, no GPU, no calls home). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
