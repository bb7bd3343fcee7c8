import { deepActiveElement, isWithin } from './deep-active-element.js';

/** The element the last focus change left, as deep as open shadow roots go. */
let left: EventTarget | undefined;

const noteLeft = (event: Event): void => {
  left = event.composedPath()[0];
};

/**
 * Starts noting, for the whole page, which element each focus change leaves. A `focusin`'s
 * `relatedTarget` is retargeted to a shadow host when focus comes from inside another shadow
 * tree (another survey, a page's own component), and a host cannot take focus back. Adding the
 * same listener again does nothing.
 */
export function noteFocusOrigins(): void {
  document.addEventListener('focusout', noteLeft, true);
}

/** Where focus came from, for a `focusin`: the element itself, not the host it is retargeted to. */
export function focusOrigin(event: FocusEvent): HTMLElement | undefined {
  const from = event.relatedTarget;
  if (!(from instanceof HTMLElement)) return undefined;
  return left instanceof HTMLElement && isWithin(left, from) ? left : from;
}

/**
 * Gives focus back to `to` if it can still take it (connected, shown, enabled, not inert); else
 * to the first element after `leaving` in the page that can, else the page's `main`, else the
 * nearest one before: never to `<body>`, where a keyboard user would start the page over.
 */
export function focusBack(to: HTMLElement | null | undefined, leaving: Element): void {
  // The survey's outermost host: its place in the page.
  let place = leaving;
  while (place.getRootNode() instanceof ShadowRoot)
    place = (place.getRootNode() as ShadowRoot).host;
  // In the tab order (`tabIndex` is 0 or more for links, buttons, fields and `tabindex` ≥ 0);
  // those that cannot take focus right now (disabled, hidden) are passed over below.
  const page = [...document.querySelectorAll<HTMLElement>('*')].filter(
    (el) => el.tabIndex >= 0 && !place.contains(el),
  );
  let next = page.findIndex((el) => place.compareDocumentPosition(el) & 4); // FOLLOWING
  if (next < 0) next = page.length;
  const main = document.querySelector('main');
  for (const el of [to, ...page.slice(next), main, ...page.slice(0, next).reverse()]) {
    if (!el || el === document.body) continue;
    // The page's main landmark is not focusable by itself; -1 keeps it out of the tab order.
    if (el === main && !el.hasAttribute('tabindex')) el.tabIndex = -1;
    el.focus();
    if (deepActiveElement() === el) return;
  }
}
