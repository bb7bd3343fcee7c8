import { engine } from './browser.js';

/**
 * The fault proxy in front of the real reference collector that the test runner started for this
 * engine (packages/widget/test-runner/services.ts); tests count stored rows through `GET /results`.
 */
export function collectorUrl(): string {
  const urls = (globalThis as { HARK_COLLECTOR_URLS?: Record<string, string> }).HARK_COLLECTOR_URLS;
  const url = urls?.[engine.name];
  if (url === undefined) throw new Error(`no collector for ${engine.name}: run web-test-runner`);
  return url;
}
