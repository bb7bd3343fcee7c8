/**
 * Benchmark input: complete, valid v1 answers (every optional field present) with realistic,
 * varied values and fresh ids. Shared by the validation benchmark and the load generator.
 */
import { randomBytes } from 'node:crypto';

const SURVEYS = [
  ['checkout-nps', 'nps'],
  ['onboarding-csat', 'csat'],
  ['support:ticket-closed', 'ces'],
  ['pricing.page-nps', 'nps'],
  ['delivery-csat', 'csat'],
];
const SCORES = { nps: 11, csat: 5, ces: 7 };
const SCORE_MIN = { nps: 0, csat: 1, ces: 1 };
const LOCALES = ['en-GB', 'fr-FR', 'de', 'pt-BR', 'zh-Hant-TW', 'ja-JP', 'es-419', 'en-US'];
const COMMENTS = [
  'Quick and clear.',
  'The checkout asked for my address twice, otherwise fine.',
  'Très bien, merci ! La livraison était rapide.',
  '配送が速くて助かりました。',
  'Could not find the invoice download link 😕 — had to ask support.',
  'Great prices, but the size guide is confusing.\nPlease add measurements in cm.',
  'Alles super, gerne wieder.',
  'Support answered within minutes 👍',
];
const PAGES = [
  'https://shop.example/checkout/done?order=',
  'https://www.shop.example/fr/commande/confirmation?id=',
  'https://app.example.com/onboarding/step-3?ref=email&utm_campaign=welcome&n=',
  'https://help.example.org/tickets/',
];
const VARIANTS = ['a', 'b', 'control', 'short-copy'];
const PLANS = ['free', 'pro', 'team', 'enterprise'];
const DEVICES = ['desktop', 'mobile', 'tablet'];
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/**
 * Lowercase UUIDv7-shaped ids, unique across processes and runs: the millisecond the generator
 * was created, 24 random bits, then a 48-bit counter.
 */
export function idGenerator() {
  const ms = Date.now().toString(16).padStart(12, '0');
  const rnd = randomBytes(3).toString('hex');
  const prefix = `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${rnd.slice(0, 3)}-${'89ab'[rnd.charCodeAt(3) % 4]}${rnd.slice(3, 6)}-`;
  let counter = 0;
  return () => {
    counter += 1;
    return prefix + counter.toString(16).padStart(12, '0');
  };
}

/** A small deterministic PRNG, so every run validates the same mix of values. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Returns `make(i)`: the i-th complete, valid answer, as a plain object. `now` is the collector's
 * clock: answers are dated in the two days before it.
 */
export function responseFactory({ now, seed = 1, nextId = idGenerator() }) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  return (i) => {
    const [surveyId, kind] = SURVEYS[i % SURVEYS.length];
    const answeredMs = now - Math.floor(random() * 2 * 86_400_000);
    let visitorId = 'v_';
    for (let k = 0; k < 16; k++) visitorId += ID_ALPHABET[Math.floor(random() * 64)];
    return {
      id: nextId(),
      surveyId,
      kind,
      score: SCORE_MIN[kind] + Math.floor(random() * SCORES[kind]),
      comment: pick(COMMENTS),
      locale: pick(LOCALES),
      pageUrl: pick(PAGES) + (10_000 + Math.floor(random() * 90_000)),
      answeredAt:
        i % 4 === 0
          ? // A visitor's local time with an offset, as some SDKs send it.
            `${new Date(answeredMs + 3_600_000).toISOString().slice(0, 19)}+01:00`
          : new Date(answeredMs).toISOString(),
      variant: pick(VARIANTS),
      visitorId,
      metadata: {
        plan: pick(PLANS),
        release: '2026.11.2',
        device: pick(DEVICES),
        cart_value: String(Math.floor(random() * 50_000) / 100),
      },
      sdk: { name: '@hark/widget', version: '0.1.0' },
    };
  };
}

/** A submission body of `count` answers starting at index `first`. */
export function submissionOf(make, first, count) {
  const responses = [];
  for (let i = 0; i < count; i++) responses.push(make(first + i));
  return { protocol: 1, responses };
}
