import { axeViolations } from '../../testing/axe.js';
import {
  emulateMedia,
  engine,
  itWhere,
  NO_MEDIA_EMULATION,
  restoreMedia,
} from '../../testing/browser.js';
import { cleanup, fixture, settle } from '../../testing/dom.js';
import { expect } from '../../testing/expect.js';
import { afterEach, describe, it } from '../../testing/suite.js';
import type { HarkCsat } from './hark-csat.component.js';
import './hark-csat.js';

const NAMES = [
  '1, Very dissatisfied',
  '2, Dissatisfied',
  '3, Neither satisfied nor dissatisfied',
  '4, Satisfied',
  '5, Very satisfied',
];

/** Emoji, and the stars' text glyphs: none may be what draws a point. */
const PICTOGRAPH = /[\p{Extended_Pictographic}\u2605\u2606]/u;

afterEach(async () => {
  cleanup();
  await restoreMedia();
});

async function csat(look: 'emoji' | 'stars', score?: number): Promise<HarkCsat> {
  const el = await fixture<HarkCsat>(`<hark-csat survey-id="s1" look="${look}"></hark-csat>`);
  if (score !== undefined) el.score = score;
  await settle(el);
  return el;
}

function faces(el: HarkCsat): HTMLElement[] {
  return [...(el.shadowRoot as ShadowRoot).querySelectorAll<HTMLElement>('.face')];
}

/** What each point draws: its shapes' geometry. */
function drawing(face: HTMLElement): string {
  return [...face.querySelectorAll('path, circle')]
    .map((shape) => shape.getAttribute('d') ?? `circle ${shape.getAttribute('r')}`)
    .join(' ');
}

describe('<hark-csat> faces and stars are drawn, not emoji (no emoji font needed)', () => {
  for (const look of ['emoji', 'stars'] as const) {
    it(`the ${look} look draws each point as an SVG, hidden from the accessibility tree, names unchanged`, async () => {
      const el = await csat(look, 4);
      const shown = faces(el);
      expect(shown).toHaveLength(5);
      for (const face of shown) {
        expect(face.getAttribute('aria-hidden')).toBe('true');
        expect(face.querySelector('svg')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
        expect(face.textContent?.trim()).toBe('');
        const box = (face.querySelector('svg') as SVGSVGElement).getBoundingClientRect();
        expect(box.width).toBeGreaterThan(20);
        expect(box.height).toBeGreaterThan(20);
      }
      const scale = (el.shadowRoot as ShadowRoot).querySelector('.scale') as HTMLElement;
      expect(PICTOGRAPH.test(scale.textContent ?? '')).toBe(false);
      const radios = [...(el.shadowRoot as ShadowRoot).querySelectorAll('input[type="radio"]')];
      expect(radios.map((radio) => radio.getAttribute('aria-label'))).toEqual(NAMES);
      expect(await axeViolations(el)).toEqual([]);
    });
  }

  it('draws five different faces: 2 and 4 are not the same shape', async () => {
    const drawn = faces(await csat('emoji')).map(drawing);
    expect(drawn[1]).not.toBe(drawn[3]);
    expect(new Set(drawn).size).toBe(5);
  });

  it('fills the stars up to the chosen point', async () => {
    const el = await csat('stars', 3);
    const fills = faces(el).map((face) => face.querySelector('path')?.getAttribute('fill'));
    expect(fills).toEqual(['currentColor', 'currentColor', 'currentColor', 'none', 'none']);
  });

  for (const look of ['emoji', 'stars'] as const) {
    itWhere(engine.emulateMedia, NO_MEDIA_EMULATION)(
      `the ${look} look is drawn in the text colour, in forced colours (no colour of its own)`,
      async () => {
        await emulateMedia({ forcedColors: 'active' });
        const el = await csat(look, 2);
        expect(matchMedia('(forced-colors: active)').matches).toBe(true);
        for (const face of faces(el)) {
          const option = face.closest('.option') as HTMLElement;
          const color = getComputedStyle(option).color;
          const stroke = getComputedStyle(face.querySelector('path') as Element).stroke;
          // The system's text colour (or HighlightText on the checked point), never the background.
          expect(stroke).toBe(color);
          expect(stroke).not.toBe(getComputedStyle(option).backgroundColor);
        }
        expect(await axeViolations(el)).toEqual([]);
      },
    );
  }
});
