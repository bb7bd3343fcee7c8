export { deepActiveElement } from '../internal/deep-active-element.js';

/** Adds `markup` to the document and waits for every custom element in it to render. */
export async function fixture<T extends HTMLElement>(markup: string): Promise<T> {
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  document.body.append(holder);
  const element = holder.firstElementChild as T;
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** Removes everything `fixture` added. */
export function cleanup(): void {
  document.body.replaceChildren();
}

/** Records the events of the given types that reach `target`. */
export function recordEvents(target: EventTarget, types: readonly string[]): CustomEvent[] {
  const seen: CustomEvent[] = [];
  for (const type of types)
    target.addEventListener(type, (event) => seen.push(event as CustomEvent));
  return seen;
}

/** Waits for an element's render and any transition in its shadow root (axe reads colours mid-transition otherwise). */
export async function settle(
  el: HTMLElement & { updateComplete: Promise<unknown> },
): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await Promise.all(
    (el.shadowRoot as ShadowRoot).getAnimations().map((animation) => animation.finished),
  );
}

/**
 * An element's name from the attributes the accessibility tree takes it from (aria-labelledby,
 * aria-label, then its text), for engines whose tree a test cannot read.
 */
export function nameFrom(element: Element | null | undefined): string | undefined {
  if (!element) return undefined;
  const root = element.getRootNode() as Document | ShadowRoot;
  const ids = element.getAttribute('aria-labelledby');
  if (ids !== null)
    return ids
      .split(/\s+/)
      .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ');
  return element.getAttribute('aria-label') ?? element.textContent?.trim().replace(/\s+/g, ' ');
}
