// IBM's accessibility-checker-engine is a browser script: ace-window.js puts the engine on
// window as `ace_ibma` (ace.js only declares a global `var`, which a module would hide).
import 'accessibility-checker-engine/ace-window.js';

interface EqualAccessResult {
  readonly ruleId: string;
  readonly reasonId: string | number;
  /** [policy level, outcome]: e.g. ['VIOLATION', 'FAIL'] or ['VIOLATION', 'POTENTIAL']. */
  readonly value: readonly [string, string];
  readonly path: { readonly dom: string; readonly aria: string };
  readonly message: string;
  readonly snippet: string;
}

declare global {
  interface Window {
    ace_ibma: {
      Checker: new () => {
        check(
          target: Document | Element,
          policies: readonly string[],
        ): Promise<{ results: EqualAccessResult[] }>;
      };
    };
  }
}

/** A result the engine reports that was reviewed by hand and accepted, with the reason. */
interface Reviewed {
  readonly ruleId: string;
  readonly reasonId?: string | number;
  /** What the element's snippet (its start tag) contains. */
  readonly snippet: string;
}

/**
 * Results reviewed by hand and accepted. Anything else the engine reports as a violation, certain
 * or potential, fails the test until someone fixes it or reviews it here, with the reason.
 * Fixed in the markup instead of listed: empty `<label>`s around the points (label_content_exists;
 * now spans) and one group `score` across surveys (input_checkboxes_grouped; now one name each).
 */
const REVIEWED: readonly Reviewed[] = [
  // A point's visible label is its face (the number, or CSAT's drawn face or star) in the same
  // option, aria-hidden so that it is not read twice; its name, the aria-label, starts with what
  // the face shows (2.5.3, asserted by the scale suite). The rule wants the name from a <label>.
  { ruleId: 'input_label_visible', reasonId: 'potential_no_label', snippet: 'type="radio"' },
  // The radiogroup's points are native radios: the browser moves between them with the arrow
  // keys and gives the group one tab stop, as the scale suite's keyboard tests prove. The rules
  // see a <div role="radiogroup"> without a key handler of its own and several focusable radios.
  {
    ruleId: 'aria_keyboard_handler_exists',
    reasonId: 'potential_no_keyboard_access',
    snippet: 'role="radiogroup"',
  },
  {
    ruleId: 'widget_tabbable_single',
    reasonId: 'potential_multiple_tabbable',
    snippet: 'role="radiogroup"',
  },
  // While sending, the points are disabled (the answer cannot change mid-send), so the group
  // has no tab stop for that moment; focus stays on Send (aria-disabled, still focusable).
  {
    ruleId: 'widget_tabbable_exists',
    reasonId: 'fail_no_tabbable',
    snippet: 'role="radiogroup"',
  },
  // The comment box has a visible <label for> in the same shadow root (its name in Chromium's
  // tree and axe); the engine looks `label[for]` up in the document, not in the shadow root.
  { ruleId: 'input_label_visible', reasonId: 'potential_no_label', snippet: '<textarea ' },
  // The question is a <p role="heading" aria-level>: a heading. The rule asks whether a short,
  // bold paragraph should be one and does not look at the paragraph's own role (questions of
  // more than ten words, like NPS's, are not asked about).
  { ruleId: 'text_block_heading', reasonId: 'potential_heading', snippet: 'role="heading"' },
];

/**
 * The violations IBM's Equal Access engine finds in `target` with its IBM_Accessibility policy
 * (WCAG 2.2 AA and more; it reads inside open shadow roots), failed and potential, minus the
 * reviewed ones, as `ruleId reasonId [outcome]: message at dom path: snippet` lines (empty when clean).
 */
export async function equalAccessFailures(
  target: Element | Document = document,
): Promise<string[]> {
  const report = await new window.ace_ibma.Checker().check(target, ['IBM_Accessibility']);
  return report.results
    .filter(
      (r) => r.value[0] === 'VIOLATION' && (r.value[1] === 'FAIL' || r.value[1] === 'POTENTIAL'),
    )
    .filter(
      (r) =>
        !REVIEWED.some(
          (reviewed) =>
            reviewed.ruleId === r.ruleId &&
            (reviewed.reasonId === undefined || reviewed.reasonId === r.reasonId) &&
            r.snippet.includes(reviewed.snippet),
        ),
    )
    .map(
      (r) =>
        `${r.ruleId} ${r.reasonId} [${r.value[1]}]: ${r.message} at ${r.path.dom}: ${r.snippet}`,
    );
}
