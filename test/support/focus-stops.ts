import type { Page } from 'playwright-core';

/** Where focus is after a Tab, measured against the floating survey on the page. */
export interface Stop {
  /** What has focus: tag, and its name or text, and where it is. */
  readonly name: string;
  /** Which element it is: the same number each time that element has focus on this page. */
  readonly element: number;
  /** In the floating survey itself (so not something it could hide). */
  readonly inSurvey: boolean;
  /** The presentation of the survey it is in (an inline one is part of the page), if any. */
  readonly presentation: string | undefined;
  /** Inside the floating survey's card or launcher entirely (WCAG 2.4.11). */
  readonly hidden: boolean;
  /**
   * How much of its box is on screen, 0 to 1: inside the viewport and every ancestor that clips or
   * scrolls. The browser scrolls what takes focus into view where it can; Chromium leaves a
   * partly visible element where it is.
   */
  readonly shown: number;
  /** The floating survey is folded to a bar. */
  readonly compact: boolean;
  /** The card's height on screen, px (0 when it is not open). */
  readonly cardHeight: number;
}

/**
 * Where focus is after a Tab, once the floating survey, if any (`body > hark-survey`: corner card,
 * feedback tab or modal), has had a frame to move, fold or resize.
 */
export function focusStop(page: Page): Promise<Stop> {
  return page.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) throw new Error('no focus');
    const host = document.querySelector('body > hark-survey');
    const up = (node: Node): Node | null =>
      node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
    let inSurvey = false;
    let presentation: string | undefined;
    for (let node: Node | null = active; node; node = up(node)) {
      if (node === host) inSurvey = true;
      if (node instanceof Element && node.localName === 'hark-survey')
        presentation ??= node.getAttribute('presentation') ?? undefined;
    }
    const a = active.getBoundingClientRect();
    const covers = [...(host?.shadowRoot?.querySelectorAll('.corner, .launcher') ?? [])]
      .map((box) => box.getBoundingClientRect())
      .filter((box) => box.width * box.height > 0);
    const hidden =
      a.width * a.height > 0 &&
      covers.some(
        (c) => a.left >= c.left && a.right <= c.right && a.top >= c.top && a.bottom <= c.bottom,
      );
    // What of it shows: inside the viewport and every ancestor box that clips or scrolls.
    let shown = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
    for (let node = up(active); node instanceof Element; node = up(node)) {
      const style = getComputedStyle(node);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      if (node === document.documentElement || node === document.body) continue;
      const box = node.getBoundingClientRect();
      const left = box.left + node.clientLeft;
      const top = box.top + node.clientTop;
      shown = {
        left: Math.max(shown.left, left),
        top: Math.max(shown.top, top),
        right: Math.min(shown.right, left + node.clientWidth),
        bottom: Math.min(shown.bottom, top + node.clientHeight),
      };
    }
    const area = (r: typeof shown) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);
    const seen = {
      left: Math.max(shown.left, a.left),
      top: Math.max(shown.top, a.top),
      right: Math.min(shown.right, a.right),
      bottom: Math.min(shown.bottom, a.bottom),
    };
    const card = host?.shadowRoot?.querySelector('.corner');
    // Numbered in the page, once each: the same element may come round at another position.
    const page = window as { harkStops?: { ids: WeakMap<Element, number>; next: number } };
    page.harkStops ??= { ids: new WeakMap(), next: 0 };
    const stops = page.harkStops;
    if (!stops.ids.has(active)) stops.ids.set(active, stops.next++);
    const label = active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 40);
    return {
      name: `${active.tagName.toLowerCase()} "${label ?? ''}" at ${Math.round(a.top)}`,
      element: stops.ids.get(active) as number,
      inSurvey,
      presentation,
      hidden,
      shown: area(a) > 0 ? Math.round((area(seen) / area(a)) * 100) / 100 : 0,
      compact: host?.hasAttribute('compact') ?? false,
      cardHeight: card?.getBoundingClientRect().height ?? 0,
    };
  });
}

/**
 * Every Tab stop once round, from the top of the page (or, in a modal, round the dialog): Tab until
 * a stop comes back.
 */
export async function tabRound(page: Page, limit = 120): Promise<Stop[]> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('body').focus();
  const seen = new Set<number>();
  const stops: Stop[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const at = await focusStop(page);
    if (seen.has(at.element)) break;
    seen.add(at.element);
    stops.push(at);
  }
  return stops;
}
