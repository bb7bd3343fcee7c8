import { fileURLToPath } from 'node:url';
import { type ReferenceServer, startReferenceServer } from '@hark/collector/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { answer, postSubmission, submissionOf } from '../support/submissions.js';
import { tempDir } from '../support/temp-dir.js';

const TOKEN = 'dashboard-admin-token-0123456789';
const AXE = fileURLToPath(
  new URL('../../packages/widget/node_modules/axe-core/axe.min.js', import.meta.url),
);
const EQUAL_ACCESS = fileURLToPath(
  new URL(
    '../../packages/widget/node_modules/accessibility-checker-engine/ace-window.js',
    import.meta.url,
  ),
);
const DASHBOARD = fileURLToPath(new URL('../../packages/dashboard/dist', import.meta.url));
const dir = tempDir('hark-dashboard');
let server: ReferenceServer;
let browser: Browser;

// The hand-computed fixture of the results tests: 10 NPS answers, 5 promoters, 3 passives,
// 2 detractors → NPS 30, margin 1.96 × 100 × sqrt((0.5 + 0.2 − 0.3²) / 10) = 48.41.
const SCORES = [10, 10, 10, 9, 9, 8, 8, 7, 6, 3];
const COMMENTS: Record<number, string> = {
  6: 'Checkout page was slow',
  3: '<img src=x onerror="document.title=1"> checkout page crashed',
  10: 'Love the checkout',
};

