import type { Page } from 'playwright-core';

/** What the page and its surveys look like after reflow, measured in the page. */
export interface Reflow {
  /** The page's scroll width, CSS px: more than the viewport is a horizontal scroll. */
  readonly scrollWidth: number;
  /** Each piece of survey text or control that is cut, off screen or on top of another. */
  readonly problems: string[];
}

/**
 * Measures every rendered text of every survey on the page (inside all their shadow roots), line
 * box by line box (a Range's client rects, one per line), with 1 px of tolerance for sub-pixel
 * layout. A line is a problem when it is:
 *
 * - **clipped**: outside the padding box of an ancestor whose `overflow` is `hidden` or `clip` on
 *   that axis (visually hidden live regions aside, which are meant to be; and the folded corner
 *   bar, which opens on focus — there the question's first line must show);
 * - **off screen sideways**: left of 0 or right of the viewport (with no horizontal scroll, it
 *   cannot be reached);
 * - **out of reach**: in a fixed box (corner card, launcher, dialog) beyond the top or bottom of
 *   the viewport with no scroll box between it and the fixed box, or in a scroll box that is itself
 *   partly off screen;
 * - **outside its control**: sticking out of the border box of its button, point or text box;
 * - **overlapping** a line of another text node of the same survey.
 *
 * And any survey box that scrolls sideways (`scrollWidth > clientWidth` with `overflow-x: auto`
 * or `scroll`), or a text box shorter than one line of its text.
 */
export function measureReflow(page: Page): Promise<Reflow> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    const height = document.documentElement.clientHeight;
    const up = (node: Node): Node | null =>
      node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
    const roots: ShadowRoot[] = [];
    const collect = (root: ParentNode) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) {
          roots.push(element.shadowRoot);
          collect(element.shadowRoot);
        }
      }
    };
    for (const survey of document.querySelectorAll('hark-survey')) {
      if (survey.shadowRoot) {
        roots.push(survey.shadowRoot);
        collect(survey.shadowRoot);
      }
    }
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`;
    const paddingBox = (element: Element) => {
      const box = element.getBoundingClientRect();
      const left = box.left + element.clientLeft;
      const top = box.top + element.clientTop;
      return { left, top, right: left + element.clientWidth, bottom: top + element.clientHeight };
    };
    const folded = (element: Element) =>
      element.classList.contains('corner') &&
      (element.getRootNode() as ShadowRoot).host?.hasAttribute('compact') &&
      !element.matches(':focus-within');
    const scrolls = (value: string) => value === 'auto' || value === 'scroll';
    const cuts = (value: string) => value === 'hidden' || value === 'clip';

    const lines: { node: Text; rect: DOMRect; what: string; survey: Element }[] = [];
    const surveyOf = (node: Node) => {
      let survey = node;
      for (let at: Node | null = node; at; at = up(at)) {
        if (at instanceof Element && at.localName === 'hark-survey') survey = at;
      }
      return survey as Element;
    };
    for (const root of roots) {
      const survey = surveyOf(root.host);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (
        let node = walker.nextNode() as Text | null;
        node;
        node = walker.nextNode() as Text | null
      ) {
        const text = node.data.trim();
        const parent = node.parentElement;
        if (!text || !parent || parent.closest('.visually-hidden')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const what = `"${text.slice(0, 20)}${text.length > 20 ? '…' : ''}" in ${describe(parent)}`;
        for (const rect of range.getClientRects()) {
          if (rect.width * rect.height > 0) lines.push({ node, rect, what, survey });
        }
      }
    }

    const found = new Set<string>();
    const report = (problem: string) => {
      if (!found.has(problem)) problems.push(problem);
      found.add(problem);
    };
    for (const { node, rect, what } of lines) {
      if (rect.left < -1 || rect.right > width + 1) report(`off screen sideways: ${what}`);
      let scrollBox: Element | undefined;
      for (let at = up(node); at instanceof Element; at = up(at)) {
        if (at === document.body || at === document.documentElement) break;
        const style = getComputedStyle(at);
        const clip = paddingBox(at);
        const outX = rect.left < clip.left - 1 || rect.right > clip.right + 1;
        const outY = rect.top < clip.top - 1 || rect.bottom > clip.bottom + 1;
        if ((cuts(style.overflowX) && outX) || (cuts(style.overflowY) && outY)) {
          if (!folded(at)) report(`clipped by ${describe(at)}: ${what}`);
        }
        if (at.matches('button, .option, textarea, input')) {
          const box = at.getBoundingClientRect();
          if (
            rect.left < box.left - 1 ||
            rect.right > box.right + 1 ||
            rect.top < box.top - 1 ||
            rect.bottom > box.bottom + 1
          )
            report(`outside its control ${describe(at)}: ${what}`);
        }
        if (scrolls(style.overflowY) && scrollBox === undefined) scrollBox = at;
        if (style.position === 'fixed' && !folded(at)) {
          const box = scrollBox ? paddingBox(scrollBox) : rect;
          if (box.top < -1 || box.bottom > height + 1) {
            report(
              scrollBox
                ? `scroll box ${describe(scrollBox)} runs off screen (${Math.round(box.top)}–${Math.round(box.bottom)} of ${height})`
                : `out of reach in fixed ${describe(at)}: ${what}`,
            );
          }
          break;
        }
      }
    }
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i] as (typeof lines)[number];
        const b = lines[j] as (typeof lines)[number];
        // A modal's text over the page's inline survey is not overlapping text: it is on top.
        if (a.node === b.node || a.survey !== b.survey) continue;
        const x = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const y = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (x > 1 && y > 1) report(`overlapping: ${a.what} and ${b.what}`);
      }
    }
    for (const root of roots) {
      for (const element of root.querySelectorAll('*')) {
        const style = getComputedStyle(element);
        if (scrolls(style.overflowX) && element.scrollWidth > element.clientWidth + 1)
          report(
            `scrolls sideways: ${describe(element)} (${element.scrollWidth} in ${element.clientWidth})`,
          );
        if (element instanceof HTMLTextAreaElement && element.getClientRects().length > 0) {
          const inner =
            element.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
          if (inner < parseFloat(style.lineHeight) - 1)
            report(`text box shorter than a line: ${inner} < ${style.lineHeight}`);
        }
        if (folded(element)) {
          const question = root
            .querySelector('hark-nps, hark-csat, hark-ces')
            ?.shadowRoot?.querySelector('.question');
          const first = question?.firstChild ? document.createRange() : undefined;
          first?.selectNodeContents(question as Element);
          const line = first?.getClientRects()[0];
          const bar = element.getBoundingClientRect();
          if (!line || line.top < bar.top - 1 || line.bottom > bar.bottom + 1)
            report('folded bar: the question’s first line does not show');
        }
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, problems };
  });
}
