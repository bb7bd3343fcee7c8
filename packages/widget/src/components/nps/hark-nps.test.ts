import { runScaleSuite } from '../../testing/scale-suite.js';
import './hark-nps.js';

runScaleSuite({
  tag: 'hark-nps',
  kind: 'nps',
  min: 0,
  max: 10,
  // Each name starts with the number shown; the ends add the scale's labels (WCAG 2.5.3).
  names: [
    '0, Not at all likely',
    ...Array.from({ length: 9 }, (_, i) => String(i + 1)),
    '10, Extremely likely',
  ],
  question: 'How likely are you to recommend us to a friend or colleague?',
  ends: ['Not at all likely', 'Extremely likely'],
});
