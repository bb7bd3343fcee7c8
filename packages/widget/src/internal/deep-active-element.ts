/** The focused element, looking through open shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether `node` is `element` or inside it, crossing shadow roots on the way up. */
export function isWithin(node: Node | null, element: Element): boolean {
  while (node !== null) {
    if (node === element) return true;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return false;
}

/**
 * Whether focus is in `element` or anywhere in its shadow trees. Walks up from the focused
 * element across shadow roots instead of trusting `:focus-within`, which does not match on a
 * `display: contents` host in Chromium.
 */
export function hasFocusWithin(element: Element): boolean {
  return isWithin(deepActiveElement(), element);
}
