import { executeServerCommand } from '@web/test-runner-commands';
import { it } from './suite.js';

/** What the engine running this test file is, and which driver features it offers. */
export interface Engine {
  readonly name: 'chromium' | 'firefox' | 'webkit';
  /** The engine's own accessibility tree (Playwright's ARIA snapshot over CDP): Chromium only. */
  readonly ariaSnapshot: boolean;
  /** Emulated `prefers-color-scheme` and `forced-colors`. */
  readonly emulateMedia: boolean;
  /** Element screenshots saved to the repository (review pictures): Chromium only. */
  readonly screenshot: boolean;
  /** The narrowest viewport `setViewport` can give, in CSS px (0: any). */
  readonly narrowestViewport: number;
}

export const engine = await command<Engine>('hark-engine');

async function command<T = void>(name: string, payload?: unknown): Promise<T> {
  return (await executeServerCommand(name, payload)) as T;
}

/** One step of real keyboard input, sent by the driver (not synthesised in the page). */
export type KeyStep = { press: string } | { down: string } | { up: string } | { type: string };

/**
 * Real key presses, written as in Testing Library: `{Tab}` presses Tab, `{Shift>}` holds Shift
 * until `{/Shift}`, other characters are typed.
 */
export async function keyboard(keys: string): Promise<void> {
  const steps: KeyStep[] = [];
  for (const [, key, text] of keys.matchAll(/\{([^}]+)\}|([^{]+)/g)) {
    if (text !== undefined) steps.push({ type: text });
    else if (key?.startsWith('/')) steps.push({ up: key.slice(1) });
    else if (key?.endsWith('>')) steps.push({ down: key.slice(0, -1) });
    else if (key !== undefined) steps.push({ press: key });
  }
  await command('hark-keys', steps);
}

/** Sets the page's layout viewport to `width` × `height` CSS pixels. */
export async function setViewport(width: number, height: number): Promise<void> {
  await command('hark-viewport', { width, height });
}

export interface Media {
  colorScheme?: 'light' | 'dark' | null;
  forcedColors?: 'active' | 'none' | null;
  reducedMotion?: 'reduce' | 'no-preference' | null;
}

/** Emulates media features (`null` restores the default); only where `engine.emulateMedia`. */
export async function emulateMedia(media: Media): Promise<void> {
  await command('hark-media', media);
}

/** The accessibility tree of the element matched by `selector`, as Playwright's ARIA snapshot. */
export async function ariaSnapshot(selector: string): Promise<string> {
  return command<string>('hark-aria-snapshot', { selector });
}

/** Saves a PNG of the element matched by `selector` to `path`, relative to the repository. */
export async function screenshot(selector: string, path: string): Promise<void> {
  await command('hark-screenshot', { selector, path });
}

/**
 * `it` where the engine offers what the test needs; elsewhere the test is reported as skipped,
 * with the reason in its name.
 */
export function itWhere(
  supported: boolean,
  why: string,
): (name: string, body: () => unknown) => void {
  return supported ? it : (name) => it.skip(`${name} (not in ${engine.name}: ${why})`);
}

/** Ends any media emulation a test started (nothing to end where the driver cannot emulate). */
export async function restoreMedia(): Promise<void> {
  if (engine.emulateMedia)
    await emulateMedia({ colorScheme: null, forcedColors: null, reducedMotion: null });
}

/** Why a test needing `emulateMedia` is skipped where it is. */
export const NO_MEDIA_EMULATION = 'its driver cannot emulate media features';
