import type { BrowserContext } from 'playwright-core';

/**
 * WCAG 1.4.12 Text Spacing: what a visitor's own style sheet or extension may set, as the W3C's
 * test bookmarklet does (line height 1.5, paragraph spacing 2em, letter spacing 0.12em, word
 * spacing 0.16em), with `!important` over the author's rules.
 */
export const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

/**
 * Applies `TEXT_SPACING` to the page and inside every shadow root, from the first one on: a
 * document's style sheets do not reach into shadow trees, so a user style sheet that stopped at
 * the document would test nothing of the survey. Each root's own sheets (Lit's) stay; the spacing
 * comes last, whatever the root's owner sets later. Constructed style sheets are not subject to
 * the page's CSP.
 */
export async function applyTextSpacing(context: BrowserContext): Promise<void> {
  await context.addInitScript((rules: string) => {
    const spacing = new CSSStyleSheet();
    spacing.replaceSync(rules);
    const sheets = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets');
    if (!sheets?.get || !sheets.set) throw new Error('no adoptedStyleSheets on ShadowRoot');
    const { get, set } = sheets;
    Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
      configurable: true,
      get() {
        return get.call(this);
      },
      set(value: CSSStyleSheet[]) {
        set.call(this, [...value.filter((sheet) => sheet !== spacing), spacing]);
      },
    });
    const attachShadow = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit): ShadowRoot {
      const root = attachShadow.call(this, init);
      root.adoptedStyleSheets = [];
      return root;
    };
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, spacing];
  }, TEXT_SPACING);
}
