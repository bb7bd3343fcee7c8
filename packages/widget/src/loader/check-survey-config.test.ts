import { expect } from '../testing/expect.js';
import { describe, it } from '../testing/suite.js';
import { checkSurveyConfig } from './check-survey-config.js';
import { scrubPii } from './scrub-pii.js';
import { urlMatches } from './triggers.js';

describe('checkSurveyConfig', () => {
  it('accepts every trigger, targeting and variants', () => {
    expect(
      checkSurveyConfig({
        id: 's',
        kind: 'nps',
        presentation: 'inline',
        target: '#feedback',
        trigger: [
          { on: 'pageLoad' },
          { on: 'delay', seconds: 5 },
          { on: 'url', match: '/checkout/*' },
          { on: 'url', regex: '^https://' },
          { on: 'event', name: 'paid' },
          { on: 'scroll', percent: 50 },
          { on: 'timeOnPage', seconds: 30 },
          { on: 'exitIntent' },
          { on: 'manual' },
        ],
        targeting: {
          sampleRate: 25,
          locales: ['fr'],
          devices: ['desktop'],
          attributes: { plan: 'pro', seats: { gte: 5 }, tier: { in: ['a'] }, x: { not: 1 } },
        },
        variants: [{ id: 'a' }, { id: 'b', question: 'Q?' }],
      }),
    ).toEqual([]);
  });

  it('reports each problem with its path', () => {
    expect(
      checkSurveyConfig({
        presentation: 'inline',
        trigger: [
          { on: 'hover' },
          { on: 'delay', seconds: '5' },
          { on: 'url' },
          { on: 'url', regex: '(' },
          { on: 'event', name: '' },
          { on: 'scroll', percent: 150 },
          'pageLoad',
        ],
        targeting: {
          sampleRate: -1,
          locales: 'fr',
          devices: ['watch'],
          attributes: { plan: { gte: 'a' }, seats: [] },
          country: 'FR',
        },
        variants: [{ id: 'a' }, { id: 'a' }, { id: 'bad id' }],
      }),
    ).toEqual([
      {
        path: '/target',
        message: 'must be a CSS selector: an inline survey needs a place on the page',
      },
      {
        path: '/trigger/0/on',
        message:
          'must be one of "pageLoad", "delay", "url", "event", "scroll", "timeOnPage", "exitIntent", "manual"',
      },
      { path: '/trigger/1/seconds', message: 'must be a number of seconds from 0 to 86400' },
      { path: '/trigger/2', message: 'must have "match" (a glob) or "regex"' },
      { path: '/trigger/3/regex', message: 'is not a valid regular expression' },
      { path: '/trigger/4/name', message: 'must be a non-empty string' },
      { path: '/trigger/5/percent', message: 'must be a number from 0 to 100' },
      {
        path: '/trigger/6/on',
        message:
          'must be one of "pageLoad", "delay", "url", "event", "scroll", "timeOnPage", "exitIntent", "manual"',
      },
      { path: '/targeting/country', message: 'is not a known field' },
      { path: '/targeting/sampleRate', message: 'must be a number from 0 to 100' },
      { path: '/targeting/locales', message: 'must be an array of language tags' },
      { path: '/targeting/devices', message: 'must be an array of "mobile", "tablet", "desktop"' },
      {
        path: '/targeting/attributes/plan',
        message: 'must be a value, or { "in": [...] }, { "not": value }, { "gte": n, "lte": n }',
      },
      {
        path: '/targeting/attributes/seats',
        message: 'must be a value, or { "in": [...] }, { "not": value }, { "gte": n, "lte": n }',
      },
      { path: '/variants/1/id', message: 'repeats "a"' },
      {
        path: '/variants/2/id',
        message:
          'must be 1 to 64 letters, digits, "_", ".", ":" or "-", starting with a letter or digit',
      },
    ]);
  });

  it.each([null, [], 'nps'])('rejects %j as a whole', (value) => {
    expect(checkSurveyConfig(value)).toEqual([{ path: '', message: 'must be an object' }]);
  });
});

describe('scrubPii', () => {
  it.each([
    ['Mail me: jo.doe+shop@example.co.uk.', 'Mail me: [email].'],
    ['écrivez à zoé@exemple.fr', 'écrivez à [email]'],
    ['Call +44 20 7946 0958 today', 'Call [phone] today'],
    ['(555) 123-4567 or 555.123.4567', '[phone] or [phone]'],
    ['+33612345678', '[phone]'],
    ['Order 12345, 3 items, 2026-11-25, v1.2.3', 'Order 12345, 3 items, 2026-11-25, v1.2.3'],
    ['No PII here.', 'No PII here.'],
    ['Ruf an: 030/12345678', 'Ruf an: [phone]'],
    ['اتصل على ٠١٢٣٤٥٦٧٨٩', 'اتصل على [phone]'],
    ['Costs €1.250.000 and $1,234,567', 'Costs €1.250.000 and $1,234,567'],
    ['On 25.11.2026 at 2026-11-25 14:30', 'On 25.11.2026 at 2026-11-25 14:30'],
    ['Server 192.168.100.200 is down', 'Server 192.168.100.200 is down'],
    ['Card 4111 1111 1111 1111 stays', 'Card 4111 1111 1111 1111 stays'],
  ])('%j → %j', (input, output) => {
    expect(scrubPii(input)).toBe(output);
  });
});

describe('urlMatches', () => {
  const at = (path: string) => history.replaceState(null, '', path);
  it('matches globs on the path and regexes on the URL', () => {
    const here = location.pathname + location.search;
    at('/shop/checkout/done?x=1');
    expect(urlMatches({ match: '/shop/checkout/*' })).toBe(true);
    expect(urlMatches({ match: '/shop/*' })).toBe(false); // * stays within one segment
    expect(urlMatches({ match: '/shop/**' })).toBe(true);
    expect(urlMatches({ match: '/shop/checkout/don?' })).toBe(true);
    expect(urlMatches({ match: '/shop/checkout/done.html' })).toBe(false);
    expect(urlMatches({ match: `${location.origin}/shop/**` })).toBe(true);
    expect(urlMatches({ regex: 'x=1$' })).toBe(true);
    expect(urlMatches({ regex: '^/shop' })).toBe(false); // the full URL starts with the scheme
    at(here);
  });
});
