import type { ReactiveController, ReactiveControllerHost } from 'lit';

const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

const updateAll = (): void => {
  for (const host of hosts) host.requestUpdate();
};

/**
 * Re-renders its host when the page's language changes: a single-page app switching
 * `<html lang>`, or the visitor changing the browser's languages. One observer for all surveys,
 * running only while one is on the page.
 */
export class PageLanguageController implements ReactiveController {
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (hosts.size === 0) {
      observer = new MutationObserver(updateAll);
      observer.observe(document.documentElement, { attributeFilter: ['lang'] });
      addEventListener('languagechange', updateAll);
    }
    hosts.add(this.#host);
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    if (hosts.size === 0) {
      observer?.disconnect();
      removeEventListener('languagechange', updateAll);
    }
  }
}
