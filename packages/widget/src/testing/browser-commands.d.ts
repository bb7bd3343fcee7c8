import 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Playwright's ARIA snapshot (YAML) of the element matching `selector`. */
    ariaSnapshot(selector: string): Promise<string>;
  }
}
