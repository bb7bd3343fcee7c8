import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemo } from '../support/demo-site.js';

const demo = useDemo('hark-demo');

async function openDemo(): Promise<{ page: Page; violations: string[] }> {
  const page = await demo.browser.newPage();
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  await page.goto(`${demo.server.url}/`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  return { page, violations };
}

describe('the demo page in Chromium', () => {
  it('installs Hark by script tag and sends an inline NPS answer by keyboard, under a strict CSP', async () => {
    const { page, violations } = await openDemo();
    await expect.poll(() => page.textContent('#results')).toBe('No answers yet.');
    const nps = page.locator('#inline-nps hark-survey');
    await expect.poll(() => nps.getByRole('radio').count()).toBe(11);
    await nps.getByRole('button', { name: 'Close survey' }).focus();

    // Keyboard only: into the scale, arrows to 9, the follow-up, then Send.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => nps.getByRole('radio', { name: '9', exact: true }).isChecked())
      .toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Setting it up took one command.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await expect
      .poll(() => nps.locator('p.thanks').textContent())
      .toBe('Thank you for your feedback!');
    await expect.poll(async () => demo.server.store.count('demo-nps')).toBe(1);
    await expect
      .poll(() => page.textContent('#results'), { timeout: 10_000 })
      .toBe('demo-nps (NPS): 100 from 1 answer');
    expect(await page.getByRole('link', { name: 'demo-nps' }).getAttribute('href')).toBe(
      '/results?surveyId=demo-nps',
    );
    expect(violations).toEqual([]);
    await page.screenshot({ path: demo.dir.file('demo.png'), fullPage: true });
    await page.close();
  });

  it('opens each kind in each floating presentation from its button', async () => {
    const { page, violations } = await openDemo();
    for (const kind of ['NPS', 'CSAT', 'CES']) {
      for (const mode of ['Corner', 'Tab', 'Modal']) {
        const id = `demo-${kind.toLowerCase()}-${mode.toLowerCase()}`;
        await page.getByRole('button', { name: `${mode} ${kind}`, exact: true }).click();
        const survey = page.locator(`body > hark-survey`);
        await expect.poll(() => survey.count()).toBe(1);
        if (mode === 'Tab') {
          await survey.getByRole('button', { name: 'Feedback' }).click();
        }
        await expect.poll(() => survey.getByRole('radio').count()).toBeGreaterThan(0);
        expect(await survey.getAttribute('presentation')).toBe(mode.toLowerCase());
        void id;
        // Close it (Escape), which also lets the next one show.
        await survey.getByRole('radio').first().focus();
        await page.keyboard.press('Escape');
        await expect.poll(() => survey.count()).toBe(0);
      }
    }
    expect(violations).toEqual([]);
    await page.close();
  });

  it('shows the custom-trigger survey when checkout completes, and switches language with the page', async () => {
    const { page, violations } = await openDemo();
    await page.getByRole('button', { name: 'Complete checkout' }).click();
    const survey = page.locator('body > hark-survey');
    await expect.poll(() => survey.getByRole('radio').count()).toBe(11);
    expect(await survey.locator('p.question').textContent()).toMatch(
      /^(You just checked out\. How likely are you to recommend us\?|Thanks for your order! Would you recommend us to a friend\?)$/,
    );
    await page.getByLabel('Show the surveys in').selectOption('ar');
    const inline = page.locator('#inline-csat hark-survey');
    await expect.poll(() => inline.locator('.card').getAttribute('dir')).toBe('rtl');
    expect(await inline.locator('p.question').textContent()).toBe('ما مدى رضاك عن تجربتك؟');
    expect(violations).toEqual([]);
    // The listener is live: an inline style attribute and an HTML string sink, which the policy
    // forbids, are both reported.
    await page.evaluate(() => {
      document.body.setAttribute('style', 'color: red');
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      } catch {
        // Trusted Types throws, and reports.
      }
    });
    await expect
      .poll(() => violations.map((v) => v.split(' ')[0]).sort())
      .toEqual(['require-trusted-types-for', 'style-src-attr']);
    await page.close();
  });
});
