import { spyOn } from '@vitest/spy';
import type { HarkScaleSurvey } from '../internal/scale-survey.js';
import { axeViolations } from '../testing/axe.js';
import {
  emulateMedia,
  engine,
  itWhere,
  NO_MEDIA_EMULATION,
  restoreMedia,
  screenshot,
  setViewport,
} from '../testing/browser.js';
import { cleanup, fixture, settle } from '../testing/dom.js';
import { expect } from '../testing/expect.js';
import { afterEach, describe, it } from '../testing/suite.js';
import './ces/hark-ces.js';
import './csat/hark-csat.js';
import './nps/hark-nps.js';

const KINDS = ['hark-nps', 'hark-csat', 'hark-ces'] as const;

afterEach(async () => {
  cleanup();
  await restoreMedia();
  await setViewport(1024, 768);
});

async function chosen(tag: string, attributes = ''): Promise<HarkScaleSurvey> {
  const el = await fixture<HarkScaleSurvey>(
    `<${tag} id="shot" survey-id="s1" ${attributes}></${tag}>`,
  );
  el.score = tag === 'hark-nps' ? 9 : 4;
  await settle(el);
  return el;
}

describe('appearance in every colour scheme', () => {
  for (const tag of KINDS) {
    itWhere(engine.emulateMedia, NO_MEDIA_EMULATION)(
      `<${tag}> passes axe with the visitor's dark preference, and in forced colours`,
      async () => {
        await emulateMedia({ colorScheme: 'dark' });
        const el = await chosen(tag);
        expect(
          getComputedStyle(el.shadowRoot?.querySelector('.card') as Element).backgroundColor,
        ).toBe('rgb(31, 31, 31)');
        expect(await axeViolations(el)).toEqual([]);
        await emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
        await settle(el);
        expect(await axeViolations(el)).toEqual([]);
      },
    );

    itWhere(engine.emulateMedia, NO_MEDIA_EMULATION)(
      `<${tag}> keeps a visible checked state in forced colours, and does not warn about the accent`,
      async () => {
        const warn = spyOn(console, 'warn').mockImplementation(() => {});
        await emulateMedia({ forcedColors: 'active' });
        const el = await chosen(tag);
        const checkedOption = el.shadowRoot?.querySelector(
          '.option:has(input:checked)',
        ) as HTMLElement;
        const other = el.shadowRoot?.querySelector(
          '.option:not(:has(input:checked))',
        ) as HTMLElement;
        expect(getComputedStyle(checkedOption).borderTopWidth).toBe('3px');
        expect(getComputedStyle(checkedOption).backgroundColor).not.toBe(
          getComputedStyle(other).backgroundColor,
        );
        expect(warn).not.toHaveBeenCalled();
        warn.mockRestore();
      },
    );
  }
});

describe('small screens and zoom', () => {
  // 320 CSS px (WCAG 1.4.10), or the narrowest the engine's window gets (WebKit's MiniBrowser: 447).
  const width = Math.max(320, engine.narrowestViewport);
  for (const tag of KINDS) {
    it(`<${tag}> fits ${width} CSS px with no horizontal scroll and targets of 24 px or more`, async () => {
      await setViewport(width, 640);
      const el = await chosen(tag);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
      for (const option of el.shadowRoot?.querySelectorAll('.option, .dismiss, .submit') ?? []) {
        const { width, height } = option.getBoundingClientRect();
        expect(Math.min(width, height)).toBeGreaterThanOrEqual(24);
      }
      expect(await axeViolations(el)).toEqual([]);
    });

    it(`<${tag}> reflows at 200% text size on a ${width} px screen (320: 400% zoom of 1280 px)`, async () => {
      await setViewport(width, 640);
      document.documentElement.style.fontSize = '200%';
      try {
        const el = await chosen(tag);
        expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
        const card = el.shadowRoot?.querySelector('.card') as HTMLElement;
        expect(card.scrollWidth).toBeLessThanOrEqual(card.clientWidth);
      } finally {
        document.documentElement.style.fontSize = '';
      }
    });
  }
});

describe('hostile host CSS', () => {
  it('survives `* { all: unset }`, hidden buttons and a huge root font, and changes nothing outside', async () => {
    const style = document.createElement('style');
    style.textContent =
      '* { all: unset; } button { display: none !important; } html { font-size: 40px; } p { color: red !important; }';
    document.head.append(style);
    try {
      const outside = document.createElement('p');
      outside.textContent = 'Host paragraph';
      document.body.append(outside);
      const before =
        getComputedStyle(outside).cssText ||
        JSON.stringify([getComputedStyle(outside).color, getComputedStyle(outside).fontSize]);
      const el = await chosen('hark-nps');
      const submit = el.shadowRoot?.querySelector('.submit') as HTMLElement;
      expect(getComputedStyle(submit).display).not.toBe('none');
      expect(getComputedStyle(el.shadowRoot?.querySelector('.question') as Element).color).toBe(
        'rgb(26, 26, 26)',
      );
      expect(el.shadowRoot?.querySelectorAll('input[type="radio"]')).toHaveLength(11);
      const after =
        getComputedStyle(outside).cssText ||
        JSON.stringify([getComputedStyle(outside).color, getComputedStyle(outside).fontSize]);
      expect(after).toBe(before);
    } finally {
      style.remove();
    }
  });
});

describe('screenshots for review (packages/widget/screenshots/)', () => {
  // One set of pictures, from Chromium: the files would be overwritten by each engine in turn.
  if (!engine.screenshot) {
    it.skip(`all of them (not in ${engine.name}: the review pictures are Chromium's)`);
    return;
  }
  const shots: Array<[string, () => Promise<void>]> = [
    ['light', async () => {}],
    ['dark', () => emulateMedia({ colorScheme: 'dark' })],
    ['forced-colors', () => emulateMedia({ forcedColors: 'active' })],
    ['320px', () => setViewport(320, 640)],
  ];
  for (const tag of KINDS) {
    for (const [name, setUp] of shots) {
      it(`<${tag}> ${name}`, async () => {
        await setUp();
        const el = await chosen(tag, tag === 'hark-csat' ? 'look="emoji"' : '');
        el.comment = 'Quick and clear.';
        await settle(el);
        await screenshot('#shot', `packages/widget/screenshots/${tag}-${name}.png`);
      });
    }
  }
  // Right to left, with the locale's digits (the glyphs need Noto fonts installed to look right).
  for (const locale of ['ar-EG', 'he', 'fa']) {
    it(`<hark-nps> ${locale}`, async () => {
      const el = await chosen('hark-nps', `locale="${locale}"`);
      await settle(el);
      await screenshot('#shot', `packages/widget/screenshots/hark-nps-${locale}.png`);
    });
  }
});