beforeAll(async () => {
  server = await startReferenceServer({
    db: dir.file('dashboard.db'),
    port: 0,
    adminToken: TOKEN,
    dashboard: DASHBOARD,
    rateLimit: 0,
    log: () => {},
  });
  const answers = SCORES.map((score, i) =>
    answer({
      surveyId: 'fixture',
      score,
      locale: i < 5 ? 'en' : 'fr',
      answeredAt: `2026-11-0${1 + (i % 2)}T10:00:00.000Z`,
      ...(COMMENTS[score] && !(score === 10 && i > 0) ? { comment: COMMENTS[score] } : {}),
    }),
  );
  expect((await postSubmission(server.url, submissionOf(...answers))).status).toBe(202);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const results = await (
      window as unknown as {
        axe: {
          run(
            c: unknown,
            o: unknown,
          ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      rules: { 'target-size': { enabled: true } },
    });
    return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

/**
 * Potential violations of the Equal Access engine reviewed by hand on the dashboard, with the
 * reason (rule and reason ids as the engine reports them):
 * - style_color_misuse: the stylesheet sets colours, so the engine asks whether colour alone
 *   carries meaning. It does not: the error is words, each chart has its table with the same
 *   figures, the bars, line and band are one colour and differ by shape.
 * - style_focus_visible: the stylesheet sets border and outline on controls, so the engine asks
 *   whether focus stays visible. It does: `:focus-visible` draws a 3px #0b57d0 outline 2px
 *   outside every control, 6.39:1 on the white page (asserted on the token field below).
 * - input_label_visible on the score band's <select>: it sits inside its visible
 *   `<label>Score band`, which names it (the second test finds it by that label); the rule
 *   accepts a name from a label only on input and button elements.
 */
const EQUAL_ACCESS_REVIEWED: readonly { id: string; snippet?: string }[] = [
  { id: 'style_color_misuse Potential_1' },
  { id: 'style_focus_visible potential_focus_not_visible' },
  { id: 'input_label_visible potential_no_label', snippet: '<select name="band">' },
];

/**
 * What IBM's Equal Access engine (IBM_Accessibility policy) reports as a violation, failed or
 * potential, on the whole page and not reviewed, as `ruleId reasonId: message at path: snippet`.
 */
async function equalAccess(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: EQUAL_ACCESS });
  const found = await page.evaluate(async () => {
    type Result = {
      ruleId: string;
      reasonId: string;
      value: [string, string];
      message: string;
      path: { dom: string };
      snippet: string;
    };
    const engine = (
      window as unknown as {
        ace_ibma: {
          Checker: new () => {
            check(d: Document, p: string[]): Promise<{ results: Result[] }>;
          };
        };
      }
    ).ace_ibma;
    const report = await new engine.Checker().check(document, ['IBM_Accessibility']);
    return report.results
      .filter((r) => r.value[0] === 'VIOLATION' && r.value[1] !== 'PASS' && r.value[1] !== 'MANUAL')
      .map((r) => `${r.ruleId} ${r.reasonId}: ${r.message} at ${r.path.dom}: ${r.snippet}`);
  });
  return found.filter(
    (line) =>
      !EQUAL_ACCESS_REVIEWED.some(
        ({ id, snippet }) =>
          line.startsWith(`${id}:`) && (snippet === undefined || line.endsWith(`: ${snippet}`)),
      ),
  );
}

describe('the dashboard in Chromium', () => {
  it('signs in by keyboard and shows the hand-computed NPS, its margin, trend, distribution and splits', async () => {
    // CSP bypass only so the test can inject axe-core and the Equal Access engine; the page itself runs under its strict policy.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/dashboard/?survey=fixture`);
    await page.getByLabel('Admin token').waitFor();
    expect(await axe(page)).toEqual([]);
    expect(await equalAccess(page)).toEqual([]);
    await page.getByLabel('Admin token').focus();
    expect(
      await page
        .getByLabel('Admin token')
        .evaluate(
          (el) => `${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineWidth}`,
        ),
    ).toBe('solid 3px');
    await page.keyboard.type(TOKEN);
    await page.keyboard.press('Enter');
    await page.getByTestId('nps-score').waitFor();
    expect(await page.getByTestId('nps-score').textContent()).toBe('30');
    expect(await page.getByTestId('nps-margin').textContent()).toBe('± 48.41');
    expect(await page.getByTestId('nps-count').textContent()).toBe('10');
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([
      ['hark_session', true, 'Strict'],
    ]);
    // The distribution's table says what its chart shows.
    const distribution = page.getByRole('table', { name: 'Answers by score' }).locator('tbody tr');
    const cells = async (rows: typeof distribution) =>
      rows.evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
      );
    expect(await cells(distribution)).toEqual([
      ['3', '1'],
      ['6', '1'],
      ['7', '1'],
      ['8', '2'],
      ['9', '2'],
      ['10', '3'],
    ]);
    // French: 0 promoters, 3 passives, 2 detractors of 5 → NPS −40,
    // margin 1.96 × 100 × sqrt((0 + 0.4 − 0.4²) / 5) = 42.94.
    const byLanguage = page.getByRole('table', { name: 'By language' }).locator('tbody tr');
    expect(await cells(page.getByRole('table', { name: 'By page' }).locator('tbody tr'))).toEqual([
      ['/thanks', '30', '48.41', '10'],
    ]);
    expect(await cells(byLanguage)).toEqual([
      ['en', '100', '0', '5'],
      ['fr', '-40', '42.94', '5'],
    ]);
    expect(
      await page.getByRole('img', { name: 'Score by day, with its 95% confidence band' }).count(),
    ).toBe(1);
    // The trend by week, by keyboard: the table follows (both days fall in ISO weeks 44 and 45).
    await page.getByRole('radio', { name: 'Day' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () =>
        cells(page.getByRole('table', { name: 'Score by week' }).locator('tbody tr')),
      )
      .toEqual([
        ['2026-W44', '40', '70.12', '5'],
        ['2026-W45', '20', '65.59', '5'],
      ]);
    expect(await page.getByRole('radio', { name: 'Week' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Week' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('table', { name: 'Score by day' }).waitFor();
    expect(await axe(page)).toEqual([]);
    expect(await equalAccess(page)).toEqual([]);
    await page.screenshot({
      path: fileURLToPath(new URL('../../packages/collector/docs/dashboard.png', import.meta.url)),
      fullPage: true,
    });
    await context.close();
  });

  it('filters the latest comments by band and text, by keyboard, and shows them as text', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/dashboard/?survey=fixture`);
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const list = page.locator('.comments li > p:first-child');
    await expect.poll(() => list.count()).toBe(3);
    // A comment that looks like HTML stays text.
    expect(await list.allTextContents()).toContain(
      '<img src=x onerror="document.title=1"> checkout page crashed',
    );
    expect(await page.title()).toBe('Hark results');
    await page.getByLabel('Score band').focus();
    await page.getByLabel('Score band').selectOption('detractor');
    await page.getByLabel('Containing').focus();
    await page.keyboard.type('slow');
    await page.keyboard.press('Enter');
    await expect.poll(() => list.allTextContents()).toEqual(['Checkout page was slow']);
    expect(await page.getByRole('status').textContent()).toBe(
      'Showing detractor comments containing “slow”.',
    );
    await context.close();
  });

  it('is not served to a stranger’s script: the API refuses without the session', async () => {
    const response = await fetch(`${server.url}/results?surveyId=fixture`);
    expect(response.status).toBe(401);
    const page = await fetch(`${server.url}/dashboard/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
