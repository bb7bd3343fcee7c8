import 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Playwright's ARIA snapshot (YAML) of the element matching `selector`. */
    ariaSnapshot(selector: string): Promise<string>;
    /** Emulates media features; `null` restores the default. */
    emulateMedia(media: {
      colorScheme?: 'light' | 'dark' | null;
      forcedColors?: 'active' | 'none' | null;
      reducedMotion?: 'reduce' | 'no-preference' | null;
    }): Promise<void>;
    /** Saves a PNG of the element matching `selector` to `path`, relative to the repository root. */
    screenshot(selector: string, path: string): Promise<void>;
  }
}
