import { collectorUrl } from '../testing/collector.js';
import { expect } from '../testing/expect.js';
import { describe, it } from '../testing/suite.js';
import { pageUrlOf } from './page-url.js';
import { uuidv7 } from './uuidv7.js';

const COLLECTOR = collectorUrl();

/** The status the real collector answers to one answer from this page address. */
async function statusFor(pageUrl: string): Promise<number> {
  const answer = {
    id: uuidv7(),
    surveyId: 'page-url',
    kind: 'nps',
    score: 9,
    locale: 'en',
    pageUrl,
    answeredAt: new Date().toISOString(),
    sdk: { name: '@hark/widget', version: '0.1.0' },
  };
  const response = await fetch(`${COLLECTOR}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: 1, responses: [answer] }),
  });
  return response.status;
}

describe('pageUrlOf', () => {
  it('keeps an ordinary address as it is', () => {
    expect(pageUrlOf('https://shop.example/cart?step=2#pay')).toBe(
      'https://shop.example/cart?step=2#pay',
    );
  });

  it('never sends the user name and password an address may carry', () => {
    expect(pageUrlOf('https://ann:s3cret@shop.example/cart')).toBe('https://shop.example/cart');
  });

  it('drops the fragment, then the query, before cutting the path', () => {
    const path = 'https://shop.example/p';
    expect(pageUrlOf(`${path}?q=1#${'h'.repeat(3000)}`)).toBe(`${path}?q=1`);
    expect(pageUrlOf(`${path}?${'q'.repeat(3000)}#h`)).toBe(path);
  });

  it('cuts a long path outside any percent-escape, and the collector takes the answer', async () => {
    // é is %C3%A9: for two of every three lengths, a plain cut at 2,048 ends inside an escape.
    for (let pad = 0; pad < 3; pad++) {
      const href = `https://shop.example/${'a'.repeat(pad)}${'é'.repeat(700)}`;
      const url = pageUrlOf(href);
      expect(url.length).toBeLessThanOrEqual(2048);
      expect(url).not.toMatch(/%[0-9A-F]?$/i);
      expect(await statusFor(url)).toBe(202);
    }
  });
});
