import { runScaleSuite } from '../../testing/scale-suite.js';
import './hark-ces.js';

runScaleSuite({
  tag: 'hark-ces',
  kind: 'ces',
  min: 1,
  max: 7,
  // Each name starts with the number shown; the ends add the scale's labels (WCAG 2.5.3).
  names: ['1, Very difficult', '2', '3', '4', '5', '6', '7, Very easy'],
  question: 'How easy was it to get what you needed today?',
  ends: ['Very difficult', 'Very easy'],
});
