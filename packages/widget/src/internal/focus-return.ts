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
 * Reads the page now and returns what gives focus back, when called, to `to` if it can still take
 * it (connected, shown, enabled, not inert); else to the first element after `leaving` in the
 * page that can, else the page's `main`, else the nearest one before: never to `<body>`, where a
 * keyboard user would start the page over. Read first, moved later: a survey that fires
 * `hark-dismiss` may be taken off the page by a listener, and then its place in it is gone.
 */
export function planFocusBack(to: HTMLElement | null | undefined, leaving: Element): () => void {
  // The survey's place in the page: the outermost of Hark's own hosts (a <hark-nps> inside a
  // <hark-survey>), which may itself be inside a page component's shadow tree.
  let place = leaving;
  for (
    let root = place.getRootNode();
    root instanceof ShadowRoot && root.host.localName.startsWith('hark-');
    root = place.getRootNode()
  )
    place = root.host;
  // The page's elements in the order they are shown (the flat tree: each open shadow tree where
  // its host is, slotted elements where their slot is), the survey's own passed over; those that
  // cannot take focus right now (disabled, hidden) are passed over below.
  const page: HTMLElement[] = [];
  let next = -1;
  const visit = (elements: Iterable<Element>): void => {
    for (const el of elements)
      if (el === place) next = page.length;
      else {
        if (el instanceof HTMLElement && inTabOrder(el)) page.push(el);
        visit(
          el.shadowRoot?.children ??
            (el instanceof HTMLSlotElement ? el.assignedElements({ flatten: true }) : el.children),
        );
      }
  };
  visit(document.children);
  if (next < 0) next = page.length;
  const main = document.querySelector('main');
  const candidates = [to, ...page.slice(next), main, ...page.slice(0, next).reverse()];
  return () => {
    for (const el of candidates) {
      if (!el || el === document.body) continue;
      // The page's main landmark is not focusable by itself; -1 keeps it out of the tab order.
      if (el === main && !el.hasAttribute('tabindex')) el.tabIndex = -1;
      el.focus();
      if (deepActiveElement() === el) return;
    }
  };
}

/**
 * Whether Tab can stop at `el`: `tabIndex` is 0 or more (links, buttons, fields, `tabindex` ≥ 0),
 * and of a named radio group only the checked radio, or any while none is.
 */
const inTabOrder = (el: HTMLElement): boolean =>
  el.tabIndex >= 0 &&
  !(
    el instanceof HTMLInputElement &&
    el.type === 'radio' &&
    el.name &&
    !el.checked &&
    [
      ...(el.getRootNode() as ParentNode).querySelectorAll<HTMLInputElement>(
        'input[type=radio]:checked',
      ),
    ].some((other) => other.name === el.name && other.form === el.form)
  );
