import { runScaleSuite } from '../../testing/scale-suite.js';
import './hark-csat.js';

runScaleSuite({
  tag: 'hark-csat',
  kind: 'csat',
  min: 1,
  max: 5,
  // The number shown, then the words: "click 2" works (WCAG 2.5.3), and 1 and 5 say their
  // words once, though they are also the scale's end labels.
  names: [
    '1, Very dissatisfied',
    '2, Dissatisfied',
    '3, Neither satisfied nor dissatisfied',
    '4, Satisfied',
    '5, Very satisfied',
  ],
  question: 'How satisfied are you with your experience?',
  ends: ['Very dissatisfied', 'Very satisfied'],
});
