// axe-core is a UMD script: importing it for its side effect puts `axe` on window.
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';

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
};

/** The violations axe finds in `element`, as `rule: target` lines (empty when clean). */
export async function axeViolations(element: Element): Promise<string[]> {
  const results = await window.axe.run(element, OPTIONS);
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id}: ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`,
    ),
  );
}
