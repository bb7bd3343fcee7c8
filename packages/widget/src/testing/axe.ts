// axe-core is a UMD script: importing it for its side effect puts `axe` on window.
import 'axe-core/axe.min.js';
import type { AxeResults, NodeResult, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element, options: RunOptions): Promise<AxeResults> };
  }
}

/** WCAG 2.2 A and AA, plus target-size (2.5.8), which axe leaves off by default. */
const OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  rules: { 'target-size': { enabled: true } },
  resultTypes: ['violations', 'incomplete'],
  // The elements themselves, so a reviewed result is recognised whatever selector axe writes.
  elementRef: true,
};

/**
 * Results axe could not decide, reviewed by hand and accepted: rule → selectors of the elements. Anything else axe leaves undecided fails the test until someone reviews it here.
 * - label-content-name-mismatch on the close button: its visible "×" is a symbol (aria-hidden),
 *   not a text label, so WCAG 2.5.3 does not ask the name "Close survey" to contain it.
 * - color-contrast on the send button in forced colours only: axe reads the author colours and
 *   the forced ones together and reports 1:1, while the browser paints ButtonText on ButtonFace
 *   (see the *-forced-colors.png screenshots).
 */
function reviewedIncomplete(): Readonly<Record<string, readonly string[]>> {
  const forced = matchMedia('(forced-colors: active)').matches;
  return {
    'label-content-name-mismatch': ['.dismiss'],
    ...(forced ? { 'color-contrast': ['.submit'] } : {}),
  };
}

/**
 * The violations axe finds in `element`, as `rule: target` lines, plus any result it left
 * undecided that has not been reviewed (empty when clean).
 */
export async function axeViolations(element: Element): Promise<string[]> {
  const results = await window.axe.run(element, OPTIONS);
  const line = (kind: string, id: string, node: NodeResult) =>
    `${kind}${id}: ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`;
  const violations = results.violations.flatMap((v) => v.nodes.map((node) => line('', v.id, node)));
  const reviewed = reviewedIncomplete();
  const unreviewed = results.incomplete.flatMap((result) =>
    result.nodes
      .filter((node) => !(reviewed[result.id] ?? []).some((s) => node.element?.matches(s)))
      .map((node) => line('incomplete ', result.id, node)),
  );
  return [...violations, ...unreviewed];
}
